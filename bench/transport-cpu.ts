/**
 * CPU per Web API call, WebClient over Node's built-in fetch against WebClient over undiciFetch, side by side.
 * Run: node --import tsx bench/transport-cpu.ts [calls-per-round]
 * The Slack stub runs in a child process so its CPU is not counted; rounds alternate (A B A B …) and each
 * transport's figure is the median of its rounds. Every call is a chat.postMessage with a realistic body.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { WebClient } from '@slack/web-api';
import { regionAnswer } from '../src/answers/answers.js';
import { undiciFetch } from '../src/slack/undici-fetch.js';
import { loaded, newYork } from './fixtures.js';

const CALLS = Number(process.argv[2] ?? 3_000);
const CONCURRENCY = 32;
const ROUNDS = 4;

async function startStubChild(): Promise<{ apiUrl: string; stop: () => void }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '-e',
      "import('./bench/slack-stub.ts').then(async (m) => { const s = await m.startSlackStub(); console.log(s.apiUrl('cpu')); })",
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const [line] = (await once(child.stdout, 'data')) as [Buffer];
  return { apiUrl: line.toString().trim(), stop: () => child.kill() };
}

async function round(client: WebClient): Promise<number> {
  const { message } = regionAnswer(loaded, newYork);
  let next = 0;
  const start = process.cpuUsage();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < CALLS)
        await client.chat.postMessage({ channel: 'C0BENCH', text: message.text, blocks: message.blocks });
    }),
  );
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / CALLS;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

const stub = await startStubChild();
const options = { slackApiUrl: stub.apiUrl, retryConfig: { retries: 0 }, timeout: 5_000 };
const clients = {
  'built-in fetch': new WebClient('xoxb-bench', options),
  undiciFetch: new WebClient('xoxb-bench', { ...options, fetch: undiciFetch() }),
};
const results: Record<string, number[]> = { 'built-in fetch': [], undiciFetch: [] };
for (const client of Object.values(clients)) await round(client); // warm-up: JIT and connections
for (let r = 0; r < ROUNDS; r++) {
  for (const [name, client] of Object.entries(clients)) results[name]?.push(await round(client));
}
stub.stop();
for (const [name, values] of Object.entries(results)) {
  console.log(
    `${name.padEnd(16)} ${median(values).toFixed(3)} ms CPU per chat.postMessage (rounds: ${values.map((v) => v.toFixed(3)).join(' ')})`,
  );
}
