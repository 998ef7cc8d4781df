import { realpathSync } from 'node:fs';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { type AnyMiddlewareArgs, App, HTTPReceiver, LogLevel, type Middleware, SocketModeReceiver } from '@slack/bolt';
import type { CustomRoute } from '@slack/bolt/dist/receivers/custom-routes.js';
import { type Config, ConfigError, readConfig } from './config.js';
import { GuideFileError, type LoadedGuide, loadGuide } from './guide/load.js';
import { slackErrorCode } from './listeners/delivery.js';
import { registerListeners } from './listeners/index.js';
import { AppLogger, type RequestLogLine } from './logging.js';
import { VERSION } from './version.js';

export interface AllycompApp {
  app: App;
  logger: AppLogger;
  /** Starts listening; resolves with the HTTP port (HTTP mode, or Socket Mode's health server). */
  start(): Promise<{ port?: number }>;
  stop(): Promise<void>;
}

export interface CreateAppOptions {
  logger?: AppLogger;
  /** Tests pass the bot's ids to skip the auth.test call Bolt otherwise makes at start. */
  botId?: string;
  botUserId?: string;
}

/**
 * The largest request body the receiver reads (it buffers the body before checking the signature). Slack's own
 * payloads must fit: a message shortcut carries the whole message, whose 40,000 characters of text come twice (text
 * and rich_text blocks) and then form-encoded, about 100 KB; so 1 MiB, well under Bolt's 4 MB default.
 */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** What was asked, by id only: the command name, action id, callback id or event type. */
export function describeRequest(body: Record<string, unknown>): Pick<RequestLogLine, 'kind' | 'id'> {
  if (typeof body.command === 'string') return { kind: 'command', id: body.command };
  const type = body.type;
  if (type === 'block_actions') {
    const action = (body.actions as Array<{ action_id?: string }> | undefined)?.[0];
    return { kind: 'action', id: String(action?.action_id ?? 'unknown').split(':')[0] ?? 'unknown' };
  }
  if (type === 'view_submission' || type === 'view_closed') {
    return { kind: 'view', id: String((body.view as { callback_id?: string } | undefined)?.callback_id ?? 'unknown') };
  }
  if (type === 'shortcut' || type === 'message_action')
    return { kind: 'shortcut', id: String(body.callback_id ?? 'unknown') };
  if (type === 'event_callback')
    return { kind: 'event', id: String((body.event as { type?: string } | undefined)?.type ?? 'unknown') };
  return { kind: 'other', id: String(type ?? 'unknown') };
}

function requestLog(logger: AppLogger): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next, context }) => {
    const started = performance.now();
    const described = describeRequest(body as Record<string, unknown>);
    const retry = typeof context.retryNum === 'number' ? context.retryNum : undefined;
    try {
      await next();
      const outcome = typeof context.outcome === 'string' ? context.outcome : 'ok';
      logger.request({
        ...described,
        outcome,
        ms: Math.round(performance.now() - started),
        ...(retry ? { retry } : {}),
      });
    } catch (error) {
      const code =
        (error as { code?: string; data?: { error?: string } }).data?.error ?? (error as { code?: string }).code;
      logger.request({
        ...described,
        outcome: `error:${code ?? 'unexpected'}`,
        ms: Math.round(performance.now() - started),
      });
      throw error;
    }
  };
}

export function createApp(config: Config, loaded: LoadedGuide, options: CreateAppOptions = {}): AllycompApp {
  const logger = options.logger ?? new AppLogger(config.logLevel);
  const health: CustomRoute = {
    path: '/healthz',
    method: ['GET'],
    handler: (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 'ok', version: VERSION, mode: config.mode, guide: loaded.guide.id }));
    },
  };
  const knownBot = Boolean(options.botId && options.botUserId);
  const receiver =
    config.mode === 'socket'
      ? new SocketModeReceiver({
          appToken: config.appToken ?? '',
          logger,
          customRoutes: [health],
          installerOptions: { port: config.port },
        })
      : new HTTPReceiver({
          signingSecret: config.signingSecret ?? '',
          endpoints: '/slack/events',
          customRoutes: [health],
          logger,
          bodyLimit: BODY_LIMIT_BYTES,
          processBeforeResponse: false,
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
      timeout: 5_000,
      retryConfig: { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 1_000 },
      logger: logger.child('web-api'),
    },
  });
  app.use(requestLog(logger));
  registerListeners(app, { loaded, logger });
  app.error(async (error) => {
    logger.event(LogLevel.ERROR, 'handler_failed', { code: (error as { code?: string }).code ?? 'unexpected' });
  });

  let server: Server | undefined;
  return {
    app,
    logger,
    async start() {
      if (!knownBot) await app.init();
      if (config.mode === 'socket') {
        await app.start();
        return { port: config.port };
      }
      server = (await app.start(config.port)) as Server;
      const address = server.address();
      return { port: typeof address === 'object' && address ? address.port : config.port };
    },
    async stop() {
      await app.stop();
    },
  };
}

const TOKEN_ERRORS = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired']);

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
  const shutdown = async (signal: string) => {
    allycomp.logger.event(LogLevel.INFO, 'stopping', { signal });
    await allycomp.stop();
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
