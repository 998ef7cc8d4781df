/**
 * chat.postMessage for the delivery queue, sent as one JSON document over the app's transport, without the Web API
 * client. Measured (a heap-allocation profile of 2,000 `/allycomp ny`): the client made ~60% of everything a command
 * allocated, copying each message three times per call (a redacted copy for a debug line it builds even when debug
 * is off, the blocks as JSON, then that JSON URL-encoded). Here a message's text and blocks are turned into JSON once
 * per message object, and the public answers are shared by the process, so a post costs a short string and the
 * round trip. Slack takes `application/json` for chat.postMessage with a bearer token.
 *
 * Failures are thrown in the client's shapes (its `code`, with `data.error`, `retryAfter` or `statusCode`), so
 * `errors.ts` and `post-attempt.ts` read them as they read the client's. As the app's client is set up to: no answer or
 * a 5xx is tried twice more, 250 ms and then 500 ms later; a 429 goes straight back to the queue, which waits it out;
 * an `ok: false` is final.
 */
import type { FetchFunction } from '@slack/web-api';
import { CLIENT_ERROR, httpStatusOf, ownErrorCode } from './errors.js';
import { retryAfterSeconds } from './rate-limited-fetch.js';

export interface PostedMessage {
  channel?: string;
  ts?: string;
}

/** A built message: never changed once built (its JSON is kept per object). */
export interface PostableMessage {
  text: string;
  blocks?: readonly unknown[];
}

export interface PostTarget {
  channel: string;
  threadTs?: string;
}

export interface MessagePosterOptions {
  /** Ends in `/api/`, as the Web API client's `slackApiUrl`. */
  slackApiUrl: string;
  transport: FetchFunction;
  timeoutMs: number;
  userAgent: string;
  /** Tries after the first when Slack does not answer or answers 5xx, and the wait before the first of them. */
  retries?: number;
  retryBackoffMs?: number;
  /** Posts on the wire at once, all workspaces together; the rest wait their turn here, holding nothing but a place. */
  maxInFlight?: number;
}

/** Half the Web API client's default concurrency (100): measured, enough to post ~500 a second to a local stub. */
export const DEFAULT_MAX_IN_FLIGHT = 100;

/** What the app's Web API client retries (its retryConfig): no answer, or a 5xx. `ok: false` is never retried. */
const isRetryable = (error: unknown) => {
  const code = ownErrorCode(error);
  return code === CLIENT_ERROR.request || (code === CLIENT_ERROR.http && (httpStatusOf(error) ?? 0) >= 500);
};

/** A message's `"text":…,"blocks":…` as JSON, made once per message object. */
const contentJson = new WeakMap<PostableMessage, string>();

function contentOf(message: PostableMessage): string {
  let json = contentJson.get(message);
  if (json === undefined) {
    const blocks = message.blocks ? `,"blocks":${JSON.stringify(message.blocks)}` : '';
    json = `"text":${JSON.stringify(message.text)}${blocks}`;
    contentJson.set(message, json);
  }
  return json;
}

/** The request body: the channel and thread are per post, the rest is the message's own JSON. */
export function postMessageBody(target: PostTarget, message: PostableMessage): string {
  const thread = target.threadTs === undefined ? '' : `,"thread_ts":${JSON.stringify(target.threadTs)}`;
  return `{"channel":${JSON.stringify(target.channel)}${thread},${contentOf(message)}}`;
}

function clientError(code: string, message: string, fields: Record<string, unknown>): Error {
  return Object.assign(new Error(message), { code, ...fields });
}

export class MessagePoster {
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly options: MessagePosterOptions) {}

  async post(token: string, target: PostTarget, message: PostableMessage): Promise<PostedMessage> {
    const { retries = 2, retryBackoffMs = 250 } = this.options;
    for (let attempt = 0; ; attempt++) {
      await this.takeSlot();
      try {
        return await this.postOnce(token, target, message);
      } catch (error) {
        if (attempt >= retries || !isRetryable(error)) throw error;
      } finally {
        this.releaseSlot();
      }
      await new Promise((resolve) => setTimeout(resolve, retryBackoffMs * 2 ** attempt));
    }
  }

  private takeSlot(): Promise<void> | undefined {
    if (this.inFlight < (this.options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT)) {
      this.inFlight++;
      return undefined;
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** The next in line takes the slot over; else it is free. */
  private releaseSlot(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.inFlight--;
  }

  private async postOnce(token: string, target: PostTarget, message: PostableMessage): Promise<PostedMessage> {
    const { slackApiUrl, transport, timeoutMs, userAgent } = this.options;
    let response: Awaited<ReturnType<FetchFunction>>;
    let text: string;
    try {
      response = await transport(`${slackApiUrl}chat.postMessage`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json; charset=utf-8',
          'user-agent': userAgent,
        },
        body: postMessageBody(target, message),
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      // No answer: a timeout, a refused connection. The client's request error, so the queue retries it.
      throw clientError(CLIENT_ERROR.request, 'A request error occurred', { original: error });
    }
    if (response.status === 429) {
      const seconds = retryAfterSeconds(response);
      throw clientError(CLIENT_ERROR.rateLimited, 'A rate limit was exceeded', {
        ...(seconds === undefined ? {} : { retryAfter: seconds }),
      });
    }
    if (response.status !== 200) {
      throw clientError(CLIENT_ERROR.http, `An HTTP protocol error occurred: statusCode = ${response.status}`, {
        statusCode: response.status,
      });
    }
    let answer: { ok?: unknown; error?: unknown; errors?: unknown; channel?: unknown; ts?: unknown } | null;
    try {
      answer = JSON.parse(text) as typeof answer;
    } catch {
      answer = null;
    }
    if (typeof answer !== 'object' || answer === null) {
      throw clientError(CLIENT_ERROR.http, 'Slack answered with something that is not a JSON object', {
        statusCode: 200,
      });
    }
    if (answer.ok !== true) {
      // The code, and invalid_blocks' `errors` (which block, by JSON pointer), are kept; Slack's
      // `response_metadata.messages` are not: they can quote what was sent.
      const code = typeof answer.error === 'string' ? answer.error : 'unknown_error';
      const errors = Array.isArray(answer.errors) ? answer.errors.filter((e) => typeof e === 'string') : undefined;
      throw clientError(CLIENT_ERROR.platform, `An API error occurred: ${code}`, {
        data: { ok: false, error: code, ...(errors ? { errors } : {}) },
      });
    }
    return {
      ...(typeof answer.channel === 'string' ? { channel: answer.channel } : {}),
      ...(typeof answer.ts === 'string' ? { ts: answer.ts } : {}),
    };
  }
}
