/**
 * A fake Slack Web API on 127.0.0.1 (ephemeral port; point SLACK_API_URL at `apiUrl`) that behaves like Slack where
 * it matters to delivery: chat.postMessage paced per channel (a burst, then about one a second, else HTTP 429 with
 * Retry-After), an optional workspace cap, injected errors and slow answers, the three upload steps (recording the
 * bytes and both alt-text spellings received), slack_file image blocks refused while the file is processing, and a
 * response_url. Every accepted call is recorded with the ts it was given, so tests assert on what reaches people.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseBody } from './fake-slack/body.js';
import { GcraLimiter, type RateRule } from './fake-slack/rate-limit.js';

export interface FakeSlackOptions {
  /** chat.postMessage per channel; default burst 3, then one per 1,000 ms. `false`: no limit. */
  channelRate?: RateRule | false;
  /** chat.postMessage across the workspace; default none. */
  workspaceRate?: RateRule;
  /** Retry-After for a 429, in whole seconds; default the time until the next post is allowed (at least 1). */
  retryAfterSeconds?: (context: { method: string; channel?: string; waitMs: number }) => number;
  /** The only bot token accepted (others get invalid_auth); default any token. */
  token?: string;
  /** How long after files.completeUploadExternal an image block may not yet use the file. Default 0. */
  fileProcessingMs?: number;
  /** Channels the bot is not in: chat.postMessage answers not_in_channel. */
  notInChannel?: string[];
  /** What apps.connections.open hands out (a fake socket server); default a URL nothing listens on. */
  socketUrl?: string;
}

export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
  channel?: string;
  thread_ts?: string;
  /** The ts Slack assigned (messages) or the file id (uploads). */
  ts?: string;
  at: number;
  encoding: string;
}

export interface RejectedCall {
  method: string;
  args: Record<string, unknown>;
  status: number;
  error: string;
  retryAfterSeconds?: number;
  at: number;
}

export interface RecordedUpload {
  fileId: string;
  filename: string;
  length: number;
  /** What the method reads (files.getUploadURLExternal documents `alt_txt`). */
  alt_txt?: string;
  /** What @slack/web-api 8.2 sends instead. */
  alt_text?: string;
  bytes?: Buffer;
  completedAt?: number;
  channel_id?: string;
  thread_ts?: string;
  title?: string;
}

export interface Injection {
  /** The Slack error code (`not_in_channel`, `invalid_auth`, …), or an HTTP status for a transport failure. */
  error: string | { status: number };
  channel?: string;
  times?: number;
}

export interface FakeSlack {
  /** SLACK_API_URL for the app (ends in /api/). */
  apiUrl: string;
  port: number;
  calls: RecordedCall[];
  rejected: RejectedCall[];
  uploads: RecordedUpload[];
  responses: { id: string; body: Record<string, unknown>; at: number }[];
  /** Accepted chat.postMessage calls, optionally in one channel, in the order Slack accepted them. */
  messages(channel?: string): RecordedCall[];
  callsTo(method: string): RecordedCall[];
  /** Fail the next matching call(s) of `method` (`upload`: the upload URL answers the given HTTP status). */
  inject(method: string, injection: Injection): void;
  /** Answer `method` this late from now on (0: at once). */
  delay(method: string, ms: number): void;
  /** A fresh response_url on this server. */
  responseUrl(): string;
  close(): Promise<void>;
}

interface Answer {
  status?: number;
  headers?: Record<string, string>;
  body: Record<string, unknown> | string;
}

const fail = (error: string, extra: Record<string, unknown> = {}): Answer => ({ body: { ok: false, error, ...extra } });

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const channelLimiter =
    options.channelRate === false ? undefined : new GcraLimiter(options.channelRate ?? { burst: 3, intervalMs: 1_000 });
  const workspaceLimiter = options.workspaceRate ? new GcraLimiter(options.workspaceRate) : undefined;
  const notInChannel = new Set(options.notInChannel ?? []);
  const calls: RecordedCall[] = [];
  const rejected: RejectedCall[] = [];
  const uploads: RecordedUpload[] = [];
  const responses: FakeSlack['responses'] = [];
  const injections = new Map<string, Injection[]>();
  const delays = new Map<string, number>();
  const messageTs = new Set<string>();
  let counter = 0;
  let base = '';

  const nextTs = () => `${1_700_000_000 + Math.floor(counter / 1000)}.${String(++counter).padStart(6, '0')}`;

  const injected = (method: string, channel: string | undefined): Injection | undefined => {
    const list = injections.get(method);
    const index = list?.findIndex((i) => i.channel === undefined || i.channel === channel) ?? -1;
    if (!list || index === -1) return undefined;
    const hit = list[index] as Injection;
    if ((hit.times ?? 1) <= 1) list.splice(index, 1);
    else hit.times = (hit.times ?? 1) - 1;
    return hit;
  };

  const rateLimited = (method: string, channel: string, now: number): Answer | undefined => {
    for (const [limiter, key] of [
      [channelLimiter, channel],
      [workspaceLimiter, '*'],
    ] as const) {
      const decision = limiter?.check(key, now);
      if (decision && !decision.allowed) {
        const seconds =
          options.retryAfterSeconds?.({ method, channel, waitMs: decision.waitMs }) ??
          Math.max(1, Math.ceil(decision.waitMs / 1000));
        return { status: 429, headers: { 'retry-after': String(seconds) }, body: { ok: false, error: 'ratelimited' } };
      }
    }
    return undefined;
  };

  /** Slack refuses an image block whose slack_file is unknown or still processing (reported: invalid_blocks). */
  const badSlackFile = (blocks: unknown, now: number): Answer | undefined => {
    if (!Array.isArray(blocks)) return undefined;
    for (const [index, block] of blocks.entries()) {
      const id = (block as { slack_file?: { id?: unknown } } | null)?.slack_file?.id;
      if ((block as { type?: unknown } | null)?.type !== 'image' || id === undefined) continue;
      const upload = uploads.find((u) => u.fileId === id);
      const ready = upload?.completedAt !== undefined && now - upload.completedAt >= (options.fileProcessingMs ?? 0);
      if (!ready) {
        const problem = `invalid slack file [json-pointer:/blocks/${index}/slack_file]`;
        return fail('invalid_blocks', { errors: [problem], response_metadata: { messages: [`[ERROR] ${problem}`] } });
      }
    }
    return undefined;
  };

  const handlers: Record<string, (args: Record<string, unknown>, now: number) => Answer> = {
    'auth.test': () => ({ body: { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T0TEAM', team: 'fake' } }),
    'apps.connections.open': () => ({ body: { ok: true, url: options.socketUrl ?? 'ws://127.0.0.1:9/socket' } }),
    'chat.postMessage': (args, now) => {
      const channel = text(args.channel);
      if (!channel) return fail('channel_not_found');
      if (text(args.text) === undefined && args.blocks === undefined) return fail('no_text');
      if (notInChannel.has(channel)) return fail('not_in_channel');
      const refusal = rateLimited('chat.postMessage', channel, now) ?? badSlackFile(args.blocks, now);
      if (refusal) return refusal;
      const ts = nextTs();
      messageTs.add(ts);
      // A post to a user id lands in the DM with that user, whose id Slack returns.
      const landed = channel.startsWith('U') ? `D${channel.slice(1)}` : channel;
      const threadTs = text(args.thread_ts);
      return { body: { ok: true, channel: landed, ts, message: { text: args.text, ts, thread_ts: threadTs } } };
    },
    'chat.update': (args, now) => {
      const ts = text(args.ts);
      if (!ts || !messageTs.has(ts)) return fail('message_not_found');
      return badSlackFile(args.blocks, now) ?? { body: { ok: true, channel: args.channel, ts } };
    },
    'chat.postEphemeral': () => ({ body: { ok: true, message_ts: nextTs() } }),
    'files.getUploadURLExternal': (args) => {
      const filename = text(args.filename);
      const length = Number(args.length);
      if (!filename || !(length > 0)) return fail('missing_argument');
      const fileId = `F${String(++counter).padStart(9, '0')}`;
      uploads.push({
        fileId,
        filename,
        length,
        ...(text(args.alt_txt) !== undefined ? { alt_txt: text(args.alt_txt) } : {}),
        ...(text(args.alt_text) !== undefined ? { alt_text: text(args.alt_text) } : {}),
      });
      return { body: { ok: true, upload_url: `${base}/upload/${fileId}`, file_id: fileId } };
    },
    'files.completeUploadExternal': (args, now) => {
      const files = Array.isArray(args.files) ? (args.files as { id?: unknown; title?: unknown }[]) : [];
      const found = files.map((f) => uploads.find((u) => u.fileId === f.id && u.bytes !== undefined));
      if (files.length === 0 || found.some((u) => u === undefined)) return fail('file_not_found');
      for (const [i, upload] of found.entries()) {
        if (!upload) continue;
        upload.completedAt = now;
        const title = text(files[i]?.title);
        if (title !== undefined) upload.title = title;
        const channel = text(args.channel_id);
        if (channel !== undefined) upload.channel_id = channel;
        const thread = text(args.thread_ts);
        if (thread !== undefined) upload.thread_ts = thread;
      }
      return { body: { ok: true, files: found.map((u) => ({ id: u?.fileId, name: u?.filename, title: u?.title })) } };
    },
  };

  const answer = (res: ServerResponse, reply: Answer) => {
    const json = typeof reply.body !== 'string';
    res.writeHead(reply.status ?? 200, {
      'content-type': json ? 'application/json; charset=utf-8' : 'text/plain',
      ...reply.headers,
    });
    res.end(json ? JSON.stringify(reply.body) : reply.body);
  };

  const handleApi = (method: string, req: IncomingMessage, raw: Buffer): Answer => {
    const now = Date.now();
    const { args, encoding } = parseBody(raw, req.headers['content-type']);
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? text(args.token);
    const channel = text(args.channel) ?? text(args.channel_id);
    const injection = injected(method, channel);
    let reply: Answer;
    if (!token) reply = fail('not_authed');
    else if (options.token !== undefined && token !== options.token) reply = fail('invalid_auth');
    else if (injection)
      reply =
        typeof injection.error === 'string'
          ? fail(injection.error)
          : { status: injection.error.status, body: 'upstream failure' };
    else reply = (handlers[method] ?? (() => ({ body: { ok: true } })))(args, now);
    const body = typeof reply.body === 'string' ? undefined : reply.body;
    if (reply.status === undefined && body?.ok === true) {
      const ts = text(body.ts) ?? text(body.file_id);
      const thread_ts = text(args.thread_ts);
      calls.push({
        method,
        args,
        ...(channel !== undefined ? { channel } : {}),
        ...(thread_ts !== undefined ? { thread_ts } : {}),
        ...(ts !== undefined ? { ts } : {}),
        at: now,
        encoding,
      });
    } else {
      const retryAfter = reply.headers?.['retry-after'];
      rejected.push({
        method,
        args,
        status: reply.status ?? 200,
        error: text(body?.error) ?? `http_${reply.status}`,
        ...(retryAfter !== undefined ? { retryAfterSeconds: Number(retryAfter) } : {}),
        at: now,
      });
    }
    return reply;
  };

  const handleUpload = (fileId: string, req: IncomingMessage, raw: Buffer): Answer => {
    const upload = uploads.find((u) => u.fileId === fileId);
    if (!upload) return { status: 404, body: 'no such upload' };
    const injection = injected('upload', undefined);
    if (injection)
      return { status: typeof injection.error === 'string' ? 500 : injection.error.status, body: 'failed' };
    const { file } = parseBody(raw, req.headers['content-type']);
    upload.bytes = file ?? Buffer.alloc(0);
    return { body: `OK - ${upload.bytes.length}` };
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const path = (req.url ?? '').split('?')[0] ?? '';
      const api = /^\/api\/([\w.]+)$/.exec(path);
      const upload = /^\/upload\/(\w+)$/.exec(path);
      const response = /^\/response\/(\w+)$/.exec(path);
      let reply: Answer;
      let delayMs = 0;
      if (req.method !== 'POST') reply = { status: 405, body: 'POST only' };
      else if (api?.[1]) {
        delayMs = delays.get(api[1]) ?? 0;
        reply = handleApi(api[1], req, raw);
      } else if (upload?.[1]) reply = handleUpload(upload[1], req, raw);
      else if (response?.[1]) {
        responses.push({ id: response[1], body: parseBody(raw, req.headers['content-type']).args, at: Date.now() });
        reply = { body: { ok: true } };
      } else reply = { status: 404, body: 'not found' };
      if (delayMs > 0) setTimeout(() => answer(res, reply), delayMs);
      else answer(res, reply);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
  let responseCounter = 0;

  return {
    apiUrl: `${base}/api/`,
    port,
    calls,
    rejected,
    uploads,
    responses,
    messages: (channel) =>
      calls.filter((c) => c.method === 'chat.postMessage' && (channel === undefined || c.channel === channel)),
    callsTo: (method) => calls.filter((c) => c.method === method),
    inject: (method, injection) => {
      injections.set(method, [...(injections.get(method) ?? []), { ...injection }]);
    },
    delay: (method, ms) => {
      delays.set(method, ms);
    },
    responseUrl: () => `${base}/response/r${++responseCounter}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
