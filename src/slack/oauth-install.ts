import type { CustomRoute } from '@slack/bolt';
import { type CallbackOptions, InstallProvider } from '@slack/oauth';
import type { OAuthSettings } from '../config.js';
import type { AppLogger } from '../logging.js';
import type { Store } from '../store/store.js';
import { BOT_SCOPES } from './scopes.js';

/** Where the install starts and where Slack sends the browser back (the distribution manifest's redirect URL). */
export const INSTALL_PATH = '/slack/install';
export const REDIRECT_PATH = '/slack/oauth_redirect';

export interface OAuthInstall {
  /** GET /slack/install ("Add to Slack") and GET /slack/oauth_redirect, served by the receiver. */
  routes: CustomRoute[];
  /** Bolt's `authorize`: each request's workspace (or org) token, from the store. */
  authorize: InstallProvider['authorize'];
}

/**
 * The OAuth v2 install with Slack's own installer (@slack/oauth's InstallProvider, what Bolt uses inside its
 * HTTPReceiver; the hardened receiver serves its two routes). The state is signed with SLACK_STATE_SECRET and
 * checked against a cookie, so it needs nothing shared between replicas; installations go to the store.
 */
export function createOAuthInstall(args: {
  oauth: OAuthSettings;
  store: Store;
  slackApiUrl?: string;
  pages: CallbackOptions;
  logger: AppLogger;
}): OAuthInstall {
  const { oauth, store, slackApiUrl } = args;
  const installer = new InstallProvider({
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    stateSecret: oauth.stateSecret,
    installationStore: store,
    directInstall: false,
    logger: args.logger,
    // oauth.v2.access goes to SLACK_API_URL too (GovSlack, tests); the browser to the same Slack's authorize page.
    ...(slackApiUrl
      ? {
          clientOptions: { slackApiUrl },
          authorizationUrl: new URL('../oauth/v2/authorize', slackApiUrl).toString(),
        }
      : {}),
  });
  const installOptions = { scopes: [...BOT_SCOPES] };
  return {
    authorize: (source) => installer.authorize(source),
    routes: [
      {
        path: INSTALL_PATH,
        method: ['GET'],
        handler: (req, res) => installer.handleInstallPath(req, res, {}, installOptions),
      },
      {
        path: REDIRECT_PATH,
        method: ['GET'],
        handler: (req, res) => installer.handleCallback(req, res, args.pages, installOptions),
      },
    ],
  };
}
