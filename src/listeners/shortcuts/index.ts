import type { App, GlobalShortcut, MessageShortcut } from '@slack/bolt';
import { CALLBACKS } from '../../views/ids.js';
import type { ListenerDeps } from '../deps.js';
import { coachOffer } from './coach-offer.js';
import { prepNegotiation } from './prep-negotiation.js';

export function register(app: App, deps: ListenerDeps): void {
  app.shortcut<GlobalShortcut>({ type: 'shortcut', callback_id: CALLBACKS.prepShortcut }, prepNegotiation(deps));
  app.shortcut<MessageShortcut>({ type: 'message_action', callback_id: CALLBACKS.coachShortcut }, coachOffer(deps));
}
