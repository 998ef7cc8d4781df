import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { setOutcome } from '../../slack/outcome.js';
import { buildHomeView } from '../../views/home.js';
import type { ListenerDeps } from '../deps.js';

/** Publish the App Home tab when a person opens it. Publishing the same view twice is harmless. */
export function appHomeOpened(deps: ListenerDeps) {
  const view = buildHomeView(deps.loaded);
  return async ({ event, client, context }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_home_opened'>) => {
    if (event.tab !== 'home') {
      setOutcome(context, { kind: 'ignored_tab' });
      return;
    }
    await client.views.publish({ user_id: event.user, view });
  };
}
