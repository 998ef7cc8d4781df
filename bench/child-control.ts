/**
 * The benchmark's control channel inside each child app: the parent asks over Node IPC (never over HTTP, so control
 * traffic is not measured) for the child's memory, CPU time and event-loop use, starts and stops CPU profiles, and
 * tells it when to stop.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { performance } from 'node:perf_hooks';

export interface ChildStats {
  rssBytes: number;
  /** Memory V8 has reserved for the JS heap, and the part of it in use. */
  heapTotalBytes: number;
  heapUsedBytes: number;
  /** Memory outside the JS heap held by JS objects (Buffers, native addons that report it). */
  externalBytes: number;
  /** CPU time (user + system) used by the child since it started, in microseconds. */
  cpuMicros: number;
  /** Cumulative event-loop time, in milliseconds: the parent diffs two readings to get the utilisation in between. */
  loopActiveMs: number;
  loopIdleMs: number;
  /** True when a full GC ran before the memory was read (the child was started with --expose-gc). */
  collected: boolean;
}

export type ControlRequest =
  | { type: 'stats'; collectGarbage: boolean }
  | { type: 'profile-start' }
  | { type: 'profile-stop'; file: string }
  | { type: 'stop' };

/** Start-up steps in order, each with the milliseconds it took; the first is Node's own boot. */
export type StartupLaps = Array<{ step: string; ms: number }>;

export type ControlReply =
  | { type: 'ready'; port: number; laps: StartupLaps }
  | ({ type: 'stats' } & ChildStats)
  | { type: 'profile-started' }
  | { type: 'profile-written'; file: string };

/** Times start-up steps; performance.now() counts from the process's start, so the first lap is Node's boot. */
export function startupClock() {
  const laps: StartupLaps = [{ step: 'node boot', ms: performance.now() }];
  let last = performance.now();
  return {
    laps,
    lap(step: string) {
      const now = performance.now();
      laps.push({ step, ms: now - last });
      last = now;
    },
  };
}

function readStats(collectGarbage: boolean): ChildStats {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (collectGarbage && gc) gc();
  const memory = process.memoryUsage();
  const cpu = process.cpuUsage();
  const loop = performance.eventLoopUtilization();
  return {
    rssBytes: memory.rss,
    heapTotalBytes: memory.heapTotal,
    heapUsedBytes: memory.heapUsed,
    externalBytes: memory.external,
    cpuMicros: cpu.user + cpu.system,
    loopActiveMs: loop.active,
    loopIdleMs: loop.idle,
    collected: Boolean(collectGarbage && gc),
  };
}

/** A CPU profile of a window the parent chooses (after warm-up, during load), unlike --cpu-prof's whole life. */
class WindowProfiler {
  private session: Session | undefined;

  async start(): Promise<void> {
    this.session = new Session();
    this.session.connect();
    await this.session.post('Profiler.enable');
    await this.session.post('Profiler.start');
  }

  async stop(file: string): Promise<void> {
    if (!this.session) throw new Error('profile-stop before profile-start');
    const { profile } = await this.session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    this.session.disconnect();
    this.session = undefined;
  }
}

/** Report readiness and serve the parent's requests; exit cleanly (so --cpu-prof is written) on stop or SIGTERM. */
export function serveBenchControl(port: number, laps: StartupLaps, stopApp: () => Promise<void>): void {
  const send = (reply: ControlReply) => process.send?.(reply);
  const exit = async () => {
    await stopApp().catch(() => undefined);
    process.exit(0);
  };
  const profiler = new WindowProfiler();
  process.on('message', async (request: ControlRequest) => {
    if (request.type === 'stats') send({ type: 'stats', ...readStats(request.collectGarbage) });
    if (request.type === 'profile-start') {
      await profiler.start();
      send({ type: 'profile-started' });
    }
    if (request.type === 'profile-stop') {
      await profiler.stop(request.file);
      send({ type: 'profile-written', file: request.file });
    }
    if (request.type === 'stop') void exit();
  });
  // The parent died or let go of us: do not linger as an orphan.
  process.on('disconnect', () => void exit());
  process.once('SIGTERM', () => void exit());
  process.once('SIGINT', () => void exit());
  send({ type: 'ready', port, laps });
}
