/**
 * Starting, questioning and stopping the child apps. Every child is tracked so that `stopAllChildren` (called from
 * the runner's finally block and on SIGINT/SIGTERM) can kill, by pid, whatever is still running.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { REPO_ROOT } from './build-children.js';
import type { ChildStats, ControlReply, ControlRequest, StartupLaps } from './child-control.js';
import { BOT_TOKEN, SIGNING_SECRET } from './slack-request.js';

/** allycomp; a bare Bolt app that only acks; a naive Bolt app that posts the same answer as five plain posts. */
export type AppKind = 'allycomp' | 'baseline' | 'naive';

export interface ChildApp {
  kind: AppKind;
  /** Also the child's Web API prefix on the stub. */
  label: string;
  port: number;
  process: ChildProcess;
  /** Resolves when the app listens (its own word over IPC), with how long each start-up step took. */
  ready: Promise<StartupLaps>;
  /** Outcomes of allycomp's per-request log lines (`posted`, `error:…`), counted from its stdout. */
  outcomes: Map<string, number>;
  /** The first lines the child logged at warn or error level, or wrote to stderr: said when it fails to start. */
  warnings: string[];
  stats(collectGarbage?: boolean): Promise<ChildStats>;
  /** A CPU profile of the window between these two calls, written to `file`. */
  startProfile(): Promise<void>;
  stopProfile(file: string): Promise<void>;
  /** Asks the app to stop and waits for the process to exit (it writes its --cpu-prof then). */
  stop(): Promise<void>;
}

export interface LaunchOptions {
  kind: AppKind;
  label: string;
  script: string;
  port: number;
  apiUrl: string;
  nodeFlags?: string[];
  /** Extra environment for this child (the store bench sets DATABASE_URL). */
  env?: Record<string, string>;
}

const running = new Set<ChildProcess>();

/** Registers a process the bench started, so that `stopAllChildren` kills it if the run is cut short. */
export function track(child: ChildProcess): ChildProcess {
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

const MAX_WARNINGS = 20;

/** A free loopback port, chosen up front so the start-up probe can knock before the child says anything. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function childEnv(options: LaunchOptions): NodeJS.ProcessEnv {
  // The parent's Slack settings, .env and loaders (NODE_OPTIONS from tsx) must not leak into the children.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(SLACK_|ALLYCOMP_|DATABASE_URL$|NODE_OPTIONS$|PORT$|LOG_LEVEL$|NODE_ENV$)/.test(name),
    ),
  );
  return {
    ...inherited,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: options.apiUrl,
    PORT: String(options.port),
    LOG_LEVEL: 'info',
    NODE_ENV: 'production',
    ...options.env,
  };
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * The node flags production starts allycomp with: read from `npm start` (`exec node <flags> dist/src/main.js`), so
 * the bench measures the app as it runs. The baseline and the naive app run as plain `node`, as people run Bolt.
 */
export function productionNodeFlags(): string[] {
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const flags = /^exec node ((?:--\S+ )*)dist\/src\/main\.js$/.exec(pkg.scripts.start)?.[1];
  if (flags === undefined)
    throw new Error(`npm start is not "exec node [flags] dist/src/main.js": ${pkg.scripts.start}`);
  return flags.split(' ').filter(Boolean);
}

/** Spawns a child app; returns at once (for start-up timing), with `ready` resolving when it listens. */
export function launchChild(options: LaunchOptions): ChildApp {
  const production = options.kind === 'allycomp' ? productionNodeFlags() : [];
  const child = spawn(process.execPath, [...production, ...(options.nodeFlags ?? []), options.script], {
    env: childEnv(options),
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  track(child);

  const outcomes = new Map<string, number>();
  const warnings: string[] = [];
  const keepWarning = (line: string) => {
    if (warnings.length < MAX_WARNINGS) warnings.push(line.slice(0, 300));
  };
  // Drain stdout: the app logs one line per request, and a full pipe would block it.
  createInterface({ input: child.stdout as NonNullable<typeof child.stdout> }).on('line', (line) => {
    const outcome = /"msg":"request".*"outcome":"([^"]+)"/.exec(line)?.[1];
    if (outcome) outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    if (/"level":"(warn|error)"/.test(line)) keepWarning(line);
  });
  createInterface({ input: child.stderr as NonNullable<typeof child.stderr> }).on('line', keepWarning);

  let markReady: (laps: StartupLaps) => void = () => undefined;
  const ready = new Promise<StartupLaps>((resolve, reject) => {
    markReady = resolve;
    child.once('exit', (code, signal) =>
      reject(new Error(`${options.label} exited before it was ready (${signal ?? code}): ${warnings.join(' | ')}`)),
    );
  });
  ready.catch(() => undefined);
  // Replies come back in the order of the requests of their type.
  const waiting = new Map<ControlReply['type'], Array<(reply: ControlReply) => void>>();
  child.on('message', (reply: ControlReply) => {
    if (reply.type === 'ready') markReady(reply.laps);
    else waiting.get(reply.type)?.shift()?.(reply);
  });
  const ask = <T extends ControlReply['type']>(request: ControlRequest, replyType: T, timeoutMs = 30_000) =>
    new Promise<Extract<ControlReply, { type: T }>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${options.label} did not answer ${request.type}`)), timeoutMs);
      const queue = waiting.get(replyType) ?? [];
      waiting.set(replyType, queue);
      queue.push((reply) => {
        clearTimeout(timer);
        resolve(reply as Extract<ControlReply, { type: T }>);
      });
      child.send(request);
    });

  return {
    kind: options.kind,
    label: options.label,
    port: options.port,
    process: child,
    ready,
    outcomes,
    warnings,
    stats: (collectGarbage = false) => ask({ type: 'stats', collectGarbage }, 'stats'),
    async startProfile() {
      await ask({ type: 'profile-start' }, 'profile-started');
    },
    async stopProfile(file: string) {
      await ask({ type: 'profile-stop', file }, 'profile-written');
    },
    async stop() {
      if (child.connected) child.send({ type: 'stop' } satisfies ControlRequest);
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited(child);
      clearTimeout(timer);
    },
  };
}

/** Launches a child and waits until it listens. */
export async function startChild(options: LaunchOptions): Promise<ChildApp> {
  const app = launchChild(options);
  await app.ready;
  return app;
}

/** Kills every child still running: the last line of defence (errors, Ctrl-C). */
export function stopAllChildren(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}
