import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { ListenOptions } from 'node:net';
import { parse as parseQuery } from 'node:querystring';
import {
  type App,
  buildReceiverRoutes,
  type CustomRoute,
  HTTPModuleFunctions,
  LogLevel,
  type Receiver,
  type ReceiverEvent,
  ReceiverInconsistentStateError,
  ReceiverMultipleAckError,
  type ReceiverProcessEventErrorHandlerArgs,
  type ReceiverRoutes,
  verifySlackRequest,
} from '@slack/bolt';
import type { AppLogger } from '../logging.js';
import { isLoggableCode, ownErrorCode } from './errors.js';
import { checkPayload, type PayloadKind } from './payload-shape.js';

/** What one caller without the signing secret can make the receiver hold, and for how long. */
export interface ReceiverLimits {
  /** Time to send the request headers (Node's `headersTimeout`). */
  headersTimeoutMs: number;
  /** Time to send the whole request, headers and body (Node's `requestTimeout`): ends slow drips. */
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open between requests. */
  keepAliveTimeoutMs: number;
  /** Connections open at once; more are closed as they arrive (Node's `maxConnections`). */
  maxConnections: number;
  /** The largest body read; larger gets 413 without reading the rest. */
  bodyLimitBytes: number;
  /** How far from now (past or future) `x-slack-request-timestamp` may be. */
  timestampSkewSeconds: number;
}

/**
 * Sized in docs/OPERATIONS.md. The body limit: a message shortcut carries the whole message, whose 40,000
 * characters come twice (text and rich_text blocks); at 4 UTF-8 bytes a character, percent-encoded (3 bytes a byte)
 * that is 40,000 × 4 × 3 × 2 = 960,000 bytes, so 1 MiB. Every other payload allycomp receives is far smaller.
 */
export const DEFAULT_LIMITS: ReceiverLimits = {
  headersTimeoutMs: 5_000,
  requestTimeoutMs: 10_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 64,
  bodyLimitBytes: 1024 * 1024,
  timestampSkewSeconds: 5 * 60,
};

/** Bolt's HTTPReceiver waits this long for an ack before answering for the listener (5 s for function_executed). */
export const UNACKNOWLEDGED_AFTER_MS = 3_001;
const FUNCTION_UNACKNOWLEDGED_AFTER_MS = 5_001;
/** Slack's unsigned `ssl_check=1&token=…` is tiny; nothing unsigned larger is read. */
const SSL_CHECK_MAX_BYTES = 256;
const SIGNATURE = /^v0=[0-9a-f]{64}$/;
const TIMESTAMP = /^\d{1,12}$/;

export interface HardenedReceiverOptions {
  signingSecret: string;
  logger: AppLogger;
  /** Where Slack posts (default `/slack/events`). */
  endpoint?: string;
  /** Exact-path routes such as `/healthz` (no `:params`). */
  customRoutes?: CustomRoute[];
  limits?: Partial<ReceiverLimits>;
  /** Same contract as HTTPReceiver's: answer for a processEvent that threw; true when it answered. */
  processEventErrorHandler?: (args: ReceiverProcessEventErrorHandlerArgs) => Promise<boolean>;
  unacknowledgedAfterMs?: number;
  /** Clock for the timestamp window (tests). */
  now?: () => number;
}

type Outcome = { status: number; reason: string };

class BodyTooLarge extends Error {}

/**
 * Bolt's HTTP receiver with the cheap checks first: headers, then the size, then the body, then the signature,
 * then the payload's shape. Answers Slack the way HTTPReceiver does with processBeforeResponse false: the ack
 * writes the response at once, the listener keeps working; an ack that does not come within three seconds is
 * answered for it (logged), and a request nobody acknowledged gets an empty 200 when its handling ends.
 */
export class HardenedReceiver implements Receiver {
  readonly limits: ReceiverLimits;
  private app: App | undefined;
  private server: Server | undefined;
  private stopping: Promise<void> | undefined;
  private readonly routes: ReceiverRoutes;
  private readonly endpoint: string;
  private readonly inFlight = new Set<ServerResponse>();
  private dropped = 0;
  private lastDropLog = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: HardenedReceiverOptions) {
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.endpoint = options.endpoint ?? '/slack/events';
    this.routes = buildReceiverRoutes(options.customRoutes ?? []);
  }

  init(app: App): void {
    this.app = app;
  }

  /** Listens on a port (0 for any) or listen options; resolves with the server, as HTTPReceiver does. */
  start(portOrOptions: number | string | ListenOptions = 3000): Promise<Server> {
    if (this.server) return Promise.reject(new Error('the receiver is already started'));
    const { limits } = this;
    const server = createServer(
      {
        headersTimeout: limits.headersTimeoutMs,
        requestTimeout: limits.requestTimeoutMs,
        keepAliveTimeout: limits.keepAliveTimeoutMs,
        // How often Node looks for connections past headersTimeout/requestTimeout (default 30 s).
        connectionsCheckingInterval: Math.max(100, Math.min(1_000, limits.headersTimeoutMs / 4)),
      },
      (req, res) => this.handle(req, res),
    );
    server.maxConnections = limits.maxConnections;
    // A connection that sends nothing at all is closed by the socket's own idle timer.
    server.setTimeout(limits.headersTimeoutMs, (socket) => socket.destroy());
    server.on('drop', () => this.noteDrop());
    this.server = server;
    this.stopping = undefined;
    const listen = typeof portOrOptions === 'string' ? Number(portOrOptions) : portOrOptions;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(listen, () => {
        server.off('error', reject);
        resolve(server);
      });
    });
  }

  /**
   * Stops accepting connections, closes idle ones, lets requests in flight get their answer (each with
   * `Connection: close`), then resolves; after `graceMs` the rest are cut. Calling it again returns the same promise;
   * calling it before start() rejects, as HTTPReceiver's does.
   */
  stop(graceMs = 10_000): Promise<void> {
    if (this.stopping) return this.stopping;
    const server = this.server;
    // As HTTPReceiver: stopping what never started is a mistake worth hearing about.
    if (!server)
      return Promise.reject(
        new ReceiverInconsistentStateError('The receiver cannot be stopped because it was not started.'),
      );
    for (const res of this.inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
    this.stopping = new Promise<void>((resolve) => {
      const cut = setTimeout(() => server.closeAllConnections(), graceMs);
      server.close(() => {
        clearTimeout(cut);
        this.server = undefined;
        resolve();
      });
      server.closeIdleConnections();
    });
    return this.stopping;
  }

  /** One line a minute at most while the cap turns connections away, with how many it turned away. */
  private noteDrop(): void {
    this.dropped += 1;
    const now = Date.now();
    if (now - this.lastDropLog < 60_000) return;
    this.lastDropLog = now;
    this.options.logger.event(LogLevel.WARN, 'connections_capped', {
      max: this.limits.maxConnections,
      dropped: this.dropped,
    });
    this.dropped = 0;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    let path: string;
    try {
      path = new URL(req.url ?? '/', 'http://localhost').pathname;
    } catch {
      finish(res, { status: 400, reason: 'bad_url' }, true);
      return;
    }
    const method = (req.method ?? '').toUpperCase();
    if (this.stopping) {
      finish(res, { status: 503, reason: 'stopping' }, true);
      return;
    }
    if (path === this.endpoint && method === 'POST') {
      this.inFlight.add(res);
      res.once('close', () => this.inFlight.delete(res));
      this.handleSlackRequest(req, res).catch(() => {
        // Nothing above should throw; if it does, the caller still gets an answer and the process keeps serving.
        this.options.logger.event(LogLevel.ERROR, 'request_failed', { code: 'receiver' });
        finish(res, { status: 500, reason: 'receiver' }, true);
      });
      return;
    }
    const handler = this.routes[path]?.[method];
    if (!handler) {
      // Closed, so a body sent to a wrong path is not drained; and logged nowhere (the path is the caller's text).
      finish(res, { status: 404, reason: 'not_found' }, true);
      return;
    }
    try {
      const result: unknown = handler(Object.assign(req, { params: {} }), res);
      if (result instanceof Promise) result.catch(() => finish(res, { status: 500, reason: 'route_failed' }, false));
    } catch {
      finish(res, { status: 500, reason: 'route_failed' }, false);
    }
  }

  /** The headers alone decide whether the body is worth reading. */
  private screen(req: IncomingMessage): Outcome | 'signed' | 'ssl_check' {
    const signature = req.headers['x-slack-signature'];
    const timestamp = req.headers['x-slack-request-timestamp'];
    const length = Number(req.headers['content-length'] ?? Number.NaN);
    if (signature === undefined) {
      // Slack's ssl_check may come unsigned (HTTPReceiver accepts it so); only a tiny form body is read for it.
      const form = req.headers['content-type'] === 'application/x-www-form-urlencoded';
      return form && length > 0 && length <= SSL_CHECK_MAX_BYTES ? 'ssl_check' : { status: 401, reason: 'unsigned' };
    }
    if (typeof signature !== 'string' || !SIGNATURE.test(signature)) return { status: 401, reason: 'bad_signature' };
    if (typeof timestamp !== 'string' || !TIMESTAMP.test(timestamp)) return { status: 401, reason: 'bad_timestamp' };
    const nowSeconds = Math.floor((this.options.now?.() ?? Date.now()) / 1000);
    if (Math.abs(nowSeconds - Number(timestamp)) > this.limits.timestampSkewSeconds) {
      return { status: 401, reason: 'stale_timestamp' };
    }
    if (length > this.limits.bodyLimitBytes) return { status: 413, reason: 'too_large' };
    return 'signed';
  }

  private async handleSlackRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const screened = this.screen(req);
    if (typeof screened === 'object') {
      this.refuse(res, screened);
      return;
    }
    const limit = screened === 'ssl_check' ? SSL_CHECK_MAX_BYTES : this.limits.bodyLimitBytes;
    let raw: string;
    try {
      raw = (await readBody(req, limit)).toString('utf8');
    } catch (error) {
      if (error instanceof BodyTooLarge) return this.refuse(res, { status: 413, reason: 'too_large' });
      // The caller went away (or the request timed out, and Node answered 408): nobody to answer.
      return;
    }
    if (screened === 'ssl_check') {
      // Only `ssl_check=1` is answered unsigned; nothing beside it is ever parsed further (Bolt strips it too).
      const fields = parseQuery(raw);
      return fields.ssl_check === '1'
        ? finish(res, { status: 200, reason: 'ssl_check' }, false)
        : this.refuse(res, { status: 401, reason: 'unsigned' });
    }
    try {
      verifySlackRequest({
        signingSecret: this.options.signingSecret,
        body: raw,
        headers: {
          'x-slack-signature': String(req.headers['x-slack-signature']),
          'x-slack-request-timestamp': Number(req.headers['x-slack-request-timestamp']),
        },
        ...(this.options.now ? { nowMilliseconds: this.options.now() } : {}),
      });
    } catch {
      return this.refuse(res, { status: 401, reason: 'bad_signature' });
    }
    let body: unknown;
    try {
      body = parseBody(raw, req.headers['content-type']);
    } catch {
      return this.refuse(res, { status: 400, reason: 'malformed' });
    }
    const check = checkPayload(body);
    if (!check.ok) {
      this.options.logger.event(LogLevel.WARN, 'payload_refused', { kind: check.kind });
      finish(res, { status: 400, reason: 'shape' }, false);
      return;
    }
    if (check.kind === 'ssl_check') {
      finish(res, { status: 200, reason: 'ssl_check' }, false);
      return;
    }
    if (check.kind === 'url_verification') {
      return HTTPModuleFunctions.buildUrlVerificationResponse(res, body);
    }
    await this.dispatch(req, res, body as Record<string, unknown>, check.kind);
  }

  /** Hands the payload to Bolt with an ack that answers Slack at once (processBeforeResponse false). */
  private async dispatch(
    req: IncomingMessage,
    res: ServerResponse,
    body: Record<string, unknown>,
    kind: PayloadKind,
  ): Promise<void> {
    // waiting → acked (the listener answered) or late (answered for it after the timeout; a late ack is a no-op).
    let state: 'waiting' | 'acked' | 'late' = 'waiting';
    const isFunction = (body.event as { type?: unknown } | undefined)?.type === 'function_executed';
    const unacknowledged = setTimeout(
      () => {
        if (state !== 'waiting') return;
        state = 'late';
        this.options.logger.event(LogLevel.ERROR, 'not_acknowledged', { kind });
        if (!res.headersSent) HTTPModuleFunctions.buildNoBodyResponse(res, 404);
      },
      isFunction ? FUNCTION_UNACKNOWLEDGED_AFTER_MS : (this.options.unacknowledgedAfterMs ?? UNACKNOWLEDGED_AFTER_MS),
    );
    const ack = async (response?: unknown): Promise<void> => {
      if (state === 'acked') throw new ReceiverMultipleAckError();
      const wasLate = state === 'late';
      state = 'acked';
      clearTimeout(unacknowledged);
      if (!wasLate && !res.headersSent) HTTPModuleFunctions.buildContentResponse(res, response);
    };
    const event: ReceiverEvent = {
      body,
      ack,
      retryNum: HTTPModuleFunctions.extractRetryNumFromHTTPRequest(req),
      retryReason: HTTPModuleFunctions.extractRetryReasonFromHTTPRequest(req),
      customProperties: {},
    };
    try {
      if (!this.app) throw new Error('the receiver has no app (init was not called)');
      await this.app.processEvent(event);
      // Nobody acknowledged and handling is over: Slack still gets its 200 now rather than a 404 in three seconds.
      if (state === 'waiting') await ack();
    } catch (error) {
      const answered = await this.answerFailure(error, req, res);
      if (answered) {
        state = 'acked';
        clearTimeout(unacknowledged);
      }
    }
  }

  private async answerFailure(error: unknown, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const failure = error instanceof Error ? error : new Error('non-error thrown');
    if (this.options.processEventErrorHandler) {
      try {
        return await this.options.processEventErrorHandler({
          error: failure,
          logger: this.options.logger,
          request: req,
          response: res,
          storedResponse: undefined,
        });
      } catch {
        // Falls through to the plain answer below.
      }
    }
    const code = ownErrorCode(failure);
    this.options.logger.event(LogLevel.ERROR, 'request_failed', { code: isLoggableCode(code) ? code : 'unexpected' });
    if (!res.headersSent) HTTPModuleFunctions.buildNoBodyResponse(res, 500);
    return true;
  }

  /** An answer to a caller that has not proven it is Slack: sent at once, connection closed, body never read. */
  private refuse(res: ServerResponse, outcome: Outcome): void {
    // Only allow-listed keys (`code`), and never the path, headers or body.
    this.options.logger.event(LogLevel.DEBUG, 'request_refused', { code: outcome.reason });
    finish(res, outcome, true);
  }
}

/** Ends the response; `close` ends the connection too, so an unread body is never drained into the server. */
function finish(res: ServerResponse, outcome: Outcome, close: boolean): void {
  if (res.headersSent) {
    if (!res.writableEnded) res.end();
    return;
  }
  res.writeHead(outcome.status, { 'content-length': 0, ...(close ? { connection: 'close' } : {}) });
  res.end();
  if (close) res.once('finish', () => res.req.socket.destroySoon?.());
}

/** Reads at most `limit` bytes; past it, stops reading and rejects (the caller answers 413 and closes). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        req.pause();
        chunks.length = 0;
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onClose = () => {
      cleanup();
      reject(new Error('request closed before its body ended'));
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

/** As Bolt parses: form bodies carry interactivity as JSON in `payload`, commands as fields; the rest is JSON. */
function parseBody(raw: string, contentType: string | undefined): unknown {
  if (contentType === 'application/x-www-form-urlencoded') {
    const fields = parseQuery(raw);
    return typeof fields.payload === 'string' ? JSON.parse(fields.payload) : { ...fields };
  }
  return JSON.parse(raw);
}
