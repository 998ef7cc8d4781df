import type { FetchFunction } from '@slack/web-api';
import { bufferedResponse } from './undici-fetch.js';

/**
 * The Web API client logs Slack's `response_metadata.messages` word for word ("[ERROR] …" at error level), and
 * Slack's words can quote what was sent: a person's text, a figure. This fetch hands the client each JSON answer
 * without those messages; the error code (`error`) and the warning codes (`warnings`) stay, and are what allycomp
 * logs and acts on. It wraps either transport (undiciFetch or the built-in fetch): it reads the body once and hands
 * the client the same status and headers with the body as read, or as rewritten.
 */
export function withoutSlackMessages(base: FetchFunction): FetchFunction {
  return async (input, init) => {
    const response = await base(input, init);
    // Slack's answers with messages come as 200 with `ok: false`; a 429 or 5xx is left alone for the retry logic.
    if (response.status !== 200 || !response.headers.get('content-type')?.includes('application/json')) return response;
    // A body that cannot be read (the call's timeout ran out mid-body) fails the call here, as a request error the
    // client retries, instead of later inside the client's own reading.
    const text = await response.text();
    const as = (body: string) => bufferedResponse(response, body);
    if (!text.includes('"messages"')) return as(text);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return as(text);
    }
    const metadata = (body as { response_metadata?: unknown } | null)?.response_metadata;
    if (!metadata || typeof metadata !== 'object' || !('messages' in metadata)) return as(text);
    delete (metadata as { messages?: unknown }).messages;
    return as(JSON.stringify(body));
  };
}
