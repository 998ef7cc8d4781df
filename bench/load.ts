/**
 * Load with autocannon. Its rate limit lets each connection send its quota for the second back to back when a
 * one-second timer fires, so one connection at 500 req/s is a burst of 500 every second. To get close to Slack's
 * evenly spread arrivals, the rate is split over up to 50 single-connection "lanes" whose seconds start evenly
 * staggered: at 500 req/s a lane sends 10 back to back every second and a new lane starts every 20 ms.
 *
 * Latency is recorded here, from each response's own time, in microseconds: autocannon's histogram has 1 ms
 * resolution (too coarse for sub-millisecond acks), and with a rate set it "corrects for coordinated omission"
 * with an expected interval of ceil(1/rate) = 1 ms, which adds synthetic samples to every response slower than
 * 1 ms. The correction is switched off; a server that falls behind shows as a lower achieved rate instead.
 */
import { createHistogram } from 'node:perf_hooks';
import autocannon from 'autocannon';
import type { SignedRequest } from './slack-request.js';
import { sleep } from './waiting.js';

export interface LoadOutcome {
  /** Requests answered 2xx, in the whole run. */
  answered: number;
  non2xx: number;
  /** Connection errors and timeouts. */
  errors: number;
  timeouts: number;
  /** The measured window: steady state for a fixed rate, the whole run for a fixed count. */
  seconds: number;
  /** 2xx answers per second in the window; latency percentiles are over the same answers. */
  achievedRate: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
}

interface DriveOptions {
  port: number;
  makeRequest: () => SignedRequest;
}

const MAX_LANES = 50;

function autocannonOptions(port: number, makeRequest: () => SignedRequest): autocannon.Options {
  return {
    url: `http://127.0.0.1:${port}`,
    connections: 1,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        path: '/slack/events',
        // Called right before each request is written: every request gets its own timestamp and signature.
        setupRequest: (request) => {
          const signed = makeRequest();
          return { ...request, body: signed.body, headers: { ...request.headers, ...signed.headers } };
        },
      },
    ],
  };
}

interface Lane {
  options: autocannon.Options;
  startAfterMs: number;
}

interface Response {
  at: number;
  micros: number;
}

/** Runs one autocannon instance, passing each 2xx response (when, and its latency in µs) to `record`. */
function runLane(options: autocannon.Options, record: (response: Response) => void): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
    instance.on('response', (_client, statusCode, _bytes, responseTimeMs) => {
      if (statusCode >= 200 && statusCode < 300) {
        record({ at: performance.now(), micros: Math.max(1, Math.round(responseTimeMs * 1000)) });
      }
    });
  });
}

/**
 * Runs the lanes and sums them up. With `steadyOnly`, rate and latency count only the responses between the moment
 * the last lane started and the moment the first one stopped: starting a lane costs the generator a few ms, which
 * would otherwise land on the latency of requests in flight.
 */
async function runLanes(lanes: Lane[], steadyOnly: boolean): Promise<LoadOutcome> {
  const responses: Response[] = [];
  const started = performance.now();
  let lastStarted = started;
  let firstStopped = Number.POSITIVE_INFINITY;
  const results = await Promise.all(
    lanes.map(async ({ options, startAfterMs }) => {
      await sleep(startAfterMs);
      const running = runLane(options, (response) => responses.push(response));
      lastStarted = Math.max(lastStarted, performance.now());
      const result = await running;
      firstStopped = Math.min(firstStopped, performance.now());
      return result;
    }),
  );
  const windowStart = steadyOnly ? lastStarted : started;
  const windowEnd = steadyOnly ? firstStopped : performance.now();
  const counted = responses.filter((r) => r.at >= windowStart && r.at <= windowEnd);
  const histogram = createHistogram();
  for (const response of counted) histogram.record(response.micros);
  const sum = (pick: (result: autocannon.Result) => number) => results.reduce((total, r) => total + pick(r), 0);
  const seconds = (windowEnd - windowStart) / 1000;
  const ms = (micros: number) => micros / 1000;
  return {
    answered: sum((r) => r['2xx']),
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    seconds,
    achievedRate: seconds > 0 ? counted.length / seconds : 0,
    latencyMs:
      histogram.count === 0
        ? { p50: Number.NaN, p90: Number.NaN, p99: Number.NaN, max: Number.NaN, mean: Number.NaN }
        : {
            p50: ms(histogram.percentile(50)),
            p90: ms(histogram.percentile(90)),
            p99: ms(histogram.percentile(99)),
            max: ms(histogram.max),
            mean: ms(histogram.mean),
          },
  };
}

/** `total` split over `parts` as evenly as whole numbers allow. */
const share = (total: number, parts: number, index: number) =>
  Math.floor(total / parts) + (index < total % parts ? 1 : 0);

/**
 * Lanes adding up to `rate` per second, started evenly through the first second. Each runs for `seconds`, or, with
 * `count`, until it has sent its share of exactly `count` requests.
 */
function staggeredLanes(
  port: number,
  makeRequest: () => SignedRequest,
  rate: number,
  end: { seconds: number } | { count: number },
): Lane[] {
  const laneCount = Math.min(MAX_LANES, rate, 'count' in end ? end.count : rate);
  return Array.from({ length: laneCount }, (_, lane) => ({
    options: {
      ...autocannonOptions(port, makeRequest),
      ...('count' in end ? { amount: share(end.count, laneCount, lane) } : { duration: end.seconds }),
      ignoreCoordinatedOmission: true,
      connectionRate: share(rate, laneCount, lane),
    },
    startAfterMs: (lane * 1000) / laneCount,
  }));
}

/** Signed commands at a fixed overall rate for a fixed time; rate and latency are those of the steady state. */
export function driveAtRate({ port, makeRequest, rate, seconds }: DriveOptions & { rate: number; seconds: number }) {
  return runLanes(staggeredLanes(port, makeRequest, rate, { seconds }), true);
}

/** Exactly `count` signed commands at a fixed overall rate (the memory phase). */
export function paceCommands({ port, makeRequest, rate, count }: DriveOptions & { rate: number; count: number }) {
  return runLanes(staggeredLanes(port, makeRequest, rate, { count }), false);
}

/** A fixed number of signed commands as fast as `connections` connections allow (warm-up). */
export function sendCommands({
  port,
  makeRequest,
  count,
  connections,
}: DriveOptions & { count: number; connections: number }) {
  return runLanes(
    [{ options: { ...autocannonOptions(port, makeRequest), connections, amount: count }, startAfterMs: 0 }],
    false,
  );
}
