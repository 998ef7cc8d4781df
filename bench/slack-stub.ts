/**
 * A stand-in for Slack's Web API, its file-upload URLs and response_url on loopback: answers every POST at once and
 * counts the calls. Each child app gets its own path prefix (SLACK_API_URL=http://127.0.0.1:<port>/<prefix>/api/),
 * so the counts say which app made them. files.uploadV2 takes three requests: getUploadURLExternal (answered with
 * an upload URL on this stub), the upload itself (counted as method `upload`) and completeUploadExternal.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlackStub {
  port: number;
  /** The SLACK_API_URL for one app. */
  apiUrl(prefix: string): string;
  /** A fresh response_url on the stub. */
  responseUrl(): string;
  /** Web API calls (and uploads) made under a prefix, optionally of one method. */
  calls(prefix: string, method?: string): number;
  /** Calls under a prefix by method. */
  methods(prefix: string): Map<string, number>;
  /** Posts to response_url, from any app. */
  responses(): number;
  /** Every count, keyed `<prefix> <method>` (what the stub's own process hands its parent). */
  snapshot(): Record<string, number>;
  /** While on, chat.postMessage is counted and never answered (until close): a Slack that keeps posts waiting. */
  holdPosts(on: boolean): void;
  close(): Promise<void>;
}

let fakeTs = 1_700_000_000;

export async function startSlackStub(): Promise<SlackStub> {
  const counts = new Map<string, number>();
  let responses = 0;
  let responseCounter = 0;
  let port = 0;
  let holding = false;
  const count = (prefix: string, method: string) => {
    const key = `${prefix} ${method}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  const methods = (prefix: string) => {
    const byMethod = new Map<string, number>();
    for (const [key, calls] of counts) {
      const [keyPrefix, method = ''] = key.split(' ');
      if (keyPrefix === prefix) byMethod.set(method, calls);
    }
    return byMethod;
  };
  const json = (res: ServerResponse, body: Record<string, unknown>) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const server = createServer((req, res) => {
    // Read the body to the end (as Slack would) before answering.
    let bytes = 0;
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
    });
    req.on('end', () => {
      const url = req.url ?? '';
      const api = /^\/([^/]+)\/api\/([\w.]+)/.exec(url);
      const upload = /^\/upload\/([^/]+)\//.exec(url);
      if (req.method !== 'POST') {
        res.writeHead(405).end();
      } else if (api) {
        const [, prefix = '', method = ''] = api;
        count(prefix, method);
        const ts = `${fakeTs++}.000100`;
        if (method === 'files.getUploadURLExternal') {
          const fileId = `F${ts.replace('.', '')}`;
          json(res, { ok: true, file_id: fileId, upload_url: `http://127.0.0.1:${port}/upload/${prefix}/${fileId}` });
        } else if (method === 'files.completeUploadExternal') {
          json(res, { ok: true, files: [{ id: `F${ts.replace('.', '')}`, title: 'chart' }] });
        } else if (!(holding && method === 'chat.postMessage')) {
          json(res, { ok: true, ts, channel: 'C0BENCH', message: { ts } });
        }
      } else if (upload) {
        count(upload[1] ?? '', 'upload');
        res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${bytes}`);
      } else if (url.startsWith('/respond/')) {
        responses += 1;
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      } else {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"ok":false,"error":"unknown_method"}');
      }
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  return {
    port,
    apiUrl: (prefix) => `http://127.0.0.1:${port}/${prefix}/api/`,
    responseUrl: () => `http://127.0.0.1:${port}/respond/T0BENCH/${++responseCounter}/bench`,
    methods,
    calls(prefix, method) {
      let total = 0;
      for (const [name, calls] of methods(prefix)) if (method === undefined || name === method) total += calls;
      return total;
    },
    responses: () => responses,
    snapshot: () => Object.fromEntries(counts),
    holdPosts(on) {
      holding = on;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
