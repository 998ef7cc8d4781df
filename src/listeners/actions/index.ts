import type { App, BlockButtonAction } from '@slack/bolt';
import { ACTIONS, actionPattern, COACH_ACTIONS } from '../../views/ids.js';
import type { ListenerDeps } from '../deps.js';
import { rehearseLever, tickStep } from './coach-card.js';
import { answerConsent } from './coach-consent.js';
import { confirmOffer } from './confirm-offer.js';
import { openOffer } from './open-offer.js';
import { retryOffer } from './retry-offer.js';
import { showMath } from './show-math.js';
import { showRegion } from './show-region.js';

export function register(app: App, deps: ListenerDeps): void {
  app.action<BlockButtonAction>(actionPattern(ACTIONS.showRegion), showRegion(deps));
  app.action<BlockButtonAction>(actionPattern(ACTIONS.showMath), showMath(deps));
  app.action<BlockButtonAction>(ACTIONS.openOffer, openOffer(deps));
  app.action<BlockButtonAction>(ACTIONS.retryOffer, retryOffer(deps));
  app.action<BlockButtonAction>(actionPattern(ACTIONS.confirmOffer), confirmOffer(deps));
  app.action<BlockButtonAction>(actionPattern(COACH_ACTIONS.tick), tickStep(deps));
  app.action<BlockButtonAction>(actionPattern(COACH_ACTIONS.untick), tickStep(deps));
  app.action<BlockButtonAction>(actionPattern(COACH_ACTIONS.rehearse), rehearseLever(deps));
  app.action<BlockButtonAction>(COACH_ACTIONS.accept, answerConsent(deps, true));
  app.action<BlockButtonAction>(COACH_ACTIONS.decline, answerConsent(deps, false));
}
