import { realpathSync } from 'node:fs';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import {
  App,
  ErrorCode,
  HTTPReceiver,
  LogLevel,
  type ReceiverProcessEventErrorHandlerArgs,
  SocketModeReceiver,
} from '@slack/bolt';
import { getTypeAndConversation } from '@slack/bolt/dist/helpers.js';
import type { CustomRoute } from '@slack/bolt/dist/receivers/custom-routes.js';
import { type Config, ConfigError, readConfig } from './config.js';
import { GuideFileError, type LoadedGuide, loadGuide } from './guide/load.js';
import { registerListeners } from './listeners/index.js';
import { AppLogger } from './logging.js';
import {
  answerUnknown,
  describeRequest,
  dropDuplicates,
  type RequestTracker,
  requestLog,
  TOKEN_ERRORS,
} from './middleware/middleware.js';
import { slackErrorCode } from './slack/delivery.js';
import { INTERACTIVE_POLICY, rateLimitedFetch } from './slack/rate-limited-fetch.js';
import { VERSION } from './version.js';

export interface AllycompApp {
  app: App;
  logger: AppLogger;
  /** Starts listening; resolves with the HTTP port (HTTP mode, or Socket Mode's health server). */
  start(): Promise<{ port?: number }>;
  /** Stops taking requests, then waits (up to `graceMs`) for handlers still running after their ack. */
  stop(graceMs?: number): Promise<{ unfinished: number }>;
  /** Whether Slack still accepts the token (`/readyz`). */
  readiness(): Readiness;
}

export interface Readiness {
  ready: boolean;
  auth: 'unchecked' | 'ok' | 'rejected';
  /** The Web API error that rejected the token, e.g. token_revoked. */
  reason?: string;
}

export const DEFAULT_STOP_GRACE_MS = 10_000;

export interface CreateAppOptions {
  logger?: AppLogger;
  /** Tests pass the bot's ids to skip the auth.test call Bolt otherwise makes at start. */
  botId?: string;
  botUserId?: string;
  /** Web API timeout per attempt; tests and the bench shorten it. Default {@link WEB_API_TIMEOUT_MS}. */
  webApiTimeoutMs?: number;
}

/** How long one Web API attempt may take before it is abandoned (and retried, within `retryConfig`). */
export const WEB_API_TIMEOUT_MS = 5_000;

/**
 * The largest request body the receiver reads (it buffers the body before checking the signature). Slack's own
 * payloads must fit: a message shortcut carries the whole message, whose 40,000 characters of text come twice (text
 * and rich_text blocks) and then form-encoded, about 100 KB; so 1 MiB, well under Bolt's 4 MB default.
 */
export const BODY_LIMIT_BYTES = 1024 * 1024;

export function createApp(config: Config, loaded: LoadedGuide, options: CreateAppOptions = {}): AllycompApp {
  const logger = options.logger ?? new AppLogger(config.logLevel);
  const knownBot = Boolean(options.botId && options.botUserId);
  let readiness: Readiness = knownBot ? { ready: true, auth: 'ok' } : { ready: false, auth: 'unchecked' };
  const tracker: RequestTracker = {
    inFlight: 0,
    onTokenError(code) {
      if (readiness.auth === 'rejected') return;
      readiness = { ready: false, auth: 'rejected', reason: code };
      // Logged once: every later request would fail the same way until the token is replaced.
      logger.event(LogLevel.ERROR, 'token_rejected', {
        code,
        action: 'replace SLACK_BOT_TOKEN (OAuth & Permissions → Bot User OAuth Token) and restart',
      });
    },
  };
  const json = (res: import('node:http').ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };
  const health: CustomRoute = {
    path: '/healthz',
    method: ['GET'],
    handler: (_req, res) =>
      json(res, 200, {
        status: readiness.auth === 'rejected' ? 'degraded' : 'ok',
        version: VERSION,
        mode: config.mode,
        guide: loaded.guide.id,
        auth: readiness.auth,
        ...(readiness.reason ? { reason: readiness.reason } : {}),
      }),
  };
  const ready: CustomRoute = {
    path: '/readyz',
    method: ['GET'],
    handler: (_req, res) => json(res, readiness.ready ? 200 : 503, readiness),
  };
  // A payload Bolt itself trips over (a missing user, an event that is not an object) fails before any listener
  // runs. Bolt's default answer is right (500), but it also logs the error's text at debug level, which can quote
  // the payload, and leaves its 3-second "not acknowledged" timer running to log a second, misleading error.
  const processEventErrorHandler = async ({ error, response }: ReceiverProcessEventErrorHandlerArgs) => {
    const code = (error as { code?: unknown }).code;
    logger.event(LogLevel.ERROR, 'request_failed', { code: typeof code === 'string' ? code : 'unexpected' });
    if (!response.headersSent) {
      response.writeHead(code === ErrorCode.AuthorizationError ? 401 : 500);
      response.end();
    }
    return true;
  };
  const receiver =
    config.mode === 'socket'
      ? new SocketModeReceiver({
          appToken: config.appToken ?? '',
          logger,
          customRoutes: [health, ready],
          installerOptions: { port: config.port },
        })
      : new HTTPReceiver({
          signingSecret: config.signingSecret ?? '',
          endpoints: '/slack/events',
          customRoutes: [health, ready],
          logger,
          bodyLimit: BODY_LIMIT_BYTES,
          processBeforeResponse: false,
          processEventErrorHandler,
        });
  const app = new App({
    token: config.botToken,
    receiver,
    logger,
    logLevel: config.logLevel as LogLevel,
    developerMode: config.developerMode,
    // Without the bot's ids Bolt checks the token with auth.test. Deferred, that check runs inside start(), so a bad
    // token or no route to Slack fails the start with one clear line; otherwise Bolt would fire it from the
    // constructor and an unreachable Slack would crash the running process later with an unhandled rejection.
    ...(knownBot ? { botId: options.botId, botUserId: options.botUserId } : { deferInitialization: true }),
    clientOptions: {
      slackApiUrl: config.slackApiUrl,
      // Interactive paths must not wait minutes: a short timeout and a short retry policy.
      timeout: options.webApiTimeoutMs ?? WEB_API_TIMEOUT_MS,
      retryConfig: { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 1_000 },
      // 429s are retried per call by rateLimitedFetch; the client's own handling pauses every call.
      rejectRateLimitedCalls: true,
      fetch: rateLimitedFetch(INTERACTIVE_POLICY),
      logger: logger.child('web-api'),
    },
  });
  // Every request is acknowledged, so Slack never waits 3 seconds for a 404: Bolt drops a payload whose kind it
  // cannot tell (no command, actions, event, view or shortcut) without acknowledging it, and one no listener matches
  // (a shortcut or view type allycomp does not handle) or whose listener fails before its ack would wait too.
  // requestLog acks through `context.ackIfNobodyDid` as soon as handling ends; this is the net under it.
  const processEvent = app.processEvent.bind(app);
  app.processEvent = async (event) => {
    let acked = false;
    const ack: typeof event.ack = async (response) => {
      acked = true;
      await event.ack(response);
    };
    const ackIfNobodyDid = async (): Promise<boolean> => {
      if (acked) return false;
      await ack().catch(() => undefined);
      return true;
    };
    if (getTypeAndConversation(event.body).type === undefined) {
      await ackIfNobodyDid();
      logger.request({ ...describeRequest(event.body as Record<string, unknown>), outcome: 'unroutable', ms: 0 });
      return;
    }
    // If Bolt itself throws (a payload it trips over), the receiver's processEventErrorHandler answers instead.
    await processEvent({ ...event, ack, customProperties: { ...event.customProperties, ackIfNobodyDid } });
    await ackIfNobodyDid();
  };
  app.use(requestLog(logger, tracker));
  app.use(dropDuplicates());
  app.use(answerUnknown());
  registerListeners(app, { loaded, logger });
  app.error(async (error) => {
    const code = slackErrorCode(error) ?? (error as { code?: string }).code;
    if (code && TOKEN_ERRORS.has(code)) tracker.onTokenError(code);
    logger.event(LogLevel.ERROR, 'handler_failed', { code: code ?? 'unexpected' });
  });

  let server: Server | undefined;
  return {
    app,
    logger,
    readiness: () => readiness,
    async start() {
      if (!knownBot) {
        try {
          await app.init();
          readiness = { ready: true, auth: 'ok' };
        } catch (error) {
          const code = slackErrorCode(error);
          if (code && TOKEN_ERRORS.has(code)) tracker.onTokenError(code);
          throw error;
        }
      }
      if (config.mode === 'socket') {
        await app.start();
        return { port: config.port };
      }
      server = (await app.start(config.port)) as Server;
      const address = server.address();
      return { port: typeof address === 'object' && address ? address.port : config.port };
    },
    async stop(graceMs = DEFAULT_STOP_GRACE_MS) {
      await app.stop();
      const deadline = Date.now() + graceMs;
      while (tracker.inFlight > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      return { unfinished: tracker.inFlight };
    },
  };
}

/** Why the start failed, in one line that says what to fix: never a stack trace. */
export function describeStartFailure(error: unknown, config: Pick<Config, 'mode' | 'port' | 'slackApiUrl'>): string {
  const code = slackErrorCode(error);
  const cause = (error as { original?: { cause?: { code?: unknown } } } | undefined)?.original?.cause?.code;
  if (code && TOKEN_ERRORS.has(code)) {
    return `allycomp cannot start: Slack rejected the token (${code}). Check SLACK_BOT_TOKEN${config.mode === 'socket' ? ' and SLACK_APP_TOKEN' : ''}: api.slack.com/apps → your app → OAuth & Permissions → "Bot User OAuth Token".`;
  }
  if (code === 'slack_webapi_request_error') {
    const api = config.slackApiUrl ?? 'https://slack.com/api/';
    return `allycomp cannot start: could not reach Slack's Web API at ${api} to check the token (${typeof cause === 'string' ? cause : 'request failed'}). Check the network, or SLACK_API_URL.`;
  }
  if (code === 'EADDRINUSE' || code === 'EACCES') {
    return `allycomp cannot start: cannot listen on port ${config.port} (${code}). Set PORT to a free port.`;
  }
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return `allycomp cannot start: ${message}${code ? ` (${code})` : ''}`;
}

/** `npm start`: read config and guide, start, and stop cleanly on SIGTERM/SIGINT. */
export async function main(): Promise<number> {
  const { config: loadDotenv } = await import('dotenv');
  loadDotenv({ quiet: true });
  let config: Config;
  let loaded: LoadedGuide;
  try {
    config = readConfig();
    loaded = loadGuide(config.guidePath);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof GuideFileError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const allycomp = createApp(config, loaded);
  let port: number | undefined;
  try {
    ({ port } = await allycomp.start());
  } catch (error) {
    process.stderr.write(`${describeStartFailure(error, config)}\n`);
    return 1;
  }
  allycomp.logger.event(LogLevel.INFO, 'started', { mode: config.mode, port, version: VERSION });
  // A rejection or exception nobody handled is logged (by code only) and the process keeps serving.
  process.on('unhandledRejection', (reason) => {
    allycomp.logger.event(LogLevel.ERROR, 'unhandled_rejection', { code: slackErrorCode(reason) ?? 'unexpected' });
  });
  const shutdown = async (signal: string) => {
    allycomp.logger.event(LogLevel.INFO, 'stopping', { signal });
    const { unfinished } = await allycomp.stop(DEFAULT_STOP_GRACE_MS);
    allycomp.logger.event(LogLevel.INFO, 'stopped', { unfinished });
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  return 0;
}

/** True when this file is the program being run (`node dist/src/app.js`, `tsx src/app.ts`), also via a symlink. */
function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  main().then(
    (code) => {
      if (code !== 0) process.exit(code);
    },
    (error: unknown) => {
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      process.stderr.write(`allycomp cannot start: ${message}\n`);
      process.exit(1);
    },
  );
}
