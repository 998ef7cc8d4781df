/**
 * The stop policy with a fake process: signals are emitted on an EventEmitter, stop() is a promise the test
 * settles, timers are Vitest's fake ones.
 */
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  EXIT_CLEAN,
  EXIT_FORCED,
  EXIT_LOST,
  idempotent,
  installShutdown,
  type ShutdownOptions,
  type StopResult,
} from '../../src/slack/shutdown.js';

function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function setup(overrides: Partial<ShutdownOptions> = {}) {
  const signals = new EventEmitter();
  const logs: Array<[string, Record<string, unknown>]> = [];
  const exits: number[] = [];
  const drain = deferred<StopResult>();
  const stop = vi.fn((_graceMs: number) => drain.promise);
  const shutdown = installShutdown({
    signals,
    stop,
    graceMs: 25_000,
    log: (msg, fields) => logs.push([msg, fields]),
    exit: (code) => exits.push(code),
    ...overrides,
  });
  return { signals, logs, exits, drain, stop, shutdown, messages: () => logs.map(([msg]) => msg) };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the stop policy', () => {
  it('first SIGTERM drains with the grace period, logs stopping/stopped and exits 0 when nothing was lost', async () => {
    const t = setup();
    t.signals.emit('SIGTERM');
    expect(t.stop).toHaveBeenCalledWith(25_000);
    t.drain.resolve({ unfinished: 0 });
    expect(await t.shutdown.exited).toBe(EXIT_CLEAN);
    expect(t.exits).toEqual([0]);
    expect(t.logs).toEqual([
      ['stopping', { signal: 'SIGTERM', grace_ms: 25_000 }],
      ['stopped', { unfinished: 0 }],
    ]);
  });

  it('a second signal during the drain is ignored with a log line; stop() runs once', async () => {
    const t = setup();
    t.signals.emit('SIGTERM');
    await vi.advanceTimersByTimeAsync(100);
    t.signals.emit('SIGINT');
    expect(t.stop).toHaveBeenCalledTimes(1);
    expect(t.exits).toEqual([]);
    expect(t.messages()).toContain('stop_signal_ignored_third_forces');
    t.drain.resolve({ unfinished: 0 });
    expect(await t.shutdown.exited).toBe(EXIT_CLEAN);
  });

  it('a third signal forces the exit (code 2) and says so; the drain ending later changes nothing', async () => {
    const t = setup();
    t.signals.emit('SIGTERM');
    t.signals.emit('SIGTERM');
    t.signals.emit('SIGINT');
    expect(await t.shutdown.exited).toBe(EXIT_FORCED);
    expect(t.logs.at(-1)).toEqual(['stop_forced', { signal: 'SIGINT' }]);
    t.drain.resolve({ unfinished: 0 });
    await vi.advanceTimersByTimeAsync(10);
    t.signals.emit('SIGTERM');
    expect(t.exits).toEqual([EXIT_FORCED]);
  });

  it('work left unfinished: the people are told, the count is logged, exit code 1', async () => {
    const notifyUnfinished = vi.fn(async () => undefined);
    const t = setup({ notifyUnfinished });
    t.signals.emit('SIGTERM');
    t.drain.resolve({ unfinished: 3 });
    expect(await t.shutdown.exited).toBe(EXIT_LOST);
    expect(notifyUnfinished).toHaveBeenCalledTimes(1);
    expect(t.logs.at(-1)).toEqual(['stopped', { unfinished: 3 }]);
  });

  it('telling them is bounded too: a hanging notice is logged and the exit still comes', async () => {
    const t = setup({ notifyUnfinished: () => new Promise(() => undefined), notifyMs: 1_000 });
    t.signals.emit('SIGTERM');
    t.drain.resolve({ unfinished: 2 });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await t.shutdown.exited).toBe(EXIT_LOST);
    expect(t.messages()).toEqual(['stopping', 'unfinished_not_told', 'stopped']);
  });

  it('a stop() that hangs past the grace period is declared hung and exits 1', async () => {
    const t = setup({ graceMs: 5_000 });
    t.signals.emit('SIGTERM');
    await vi.advanceTimersByTimeAsync(6_999);
    expect(t.exits).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(await t.shutdown.exited).toBe(EXIT_LOST);
    expect(t.logs.at(-1)).toEqual(['stop_hung', { grace_ms: 5_000 }]);
  });

  it('a stop() that rejects exits 1 with a log line, and no unhandled rejection', async () => {
    const t = setup();
    t.signals.emit('SIGINT');
    t.drain.reject(new Error('boom'));
    expect(await t.shutdown.exited).toBe(EXIT_LOST);
    expect(t.messages()).toEqual(['stopping', 'stop_failed']);
  });

  it('dispose() removes the listeners', () => {
    const t = setup();
    t.shutdown.dispose();
    expect(t.signals.listenerCount('SIGTERM') + t.signals.listenerCount('SIGINT')).toBe(0);
  });
});

describe('idempotent', () => {
  it('runs once; every call gets the first promise (SIGTERM then SIGINT stop the app once)', async () => {
    let runs = 0;
    const stop = idempotent(async () => {
      runs += 1;
      return { unfinished: 0 };
    });
    const [a, b] = [stop(), stop()];
    expect(a).toBe(b);
    await Promise.all([a, b]);
    expect(runs).toBe(1);
  });
});
