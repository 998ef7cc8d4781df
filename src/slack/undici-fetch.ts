/**
 * A `fetch` for @slack/web-api's WebClient (its `fetch` option, 8.x) built on undici.request instead of the
 * WHATWG fetch: no Request/Response/Headers objects and no web streams per call, which measured as the largest
 * CPU owners of a Web API call here. WebClient reads only what FetchResponse declares (status, headers.get and
 * entries, text/arrayBuffer/json, url), so that is all this provides.
 *
 * The body is read to the end inside the call, under the call's abort signal: a Slack that sends headers and then
 * stalls is abandoned at the client's timeout like one that never answers, and a body nobody reads (the client
 * never reads a 429's) cannot hold a pooled connection.
 */
import type { FetchFunction } from '@slack/web-api';
import { Agent, type Dispatcher, request } from 'undici';

/** The response WebClient reads (its FetchResponse type is not exported from the package's index). */
export type FetchResponse = Awaited<ReturnType<FetchFunction>>;

function headerReader(raw: Record<string, string | string[] | undefined>): FetchResponse['headers'] {
  const value = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(', ') : v);
  return {
    get: (name: string) => value(raw[name.toLowerCase()]) ?? null,
    entries: () =>
      Object.entries(raw).flatMap(([key, v]): [string, string][] => {
        const joined = value(v);
        return joined === undefined ? [] : [[key, joined]];
      }),
  };
}

/** A FetchResponse over a body already read (bytes, or text already decoded): the same status and headers. */
export function bufferedResponse(
  head: Pick<FetchResponse, 'status' | 'statusText' | 'url' | 'headers'>,
  body: Buffer | string,
): FetchResponse {
  const text = () => (typeof body === 'string' ? body : body.toString('utf8'));
  return {
    ok: head.status >= 200 && head.status < 300,
    status: head.status,
    statusText: head.statusText,
    url: head.url,
    headers: head.headers,
    arrayBuffer: async () => {
      const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    },
    text: async () => text(),
    json: async () => JSON.parse(text()) as unknown,
  };
}

/**
 * `dispatcher`: by default a connection pool of this undici's own. Not the process-wide dispatcher: Node's bundled
 * undici can claim that slot first, and then every call would run through the bundled copy's older client (as the
 * bench's CPU profile showed).
 */
export function undiciFetch(dispatcher: Dispatcher = new Agent()): FetchFunction {
  return async (url, init) => {
    // Multipart bodies (the client's own filesUploadV2) are Node's FormData, which this undici cannot serialise:
    // leave those rare calls to the built-in fetch. uploadImage posts raw bytes and never gets here with one.
    if (init?.body instanceof FormData) return globalThis.fetch(url, init);
    const response = await request(url, {
      method: (init?.method ?? 'GET') as Dispatcher.HttpMethod,
      ...(init?.headers ? { headers: init.headers } : {}),
      ...(init?.body !== undefined ? { body: init.body } : {}),
      ...(init?.signal ? { signal: init.signal } : {}),
      dispatcher,
    });
    const bytes = Buffer.from(await response.body.arrayBuffer());
    return bufferedResponse(
      { status: response.statusCode, statusText: '', url: String(url), headers: headerReader(response.headers) },
      bytes,
    );
  };
}
