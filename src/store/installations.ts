import type { Installation, InstallationQuery } from '@slack/bolt';
import type { TokenCipher } from './cipher.js';
import { StoreError } from './errors.js';
import type { TeamRef } from './store.js';

type AnyInstallation = Installation<'v1' | 'v2', boolean>;

/** One stored row: the workspace's latest installation (userId '') or one user's token. */
export interface InstallationRow {
  installKey: string;
  userId: string;
  teamId: string | null;
  enterpriseId: string | null;
  /** The whole installation, encrypted: tokens, refresh tokens and webhook URLs are all secrets. */
  sealed: string;
}

/** An org-wide install is keyed by its enterprise; any other by its workspace (team ids are unique across orgs). */
export function installKeyOf(team: TeamRef): string {
  if (team.isEnterpriseInstall) {
    if (!team.enterpriseId) throw new Error('An enterprise install needs an enterpriseId');
    return `enterprise:${team.enterpriseId}`;
  }
  if (!team.teamId) throw new Error('A workspace install needs a teamId');
  return `team:${team.teamId}`;
}

function needCipher(cipher: TokenCipher | undefined): TokenCipher {
  if (!cipher) {
    throw new StoreError(
      'store_key_invalid',
      'ALLYCOMP_STORE_KEY is missing: installations (Slack tokens) are stored encrypted and need a 32-byte key in base64.',
    );
  }
  return cipher;
}

const boundTo = (row: { installKey: string; userId: string }) => `${row.installKey}|${row.userId}`;

/** The rows one installation becomes: the workspace's latest, plus the installing user's when it carries a user token. */
export function rowsFor(cipher: TokenCipher | undefined, installation: AnyInstallation): InstallationRow[] {
  const sealer = needCipher(cipher);
  const installKey = installKeyOf({
    teamId: installation.team?.id,
    enterpriseId: installation.enterprise?.id,
    isEnterpriseInstall: installation.isEnterpriseInstall === true,
  });
  const userIds = installation.user.token ? ['', installation.user.id] : [''];
  const text = JSON.stringify(installation);
  return userIds.map((userId) => ({
    installKey,
    userId,
    teamId: installation.team?.id ?? null,
    enterpriseId: installation.enterprise?.id ?? null,
    sealed: sealer.encrypt(text, boundTo({ installKey, userId })),
  }));
}

export function openRow(cipher: TokenCipher | undefined, row: InstallationRow): AnyInstallation {
  return JSON.parse(needCipher(cipher).decrypt(row.sealed, boundTo(row))) as AnyInstallation;
}

/** The same row re-encrypted with the current key (rotation, and dropping a revoked user token). */
export function resealRow(cipher: TokenCipher | undefined, row: InstallationRow, installation: AnyInstallation) {
  return { ...row, sealed: needCipher(cipher).encrypt(JSON.stringify(installation), boundTo(row)) };
}

/**
 * Bolt's answer to a query: the workspace's installation, with the asking user's own token when they installed
 * one, and no user token at all when they did not (never another person's).
 */
export function answerQuery(
  workspace: AnyInstallation,
  userInstall: AnyInstallation | undefined,
  query: InstallationQuery<boolean>,
): AnyInstallation {
  if (!query.userId || workspace.user.id === query.userId) return workspace;
  if (userInstall) return { ...workspace, user: userInstall.user };
  return { ...workspace, user: { id: query.userId, token: undefined, scopes: undefined } };
}

/** The installation with one user's token removed (tokens_revoked for a user). */
export function withoutUserToken(installation: AnyInstallation, userId: string): AnyInstallation {
  if (installation.user.id !== userId) return installation;
  return { ...installation, user: { id: userId, token: undefined, scopes: undefined } };
}

export function notInstalled(query: InstallationQuery<boolean>): StoreError {
  const where = query.isEnterpriseInstall ? `enterprise ${query.enterpriseId}` : `workspace ${query.teamId}`;
  return new StoreError('store_not_installed', `allycomp is not installed in ${where}.`);
}
