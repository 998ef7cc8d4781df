/** Slash commands signed the way Slack signs them (v0=HMAC-SHA256 over `v0:<ts>:<body>`), fresh for every request. */
import { createHmac } from 'node:crypto';
import { request } from 'node:http';

/** Any hex secret of Slack's length: the children are started with it. */
export const SIGNING_SECRET = 'be0c4f3a9d2e71b85c6f0a4d3e2b1c9a';
export const BOT_TOKEN = 'xoxb-bench-not-a-real-token';

export interface SignedRequest {
  body: string;
  headers: Record<string, string>;
}

let commandCounter = 0;

/**
 * `/allycomp <text>`, form-encoded as Slack sends it, with a response_url that must point at the local stub. Each
 * command comes from a channel of its own, as in a workspace of many channels: allycomp paces posts per channel at
 * Slack's one a second, so one channel would measure that pace (bench/busy-channel.ts does), not the app's cost.
 */
export function signedCommand(text: string, responseUrl: string, channelId?: string): SignedRequest {
  commandCounter += 1;
  const body = new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: 'T0BENCH',
    team_domain: 'bench',
    channel_id: channelId ?? `C0BENCH${commandCounter}`,
    channel_name: 'negotiation-prep',
    user_id: 'U0PERSON',
    user_name: 'person',
    command: '/allycomp',
    text,
    api_app_id: 'A0BENCH',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: `${commandCounter}.5678.bench`,
  }).toString();
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SIGNING_SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return {
    body,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature,
    },
  };
}

/** POST one signed request; resolves with the status, or undefined when nothing is listening yet. */
export function postSigned(port: number, signed: SignedRequest): Promise<number | undefined> {
  return new Promise((resolve) => {
    const req = request(
      { host: '127.0.0.1', port, method: 'POST', path: '/slack/events', headers: signed.headers, agent: false },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode));
      },
    );
    req.on('error', () => resolve(undefined));
    req.end(signed.body);
  });
}
