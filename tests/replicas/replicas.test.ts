/**
 * Two real bot processes (src/main.ts under tsx, each with its real receiver on its own port) on one PostgreSQL and
 * one loopback Slack Web API: a load balancer may send any request, or Slack's retry of it, to either replica.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { KnownBlock } from '@slack/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeCardState } from '../../src/views/coach-card.js';
import { BLOCK_PREFIXES } from '../../src/views/ids.js';
import { freshDatabaseUrl } from '../support/postgres.js';
import { blockActions, SIGNING_SECRET, sign } from '../support/slack.js';
import { type LoopbackSlack, startLoopbackSlack } from './loopback-slack.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CWD = mkdtempSync(join(tmpdir(), 'allycomp-replicas-'));
const COACH = 'U0COACH';
const TEAMMATE = 'U0TEAMMATE';
const CHANNEL = 'C0PREP';

interface Replica {
  name: string;
  child: ChildProcess;
  port: number;
  lines: Array<Record<string, unknown>>;
}

async function startReplica(name: string, env: Record<string, string>): Promise<Replica> {
  const child = spawn(
    process.execPath,
    // tsx as a loader, not its CLI: the CLI runs the bot in a grandchild that a kill of the child would leave running.
    [
      '--import',
      pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'esm', 'index.mjs')).href,
      join(ROOT, 'src', 'main.ts'),
    ],
    { cwd: CWD, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const lines: Array<Record<string, unknown>> = [];
  let stderr = '';
  let partial = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start: ${stderr}`)), 25_000);
    child.on('exit', (code) => reject(new Error(`${name} exited ${code}: ${stderr}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      const text = (partial + chunk.toString()).split('\n');
      partial = text.pop() ?? '';
      for (const line of text.filter(Boolean)) {
        const parsed = JSON.parse(line) as Record<string, unknown>;
        lines.push(parsed);
        if (parsed.msg === 'started') {
          clearTimeout(timer);
          resolve(Number(parsed.port));
        }
      }
    });
  });
  return { name, child, port, lines };
}

function signedPost(replica: Replica, body: string, contentType: string, headers: Record<string, string> = {}) {
  const timestamp = Math.floor(Date.now() / 1000);
  return fetch(`http://127.0.0.1:${replica.port}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': sign(body, timestamp, SIGNING_SECRET),
      ...headers,
    },
    body,
  });
}

function eventBody(eventId: string, event: Record<string, unknown>): string {
  return JSON.stringify({
    team_id: 'T0TEAM',
    api_app_id: 'A0ALLYCOMP',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: 'T0TEAM', user_id: 'U0ALLYCOMP', is_bot: true }],
  });
}

async function until<T>(check: () => T | undefined | false, what: string, timeoutMs = 8000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const outcomes = (replica: Replica) => replica.lines.map((line) => line.outcome).filter(Boolean);

let slack: LoopbackSlack;
let a: Replica;
let b: Replica;

beforeAll(async () => {
  slack = await startLoopbackSlack();
  slack.members = [COACH, TEAMMATE];
  const env = {
    SLACK_BOT_TOKEN: 'xoxb-replica-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.url,
    DATABASE_URL: await freshDatabaseUrl('replicas'),
    PORT: '0',
    NODE_ENV: 'test',
  };
  [a, b] = await Promise.all([startReplica('a', env), startReplica('b', env)]);
}, 60_000);

afterAll(async () => {
  for (const replica of [a, b]) replica?.child.kill('SIGKILL');
  await slack?.close();
  rmSync(CWD, { recursive: true, force: true });
});

describe('two replicas on one PostgreSQL', () => {
  it('a Slack retry that reaches the other replica is not answered twice', async () => {
    const body = eventBody('EvRETRY1', { type: 'app_home_opened', user: COACH, channel: 'D0HOME', tab: 'home' });
    const [first, retry] = await Promise.all([
      signedPost(a, body, 'application/json'),
      signedPost(b, body, 'application/json', { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' }),
    ]);
    expect([first.status, retry.status]).toEqual([200, 200]);
    await until(() => slack.callsTo('views.publish').length >= 1, 'one publish');
    await until(() => [...outcomes(a), ...outcomes(b)].includes('duplicate'), 'a duplicate logged');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(slack.callsTo('views.publish')).toHaveLength(1);
  });

  it('two ticks on one coach card through different replicas both land, in order', async () => {
    const form = new URLSearchParams({
      team_id: 'T0TEAM',
      channel_id: CHANNEL,
      user_id: COACH,
      command: '/allycomp',
      // A group card (no teammate named): anyone in the channel may tick, and no consent step comes first.
      text: 'coach ny',
      api_app_id: 'A0ALLYCOMP',
      response_url: `http://127.0.0.1:1/unused`,
      trigger_id: '1.2.3',
    }).toString();
    expect((await signedPost(a, form, 'application/x-www-form-urlencoded')).status).toBe(200);
    const card = await until(
      () => slack.callsTo('chat.postMessage').find((call) => call.args.channel === CHANNEL),
      'the card',
    );
    const ts = String(card.reply.ts);
    const blocks = card.args.blocks as KnownBlock[];
    const button = (stepId: string) =>
      (
        blocks.find((block) => block.block_id === `${BLOCK_PREFIXES.coachStep}${stepId}`) as {
          accessory: { action_id: string; value: string };
        }
      ).accessory;
    const click = (user: string, stepId: string) =>
      new URLSearchParams({
        payload: JSON.stringify(
          blockActions(
            { ...button(stepId), block_id: 'x' },
            { message_ts: ts, channel_id: CHANNEL },
            {
              user: { id: user, username: 'someone', team_id: 'T0TEAM' },
              channel: { id: CHANNEL, name: 'prep' },
              message: { type: 'message', ts, text: 'card', user: 'U0ALLYCOMP' },
            },
          ),
        ),
      }).toString();
    // Slow updates: without a lock across processes the second would start from its stale payload and drop the first tick.
    slack.delay('chat.update', 300);
    const first = signedPost(a, click(TEAMMATE, 'band'), 'application/x-www-form-urlencoded');
    await new Promise((resolve) => setTimeout(resolve, 60));
    const second = signedPost(b, click(COACH, 'premiums'), 'application/x-www-form-urlencoded');
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
    const updates = await until(
      () => slack.callsTo('chat.update').length >= 2 && slack.callsTo('chat.update'),
      'two updates',
    );
    slack.delay('chat.update', 0);
    const ticksOf = (call: (typeof updates)[number]) => {
      const band = (call.args.blocks as KnownBlock[]).find(
        (block) => block.block_id === `${BLOCK_PREFIXES.coachStep}band`,
      ) as {
        accessory: { value: string };
      };
      return Object.keys(decodeCardState(band.accessory.value)?.ticks ?? {}).sort();
    };
    expect(updates.map((call) => call.args.ts)).toEqual([ts, ts]);
    // Whichever reached the card's lock first is applied first; the second starts from the state the first stored.
    const [earlier, later] = updates.map(ticksOf);
    expect(earlier).toHaveLength(1);
    expect(later).toEqual(['band', 'premiums']);
  });

  it('a replica killed mid-answer loses only its unfinished posts; Slack’s retry is not answered twice', async () => {
    const channel = 'D0KILLED';
    const body = eventBody('EvKILLED1', {
      type: 'message',
      channel_type: 'im',
      channel,
      user: COACH,
      text: 'ny',
      ts: '1700000100.000100',
    });
    const posted = () => slack.callsTo('chat.postMessage').filter((call) => call.args.channel === channel);
    // The answer's first post goes through; the next ones hang, and the replica dies while they do.
    slack.hold('chat.postMessage', channel, 1);
    expect((await signedPost(a, body, 'application/json')).status).toBe(200);
    await until(() => posted().length === 1, 'the first post');
    await new Promise((resolve) => setTimeout(resolve, 100));
    a.child.kill('SIGKILL');
    await new Promise((resolve) => a.child.once('exit', resolve));
    // Let the fake notice the dead connections before it answers what it held.
    await new Promise((resolve) => setTimeout(resolve, 200));
    slack.release();
    // Slack got no ack? It did (the ack came first); still, it may retry: to the surviving replica.
    const retry = await signedPost(b, body, 'application/json', { 'x-slack-retry-num': '1' });
    expect(retry.status).toBe(200);
    await until(() => outcomes(b).includes('duplicate'), 'the retry dropped');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(posted()).toHaveLength(1);
  });
});
