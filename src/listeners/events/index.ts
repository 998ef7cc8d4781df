import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';
import { appHomeOpened } from './app-home-opened.js';
import { directMessage } from './direct-message.js';
import { appUninstalled, tokensRevoked } from './uninstall.js';

export function register(app: App, deps: ListenerDeps): void {
  app.event('app_home_opened', appHomeOpened(deps));
  app.event('message', directMessage(deps));
  app.event('app_uninstalled', appUninstalled(deps));
  app.event('tokens_revoked', tokensRevoked(deps));
}
