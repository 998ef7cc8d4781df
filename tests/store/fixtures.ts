import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Installation } from '@slack/bolt';
import { onTestFinished } from 'vitest';
import { TokenCipher } from '../../src/store/cipher.js';

export const keyA = Buffer.alloc(32, 1);
export const keyB = Buffer.alloc(32, 2);
export const cipherA = () => new TokenCipher(keyA);

/** A workspace install as Bolt hands it to storeInstallation after oauth.v2.access, with a recognisable token. */
export function workspaceInstall(teamId: string, options: { userId?: string; userToken?: string } = {}): Installation {
  return {
    team: { id: teamId, name: `Team ${teamId}` },
    enterprise: undefined,
    user: {
      id: options.userId ?? 'U_INSTALLER',
      token: options.userToken,
      scopes: options.userToken ? ['users:read'] : undefined,
    },
    bot: {
      token: `xoxb-bot-token-of-${teamId}`,
      scopes: ['commands', 'chat:write'],
      id: `B_${teamId}`,
      userId: `U_BOT_${teamId}`,
    },
    incomingWebhook: { url: `https://hooks.slack.com/services/secret-webhook-${teamId}` },
    appId: 'A_ALLYCOMP',
    tokenType: 'bot',
    isEnterpriseInstall: false,
    authVersion: 'v2',
  };
}

/** An org-wide install on Enterprise Grid: no team, keyed by the enterprise. */
export function enterpriseInstall(enterpriseId: string): Installation<'v2', true> {
  return {
    team: undefined,
    enterprise: { id: enterpriseId, name: 'Grid Org' },
    user: { id: 'U_ORG_ADMIN', token: undefined, scopes: undefined },
    bot: {
      token: `xoxb-org-token-of-${enterpriseId}`,
      scopes: ['commands'],
      id: 'B_ORG',
      userId: 'U_ORG_BOT',
    },
    appId: 'A_ALLYCOMP',
    tokenType: 'bot',
    isEnterpriseInstall: true,
    enterpriseUrl: 'https://grid.enterprise.slack.com/',
    authVersion: 'v2',
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A fresh temporary directory for the current test, deleted when the test ends. */
export async function tempDir(label: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `allycomp-${label}-`));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}
