import type { LoadedGuide } from '../guide/load.js';
import type { AppLogger } from '../logging.js';

/** What every listener needs besides Bolt's arguments: the guide and the logger. */
export interface ListenerDeps {
  loaded: LoadedGuide;
  logger: AppLogger;
}
