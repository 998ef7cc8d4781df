/**
 * What carries the app's Web API calls (SLACK_HTTP_TRANSPORT): undici.request by default, measured ~45% less CPU a
 * call than Node's built-in fetch (bench/transport-cpu.ts); or the built-in fetch, which nock intercepts, for tests
 * that mock Slack with nock. The rate-limit and Slack-words wrappers go on top of either.
 */
import type { FetchFunction } from '@slack/web-api';
import type { Config } from '../config.js';
import { undiciFetch } from './undici-fetch.js';

export function webApiTransport(kind: Config['slackHttpTransport']): FetchFunction {
  // The built-in fetch is looked up at each call, so a fetch patched after start (nock) is the one used.
  return kind === 'fetch' ? (url, init) => globalThis.fetch(url, init) : undiciFetch();
}
