/**
 * The real app, through its real receiver, against the fake Slack that enforces a per-channel pace for
 * chat.postMessage (burst 3, then one post per interval, else 429 with Retry-After). Time runs SCALE times faster than
 * Slack's (200 ms for Slack's 1 s) so the suite stays quick; a 429 still costs a whole second (Retry-After is whole
 * seconds), so the margin is real. The harness of every test of delivery under Slack's limits; bench/busy-channel
 * runs the same at Slack's own pace.
 */
import { type AllycompApp, type CreateAppOptions, createApp } from '../../src/app.js';
import { AppLogger } from '../../src/logging.js';
import type { ChannelQueueOptions } from '../../src/slack/channel-queue.js';
import { type FakeSlack, type FakeSlackOptions, startFakeSlack } from './fake-slack.js';
import { guide, type TestSlack, testConfig } from './slack.js';

export const SCALE = 5;
export const INTERVAL_MS = 1_000 / SCALE;

/** Slack's per-channel pace, scaled. */
export const PACED_RATE = { burst: 3, intervalMs: INTERVAL_MS };

/** The queue at the same scaled pace, its "queued" note after Slack's ~10 s scaled too. */
export const PACED_QUEUE: Partial<ChannelQueueOptions> = { ...PACED_RATE, queuedNoticeMs: 10_000 / SCALE };

export interface PacedSlack {
  fake: FakeSlack;
  app: AllycompApp;
  /** For the request helpers of tests/support/slack.ts (sendCommand, sendInteraction, sendEvent). */
  target: TestSlack;
  logs: string[];
  /** Request outcomes, in the order the log wrote them. */
  outcomes(): string[];
  stop(): Promise<void>;
}

/** Started in HTTP mode, warmed up a second (the shared chart is drawn in that moment, as in production). */
export async function startPacedSlack(
  options: { queue?: Partial<ChannelQueueOptions>; fake?: FakeSlackOptions; app?: Partial<CreateAppOptions> } = {},
): Promise<PacedSlack> {
  const fake = await startFakeSlack({ channelRate: PACED_RATE, ...options.fake });
  const logs: string[] = [];
  const app = createApp(testConfig({ SLACK_API_URL: fake.apiUrl }), guide(), {
    logger: new AppLogger('info', (line) => logs.push(line)),
    botId: 'B0ALLYCOMP',
    botUserId: 'U0ALLYCOMP',
    queue: { ...PACED_QUEUE, ...options.queue },
    chartSettleMs: 0,
    ...options.app,
  });
  const { port } = await app.start();
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  return {
    fake,
    app,
    target: { baseUrl: `http://127.0.0.1:${port}` } as TestSlack,
    logs,
    outcomes: () =>
      logs.flatMap((line) => {
        const outcome = (JSON.parse(line) as { outcome?: unknown }).outcome;
        return typeof outcome === 'string' ? [outcome] : [];
      }),
    async stop() {
      await app.stop(2_000).catch(() => undefined);
      await fake.close();
    },
  };
}

/** Wait until `check` holds (the app keeps posting after its ack). */
export async function until(check: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Whatever the people were told through their response URLs, that asks them to try again (must stay empty). */
export function toldToRetry(fake: FakeSlack): string[] {
  return fake.responses.map((response) => JSON.stringify(response.body)).filter((text) => /try again/i.test(text));
}
