/**
 * A `fetch` for @slack/web-api's WebClient (its `fetch` option, 8.x) built on undici.request instead of the
 * WHATWG fetch: no Request/Response/Headers objects and no web streams per call, which measured as the largest
 * CPU owners of a Web API call here. WebClient reads only what FetchResponse declares (status, headers.get and
 * entries, text/arrayBuffer/json, url), so that is all this provides.
 */
import type { FetchFunction } from '@slack/web-api';
import { type Dispatcher, request } from 'undici';

/** The response WebClient reads (its FetchResponse type is not exported from the package's index). */
type FetchResponse = Awaited<ReturnType<FetchFunction>>;

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

export function undiciFetch(dispatcher?: Dispatcher): FetchFunction {
  return async (url, init) => {
    // Multipart bodies (the client's own filesUploadV2) are Node's FormData, which this undici cannot serialise:
    // leave those rare calls to the built-in fetch. uploadImage posts raw bytes and never gets here with one.
    if (init?.body instanceof FormData) return globalThis.fetch(url, init);
    const response = await request(url, {
      method: (init?.method ?? 'GET') as Dispatcher.HttpMethod,
      ...(init?.headers ? { headers: init.headers } : {}),
      ...(init?.body !== undefined ? { body: init.body } : {}),
      ...(init?.signal ? { signal: init.signal } : {}),
      ...(dispatcher ? { dispatcher } : {}),
    });
    let bytes: Promise<Buffer> | undefined;
    const read = () => {
      bytes ??= response.body.arrayBuffer().then((buffer) => Buffer.from(buffer));
      return bytes;
    };
    return {
      ok: response.statusCode >= 200 && response.statusCode < 300,
      status: response.statusCode,
      statusText: '',
      url: String(url),
      headers: headerReader(response.headers),
      arrayBuffer: async () => {
        const buffer = await read();
        return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
      },
      text: async () => (await read()).toString('utf8'),
      json: async () => JSON.parse((await read()).toString('utf8')) as unknown,
    };
  };
}
