import { z } from 'zod';

/**
 * Where each variable comes from, for error messages: the page of Slack's app settings (api.slack.com/apps → your
 * app) for the ones Slack issues, and what to choose for the ones it does not.
 */
const KEY_COMMAND = `node -e "console.log(require('node:crypto').randomBytes(32).toString('base64'))"`;

const WHERE = {
  SLACK_BOT_TOKEN:
    'Find it in Slack: api.slack.com/apps → your app → OAuth & Permissions → "Bot User OAuth Token" (starts with xoxb-; shown once the app is installed)',
  SLACK_SIGNING_SECRET:
    'Find it in Slack: api.slack.com/apps → your app → Basic Information → App Credentials → "Signing Secret" (HTTP mode)',
  SLACK_APP_TOKEN:
    'Find it in Slack: api.slack.com/apps → your app → Basic Information → App-Level Tokens → a token with the connections:write scope (starts with xapp-; Socket Mode)',
  PORT: 'Not a Slack setting: the port the HTTP server listens on (default 3000)',
  SLACK_API_URL:
    'Not a Slack setting: optional Web API base URL, e.g. https://slack-gov.com/api/ for GovSlack; leave it unset for slack.com',
  SLACK_HTTP_TRANSPORT:
    "Not a Slack setting: how Web API calls are sent, undici (default, the lighter client) or fetch (Node's built-in fetch)",
  LOG_LEVEL: 'Not a Slack setting: debug, info, warn or error (default info)',
  NODE_ENV: 'Not a Slack setting: production, development or test (default development)',
  ALLYCOMP_GUIDE: 'Not a Slack setting: optional path to a guide file (default data/ally-pm.guide.yml)',
  ALLYCOMP_DEVELOPER_MODE: 'Not a Slack setting: true only for local development (it logs whole Slack payloads)',
  ALLYCOMP_STOP_GRACE_SECONDS:
    "Not a Slack setting: how long a stop waits for answers still being posted (default 25); keep it under your supervisor's kill timeout",
  SLACK_CLIENT_ID:
    'Find it in Slack: api.slack.com/apps → your app → Basic Information → App Credentials → "Client ID" (OAuth install, several workspaces)',
  SLACK_CLIENT_SECRET:
    'Find it in Slack: api.slack.com/apps → your app → Basic Information → App Credentials → "Client Secret" (OAuth install)',
  SLACK_STATE_SECRET:
    'Not a Slack setting: a random string of 32 or more characters that signs the OAuth state (the same on every replica)',
  DATABASE_URL:
    'Not a Slack setting: postgres://user:password@host:5432/database, for several replicas; unset keeps the store in files',
  ALLYCOMP_STATE_DIR:
    'Not a Slack setting: the directory of the embedded store when DATABASE_URL is unset (default .allycomp-state)',
  ALLYCOMP_STORE_KEY: `Not a Slack setting: 32 random bytes in base64 that encrypt the stored Slack tokens (OAuth install); make one with ${KEY_COMMAND}`,
  ALLYCOMP_STORE_OLD_KEYS:
    'Not a Slack setting: during a key rotation only, the previous ALLYCOMP_STORE_KEY values, comma-separated',
} as const;

export type ConfigVariable = keyof typeof WHERE;

/** Every variable allycomp reads (.env.example and the README list them all). */
export const CONFIG_VARIABLES = Object.keys(WHERE) as ConfigVariable[];

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** 32 bytes in base64, the AES-256 key of the stored tokens. */
const isStoreKey = (text: string) => /^[A-Za-z0-9+/]+={0,2}$/.test(text) && Buffer.from(text, 'base64').length === 32;
const STORE_KEY_PROBLEM = 'must be 32 bytes in base64 (44 characters ending in =)';

const envSchema = z.object({
  SLACK_BOT_TOKEN: optionalText.pipe(
    z
      .string()
      .regex(/^xoxb-[\w-]+$/, 'must be a bot token starting with xoxb-')
      .optional(),
  ),
  SLACK_CLIENT_ID: optionalText.pipe(
    z
      .string()
      .regex(/^\d+\.\d+$/, "must be the app's client ID, two numbers joined by a dot (1234567890.1234567890)")
      .optional(),
  ),
  SLACK_CLIENT_SECRET: optionalText.pipe(
    z
      .string()
      .regex(/^[0-9a-f]{32,}$/i, 'must be the 32-character hex client secret')
      .optional(),
  ),
  SLACK_STATE_SECRET: optionalText.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .refine(
        (text) => URL.canParse(text) && /^postgres(ql)?:$/.test(new URL(text).protocol),
        'must be a postgres:// URL such as postgres://allycomp:password@db.internal:5432/allycomp',
      )
      .optional(),
  ),
  ALLYCOMP_STATE_DIR: optionalText,
  ALLYCOMP_STORE_KEY: optionalText.pipe(z.string().refine(isStoreKey, STORE_KEY_PROBLEM).optional()),
  ALLYCOMP_STORE_OLD_KEYS: optionalText.pipe(
    z
      .string()
      .refine(
        (text) => text.split(',').every((key) => isStoreKey(key.trim())),
        `must be previous keys separated by commas, each ${STORE_KEY_PROBLEM}`,
      )
      .optional(),
  ),
  SLACK_SIGNING_SECRET: optionalText.pipe(
    z
      .string()
      .regex(/^[0-9a-f]{32,}$/i, 'must be the 32-character hex signing secret')
      .optional(),
  ),
  SLACK_APP_TOKEN: optionalText.pipe(
    z
      .string()
      .regex(/^xapp-[\w-]+$/, 'must be an app-level token starting with xapp-')
      .optional(),
  ),
  PORT: optionalText.pipe(
    z
      .string()
      .regex(/^\d{1,5}$/, 'must be a whole number from 0 to 65535')
      .transform(Number)
      .refine((port) => port <= 65535, 'must be a whole number from 0 to 65535')
      .default(3000),
  ),
  SLACK_API_URL: optionalText.pipe(
    z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://slack.com/api/' })
      .transform((url) => (url.endsWith('/') ? url : `${url}/`))
      .optional(),
  ),
  SLACK_HTTP_TRANSPORT: optionalText.pipe(
    z.enum(['undici', 'fetch'], { error: 'must be undici or fetch' }).default('undici'),
  ),
  LOG_LEVEL: optionalText.pipe(
    z.enum(['debug', 'info', 'warn', 'error'], { error: 'must be debug, info, warn or error' }).default('info'),
  ),
  NODE_ENV: optionalText.pipe(
    z
      .enum(['production', 'development', 'test'], { error: 'must be production, development or test' })
      .default('development'),
  ),
  ALLYCOMP_GUIDE: optionalText,
  ALLYCOMP_DEVELOPER_MODE: optionalText.pipe(
    z.enum(['true', 'false'], { error: 'must be true or false' }).default('false'),
  ),
  ALLYCOMP_STOP_GRACE_SECONDS: optionalText.pipe(
    z
      .string()
      .regex(/^\d{1,3}$/, 'must be a whole number of seconds from 1 to 600')
      .transform(Number)
      .refine((seconds) => seconds >= 1 && seconds <= 600, 'must be a whole number of seconds from 1 to 600')
      .default(25),
  ),
});

/**
 * Checks across variables, on the raw text so that they run even when other variables are malformed: one start
 * attempt then names every problem, not just the first kind.
 */
function crossProblems(env: NodeJS.ProcessEnv): Array<{ variable: ConfigVariable; problem: string }> {
  const value = (name: ConfigVariable) => env[name]?.trim() || undefined;
  const problems: Array<{ variable: ConfigVariable; problem: string }> = [];
  const oauthVariables = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;
  const oauthSet = oauthVariables.filter((name) => value(name));
  if (!value('SLACK_BOT_TOKEN')) {
    if (oauthSet.length === 0) {
      problems.push({
        variable: 'SLACK_BOT_TOKEN',
        problem:
          'is missing (or, to install in several workspaces, set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET)',
      });
    } else {
      for (const name of oauthVariables) {
        if (!value(name))
          problems.push({
            variable: name,
            problem:
              'is missing: the OAuth install needs all three of SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET',
          });
      }
      if (oauthSet.length === oauthVariables.length) {
        if (!value('ALLYCOMP_STORE_KEY')) {
          problems.push({
            variable: 'ALLYCOMP_STORE_KEY',
            problem: "is missing: the OAuth install stores each workspace's tokens encrypted with it",
          });
        }
        if (value('SLACK_APP_TOKEN')) {
          problems.push({
            variable: 'SLACK_APP_TOKEN',
            problem:
              "must be unset with the OAuth install: it runs in HTTP mode (Slack's directory refuses Socket Mode apps)",
          });
        }
      }
    }
  }
  if (!value('SLACK_APP_TOKEN') && !value('SLACK_SIGNING_SECRET')) {
    problems.push({
      variable: 'SLACK_SIGNING_SECRET',
      problem: 'is missing: HTTP mode needs it (or set SLACK_APP_TOKEN for Socket Mode)',
    });
  }
  const production = value('NODE_ENV') === 'production';
  if (production && value('ALLYCOMP_DEVELOPER_MODE') === 'true') {
    problems.push({
      variable: 'ALLYCOMP_DEVELOPER_MODE',
      problem: 'must not be true with NODE_ENV=production: developer mode logs whole payloads, salaries included',
    });
  }
  if (production && value('LOG_LEVEL') === 'debug') {
    problems.push({
      variable: 'LOG_LEVEL',
      problem: 'must not be debug with NODE_ENV=production: debug logs carry request payloads',
    });
  }
  return problems;
}

/** The OAuth v2 install (several workspaces): Bolt's installer with these, tokens kept in the store. */
export interface OAuthSettings {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
}

export interface Config {
  /** Single-workspace mode: the one bot token. Unset in OAuth mode. */
  botToken?: string;
  /** OAuth mode (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET set and SLACK_BOT_TOKEN not). */
  oauth?: OAuthSettings;
  mode: 'http' | 'socket';
  signingSecret?: string;
  appToken?: string;
  port: number;
  slackApiUrl?: string;
  /**
   * How the app's Web API clients send calls: undici.request (default; measured ~45% less CPU a call) or Node's
   * built-in fetch (what nock intercepts; tests that mock Slack with nock choose it).
   */
  slackHttpTransport: 'undici' | 'fetch';
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  nodeEnv: 'production' | 'development' | 'test';
  guidePath?: string;
  developerMode: boolean;
  /** How long a stop waits for answers still being posted (see DEFAULT_STOP_GRACE_MS in app.ts for the 25 s). */
  stopGraceMs: number;
}

export class ConfigError extends Error {
  readonly code = 'config_invalid';
  constructor(readonly problems: Array<{ variable: string; problem: string; where: string }>) {
    super(
      `allycomp cannot start: fix these settings (in .env or the environment):\n${problems
        .map(({ variable, problem, where }) => `  - ${variable} ${problem}. ${where}.`)
        .join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

/** Read and validate the environment; throws one ConfigError naming every bad variable. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = envSchema.safeParse(env);
  const found = result.success
    ? []
    : result.error.issues.map((issue) => ({
        variable: String(issue.path[0] ?? 'environment') as ConfigVariable,
        problem: issue.message,
      }));
  // One line per variable, its first problem: an empty token is "missing", not also "must start with xoxb-".
  const problems: typeof found = [];
  for (const candidate of [...found, ...crossProblems(env)]) {
    if (!problems.some((problem) => problem.variable === candidate.variable)) problems.push(candidate);
  }
  if (!result.success || problems.length > 0) {
    const order = Object.keys(WHERE);
    throw new ConfigError(
      problems
        .sort((a, b) => order.indexOf(a.variable) - order.indexOf(b.variable))
        .map(({ variable, problem }) => ({ variable, problem, where: WHERE[variable] ?? 'your environment' })),
    );
  }
  const e = result.data;
  const oauth =
    !e.SLACK_BOT_TOKEN && e.SLACK_CLIENT_ID && e.SLACK_CLIENT_SECRET && e.SLACK_STATE_SECRET
      ? { clientId: e.SLACK_CLIENT_ID, clientSecret: e.SLACK_CLIENT_SECRET, stateSecret: e.SLACK_STATE_SECRET }
      : undefined;
  return {
    ...(oauth ? { oauth } : { botToken: e.SLACK_BOT_TOKEN }),
    mode: e.SLACK_APP_TOKEN ? 'socket' : 'http',
    signingSecret: e.SLACK_SIGNING_SECRET,
    appToken: e.SLACK_APP_TOKEN,
    port: e.PORT,
    slackApiUrl: e.SLACK_API_URL,
    slackHttpTransport: e.SLACK_HTTP_TRANSPORT,
    logLevel: e.LOG_LEVEL,
    nodeEnv: e.NODE_ENV,
    guidePath: e.ALLYCOMP_GUIDE,
    developerMode: e.ALLYCOMP_DEVELOPER_MODE === 'true',
    stopGraceMs: e.ALLYCOMP_STOP_GRACE_SECONDS * 1000,
  };
}
