/**
 * The request log when a listener leaves its answer to the delivery queue (setOutcomeWhenDelivered): Bolt's
 * handling of the request ends at once, and the request's one line is written, and its in-flight count ended,
 * when the delivery settles.
 */
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { AppLogger } from '../../src/logging.js';
import { requestLog } from '../../src/middleware/request-log.js';
import type { DeliveryServices } from '../../src/slack/delivery.js';
import { type Outcome, setOutcomeWhenDelivered } from '../../src/slack/outcome.js';

function harness() {
  const lines: Record<string, unknown>[] = [];
  const logger = new AppLogger('info', (line) => lines.push(JSON.parse(line) as Record<string, unknown>));
  let running = 0;
  const tokenErrors: string[] = [];
  const tracker = {
    begin: () => {
      running += 1;
      return () => {
        running -= 1;
      };
    },
    onTokenError: (code: string) => tokenErrors.push(code),
  };
  const middleware = requestLog(logger, tracker, { logger } as unknown as DeliveryServices);
  return { lines, middleware, running: () => running, tokenErrors };
}

/** A slash command without a response_url or user, so a failure has nobody to tell: only the log is seen. */
function run(middleware: Middleware<AnyMiddlewareArgs>, pending: Promise<Outcome>) {
  const context: Record<string, unknown> = {};
  return middleware({
    body: { command: '/allycomp', text: 'ny' },
    context,
    client: {},
    next: async () => setOutcomeWhenDelivered(context, pending),
  } as unknown as Parameters<Middleware<AnyMiddlewareArgs>>[0]);
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('a request whose answer is still in the delivery queue', () => {
  it('lets Bolt finish at once; the one line and the end of the in-flight count come when the answer is posted', async () => {
    const h = harness();
    const delivery = deferred<Outcome>();
    await run(h.middleware, delivery.promise);
    expect(h.lines).toEqual([]);
    expect(h.running()).toBe(1);
    delivery.resolve({ kind: 'posted', chart: { attached: true } });
    await tick();
    expect(h.lines).toEqual([
      expect.objectContaining({ msg: 'request', kind: 'command', id: '/allycomp', outcome: 'posted+chart' }),
    ]);
    expect(h.running()).toBe(0);
  });

  it('a delivery that fails for good is logged by its code, and a revoked token is reported', async () => {
    const h = harness();
    const delivery = deferred<Outcome>();
    await run(h.middleware, delivery.promise);
    delivery.reject(
      Object.assign(new Error('An API error occurred: token_revoked'), { data: { error: 'token_revoked' } }),
    );
    await tick();
    expect(h.lines).toEqual([expect.objectContaining({ msg: 'request', outcome: 'error:token_revoked' })]);
    expect(h.tokenErrors).toEqual(['token_revoked']);
    expect(h.running()).toBe(0);
  });

  it('a delivery that fails before the request log takes it over is no unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', listener);
    try {
      const context: Record<string, unknown> = {};
      setOutcomeWhenDelivered(context, Promise.reject(new Error('already failed')));
      await tick();
      await tick();
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', listener);
    }
  });
});
