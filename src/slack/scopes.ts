/**
 * The bot scopes allycomp asks for, in the OAuth install and in both manifests (tests/manifest.test.ts checks that
 * manifest.yml lists exactly these, and scripts/manifest.ts derives the distribution manifest from manifest.yml).
 */
export const BOT_SCOPES = [
  'commands',
  'chat:write',
  'im:history',
  'users:read',
  'channels:read',
  'groups:read',
  'files:write',
] as const;
