import type { LoadedGuide } from '../guide/load.js';
import type { AppLogger } from '../logging.js';
import type { DeliveryServices } from '../slack/delivery.js';
import type { Store } from '../store/store.js';

/** What every listener needs besides Bolt's arguments: the guide, the logger, the store and the delivery queue. */
export interface ListenerDeps {
  loaded: LoadedGuide;
  logger: AppLogger;
  /** Prep-card updates (withCard) and what each workspace stored (forgotten on uninstall). */
  store: Store;
  /** The public answers' per-channel queue and the shared chart. */
  delivery: DeliveryServices;
}
