import type { Server } from 'node:http';
import { type AnyMiddlewareArgs, App, HTTPReceiver, LogLevel, type Middleware, SocketModeReceiver } from '@slack/bolt';
import type { CustomRoute } from '@slack/bolt/dist/receivers/custom-routes.js';
import { type Config, ConfigError, readConfig } from './config.js';
import { GuideFileError, type LoadedGuide, loadGuide } from './guide/load.js';
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

const BODY_LIMIT_BYTES = 64 * 1024;

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
    ...(options.botId && options.botUserId ? { botId: options.botId, botUserId: options.botUserId } : {}),
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
  const { port } = await allycomp.start();
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

if (import.meta.url === `file://${process.argv[1]}`) {
  main().then(
    (code) => {
      if (code !== 0) process.exit(code);
    },
    (error: unknown) => {
      process.stderr.write(`allycomp failed to start: ${(error as Error).message}\n`);
      process.exit(1);
    },
  );
}
