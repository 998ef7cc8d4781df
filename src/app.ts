import type { Server } from 'node:http';
import { App, LogLevel } from '@slack/bolt';
import { regionChartInput } from './answers/chart-input.js';
import type { Config } from './config.js';
import type { LoadedGuide } from './guide/load.js';
import { registerListeners } from './listeners/index.js';
import { AppLogger } from './logging.js';
import { dropDuplicates } from './middleware/duplicate-drop.js';
import { requestLog } from './middleware/request-log.js';
import { answerUnknown } from './middleware/unknown-id.js';
import { installAckNet } from './slack/ack-net.js';
import { ChannelQueue, type ChannelQueueOptions } from './slack/channel-queue.js';
import type { ChartFiles } from './slack/chart-files.js';
import { prepareChart } from './slack/chart-upload.js';
import type { DeliveryServices } from './slack/delivery.js';
import { deliveryCaps } from './slack/delivery-caps.js';
import { isTokenError, slackErrorCode } from './slack/errors.js';
import { AppHealth, type Readiness } from './slack/health.js';
import { installPages } from './slack/install-pages.js';
import { MessagePoster } from './slack/message-poster.js';
import { createOAuthInstall } from './slack/oauth-install.js';
import { INTERACTIVE_POLICY, rateLimitedFetch } from './slack/rate-limited-fetch.js';
import { createReceiver } from './slack/receiver.js';
import { SharedCharts } from './slack/shared-chart.js';
import { idempotent } from './slack/shutdown.js';
import { withoutSlackMessages } from './slack/slack-words.js';
import { tellUnfinished } from './slack/unfinished.js';
import { webApiTransport } from './slack/web-api-transport.js';
import { FileStore } from './store/file-store.js';
import type { Store } from './store/store.js';
import { VERSION } from './version.js';

export interface AllycompApp {
  app: App;
  logger: AppLogger;
  /** Starts listening; resolves with the HTTP port (HTTP mode, or Socket Mode's health server). */
  start(): Promise<{ port?: number }>;
  /**
   * Stops taking requests, then waits (up to `graceMs`) for handlers still running after their ack. Runs once:
   * later calls get the first call's promise.
   */
  stop(graceMs?: number): Promise<{ unfinished: number }>;
  /** Tells the people whose requests are still unfinished (through their response_url); resolves with how many. */
  tellUnfinished(): Promise<number>;
  /** Whether Slack still accepts the token (`/readyz`). */
  readiness(): Readiness;
}

/**
 * How long a stop waits for answers still being posted. One Web API call can take 3 attempts × 5 s + 0.75 s of
 * backoff, about 16 s, and a five-post answer from a slow Slack (2.5 s a call) 12.5 s: 25 s covers either, and with
 * the 3 s to tell whoever is left it stays under Kubernetes' default 30 s before SIGKILL.
 */
export const DEFAULT_STOP_GRACE_MS = 25_000;

export interface CreateAppOptions {
  logger?: AppLogger;
  /** Tests pass the bot's ids to skip the auth.test call Bolt otherwise makes at start. */
  botId?: string;
  botUserId?: string;
  /** Web API timeout per attempt; tests and the bench shorten it. Default {@link WEB_API_TIMEOUT_MS}. */
  webApiTimeoutMs?: number;
  /**
   * Installations, the duplicate drop, prep-card updates, chart file ids (main.ts opens it from the environment).
   * Default: the embedded store held in memory only, which is enough for one process with SLACK_BOT_TOKEN.
   */
  store?: Store;
  /** The public delivery queue's pacing and caps; tests scale its time. Default: Slack's pace, caps from memory. */
  queue?: Partial<ChannelQueueOptions>;
  /** Where shared chart file ids are kept (the shared store when there is one); default in memory. */
  chartFiles?: ChartFiles;
  /** How long an uploaded chart is left to Slack's processing before its id is reused; tests shorten it. */
  chartSettleMs?: number;
}

/** How long one Web API attempt may take before it is abandoned (and retried, within `retryConfig`). */
export const WEB_API_TIMEOUT_MS = 5_000;

/** The Web API client's own default. */
const DEFAULT_SLACK_API_URL = 'https://slack.com/api/';

/** Wiring only: the receiver, the Web API client's settings, the middleware in order, the listeners, the hooks. */
export function createApp(config: Config, loaded: LoadedGuide, options: CreateAppOptions = {}): AllycompApp {
  const logger = options.logger ?? new AppLogger(config.logLevel);
  const store = options.store ?? FileStore.inMemory();
  const oauth = config.oauth;
  const knownBot = !oauth && Boolean(options.botId && options.botUserId);
  const health = new AppHealth(logger, knownBot, Boolean(oauth));
  const installed = async (workspace: string) => {
    const query = workspace.startsWith('E')
      ? { enterpriseId: workspace, isEnterpriseInstall: true, teamId: undefined }
      : { teamId: workspace, isEnterpriseInstall: false, enterpriseId: undefined };
    return store.fetchInstallation(query).then(
      () => true,
      (error: unknown) => {
        if ((error as { code?: unknown }).code === 'store_not_installed') return false;
        throw error;
      },
    );
  };
  // OAuth mode: Slack's installer on /slack/install and /slack/oauth_redirect, each workspace's token from the store.
  const install =
    oauth &&
    createOAuthInstall({
      oauth,
      store,
      slackApiUrl: config.slackApiUrl,
      pages: installPages({ onInstalled: (workspace) => health.forgetWorkspace(workspace), logger }),
      logger: logger.child('oauth'),
    });
  const receiver = createReceiver(
    config,
    logger,
    [...health.routes({ mode: config.mode, guideId: loaded.guide.id }, installed), ...(install?.routes ?? [])],
    (socket) => health.watchSocket(socket),
  );
  // Under both of the app's Web API clients (Bolt's and the delivery queue's); the socket's apps.connections.open
  // and the OAuth exchange keep their libraries' own fetch.
  const transport = webApiTransport(config.slackHttpTransport);
  const clientOptions = {
    slackApiUrl: config.slackApiUrl,
    // Interactive paths must not wait minutes: a short timeout and a short retry policy.
    timeout: options.webApiTimeoutMs ?? WEB_API_TIMEOUT_MS,
    retryConfig: { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 1_000 },
    rejectRateLimitedCalls: true,
    logger: logger.child('web-api'),
  };
  const app = new App({
    ...(install ? { authorize: install.authorize } : { token: config.botToken }),
    receiver,
    logger,
    logLevel: config.logLevel as LogLevel,
    developerMode: config.developerMode,
    // Said outright: developerMode alone turns Socket Mode on, and then Bolt refuses the HTTP receiver.
    socketMode: config.mode === 'socket',
    // Without the bot's ids Bolt checks the token with auth.test. Deferred, that check runs inside start(), so a bad
    // token or no route to Slack fails the start with one clear line; otherwise Bolt would fire it from the
    // constructor and an unreachable Slack would crash the running process later with an unhandled rejection.
    ...(knownBot ? { botId: options.botId, botUserId: options.botUserId } : { deferInitialization: true }),
    clientOptions: {
      ...clientOptions,
      // 429s are retried per call by rateLimitedFetch; the client's own handling pauses every call.
      fetch: withoutSlackMessages(rateLimitedFetch(INTERACTIVE_POLICY, transport)),
    },
  });
  // Built before the middleware: the request log tells a person of a failure through the same queue.
  const delivery: DeliveryServices = {
    // The poster already retries a transient failure twice (as the client's retryConfig); the queue adds the 429 waits.
    queue: new ChannelQueue({ ...deliveryCaps(), transientRetries: 0, ...options.queue }),
    charts: new SharedCharts(
      options.chartFiles ?? store,
      options.chartSettleMs === undefined ? {} : { settleMs: options.chartSettleMs },
    ),
    logger,
    poster: new MessagePoster({
      slackApiUrl: config.slackApiUrl ?? DEFAULT_SLACK_API_URL,
      transport,
      timeoutMs: clientOptions.timeout,
      userAgent: `allycomp/${VERSION} node/${process.versions.node}`,
    }),
  };
  installAckNet(app, logger);
  app.use(requestLog(logger, health, delivery));
  // Keyed with a secret every replica shares, so a duplicate reaching another replica has the same key.
  app.use(dropDuplicates(store, config.signingSecret ?? config.appToken ?? ''));
  app.use(answerUnknown());
  registerListeners(app, { loaded, logger, store, delivery });
  app.error(async (error) => {
    const code = slackErrorCode(error);
    if (isTokenError(code)) health.onTokenError(code);
    logger.event(LogLevel.ERROR, 'handler_failed', { code: code ?? 'unexpected' });
  });

  let server: Server | undefined;
  return {
    app,
    logger,
    readiness: () => health.readiness(),
    async start() {
      if (!knownBot) {
        try {
          await app.init();
          if (!oauth) health.tokenAccepted();
        } catch (error) {
          const code = slackErrorCode(error);
          if (isTokenError(code)) health.onTokenError(code);
          throw error;
        }
      }
      // The shared chart is drawn in the background once listening, so the first region answer need not wait for it.
      const warmChart = () => setImmediate(() => prepareChart(regionChartInput(loaded.guide)));
      if (config.mode === 'socket') {
        await app.start();
        warmChart();
        return { port: config.port };
      }
      server = (await app.start(config.port)) as Server;
      warmChart();
      const address = server.address();
      return { port: typeof address === 'object' && address ? address.port : config.port };
    },
    stop: idempotent(async (graceMs: number = DEFAULT_STOP_GRACE_MS) => {
      const deadline = Date.now() + graceMs;
      await app.stop(graceMs);
      while (health.inFlight > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      return { unfinished: health.inFlight };
    }),
    async tellUnfinished() {
      const urls = health.unfinishedResponseUrls();
      const told = await tellUnfinished(urls);
      logger.event(LogLevel.INFO, 'unfinished_told', { told, unfinished: health.inFlight });
      return told;
    },
  };
}
