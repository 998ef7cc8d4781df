/**
 * The parent's side of bench/stub-child.ts: the stub's URLs, and its counts asked for over IPC. Counting is the same
 * as the in-process stub's (bench/slack-stub.ts), each app under its own prefix; only the answers are awaited.
 */
import { spawn } from 'node:child_process';
import { track } from './children.js';

export type StubRequest = { type: 'counts'; id: number } | { type: 'hold'; id: number; on: boolean };
export type StubReply =
  | { type: 'ready'; port: number }
  | { type: 'counts'; id: number; calls: Record<string, number>; responses: number }
  | { type: 'held'; id: number };

export interface StubCounts {
  /** Web API calls (and uploads) made under a prefix, optionally of one method. */
  calls(prefix: string, method?: string): number;
  /** Calls under a prefix by method. */
  methods(prefix: string): Map<string, number>;
  /** Posts to response_url, from any app. */
  responses: number;
}

export interface StubProcess {
  port: number;
  apiUrl(prefix: string): string;
  responseUrl(): string;
  /** The stub's counts now. */
  counts(): Promise<StubCounts>;
  /** From when this resolves, chat.postMessage is counted and left unanswered (on) or answered again (off). */
  holdPosts(on: boolean): Promise<void>;
  close(): Promise<void>;
}

function readCounts(calls: Record<string, number>, responses: number): StubCounts {
  const methods = (prefix: string) => {
    const byMethod = new Map<string, number>();
    for (const [key, count] of Object.entries(calls)) {
      const [keyPrefix, method = ''] = key.split(' ');
      if (keyPrefix === prefix) byMethod.set(method, count);
    }
    return byMethod;
  };
  return {
    methods,
    calls(prefix, method) {
      let total = 0;
      for (const [name, count] of methods(prefix)) if (method === undefined || name === method) total += count;
      return total;
    },
    responses,
  };
}

/** Spawns the stub (`script`: bench/stub-child.ts as built by buildChildren) and waits for its port. */
export async function startStubProcess(script: string): Promise<StubProcess> {
  const child = track(spawn(process.execPath, [script], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  const waiting = new Map<number, (reply: Exclude<StubReply, { type: 'ready' }>) => void>();
  let nextId = 0;
  let responseCounter = 0;
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the Web API stub exited before it was ready (${code})`)));
    child.on('message', (reply: StubReply) => {
      if (reply.type === 'ready') resolve(reply.port);
      else waiting.get(reply.id)?.(reply);
    });
  });
  const ask = (request: StubRequest) =>
    new Promise<Exclude<StubReply, { type: 'ready' }>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the Web API stub did not answer')), 30_000);
      waiting.set(request.id, (reply) => {
        clearTimeout(timer);
        waiting.delete(request.id);
        resolve(reply);
      });
      child.send(request);
    });
  return {
    port,
    apiUrl: (prefix) => `http://127.0.0.1:${port}/${prefix}/api/`,
    responseUrl: () => `http://127.0.0.1:${port}/respond/T0BENCH/${++responseCounter}/bench`,
    async counts() {
      const reply = await ask({ type: 'counts', id: ++nextId });
      return reply.type === 'counts' ? readCounts(reply.calls, reply.responses) : readCounts({}, 0);
    },
    async holdPosts(on) {
      await ask({ type: 'hold', id: ++nextId, on });
    },
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      // Already let go of (stopAllChildren kills every tracked process, the stub included): just wait for the exit.
      if (child.connected) child.disconnect();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
