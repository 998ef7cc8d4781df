/**
 * CPU per Web API call, WebClient over Node's built-in fetch against WebClient over undiciFetch (SLACK_HTTP_TRANSPORT
 * fetch and undici), bare and as the app wraps them (withoutSlackMessages, which reads every JSON answer), side by
 * side in this process. The Slack stub runs in a process of its own so its CPU is not counted; rounds alternate
 * (A B C D A B …) and each figure is the median of its rounds. Every call is a chat.postMessage with the region
 * message's body. A step of `npm run bench`; alone:
 *   node --import tsx bench/transport-cpu.ts [calls-per-round]
 */
import { WebClient } from '@slack/web-api';
import { regionAnswer } from '../src/answers/answers.js';
import { withoutSlackMessages } from '../src/slack/slack-words.js';
import { webApiTransport } from '../src/slack/web-api-transport.js';
import { buildChildren } from './build-children.js';
import { loaded, newYork } from './fixtures.js';
import { startStubProcess } from './stub-process.js';

const CONCURRENCY = 32;

export interface TransportCpuRow {
  transport: 'undici' | 'fetch';
  wrapped: boolean;
  /** Median over the rounds, ms of this process's CPU per call. */
  msPerCall: number;
  rounds: number[];
}

async function round(client: WebClient, calls: number): Promise<number> {
  const { message } = regionAnswer(loaded, newYork);
  let next = 0;
  const start = process.cpuUsage();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < calls)
        await client.chat.postMessage({ channel: 'C0BENCH', text: message.text, blocks: message.blocks });
    }),
  );
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / calls;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

export async function measureTransportCpu(
  apiUrl: string,
  options: { calls: number; rounds: number },
): Promise<TransportCpuRow[]> {
  const settings = { slackApiUrl: apiUrl, retryConfig: { retries: 0 }, timeout: 5_000 };
  const rows: Array<TransportCpuRow & { client: WebClient }> = [];
  for (const transport of ['fetch', 'undici'] as const) {
    for (const wrapped of [false, true]) {
      const fetch = wrapped ? withoutSlackMessages(webApiTransport(transport)) : webApiTransport(transport);
      rows.push({
        transport,
        wrapped,
        msPerCall: 0,
        rounds: [],
        client: new WebClient('xoxb-bench', { ...settings, fetch }),
      });
    }
  }
  for (const row of rows) await round(row.client, options.calls); // warm-up: JIT and connections
  for (let r = 0; r < options.rounds; r++) {
    for (const row of rows) row.rounds.push(await round(row.client, options.calls));
  }
  return rows.map(({ client: _client, ...row }) => ({ ...row, msPerCall: median(row.rounds) }));
}

if (process.argv[1]?.endsWith('transport-cpu.ts')) {
  const calls = Number(process.argv[2] ?? 3_000);
  const stub = await startStubProcess(buildChildren().stub);
  try {
    for (const row of await measureTransportCpu(stub.apiUrl('cpu'), { calls, rounds: 4 })) {
      const name = `${row.transport}${row.wrapped ? ' + app wrappers' : ''}`;
      console.log(
        `${name.padEnd(24)} ${row.msPerCall.toFixed(3)} ms CPU per chat.postMessage (rounds: ${row.rounds.map((v) => v.toFixed(3)).join(' ')})`,
      );
    }
  } finally {
    await stub.close();
  }
}
