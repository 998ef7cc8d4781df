import { readFileSync } from 'node:fs';
import { App } from '@slack/bolt';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { distributionManifest } from '../scripts/manifest.js';
import { regionAnswer } from '../src/answers/answers.js';
import { prepareOffer } from '../src/answers/offer-prep.js';
import { createApp } from '../src/app.js';
import { buildAskPackage } from '../src/engine/ask/index.js';
import { compareRegions } from '../src/engine/bands.js';
import { normaliseOffer } from '../src/engine/offer/index.js';
import { PRIVATE_WORDS, SUBCOMMANDS } from '../src/engine/parse-command.js';
import { primaryAlias } from '../src/engine/regions.js';
import { BOT_SCOPES } from '../src/slack/scopes.js';
import { buildCompareMessage } from '../src/views/compare.js';
import { buildLeversMessage } from '../src/views/guide-parts.js';
import { buildHelpMessage } from '../src/views/help.js';
import { buildHomeView } from '../src/views/home.js';
import { BLOCKS, COMMAND } from '../src/views/ids.js';
import { buildOfferAnswer } from '../src/views/offer-answer.js';
import { buildOfferModal } from '../src/views/offer-modal.js';
import { guide, testConfig } from './support/slack.js';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

interface Manifest {
  features: {
    app_home?: { home_tab_enabled?: boolean; messages_tab_enabled?: boolean; messages_tab_read_only_enabled?: boolean };
    bot_user?: { display_name: string };
    slash_commands?: Array<{ command: string; usage_hint?: string; description: string }>;
    shortcuts?: Array<{ name: string; type: 'global' | 'message'; callback_id: string; description: string }>;
  };
  oauth_config: { scopes: { bot?: string[]; user?: string[] } };
  settings: {
    event_subscriptions?: { bot_events?: string[]; user_events?: string[]; request_url?: string };
    interactivity?: { is_enabled: boolean; request_url?: string };
    socket_mode_enabled?: boolean;
    org_deploy_enabled?: boolean;
  };
}

const manifest = parseYaml(read('manifest.yml'), { uniqueKeys: true }) as Manifest;
const distribution = parseYaml(read('manifest.distribution.yml'), { uniqueKeys: true }) as Manifest & {
  oauth_config: { redirect_urls?: string[] };
  features: { slash_commands?: Array<{ url?: string }> };
};

/** Slack's v1 manifest schema (draft-07). Its non-standard `regex` keyword (a hex colour) is checked as a pattern. */
function compileSchema() {
  const schema = JSON.parse(read('tests/fixtures/vendor/manifest.schema.1.0.0.json')) as object;
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  ajv.addKeyword({
    keyword: 'regex',
    type: 'string',
    schemaType: 'string',
    validate: (pattern: string, value: string) => new RegExp(pattern).test(value),
  });
  return ajv.compile(schema);
}

describe('manifest.yml and manifest.distribution.yml against Slack’s app-manifest schema (v1)', () => {
  it.each([
    ['manifest.yml', manifest],
    ['manifest.distribution.yml', distribution],
  ])('%s is valid', (_name, candidate) => {
    const validate = compileSchema();
    const valid = validate(candidate);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema check has teeth: a bad colour, an unknown key and a missing name are each rejected', () => {
    const validate = compileSchema();
    const copy = () => structuredClone(manifest) as unknown as Record<string, Record<string, unknown>>;
    const badColour = copy();
    (badColour.display_information as Record<string, unknown>).background_color = 'purple';
    const unknownKey = copy();
    (unknownKey.settings as Record<string, unknown>).socket_mode = true;
    const noName = copy();
    delete (noName.display_information as Record<string, unknown>).name;
    for (const broken of [badColour, unknownKey, noName]) expect(validate(broken)).toBe(false);
  });
});

/** What the app registers with Bolt, collected by spying on App while the real createApp runs. */
interface Registered {
  commands: string[];
  shortcuts: Array<{ type: string; callback_id: string }>;
  events: string[];
  actions: Array<string | RegExp | Record<string, unknown>>;
  views: Array<string | RegExp | Record<string, unknown>>;
}

const registered: Registered = { commands: [], shortcuts: [], events: [], actions: [], views: [] };
const spies: Array<{ mockRestore(): void }> = [];

beforeAll(() => {
  const command = vi.spyOn(App.prototype, 'command');
  const shortcut = vi.spyOn(App.prototype, 'shortcut');
  const event = vi.spyOn(App.prototype, 'event');
  const action = vi.spyOn(App.prototype, 'action');
  const view = vi.spyOn(App.prototype, 'view');
  spies.push(command, shortcut, event, action, view);
  createApp(testConfig(), guide(), { botId: 'B0ALLYCOMP', botUserId: 'U0ALLYCOMP' });
  for (const [name] of command.mock.calls) registered.commands.push(String(name));
  for (const [constraints] of shortcut.mock.calls) {
    // Every shortcut must be registered with its type, so that a global and a message shortcut cannot be confused.
    expect(typeof constraints).toBe('object');
    const { type, callback_id } = constraints as { type: string; callback_id: string };
    registered.shortcuts.push({ type, callback_id });
  }
  for (const [name] of event.mock.calls) registered.events.push(String(name));
  for (const [constraints] of action.mock.calls) registered.actions.push(constraints as Registered['actions'][number]);
  for (const [constraints] of view.mock.calls) registered.views.push(constraints as Registered['views'][number]);
});

afterAll(() => {
  for (const spy of spies) spy.mockRestore();
});

const sorted = <T>(values: T[]) => [...values].sort();
const SHORTCUT_TYPE = { global: 'shortcut', message: 'message_action' } as const;

function routes(constraint: Registered['actions'][number], id: string): boolean {
  if (typeof constraint === 'string') return constraint === id;
  if (constraint instanceof RegExp) return constraint.test(id);
  const inner =
    (constraint as { action_id?: string | RegExp; callback_id?: string | RegExp }).action_id ??
    (constraint as { callback_id?: string | RegExp }).callback_id;
  return inner instanceof RegExp ? inner.test(id) : inner === id;
}

describe('manifest and listeners, both ways', () => {
  it('the spies saw the app register its listeners', () => {
    expect(registered.commands.length).toBeGreaterThan(0);
    expect(registered.events.length).toBeGreaterThan(0);
    expect(registered.actions.length).toBeGreaterThan(0);
  });

  it('slash commands: exactly the ones the app listens to', () => {
    const inManifest = (manifest.features.slash_commands ?? []).map((entry) => entry.command);
    expect(sorted(inManifest)).toEqual(sorted(registered.commands));
    expect(inManifest).toContain(COMMAND);
  });

  it('shortcuts: each callback_id and type in the manifest has a listener, and each listener is in the manifest', () => {
    const inManifest = (manifest.features.shortcuts ?? []).map((entry) => ({
      type: SHORTCUT_TYPE[entry.type],
      callback_id: entry.callback_id,
    }));
    const key = (entry: { type: string; callback_id: string }) => `${entry.type}:${entry.callback_id}`;
    expect(sorted(inManifest.map(key))).toEqual(sorted(registered.shortcuts.map(key)));
  });

  it('bot events: each subscription has a listener, and each listener has a subscription', () => {
    const subscribed = manifest.settings.event_subscriptions?.bot_events ?? [];
    // Slack subscribes to message events per conversation type (message.im), Bolt listens to "message".
    const asListened = (event: string) => (event.startsWith('message.') ? 'message' : event);
    expect(sorted([...new Set(subscribed.map(asListened))])).toEqual(sorted([...new Set(registered.events)]));
    // The message listener answers in the bot's DM only: subscribing to channel messages would need more scopes.
    expect(subscribed.filter((event) => event.startsWith('message.'))).toEqual(['message.im']);
    expect(manifest.settings.event_subscriptions?.user_events ?? []).toEqual([]);
  });

  it('the features those listeners need are switched on', () => {
    const home = manifest.features.app_home ?? {};
    expect(home.home_tab_enabled).toBe(registered.events.includes('app_home_opened'));
    expect(home.messages_tab_enabled).toBe(registered.events.includes('message'));
    expect(home.messages_tab_read_only_enabled).toBe(false);
    const interactive = registered.actions.length + registered.views.length + registered.shortcuts.length > 0;
    expect(manifest.settings.interactivity?.is_enabled).toBe(interactive);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });

  it('every button the app shows and the modal it opens reach a listener', () => {
    const { guide: g } = guide();
    const blocks: unknown[] = [
      ...buildHelpMessage(g).blocks,
      ...buildCompareMessage(guide(), compareRegions(g)).blocks,
      ...buildHomeView(guide()).blocks,
      ...g.regions.flatMap((region) => {
        const answer = regionAnswer(guide(), region);
        return [
          ...answer.message.blocks,
          ...answer.standalone.blocks,
          ...buildLeversMessage(guide(), buildAskPackage(g, region)).blocks,
          // The "did you mean …?" buttons of an offer answer.
          ...buildOfferAnswer(guide(), prepareOffer(g, region, { company: 'SoFi', totalComp: 24_500 }, offerOf(24_500)))
            .blocks,
        ];
      }),
    ];
    const actionIds = new Set(
      [...JSON.stringify(blocks).matchAll(/"action_id":"([^"]+)"/g)].map((match) => match[1] ?? ''),
    );
    expect(actionIds.size).toBeGreaterThanOrEqual(5);
    for (const id of actionIds) {
      expect(
        registered.actions.some((constraint) => routes(constraint, id)),
        `a listener for ${id}`,
      ).toBe(true);
    }
    const modal = buildOfferModal(g, { origin: {}, canShare: false });
    expect(registered.views.some((constraint) => routes(constraint, modal.callback_id ?? ''))).toBe(true);
  });
});

describe('help and the usage_hint list every command the parser knows', () => {
  const { guide: g } = guide();
  const everyWord = [...SUBCOMMANDS, PRIVATE_WORDS[0] ?? 'private', ...g.regions.map(primaryAlias)];

  it('help shows each one in a code span, so none can be added to the parser and left out of help', () => {
    const commands = buildHelpMessage(g).blocks.find((block) => block.block_id === BLOCKS.helpCommands);
    const text = JSON.stringify(commands);
    const spans = [...text.matchAll(/`([^`]+)`/g)].flatMap((match) => (match[1] ?? '').split(/[\s@]+/));
    for (const word of [...SUBCOMMANDS, PRIVATE_WORDS[0] ?? 'private']) expect(spans, word).toContain(word);
    for (const region of g.regions) expect(text).toContain(primaryAlias(region));
  });

  it('the manifest’s usage_hint names each one', () => {
    const hint = manifest.features.slash_commands?.find((entry) => entry.command === COMMAND)?.usage_hint ?? '';
    const words = hint.split(/[^a-z@]+/).filter(Boolean);
    for (const word of everyWord) expect(words, word).toContain(word);
  });
});

describe('the distribution manifest (OAuth install over HTTP)', () => {
  it('is exactly what `npm run manifest` derives from manifest.yml: the two cannot drift', () => {
    expect(read('manifest.distribution.yml')).toBe(distributionManifest(read('manifest.yml')));
  });

  it('differs only where an HTTP app for many workspaces must: request URLs, the redirect URL, no Socket Mode', () => {
    const events = 'https://allycomp.example.com/slack/events';
    expect(distribution.settings.socket_mode_enabled).toBe(false);
    expect(distribution.settings.event_subscriptions?.request_url).toBe(events);
    expect(distribution.settings.interactivity?.request_url).toBe(events);
    for (const command of distribution.features.slash_commands ?? []) expect(command.url).toBe(events);
    expect(distribution.oauth_config.redirect_urls).toEqual(['https://allycomp.example.com/slack/oauth_redirect']);
    expect(distribution.settings.org_deploy_enabled).toBe(true);
    const strip = (m: Manifest) => {
      const copy = structuredClone(m) as unknown as Record<string, Record<string, unknown>>;
      for (const key of ['socket_mode_enabled', 'org_deploy_enabled']) delete copy.settings?.[key];
      delete (copy.settings?.event_subscriptions as Record<string, unknown> | undefined)?.request_url;
      delete (copy.settings?.interactivity as Record<string, unknown> | undefined)?.request_url;
      delete copy.oauth_config?.redirect_urls;
      for (const command of (copy.features?.slash_commands ?? []) as Array<Record<string, unknown>>) delete command.url;
      return copy;
    };
    expect(strip(distribution)).toEqual(strip(manifest));
  });

  it('the OAuth install asks for the manifest’s bot scopes (BOT_SCOPES)', () => {
    expect(sorted(manifest.oauth_config.scopes.bot ?? [])).toEqual(sorted([...BOT_SCOPES]));
  });
});

describe('scopes', () => {
  const readme = read('README.md');
  const section = readme.slice(readme.indexOf('\n## Scopes'));
  const body = section.slice(0, section.indexOf('\n## ', 4) === -1 ? undefined : section.indexOf('\n## ', 4));
  const justified = [...body.matchAll(/^\| `([a-z.:]+)`\s+\| (.+?)\s+\|$/gm)].map((match) => ({
    scope: match[1] ?? '',
    why: match[2] ?? '',
  }));

  it('the README justifies each bot scope, and the manifest asks for exactly those', () => {
    expect(readme).toContain('\n## Scopes');
    expect(justified.length).toBeGreaterThan(0);
    for (const { why } of justified) expect(why.trim().length).toBeGreaterThan(20);
    expect(sorted(manifest.oauth_config.scopes.bot ?? [])).toEqual(sorted(justified.map(({ scope }) => scope)));
  });

  it('no user scopes: the bot never acts as a person', () => {
    expect(manifest.oauth_config.scopes.user ?? []).toEqual([]);
  });
});

function offerOf(totalComp: number) {
  const normalised = normaliseOffer({ company: 'SoFi', totalComp });
  if (!normalised.ok) throw new Error('offer');
  return normalised.offer;
}
