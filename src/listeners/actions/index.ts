import type { App, BlockButtonAction } from '@slack/bolt';
import { ACTIONS, actionPattern } from '../../views/ids.js';
import type { ListenerDeps } from '../deps.js';
import { openOffer } from './open-offer.js';
import { showMath } from './show-math.js';
import { showRegion } from './show-region.js';

export function register(app: App, deps: ListenerDeps): void {
  app.action<BlockButtonAction>(actionPattern(ACTIONS.showRegion), showRegion(deps));
  app.action<BlockButtonAction>(actionPattern(ACTIONS.showMath), showMath(deps));
  app.action<BlockButtonAction>(ACTIONS.openOffer, openOffer(deps));
}
