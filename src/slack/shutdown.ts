/**
 * Stopping safely under any supervisor. The first SIGTERM or SIGINT starts the drain; a second during the drain is
 * ignored with a log line (supervisors and impatient terminals send two); a third forces the exit and says so. The
 * drain is bounded even when stop() itself hangs, and the exit code says whether anything was lost.
 */

export type StopSignal = 'SIGTERM' | 'SIGINT';

/** The part of `process` this needs; tests pass an EventEmitter. */
export interface SignalSource {
  on(signal: StopSignal, listener: () => void): unknown;
  off(signal: StopSignal, listener: () => void): unknown;
}

export interface StopResult {
  /** Handlers still running when the drain ended. */
  unfinished: number;
}

export type ShutdownLog = (msg: string, fields: Record<string, string | number | boolean>) => void;

export interface ShutdownOptions {
  signals: SignalSource;
  /** Stops taking requests and drains for up to `graceMs`; called at most once. */
  stop: (graceMs: number) => Promise<StopResult>;
  graceMs: number;
  /** Tells the people whose answers were cut short (through their response URLs); bounded by `notifyMs`. */
  notifyUnfinished?: () => Promise<void>;
  notifyMs?: number;
  log: ShutdownLog;
  exit: (code: number) => void;
}

/** 0: everything finished. 1: something was lost (unfinished, stop failed or hung). 2: forced by a third signal. */
export const EXIT_CLEAN = 0;
export const EXIT_LOST = 1;
export const EXIT_FORCED = 2;

/** How long past `graceMs` stop() may take before the drain is declared hung. */
const HUNG_MARGIN_MS = 2_000;
const DEFAULT_NOTIFY_MS = 3_000;

/** A function that runs its body once; every later call gets the first call's promise. */
export function idempotent<A extends unknown[], T>(run: (...args: A) => Promise<T>): (...args: A) => Promise<T> {
  let first: Promise<T> | undefined;
  return (...args) => {
    first ??= run(...args);
    return first;
  };
}

function within<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export interface Shutdown {
  /** Resolves with the exit code once exit() has been called. */
  readonly exited: Promise<number>;
  /** Removes the signal listeners (tests, or a second app in one process). */
  dispose(): void;
}

export function installShutdown(options: ShutdownOptions): Shutdown {
  const stop = idempotent(options.stop);
  let signalsSeen = 0;
  let exitCode: number | undefined;
  let resolveExited: (code: number) => void = () => undefined;
  const exited = new Promise<number>((resolve) => {
    resolveExited = resolve;
  });
  const exit = (code: number) => {
    if (exitCode !== undefined) return;
    exitCode = code;
    options.exit(code);
    resolveExited(code);
  };

  const drain = async (signal: StopSignal) => {
    options.log('stopping', { signal, grace_ms: options.graceMs });
    let result: StopResult | 'timeout';
    try {
      result = await within(stop(options.graceMs), options.graceMs + HUNG_MARGIN_MS);
    } catch {
      options.log('stop_failed', { signal });
      exit(EXIT_LOST);
      return;
    }
    if (result === 'timeout') {
      options.log('stop_hung', { grace_ms: options.graceMs });
      exit(EXIT_LOST);
      return;
    }
    if (result.unfinished > 0 && options.notifyUnfinished) {
      const notified = await within(
        options.notifyUnfinished().then(
          () => 'ok',
          () => 'failed',
        ),
        options.notifyMs ?? DEFAULT_NOTIFY_MS,
      );
      if (notified !== 'ok') options.log('unfinished_not_told', { unfinished: result.unfinished });
    }
    options.log('stopped', { unfinished: result.unfinished });
    exit(result.unfinished > 0 ? EXIT_LOST : EXIT_CLEAN);
  };

  const onSignal = (signal: StopSignal) => {
    if (exitCode !== undefined) return;
    signalsSeen += 1;
    if (signalsSeen === 1) {
      void drain(signal);
    } else if (signalsSeen === 2) {
      // Still draining; the line's name says so, and that a third signal forces the exit.
      options.log('stop_signal_ignored_third_forces', { signal });
    } else {
      options.log('stop_forced', { signal });
      exit(EXIT_FORCED);
    }
  };
  const onTerm = () => onSignal('SIGTERM');
  const onInt = () => onSignal('SIGINT');
  options.signals.on('SIGTERM', onTerm);
  options.signals.on('SIGINT', onInt);
  return {
    exited,
    dispose() {
      options.signals.off('SIGTERM', onTerm);
      options.signals.off('SIGINT', onInt);
    },
  };
}
