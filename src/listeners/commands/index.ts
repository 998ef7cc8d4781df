import type { App } from '@slack/bolt';
import { COMMAND } from '../../views/ids.js';
import type { ListenerDeps } from '../deps.js';
import { allycompCommand } from './allycomp.js';

export function register(app: App, deps: ListenerDeps): void {
  app.command(COMMAND, allycompCommand(deps));
}
