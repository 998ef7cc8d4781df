import {
  type CustomRoute,
  ErrorCode,
  LogLevel,
  type Receiver,
  type ReceiverProcessEventErrorHandlerArgs,
  SocketModeReceiver,
} from '@slack/bolt';
import type { Config } from '../config.js';
import type { AppLogger } from '../logging.js';
import { DEFAULT_LIMITS, HardenedReceiver } from './hardened-receiver.js';

/** The largest request body read (sized in hardened-receiver.ts and docs/OPERATIONS.md). */
export const BODY_LIMIT_BYTES = DEFAULT_LIMITS.bodyLimitBytes;

/**
 * A payload Bolt itself trips over fails before any listener runs. The answer is a 500 (401 for an authorization
 * failure), logged by code only: Bolt's own handler logs the error's text, which can quote the payload.
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
  return new HardenedReceiver({
    signingSecret: config.signingSecret ?? '',
    customRoutes,
    logger,
    processEventErrorHandler: processEventErrorHandler(logger),
  });
}
