/**
 * Three bursts in a row: a fresh child of each app (bare Bolt first, then allycomp, both with --expose-gc) takes
 * `commands` signed `/allycomp ny` as fast as `connections` closed-loop connections allow, three times. After each
 * burst allycomp's posts are left to drain (until the stub has seen none for a while); then the child reports its
 * RSS as the burst left it, after a full GC (with the JS heap in use), and `settleMs` after that (V8 hands the freed
 * heap pages back to the system a while after the GC, not at once). RSS is also sampled during the burst and the drain, for the peak. The
 * issue's targets: after a burst, RSS within 1.5× the bare Bolt app's after the same burst (judged on the RSS as the
 * drained burst left it: what a memory limit must allow), and no growth from the first burst to the third.
 */
import type { ChildApp } from './children.js';
import { type LoadOutcome, sendCommands } from './load.js';
import type { SignedRequest } from './slack-request.js';
import type { StubProcess } from './stub-process.js';
import { sleep, waitForQuiet } from './waiting.js';

export interface BurstSample {
  burst: number;
  /** Ack latency and errors of the burst's requests. */
  outcome: LoadOutcome;
  /** How allycomp's requests ended, from its request log (`posted`, `busy`, …); empty for the baseline. */
  outcomes: Record<string, number>;
  /** chat.postMessage calls the burst caused, counted when they stopped coming. */
  posts: number;
  /** Seconds from the burst's start until the posts stopped coming. */
  drainSeconds: number;
  peakRssMB: number;
  /** As the drained burst left it, before any forced GC. */
  rssAfterMB: number;
  /** `settleMs` after the forced GC (and after another). */
  rssSettledMB: number;
  rssAfterGcMB: number;
  heapAfterGcMB: number;
  /** After the GC: the JS heap V8 still reserves, and memory held outside it by JS objects (Buffers). */
  heapReservedAfterGcMB: number;
  externalAfterGcMB: number;
}

export interface BurstRun {
  app: 'allycomp' | 'baseline';
  commands: number;
  connections: number;
  quietMs: number;
  settleMs: number;
  /** The fresh child before its first command, after a full GC. */
  idle: { rssMB: number; heapAfterGcMB: number };
  bursts: BurstSample[];
}

export interface BurstOptions {
  commands: number;
  bursts: number;
  connections: number;
  /** The posts count as drained when none came for this long. */
  quietMs: number;
  /** Idle time before the settled RSS is read. */
  settleMs: number;
}

export interface BurstDeps {
  launch(kind: 'allycomp' | 'baseline', purpose: string, nodeFlags: string[]): Promise<ChildApp>;
  stub: StubProcess;
  makeRequest(): SignedRequest;
}

const MB = 1024 * 1024;
const SAMPLE_EVERY_MS = 250;
/** Longest a drain may take before the bench gives up on it (allycomp posts ~200–500 answers a second here). */
const DRAIN_TIMEOUT_MS = 5 * 60_000;

/** Polls the child's RSS until stopped; resolves with the highest seen. */
function watchPeakRss(app: ChildApp): { stop(): Promise<number> } {
  let peak = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const stats = await app.stats(false).catch(() => undefined);
      if (stats) peak = Math.max(peak, stats.rssBytes);
      await sleep(SAMPLE_EVERY_MS);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return peak / MB;
    },
  };
}

export async function measureBursts(
  deps: BurstDeps,
  kind: 'allycomp' | 'baseline',
  options: BurstOptions,
): Promise<BurstRun> {
  const app = await deps.launch(kind, 'bursts', ['--expose-gc']);
  const posts = async () => (await deps.stub.counts()).calls(app.label, 'chat.postMessage');
  try {
    const idleStats = await app.stats(true);
    const bursts: BurstSample[] = [];
    for (let burst = 1; burst <= options.bursts; burst++) {
      app.outcomes.clear();
      const postsBefore = await posts();
      const started = performance.now();
      const peak = watchPeakRss(app);
      const outcome = await sendCommands({
        port: app.port,
        makeRequest: deps.makeRequest,
        count: options.commands,
        connections: options.connections,
      });
      const postsAfter =
        kind === 'allycomp'
          ? await waitForQuiet(posts, { quietMs: options.quietMs, timeoutMs: DRAIN_TIMEOUT_MS, pollMs: 100 })
          : await posts();
      const drainSeconds = (performance.now() - started) / 1000;
      const peakRssMB = await peak.stop();
      const after = await app.stats(false);
      const collected = await app.stats(true);
      // V8 gives the pages a GC freed back to the system a while later, not at once.
      await sleep(options.settleMs);
      const settled = await app.stats(true);
      bursts.push({
        burst,
        outcome,
        outcomes: Object.fromEntries(app.outcomes),
        posts: postsAfter - postsBefore,
        drainSeconds,
        peakRssMB: Math.max(peakRssMB, after.rssBytes / MB),
        rssAfterMB: after.rssBytes / MB,
        rssSettledMB: settled.rssBytes / MB,
        rssAfterGcMB: collected.rssBytes / MB,
        heapAfterGcMB: collected.heapUsedBytes / MB,
        heapReservedAfterGcMB: collected.heapTotalBytes / MB,
        externalAfterGcMB: collected.externalBytes / MB,
      });
      console.log(
        `  ${kind.padEnd(8)} burst ${burst}: ${outcome.answered} acked (p99 ${outcome.latencyMs.p99.toFixed(1)} ms), ` +
          `${postsAfter - postsBefore} posts, drained in ${drainSeconds.toFixed(1)} s; RSS peak ` +
          `${peakRssMB.toFixed(0)} MB, after ${(after.rssBytes / MB).toFixed(0)} MB, after GC ` +
          `${(collected.rssBytes / MB).toFixed(0)} MB, settled ${(settled.rssBytes / MB).toFixed(0)} MB; heap after GC ${(collected.heapUsedBytes / MB).toFixed(1)} MB ` +
          `(reserved ${(collected.heapTotalBytes / MB).toFixed(0)} MB, external ${(collected.externalBytes / MB).toFixed(1)} MB)`,
      );
    }
    return {
      app: kind,
      commands: options.commands,
      connections: options.connections,
      quietMs: options.quietMs,
      settleMs: options.settleMs,
      idle: { rssMB: idleStats.rssBytes / MB, heapAfterGcMB: idleStats.heapUsedBytes / MB },
      bursts,
    };
  } finally {
    await app.stop();
  }
}
