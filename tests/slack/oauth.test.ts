/**
 * The OAuth install (several workspaces) through the real receiver, against a fake oauth.v2.access, with the
 * PostgreSQL store: the round trip, each workspace answered with its own token, an org-wide install, uninstall,
 * revoked tokens, per-workspace health, and no token readable in the table.
 */
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { freshDatabaseUrl } from '../support/postgres.js';
import {
  API_HOST,
  CHANNEL,
  post,
  settle,
  startTestSlack,
  type TestSlack,
  testConfig,
  USER,
  waitFor,
} from '../support/slack.js';

const OAUTH_ENV = {
  SLACK_BOT_TOKEN: '',
  SLACK_CLIENT_ID: '1111111111.2222222222',
  SLACK_CLIENT_SECRET: 'abcdef0123456789abcdef0123456789',
  SLACK_STATE_SECRET: 'a-state-secret-of-at-least-32-characters',
  ALLYCOMP_STORE_KEY: Buffer.alloc(32, 7).toString('base64'),
};

const tokenOf = (team: string) => `xoxb-oauth-token-of-${team}`;

let slack: TestSlack;
let store: Store;
let databaseUrl: string;

beforeEach(async () => {
  databaseUrl = await freshDatabaseUrl('oauth');
  store = await openStore({ DATABASE_URL: databaseUrl, ...OAUTH_ENV }, { requireKey: true });
  slack = await startTestSlack({ config: testConfig(OAUTH_ENV), app: { store } });
  // oauth.v2.access answers for whichever workspace the code names (code-T0ONE → workspace T0ONE).
  slack.respondTo('oauth.v2.access', (args) => {
    const code = String(args.code);
    const org = code.startsWith('code-E');
    const id = code.replace('code-', '');
    return {
      body: {
        ok: true,
        app_id: 'A0ALLYCOMP',
        authed_user: { id: 'U0INSTALLER' },
        scope: 'commands,chat:write',
        token_type: 'bot',
        access_token: tokenOf(id),
        bot_user_id: `U0BOT${id}`,
        team: org ? null : { id, name: `Workspace ${id}` },
        enterprise: org ? { id, name: `Org ${id}` } : null,
        is_enterprise_install: org,
      },
    };
  });
  slack.respondTo('auth.test', (args, _index) => ({
    body: { ok: true, bot_id: 'B0BOT', user_id: 'U0BOT', team_id: 'T0X', url: 'https://x.slack.com/', ...args },
  }));
});

afterEach(async () => {
  await slack.stop();
  await store.close();
});

/** The browser's two steps: the install page (a state cookie and a link to Slack), then Slack's redirect back. */
async function install(code: string): Promise<{ status: number; html: string }> {
  const page = await fetch(`${slack.baseUrl}/slack/install`);
  expect(page.status).toBe(200);
  const html = await page.text();
  const link = /<a href="([^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&') ?? '';
  const authorize = new URL(link);
  expect(`${authorize.origin}${authorize.pathname}`).toBe(`${API_HOST}/oauth/v2/authorize`);
  expect(authorize.searchParams.get('client_id')).toBe(OAUTH_ENV.SLACK_CLIENT_ID);
  expect(authorize.searchParams.get('scope')?.split(',')).toContain('chat:write');
  const state = authorize.searchParams.get('state') ?? '';
  const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const back = await fetch(`${slack.baseUrl}/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(state)}`, {
    headers: { cookie },
  });
  return { status: back.status, html: await back.text() };
}

function command(team: string, options: { enterprise?: string } = {}) {
  const form = new URLSearchParams({
    team_id: team,
    team_domain: 'x',
    ...(options.enterprise ? { enterprise_id: options.enterprise, is_enterprise_install: 'true' } : {}),
    channel_id: CHANNEL,
    channel_name: 'prep',
    user_id: USER,
    user_name: 'person',
    command: '/allycomp',
    text: 'ny',
    api_app_id: 'A0ALLYCOMP',
    response_url: `https://hooks.slack.test/commands/${team}/1/x`,
    trigger_id: '1.2.3',
  });
  return post(slack, form.toString(), 'application/x-www-form-urlencoded');
}

function event(team: string, inner: Record<string, unknown>) {
  const body = JSON.stringify({
    team_id: team,
    api_app_id: 'A0ALLYCOMP',
    event: inner,
    type: 'event_callback',
    event_id: `Ev${Math.random().toString(36).slice(2, 10)}`,
    event_time: Math.floor(Date.now() / 1000),
  });
  return post(slack, body, 'application/json');
}

function installed(team: string): Promise<boolean> {
  return store.fetchInstallation({ teamId: team, isEnterpriseInstall: false, enterpriseId: undefined }).then(
    () => true,
    () => false,
  );
}

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > 3000) throw new Error(`timed out waiting for ${what}`);
    await settle(10);
  }
}

const postsWith = (token: string) => slack.callsTo('chat.postMessage').filter((call) => call.token === token);

describe('OAuth install, several workspaces', () => {
  it('round trip: the install page, Slack’s redirect, oauth.v2.access through SLACK_API_URL, a page saying what next', async () => {
    const done = await install('code-T0ONE');
    expect(done.status).toBe(200);
    expect(done.html).toContain('allycomp is installed');
    expect(done.html).toContain('Workspace T0ONE');
    expect(done.html).toContain('/allycomp ny');
    expect(done.html).not.toContain(tokenOf('T0ONE'));
    const exchange = slack.callsTo('oauth.v2.access')[0];
    expect(exchange?.args.code).toBe('code-T0ONE');
    const stored = await store.fetchInstallation({
      teamId: 'T0ONE',
      isEnterpriseInstall: false,
      enterpriseId: undefined,
    });
    expect(stored.bot?.token).toBe(tokenOf('T0ONE'));
  });

  it('each workspace is answered with its own token', async () => {
    await install('code-T0ONE');
    await install('code-T0TWO');
    expect((await command('T0ONE')).status).toBe(200);
    expect((await command('T0TWO')).status).toBe(200);
    await waitFor(() => postsWith(tokenOf('T0ONE')).length > 0 && postsWith(tokenOf('T0TWO')).length > 0, 'both posts');
    const tokens = new Set(slack.callsTo('chat.postMessage').map((call) => call.token));
    expect([...tokens].sort()).toEqual([tokenOf('T0ONE'), tokenOf('T0TWO')]);
  });

  it('an org-wide install on Enterprise Grid answers every workspace of the org with the org’s token', async () => {
    expect((await install('code-E0GRID')).status).toBe(200);
    expect((await command('T0INORG', { enterprise: 'E0GRID' })).status).toBe(200);
    await waitFor(() => postsWith(tokenOf('E0GRID')).length > 0, 'a post with the org token');
  });

  it('a workspace that never installed is refused; a cancelled install gets a page that says what to do', async () => {
    // Bolt acknowledges a request it cannot authorize and calls no listener: nothing reaches the channel.
    expect((await command('T0NEVER')).status).toBe(200);
    await settle(100);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
    expect(slack.responses).toHaveLength(0);
    const cancelled = await fetch(`${slack.baseUrl}/slack/oauth_redirect?error=access_denied&state=x`);
    expect(cancelled.status).toBe(400);
    const html = await cancelled.text();
    expect(html).toContain('was cancelled');
    expect(html).toContain('href="/slack/install"');
    const forged = await fetch(`${slack.baseUrl}/slack/oauth_redirect?code=code-T0ONE&state=forged`);
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain('expired');
    expect(slack.callsTo('oauth.v2.access')).toHaveLength(0);
  });

  it('app_uninstalled deletes the workspace’s installation; the other workspace keeps working', async () => {
    await install('code-T0ONE');
    await install('code-T0TWO');
    expect((await event('T0ONE', { type: 'app_uninstalled', event_ts: '1.1' })).status).toBe(200);
    await until(async () => !(await installed('T0ONE')), 'T0ONE forgotten');
    expect(await installed('T0TWO')).toBe(true);
    await command('T0ONE');
    await command('T0TWO');
    await waitFor(() => postsWith(tokenOf('T0TWO')).length > 0, 'a post in T0TWO');
    await settle(100);
    expect(slack.callsTo('chat.postMessage').filter((call) => call.token !== tokenOf('T0TWO'))).toHaveLength(0);
  });

  it('tokens_revoked for the bot deletes the installation', async () => {
    await install('code-T0ONE');
    const revoked = await event('T0ONE', { type: 'tokens_revoked', tokens: { bot: ['U0BOTT0ONE'] }, event_ts: '1.2' });
    expect(revoked.status).toBe(200);
    await until(async () => !(await installed('T0ONE')), 'T0ONE forgotten');
  });

  it('/healthz names no workspace; /healthz?team= answers for the one asked about', async () => {
    await install('code-T0ONE');
    const anonymous = await fetch(`${slack.baseUrl}/healthz`);
    const text = await anonymous.text();
    expect(anonymous.status).toBe(200);
    expect(text).not.toContain('T0ONE');
    expect(JSON.parse(text)).toMatchObject({ status: 'ok', install: 'oauth', workspaces: { rejected: 0 } });
    const one = await fetch(`${slack.baseUrl}/healthz?team=T0ONE`);
    expect(one.status).toBe(200);
    expect(await one.json()).toMatchObject({ team: 'T0ONE', ready: true, installed: true, auth: 'ok' });
    const other = await fetch(`${slack.baseUrl}/healthz?team=T0OTHER`);
    expect(other.status).toBe(503);
    expect(await other.json()).toMatchObject({ installed: false });
    expect((await fetch(`${slack.baseUrl}/readyz`)).status).toBe(200);
  });

  it('one workspace’s token rejected: that workspace is not ready, the process and the other workspace are', async () => {
    await install('code-T0ONE');
    await install('code-T0TWO');
    slack.respondTo('chat.postMessage', (args) =>
      String(args.channel) === CHANNEL && slack.callsTo('chat.postMessage').at(-1)?.token === tokenOf('T0ONE')
        ? { body: { ok: false, error: 'token_revoked' } }
        : { body: { ok: true, ts: '1700000000.000200', channel: args.channel } },
    );
    await command('T0ONE');
    await until(async () => {
      const health = (await (await fetch(`${slack.baseUrl}/healthz`)).json()) as { workspaces: { rejected: number } };
      return health.workspaces.rejected === 1;
    }, 'the rejection counted');
    const one = await fetch(`${slack.baseUrl}/healthz?team=T0ONE`);
    expect(one.status).toBe(503);
    expect(await one.json()).toMatchObject({ team: 'T0ONE', ready: false, auth: 'rejected', reason: 'token_revoked' });
    expect((await fetch(`${slack.baseUrl}/healthz?team=T0TWO`)).status).toBe(200);
    expect((await fetch(`${slack.baseUrl}/readyz`)).status).toBe(200);
    // Installing again clears it.
    await install('code-T0ONE');
    expect((await fetch(`${slack.baseUrl}/healthz?team=T0ONE`)).status).toBe(200);
  });

  it('the raw table holds no token, no webhook URL and no name: only ids in clear', async () => {
    await install('code-T0ONE');
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT * FROM allycomp_installations');
      expect(rows.length).toBeGreaterThan(0);
      const raw = JSON.stringify(rows);
      expect(raw).not.toContain('xoxb-');
      expect(raw).not.toContain(tokenOf('T0ONE'));
      expect(raw).not.toContain('Workspace T0ONE');
      expect(raw).toContain('T0ONE');
    } finally {
      await client.end();
    }
  });

  it('the logs carry no token', async () => {
    await install('code-T0ONE');
    await command('T0ONE');
    await waitFor(() => postsWith(tokenOf('T0ONE')).length > 0, 'a post');
    expect(slack.logs.join('\n')).not.toContain('xoxb-');
  });
});
