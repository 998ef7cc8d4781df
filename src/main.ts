import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LogLevel } from '@slack/bolt';
import { createApp } from './app.js';
import { type Config, ConfigError, readConfig } from './config.js';
import { GuideFileError, type LoadedGuide, loadGuide } from './guide/load.js';
import { CLIENT_ERROR, isTokenError, slackErrorCode, transportErrorCode } from './slack/errors.js';
import { installShutdown } from './slack/shutdown.js';
import { StoreError } from './store/errors.js';
import type { Store } from './store/store.js';
import { VERSION } from './version.js';

/** Why the start failed, in one line that says what to fix: never a stack trace. */
export function describeStartFailure(error: unknown, config: Pick<Config, 'mode' | 'port' | 'slackApiUrl'>): string {
  const code = slackErrorCode(error);
  if (isTokenError(code)) {
    return `allycomp cannot start: Slack rejected the token (${code}). Check SLACK_BOT_TOKEN${config.mode === 'socket' ? ' and SLACK_APP_TOKEN' : ''}: api.slack.com/apps → your app → OAuth & Permissions → "Bot User OAuth Token".`;
  }
  if (code === CLIENT_ERROR.request) {
    const api = config.slackApiUrl ?? 'https://slack.com/api/';
    return `allycomp cannot start: could not reach Slack's Web API at ${api} to check the token (${transportErrorCode(error) ?? 'request failed'}). Check the network, or SLACK_API_URL.`;
  }
  if (code === 'EADDRINUSE' || code === 'EACCES') {
    return `allycomp cannot start: cannot listen on port ${config.port} (${code}). Set PORT to a free port.`;
  }
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return `allycomp cannot start: ${message}${code ? ` (${code})` : ''}`;
}

/** `node dist/src/main.js`: read config and guide, start, and stop safely on SIGTERM/SIGINT. */
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
  // The store first: an unreachable database, a wrong password or a missing key stops the start with one line.
  let store: Store;
  try {
    // Loaded here, not at the top: a start that fails on its settings or its guide does not pay for pg's import.
    const { openStore } = await import('./store/open.js');
    store = await openStore(process.env, { requireKey: config.oauth !== undefined });
  } catch (error) {
    if (error instanceof StoreError) {
      process.stderr.write(`allycomp cannot start: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const allycomp = createApp(config, loaded, { store });
  let port: number | undefined;
  try {
    ({ port } = await allycomp.start());
  } catch (error) {
    await store.close().catch(() => undefined);
    process.stderr.write(`${describeStartFailure(error, config)}\n`);
    return 1;
  }
  allycomp.logger.event(LogLevel.INFO, 'started', {
    mode: config.mode,
    install: config.oauth ? 'oauth' : 'token',
    store: store.kind,
    port,
    version: VERSION,
  });
  // A rejection or exception nobody handled is logged (by code only) and the process keeps serving.
  process.on('unhandledRejection', (reason) => {
    allycomp.logger.event(LogLevel.ERROR, 'unhandled_rejection', { code: slackErrorCode(reason) ?? 'unexpected' });
  });
  // The first SIGTERM/SIGINT drains, a second is ignored (said in the log), a third forces; the exit code says
  // whether anything was lost (src/slack/shutdown.ts). Whoever is left unfinished is told through their response_url.
  installShutdown({
    signals: process,
    stop: async (graceMs) => {
      const stopped = await allycomp.stop(graceMs);
      // After the handlers: a prep-card update still running holds its store connection until it ends.
      await store.close().catch(() => undefined);
      return stopped;
    },
    graceMs: config.stopGraceMs,
    notifyUnfinished: async () => {
      await allycomp.tellUnfinished();
    },
    log: (msg, fields) => allycomp.logger.event(LogLevel.INFO, msg, fields),
    exit: (code) => process.exit(code),
  });
  return 0;
}

/** True when this file is the program being run (`node dist/src/main.js`, `tsx src/main.ts`), also via a symlink. */
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
