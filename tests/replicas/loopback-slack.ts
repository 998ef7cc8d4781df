/**
 * A tiny Slack Web API on 127.0.0.1 for bot processes (nock cannot reach into child processes): records each call
 * (method, form fields, the bearer token) and answers ok. `hold(method, n)` makes the n-th call onward of a method
 * wait until released, to catch a replica mid-answer.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseBody } from '../support/fake-slack/body.js';

export interface LoopbackCall {
  method: string;
  args: Record<string, unknown>;
  token?: string;
  /** What the fake answered (a post's ts is in it). */
  reply: Record<string, unknown>;
  at: number;
}

export interface LoopbackSlack {
  url: string;
  calls: LoopbackCall[];
  callsTo(method: string): LoopbackCall[];
  /** Delay every answer to `method` by `ms` (e.g. chat.update, so that two updates overlap if nothing serialises them). */
  delay(method: string, ms: number): void;
  /** From the `fromCall`-th call (0-based) of `method` to `channel` on, answer nothing until `release()`. */
  hold(method: string, channel: string, fromCall: number): void;
  release(): void;
  members: string[];
  close(): Promise<void>;
}

export async function startLoopbackSlack(): Promise<LoopbackSlack> {
  const calls: LoopbackCall[] = [];
  const delays = new Map<string, number>();
  const holds = new Map<string, { channel: string; fromCall: number }>();
  let held: Array<() => void> = [];
  let ts = 1_700_000_000;
  const state = { members: [] as string[] };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0] ?? '';
      const { args } = parseBody(Buffer.concat(chunks), req.headers['content-type']);
      const authorization = req.headers.authorization;
      const token = typeof authorization === 'string' ? authorization.replace(/^Bearer /, '') : undefined;
      const hold = holds.get(method);
      const index = calls.filter((call) => call.method === method && call.args.channel === hold?.channel).length;
      const answer = () => {
        // A caller that died while its call was held never learns the answer: the call did not happen for it.
        if (res.destroyed || req.socket.destroyed) return;
        const body = reply(method, args);
        calls.push({ method, args, ...(token ? { token } : {}), reply: body, at: performance.now() });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (hold !== undefined && args.channel === hold.channel && index >= hold.fromCall) {
        held.push(answer);
        return;
      }
      const delay = delays.get(method);
      if (delay) setTimeout(answer, delay);
      else answer();
    });
  });
  const reply = (method: string, args: Record<string, unknown>): Record<string, unknown> => {
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          bot_id: 'B0ALLYCOMP',
          user_id: 'U0ALLYCOMP',
          team_id: 'T0TEAM',
          url: 'https://x.slack.com/',
        };
      case 'users.info':
        return { ok: true, user: { id: args.user, is_bot: false, deleted: false } };
      case 'conversations.members':
        return { ok: true, members: state.members, response_metadata: { next_cursor: '' } };
      default: {
        const next = `${ts++}.000100`;
        return { ok: true, channel: args.channel, ts: next, message: { ts: next } };
      }
    }
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`,
    calls,
    callsTo: (method) => calls.filter((call) => call.method === method),
    delay: (method, ms) => delays.set(method, ms),
    hold: (method, channel, fromCall) => holds.set(method, { channel, fromCall }),
    release() {
      holds.clear();
      const waiting = held;
      held = [];
      for (const answer of waiting) answer();
    },
    get members() {
      return state.members;
    },
    set members(value: string[]) {
      state.members = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
