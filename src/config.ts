import { z } from 'zod';

/** Where each variable lives in Slack's app settings (api.slack.com/apps → your app), for error messages. */
const WHERE = {
  SLACK_BOT_TOKEN: 'OAuth & Permissions → "Bot User OAuth Token" (starts with xoxb-), after installing the app',
  SLACK_SIGNING_SECRET: 'Basic Information → App Credentials → "Signing Secret"',
  SLACK_APP_TOKEN:
    'Basic Information → App-Level Tokens → a token with the connections:write scope (starts with xapp-)',
  PORT: 'your choice: the port the HTTP server listens on (default 3000)',
  SLACK_API_URL: 'optional: the Web API base URL, e.g. https://slack-gov.com/api/ for GovSlack',
  LOG_LEVEL: 'your choice: debug, info, warn or error (default info)',
  NODE_ENV: 'your deployment: production, development or test',
  ALLYCOMP_GUIDE: 'optional: path to a guide file (default data/ally-pm.guide.yml)',
  ALLYCOMP_DEVELOPER_MODE: 'optional, local development only: true logs whole Slack payloads',
} as const;

export type ConfigVariable = keyof typeof WHERE;

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const envSchema = z
  .object({
    SLACK_BOT_TOKEN: z
      .string({ error: 'is missing' })
      .trim()
      .min(1, 'is missing')
      .regex(/^xoxb-[\w-]+$/, 'must be a bot token starting with xoxb-'),
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
  })
  .superRefine((env, ctx) => {
    if (!env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_SIGNING_SECRET'],
        message: 'is missing: HTTP mode needs it (or set SLACK_APP_TOKEN for Socket Mode)',
      });
    }
    if (env.NODE_ENV === 'production' && env.ALLYCOMP_DEVELOPER_MODE === 'true') {
      ctx.addIssue({
        code: 'custom',
        path: ['ALLYCOMP_DEVELOPER_MODE'],
        message: 'must not be true with NODE_ENV=production: developer mode logs whole payloads, salaries included',
      });
    }
    if (env.NODE_ENV === 'production' && env.LOG_LEVEL === 'debug') {
      ctx.addIssue({
        code: 'custom',
        path: ['LOG_LEVEL'],
        message: 'must not be debug with NODE_ENV=production: debug logs carry request payloads',
      });
    }
  });

export interface Config {
  botToken: string;
  mode: 'http' | 'socket';
  signingSecret?: string;
  appToken?: string;
  port: number;
  slackApiUrl?: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  nodeEnv: 'production' | 'development' | 'test';
  guidePath?: string;
  developerMode: boolean;
}

export class ConfigError extends Error {
  readonly code = 'config_invalid';
  constructor(readonly problems: Array<{ variable: string; problem: string; where: string }>) {
    super(
      `allycomp cannot start: fix these settings (in .env or the environment):\n${problems
        .map(({ variable, problem, where }) => `  - ${variable} ${problem}. Find it in Slack: ${where}.`)
        .join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

/** Read and validate the environment; throws one ConfigError naming every bad variable. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const variable = String(issue.path[0] ?? 'environment') as ConfigVariable;
        return { variable, problem: issue.message, where: WHERE[variable] ?? 'your environment' };
      }),
    );
  }
  const e = result.data;
  return {
    botToken: e.SLACK_BOT_TOKEN,
    mode: e.SLACK_APP_TOKEN ? 'socket' : 'http',
    signingSecret: e.SLACK_SIGNING_SECRET,
    appToken: e.SLACK_APP_TOKEN,
    port: e.PORT,
    slackApiUrl: e.SLACK_API_URL,
    logLevel: e.LOG_LEVEL,
    nodeEnv: e.NODE_ENV,
    guidePath: e.ALLYCOMP_GUIDE,
    developerMode: e.ALLYCOMP_DEVELOPER_MODE === 'true',
  };
}
