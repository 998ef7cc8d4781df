/**
 * The distribution manifest (OAuth install over HTTP, what Slack's app directory requires) is derived from
 * manifest.yml, the one hand-written source, so the two cannot drift: `npm run manifest` writes
 * manifest.distribution.yml, `npm run manifest -- --check` fails if the committed copy differs (tests do the same).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';

/** Where the distributed app is served: operators replace it with their own public HTTPS origin. */
export const PLACEHOLDER_ORIGIN = 'https://allycomp.example.com';

export const SOURCE_PATH = fileURLToPath(new URL('../manifest.yml', import.meta.url));
export const DISTRIBUTION_PATH = fileURLToPath(new URL('../manifest.distribution.yml', import.meta.url));

const HEADER = `# GENERATED from manifest.yml by \`npm run manifest\`: edit manifest.yml, not this file.
# The app for many workspaces: HTTP request URLs and an OAuth redirect URL, no Socket Mode (Slack's app directory
# refuses Socket Mode apps). Replace ${PLACEHOLDER_ORIGIN} with your public HTTPS origin before creating the app,
# then set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET and ALLYCOMP_STORE_KEY (README → "Install in
# many workspaces").
`;

type Manifest = {
  features: { slash_commands?: Array<Record<string, unknown>> } & Record<string, unknown>;
  oauth_config: Record<string, unknown>;
  settings: {
    event_subscriptions?: Record<string, unknown>;
    interactivity?: Record<string, unknown>;
  } & Record<string, unknown>;
} & Record<string, unknown>;

/** The distribution manifest for `origin`, from the text of manifest.yml. */
export function distributionManifest(sourceText: string, origin = PLACEHOLDER_ORIGIN): string {
  const manifest = parse(sourceText, { uniqueKeys: true }) as Manifest;
  const events = `${origin}/slack/events`;
  manifest.features.slash_commands = (manifest.features.slash_commands ?? []).map((command) => ({
    ...command,
    url: events,
  }));
  manifest.oauth_config = { redirect_urls: [`${origin}/slack/oauth_redirect`], ...manifest.oauth_config };
  manifest.settings = {
    ...manifest.settings,
    event_subscriptions: { request_url: events, ...manifest.settings.event_subscriptions },
    interactivity: { ...manifest.settings.interactivity, request_url: events },
    // Enterprise Grid: an org admin may install it once for the whole org.
    org_deploy_enabled: true,
    socket_mode_enabled: false,
  };
  return `${HEADER}${stringify(manifest, { lineWidth: 0 })}`;
}

function main(argv: string[]): number {
  const expected = distributionManifest(readFileSync(SOURCE_PATH, 'utf8'));
  if (argv.includes('--check')) {
    const actual = readFileSync(DISTRIBUTION_PATH, 'utf8');
    if (actual === expected) return 0;
    process.stderr.write('manifest.distribution.yml is out of date: run `npm run manifest` and commit it.\n');
    return 1;
  }
  writeFileSync(DISTRIBUTION_PATH, expected);
  process.stdout.write('wrote manifest.distribution.yml\n');
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1])
  process.exitCode = main(process.argv.slice(2));
