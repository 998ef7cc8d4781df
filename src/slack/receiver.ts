import {
  type CustomRoute,
  ErrorCode,
  HTTPReceiver,
  LogLevel,
  type Receiver,
  type ReceiverProcessEventErrorHandlerArgs,
  SocketModeReceiver,
} from '@slack/bolt';
import type { Config } from '../config.js';
import type { AppLogger } from '../logging.js';

/**
 * The largest request body the receiver reads (it buffers the body before checking the signature). Slack's own
 * payloads must fit: a message shortcut carries the whole message, whose 40,000 characters of text come twice (text
 * and rich_text blocks) and then form-encoded, about 100 KB; so 1 MiB, well under Bolt's 4 MB default.
 */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * A payload Bolt itself trips over (a missing user, an event that is not an object) fails before any listener
 * runs. Bolt's default answer is right (500), but it also logs the error's text at debug level, which can quote
 * the payload, and leaves its 3-second "not acknowledged" timer running to log a second, misleading error.
 */
function processEventErrorHandler(logger: AppLogger) {
  return async ({ error, response }: ReceiverProcessEventErrorHandlerArgs) => {
    const code = (error as { code?: unknown }).code;
    logger.event(LogLevel.ERROR, 'request_failed', { code: typeof code === 'string' ? code : 'unexpected' });
    if (!response.headersSent) {
      response.writeHead(code === ErrorCode.AuthorizationError ? 401 : 500);
      response.end();
    }
    return true;
  };
}

/** Socket Mode when an app token is set (health routes on PORT), else HTTP on PORT at /slack/events. */
export function createReceiver(config: Config, logger: AppLogger, customRoutes: CustomRoute[]): Receiver {
  if (config.mode === 'socket') {
    return new SocketModeReceiver({
      appToken: config.appToken ?? '',
      logger,
      customRoutes,
      installerOptions: { port: config.port },
    });
  }
  return new HTTPReceiver({
    signingSecret: config.signingSecret ?? '',
    endpoints: '/slack/events',
    customRoutes,
    logger,
    bodyLimit: BODY_LIMIT_BYTES,
    processBeforeResponse: false,
    processEventErrorHandler: processEventErrorHandler(logger),
  });
}
