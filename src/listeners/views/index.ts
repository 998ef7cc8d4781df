import type { App } from '@slack/bolt';
import { CALLBACKS } from '../../views/ids.js';
import type { ListenerDeps } from '../deps.js';
import { offerSubmitted } from './offer-submitted.js';

export function register(app: App, deps: ListenerDeps): void {
  app.view(CALLBACKS.offerModal, offerSubmitted(deps));
}
