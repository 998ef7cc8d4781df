import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse as parseDotenv } from 'dotenv';
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { CONFIG_VARIABLES, ConfigError, readConfig } from '../src/config.js';
import { AppLogger } from '../src/logging.js';
import { describeStartFailure } from '../src/main.js';
import { guide } from './support/slack.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BOT = 'xoxb-1234-5678-abcdef';
const SECRET = '8f742231b10e8888abcd99aaaaaa85a5';
const APP_TOKEN = 'xapp-1-A0ALLYCOMP-1234-abcdef';

const HTTP_ENV = { SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET };
const sorted = (values: Array<string | undefined>) => [...values].sort();

function configError(env: Record<string, string>): ConfigError {
  try {
    readConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`readConfig accepted ${JSON.stringify(env)}`);
}

describe('readConfig: what it accepts', () => {
  it('HTTP mode with the defaults: port 3000, log level info, Slack’s own API', () => {
    expect(readConfig(HTTP_ENV)).toEqual({
      botToken: BOT,
      mode: 'http',
      signingSecret: SECRET,
      appToken: undefined,
      port: 3000,
      slackApiUrl: undefined,
      slackHttpTransport: 'undici',
      logLevel: 'info',
      nodeEnv: 'development',
      guidePath: undefined,
      developerMode: false,
      stopGraceMs: 25_000,
    });
  });

  it('SLACK_APP_TOKEN selects Socket Mode, with or without a signing secret', () => {
    expect(readConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP_TOKEN }).mode).toBe('socket');
    expect(readConfig({ ...HTTP_ENV, SLACK_APP_TOKEN: APP_TOKEN })).toMatchObject({
      mode: 'socket',
      appToken: APP_TOKEN,
    });
  });

  it('reads every other variable, trimming spaces and treating empty as unset', () => {
    expect(
      readConfig({
        ...HTTP_ENV,
        SLACK_APP_TOKEN: '  ',
        PORT: ' 8080 ',
        SLACK_API_URL: 'https://slack-gov.com/api',
        SLACK_HTTP_TRANSPORT: ' fetch ',
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
        ALLYCOMP_GUIDE: 'data/other.guide.yml',
        ALLYCOMP_DEVELOPER_MODE: 'false',
        ALLYCOMP_STOP_GRACE_SECONDS: ' 40 ',
      }),
    ).toMatchObject({
      mode: 'http',
      port: 8080,
      slackApiUrl: 'https://slack-gov.com/api/',
      slackHttpTransport: 'fetch',
      logLevel: 'warn',
      nodeEnv: 'production',
      guidePath: 'data/other.guide.yml',
      developerMode: false,
      stopGraceMs: 40_000,
    });
    expect(readConfig({ ...HTTP_ENV, PORT: '0' }).port).toBe(0);
    expect(readConfig({ ...HTTP_ENV, ALLYCOMP_DEVELOPER_MODE: 'true', LOG_LEVEL: 'debug' })).toMatchObject({
      developerMode: true,
      logLevel: 'debug',
    });
  });
});

describe('readConfig: the OAuth install (several workspaces) and the store', () => {
  const OAUTH = {
    SLACK_CLIENT_ID: '1111111111.2222222222',
    SLACK_CLIENT_SECRET: 'abcdef0123456789abcdef0123456789',
    SLACK_STATE_SECRET: 'a-state-secret-of-at-least-32-characters',
    SLACK_SIGNING_SECRET: SECRET,
    ALLYCOMP_STORE_KEY: Buffer.alloc(32, 7).toString('base64'),
  };

  it('client id, client secret and state secret without a bot token select OAuth', () => {
    const config = readConfig(OAUTH);
    expect(config.oauth).toEqual({
      clientId: OAUTH.SLACK_CLIENT_ID,
      clientSecret: OAUTH.SLACK_CLIENT_SECRET,
      stateSecret: OAUTH.SLACK_STATE_SECRET,
    });
    expect(config.botToken).toBeUndefined();
    expect(config.mode).toBe('http');
  });

  it('a bot token keeps the single-workspace mode even when OAuth settings are there', () => {
    const config = readConfig({ ...OAUTH, SLACK_BOT_TOKEN: BOT });
    expect(config.oauth).toBeUndefined();
    expect(config.botToken).toBe(BOT);
  });

  it.each([
    ['a missing client secret', { ...OAUTH, SLACK_CLIENT_SECRET: '' }, ['SLACK_CLIENT_SECRET']],
    ['no store key', { ...OAUTH, ALLYCOMP_STORE_KEY: '' }, ['ALLYCOMP_STORE_KEY']],
    [
      'a store key of 16 bytes',
      { ...OAUTH, ALLYCOMP_STORE_KEY: Buffer.alloc(16).toString('base64') },
      ['ALLYCOMP_STORE_KEY'],
    ],
    ['an old key that is not one', { ...OAUTH, ALLYCOMP_STORE_OLD_KEYS: 'nope' }, ['ALLYCOMP_STORE_OLD_KEYS']],
    ['a short state secret', { ...OAUTH, SLACK_STATE_SECRET: 'short' }, ['SLACK_STATE_SECRET']],
    ['a database URL that is not postgres', { ...HTTP_ENV, DATABASE_URL: 'mysql://db/x' }, ['DATABASE_URL']],
    ['Socket Mode with the OAuth install', { ...OAUTH, SLACK_APP_TOKEN: APP_TOKEN }, ['SLACK_APP_TOKEN']],
  ])('%s is named, alone, in one message', (_what, env, variables) => {
    const error = configError(env);
    expect(error.problems.map((problem) => problem.variable)).toEqual(variables);
    expect(error.message).not.toContain(OAUTH.ALLYCOMP_STORE_KEY);
    expect(error.message).not.toContain(OAUTH.SLACK_CLIENT_SECRET);
  });
});

describe('readConfig: one ConfigError naming every bad variable, what is wrong and where to find it', () => {
  const cases: Array<[string, Record<string, string>, Array<[string, string, string]>]> = [
    [
      'no bot token',
      { SLACK_SIGNING_SECRET: SECRET },
      [['SLACK_BOT_TOKEN', 'is missing', 'OAuth & Permissions → "Bot User OAuth Token"']],
    ],
    [
      'a user token (xoxp-) instead of the bot token',
      { ...HTTP_ENV, SLACK_BOT_TOKEN: 'xoxp-1234-5678-abcdef' },
      [['SLACK_BOT_TOKEN', 'must be a bot token starting with xoxb-', 'OAuth & Permissions']],
    ],
    [
      'neither a signing secret nor an app token',
      { SLACK_BOT_TOKEN: BOT },
      [
        [
          'SLACK_SIGNING_SECRET',
          'is missing: HTTP mode needs it (or set SLACK_APP_TOKEN for Socket Mode)',
          'Basic Information → App Credentials → "Signing Secret"',
        ],
      ],
    ],
    [
      'a signing secret that is not one',
      { ...HTTP_ENV, SLACK_SIGNING_SECRET: 'my-secret' },
      [['SLACK_SIGNING_SECRET', 'must be the 32-character hex signing secret', 'App Credentials']],
    ],
    [
      'an app token that is not one',
      { SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: 'xoxb-wrong-kind' },
      [['SLACK_APP_TOKEN', 'must be an app-level token starting with xapp-', 'App-Level Tokens']],
    ],
    [
      'a port that is not a number',
      { ...HTTP_ENV, PORT: 'http' },
      [['PORT', 'must be a whole number from 0 to 65535', 'the port the HTTP server listens on']],
    ],
    ['a port out of range', { ...HTTP_ENV, PORT: '70000' }, [['PORT', 'must be a whole number from 0 to 65535', '']]],
    [
      'an API URL that is not a URL',
      { ...HTTP_ENV, SLACK_API_URL: 'slack dot com' },
      [['SLACK_API_URL', 'must be an http(s) URL', 'https://slack-gov.com/api/ for GovSlack']],
    ],
    [
      'an API URL that is not http(s)',
      { ...HTTP_ENV, SLACK_API_URL: 'ftp://slack.com/api/' },
      [['SLACK_API_URL', 'must be an http(s) URL', '']],
    ],
    [
      'an unknown HTTP transport',
      { ...HTTP_ENV, SLACK_HTTP_TRANSPORT: 'axios' },
      [['SLACK_HTTP_TRANSPORT', 'must be undici or fetch', 'undici (default']],
    ],
    [
      'an unknown log level',
      { ...HTTP_ENV, LOG_LEVEL: 'verbose' },
      [['LOG_LEVEL', 'must be debug, info, warn or error', '']],
    ],
    [
      'an unknown NODE_ENV',
      { ...HTTP_ENV, NODE_ENV: 'prod' },
      [['NODE_ENV', 'must be production, development or test', '']],
    ],
    [
      'developer mode that is neither true nor false',
      { ...HTTP_ENV, ALLYCOMP_DEVELOPER_MODE: 'yes' },
      [['ALLYCOMP_DEVELOPER_MODE', 'must be true or false', 'local development']],
    ],
    [
      'a stop grace that is not 1 to 600 seconds',
      { ...HTTP_ENV, ALLYCOMP_STOP_GRACE_SECONDS: '0' },
      [['ALLYCOMP_STOP_GRACE_SECONDS', 'must be a whole number of seconds from 1 to 600', 'kill timeout']],
    ],
    [
      'developer mode in production',
      { ...HTTP_ENV, NODE_ENV: 'production', ALLYCOMP_DEVELOPER_MODE: 'true' },
      [['ALLYCOMP_DEVELOPER_MODE', 'must not be true with NODE_ENV=production', 'local development']],
    ],
    [
      'debug logs in production',
      { ...HTTP_ENV, NODE_ENV: 'production', LOG_LEVEL: 'debug' },
      [['LOG_LEVEL', 'must not be debug with NODE_ENV=production', '']],
    ],
    [
      'everything at once',
      {
        SLACK_BOT_TOKEN: 'xoxp-user',
        PORT: '-1',
        SLACK_API_URL: 'nope',
        LOG_LEVEL: 'debug',
        NODE_ENV: 'production',
        ALLYCOMP_DEVELOPER_MODE: 'true',
      },
      [
        ['SLACK_BOT_TOKEN', 'must be a bot token starting with xoxb-', 'Bot User OAuth Token'],
        ['SLACK_SIGNING_SECRET', 'is missing', 'Signing Secret'],
        ['PORT', 'must be a whole number', ''],
        ['SLACK_API_URL', 'must be an http(s) URL', ''],
        ['LOG_LEVEL', 'must not be debug with NODE_ENV=production', ''],
        ['ALLYCOMP_DEVELOPER_MODE', 'must not be true with NODE_ENV=production', ''],
      ],
    ],
  ];

  it.each(cases)('%s', (_what, env, expected) => {
    const error = configError(env);
    expect(error.problems.map((problem) => problem.variable)).toEqual(expected.map(([variable]) => variable));
    const lines = error.message.split('\n');
    expect(lines[0]).toBe('allycomp cannot start: fix these settings (in .env or the environment):');
    expect(lines).toHaveLength(expected.length + 1);
    for (const [index, [variable, problem, where]] of expected.entries()) {
      const line = lines[index + 1] ?? '';
      expect(line.startsWith(`  - ${variable} ${problem}`)).toBe(true);
      expect(line).toContain(where);
      // Every line says where the value comes from: a page of Slack's app settings, or that it is not Slack's.
      expect(line).toMatch(/Find it in Slack: api\.slack\.com\/apps → your app → |Not a Slack setting: /);
    }
    // Nothing typed is echoed back beyond the variable names: no token ends up in a log.
    expect(error.message).not.toContain('xoxp-');
  });

  it('an empty environment names both things Slack must provide', () => {
    expect(configError({}).problems.map((problem) => problem.variable)).toEqual([
      'SLACK_BOT_TOKEN',
      'SLACK_SIGNING_SECRET',
    ]);
  });
});

describe('.env.example and the README', () => {
  const example = readFileSync(join(ROOT, '.env.example'), 'utf8');

  it('.env.example lists every variable once, each under a one-line comment', () => {
    const lines = example.split('\n');
    const names = lines.flatMap((line) => /^([A-Z_]+)=/.exec(line)?.[1] ?? []);
    expect(sorted(names)).toEqual(sorted(CONFIG_VARIABLES));
    for (const name of names) {
      const comment = lines[lines.findIndex((line) => line.startsWith(`${name}=`)) - 1] ?? '';
      expect(comment, name).toMatch(/^# \S.{20,}/);
    }
  });

  it('copied as it is, it asks for exactly the two things Slack must provide; filled in, it starts Socket Mode', () => {
    const env = parseDotenv(example);
    expect(configError(env).problems.map((problem) => problem.variable)).toEqual([
      'SLACK_BOT_TOKEN',
      'SLACK_SIGNING_SECRET',
    ]);
    expect(readConfig({ ...env, SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP_TOKEN })).toMatchObject({
      mode: 'socket',
      port: 3000,
      logLevel: 'info',
      developerMode: false,
    });
  });

  it('production starts node itself: the README says node <memory flags> dist/src/main.js, and npm start execs node (signals reach it)', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      scripts: Record<string, string>;
    };
    // With the memory flags the bench measured (bench/children.ts starts allycomp with the same ones).
    const flags = '--max-old-space-size=1024 --max-semi-space-size=8';
    expect(pkg.scripts.start).toBe(`exec node ${flags} dist/src/main.js`);
    expect(readme).toContain(`\`node ${flags} dist/src/main.js\``);
    expect(readme).toContain(`ExecStart=/usr/bin/node ${flags} /srv/allycomp/dist/src/main.js`);
    expect(readme).toContain(
      `CMD ["node", ${flags
        .split(' ')
        .map((flag) => `"${flag}"`)
        .join(', ')}, "dist/src/main.js"]`,
    );
  });

  it('the README’s Configuration table has a row for every variable', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('\n## Configuration'));
    const rows = [...section.matchAll(/^\| `([A-Z_]+)`\s+\|/gm)].map((match) => match[1]);
    expect(sorted(rows)).toEqual(sorted(CONFIG_VARIABLES));
  });
});

describe('npm start with nothing configured', () => {
  it('exits 1 with the one clear message on stderr and no stack trace', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'allycomp-noenv-'));
    try {
      const child = spawn(
        process.execPath,
        // tsx as the loader in this one process, not its CLI (which starts a second Node process).
        [
          '--import',
          pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href,
          join(ROOT, 'src', 'main.ts'),
        ],
        { cwd, env: { PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => {
        stdout += chunk;
      });
      child.stderr.on('data', (chunk) => {
        stderr += chunk;
      });
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toBe(`${configError({}).message}\n`);
      expect(stderr).not.toMatch(/\n\s+at |Error:|node:internal/);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});

describe('start-up against Slack', () => {
  const API = 'http://auth.slack.test';
  const lines: string[] = [];
  // nock stands in for Slack here, and nock intercepts only the built-in fetch.
  const config = () =>
    readConfig({ ...HTTP_ENV, SLACK_API_URL: `${API}/api/`, PORT: '0', SLACK_HTTP_TRANSPORT: 'fetch' });

  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
    lines.length = 0;
  });

  it('a token Slack rejects fails start() itself, reported as one line, with no server left listening', async () => {
    nock.disableNetConnect();
    const authTest = nock(API).post('/api/auth.test').reply(200, { ok: false, error: 'invalid_auth' });
    const allycomp = createApp(config(), guide(), { logger: new AppLogger('info', (line) => lines.push(line)) });
    const failure = await allycomp.start().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(authTest.isDone()).toBe(true);
    expect(describeStartFailure(failure, config())).toBe(
      'allycomp cannot start: Slack rejected the token (invalid_auth). Check SLACK_BOT_TOKEN: api.slack.com/apps → your app → OAuth & Permissions → "Bot User OAuth Token".',
    );
    await expect(allycomp.stop()).rejects.toThrow(/not started/);
  });

  it('an unreachable Slack fails start() too, instead of crashing the running bot later', async () => {
    nock.disableNetConnect();
    nock(API).persist().post('/api/auth.test').replyWithError({ code: 'ECONNREFUSED', message: 'connect refused' });
    const allycomp = createApp(config(), guide(), { logger: new AppLogger('error', (line) => lines.push(line)) });
    const failure = await allycomp.start().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(describeStartFailure(failure, config())).toMatch(
      /^allycomp cannot start: could not reach Slack's Web API at http:\/\/auth\.slack\.test\/api\/ to check the token \(.+\)\. Check the network, or SLACK_API_URL\.$/,
    );
  });

  it('a good token: auth.test once at start, then the bot serves', async () => {
    const authTest = nock(API)
      .post('/api/auth.test')
      .reply(200, { ok: true, user_id: 'U0ALLYCOMP', bot_id: 'B0ALLYCOMP', team_id: 'T0TEAM' });
    nock.enableNetConnect((host) => host.startsWith('127.0.0.1'));
    const allycomp = createApp(config(), guide(), { logger: new AppLogger('info', (line) => lines.push(line)) });
    const { port } = await allycomp.start();
    try {
      expect(authTest.isDone()).toBe(true);
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    } finally {
      // stop() runs once: a second call (SIGTERM then SIGINT) gets the same result, not a second stop that throws.
      const [first, second] = await Promise.all([allycomp.stop(), allycomp.stop()]);
      expect(second).toBe(first);
      expect(await allycomp.stop()).toEqual({ unfinished: 0 });
    }
  });

  it('a port in use is named, with what to change', () => {
    const error = Object.assign(new Error('listen EADDRINUSE: address already in use :::3000'), { code: 'EADDRINUSE' });
    expect(describeStartFailure(error, { mode: 'http', port: 3000 })).toBe(
      'allycomp cannot start: cannot listen on port 3000 (EADDRINUSE). Set PORT to a free port.',
    );
  });
});
