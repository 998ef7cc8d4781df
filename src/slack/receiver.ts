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
import { isLoggableCode, ownErrorCode } from './errors.js';
import { DEFAULT_LIMITS, HardenedReceiver } from './hardened-receiver.js';
import { SocketStatus } from './socket-status.js';

/** One apps.connections.open attempt may take this long. */
const SOCKET_OPEN_TIMEOUT_MS = 10_000;

/**
 * Opening the socket: 10 attempts, 1 s growing to 30 s apart (the socket client's default is ~100 tries with no
 * ceiling, in practice for ever, silently). Each failed attempt is logged with its reason by `onFailedAttempt`
 * (p-retry's hook, which web-api's RetryOptions type does not declare: hence the plain object).
 */
function socketRetryConfig(onFailedAttempt: (error: unknown) => void) {
  return { retries: 10, factor: 1.6, minTimeout: 1_000, maxTimeout: 30_000, onFailedAttempt };
}

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

/**
 * The same for an event over the socket. Bolt's default logs the error's text (which can quote the payload); this
 * logs the code only. True acks the envelope (an authorization failure will not get better on a retry); false
 * leaves it unacked so Slack retries, as Bolt's default does.
 */
export function socketEventErrorHandler(logger: AppLogger) {
  return async ({ error }: { error: unknown }) => {
    const code = ownErrorCode(error);
    logger.event(LogLevel.ERROR, 'request_failed', { code: isLoggableCode(code) ? code : 'unexpected' });
    return code === ErrorCode.AuthorizationError;
  };
}

/** Socket Mode when an app token is set (health routes on PORT), else HTTP on PORT at /slack/events. */
export function createReceiver(
  config: Config,
  logger: AppLogger,
  customRoutes: CustomRoute[],
  onSocket?: (status: SocketStatus) => void,
): Receiver {
  if (config.mode === 'socket') {
    let status: SocketStatus | undefined;
    const receiver = new SocketModeReceiver({
      appToken: config.appToken ?? '',
      logger,
      customRoutes,
      processEventErrorHandler: socketEventErrorHandler(logger),
      installerOptions: {
        port: config.port,
        // What Bolt hands the socket client's own WebClient, so apps.connections.open follows SLACK_API_URL. A fresh
        // object: the socket client writes into it, and a `headers` key here would replace its app-token header.
        clientOptions: {
          slackApiUrl: config.slackApiUrl,
          timeout: SOCKET_OPEN_TIMEOUT_MS,
          retryConfig: socketRetryConfig((error) => status?.failed(error)),
        },
      },
    });
    status = new SocketStatus(receiver.client, (event, fields) =>
      logger.event(event === 'socket_failed' ? LogLevel.WARN : LogLevel.INFO, event, fields),
    );
    onSocket?.(status);
    return receiver;
  }
  return new HardenedReceiver({
    signingSecret: config.signingSecret ?? '',
    customRoutes,
    logger,
    processEventErrorHandler: processEventErrorHandler(logger),
  });
}
