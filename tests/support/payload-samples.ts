/**
 * One well-formed payload of every kind allycomp receives, as Slack sends it (trimmed to the fields Bolt and the
 * app read plus a few they do not), and the field paths a fuzz may break.
 */
export type Encoding = 'form-payload' | 'json';

export interface Sample {
  name: string;
  encoding: Encoding;
  payload: Record<string, unknown>;
  /** Dotted paths (array indexes as numbers) whose values a fuzz replaces. */
  paths: string[];
}

const team = { id: 'T0TEAM', domain: 'allyteam' };
const user = { id: 'U0PERSON', username: 'person', team_id: 'T0TEAM' };
const responseUrl = 'https://hooks.slack.test/actions/T0TEAM/1/secret';

export const SAMPLES: Sample[] = [
  {
    name: 'command',
    encoding: 'json',
    payload: {
      command: '/allycomp',
      text: 'ny',
      user_id: 'U0PERSON',
      channel_id: 'C0CHANNEL',
      team_id: 'T0TEAM',
      response_url: responseUrl,
      trigger_id: '1.2.trigger',
      is_enterprise_install: 'false',
    },
    paths: [
      'command',
      'text',
      'user_id',
      'channel_id',
      'team_id',
      'response_url',
      'trigger_id',
      'is_enterprise_install',
    ],
  },
  {
    name: 'block_actions',
    encoding: 'form-payload',
    payload: {
      type: 'block_actions',
      team,
      user,
      api_app_id: 'A0ALLYCOMP',
      trigger_id: '1.2.trigger',
      response_url: responseUrl,
      channel: { id: 'C0CHANNEL', name: 'prep' },
      container: { type: 'message', message_ts: '1700000000.000100', channel_id: 'C0CHANNEL' },
      message: { type: 'message', ts: '1700000000.000100', text: 'region message' },
      actions: [{ type: 'button', action_id: 'show_region', block_id: 'region_actions', value: 'detroit' }],
    },
    paths: [
      'team',
      'team.id',
      'user',
      'user.id',
      'user.team_id',
      'trigger_id',
      'response_url',
      'channel',
      'channel.id',
      'container',
      'container.message_ts',
      'message',
      'message.ts',
      'message.text',
      'actions',
      'actions.0',
      'actions.0.action_id',
      'actions.0.block_id',
      'actions.0.value',
      'actions.0.type',
      'enterprise',
      'is_enterprise_install',
    ],
  },
  {
    name: 'shortcut',
    encoding: 'form-payload',
    payload: { type: 'shortcut', callback_id: 'prep_negotiation', trigger_id: '1.2.trigger', team, user },
    paths: ['callback_id', 'trigger_id', 'team', 'team.id', 'user', 'user.id', 'enterprise'],
  },
  {
    name: 'message_action',
    encoding: 'form-payload',
    payload: {
      type: 'message_action',
      callback_id: 'coach_offer',
      trigger_id: '1.2.trigger',
      response_url: responseUrl,
      team,
      user,
      channel: { id: 'C0CHANNEL', name: 'prep' },
      message: { type: 'message', ts: '1700000000.000100', text: 'SoFi offered 245k', thread_ts: '1700000000.000001' },
    },
    paths: [
      'callback_id',
      'trigger_id',
      'response_url',
      'team',
      'user',
      'user.id',
      'channel',
      'channel.id',
      'message',
      'message.ts',
      'message.text',
      'message.thread_ts',
    ],
  },
  {
    name: 'view_submission',
    encoding: 'form-payload',
    payload: {
      type: 'view_submission',
      team,
      user,
      trigger_id: '1.2.trigger',
      enterprise: null,
      response_urls: [],
      view: {
        id: 'V0OFFER',
        type: 'modal',
        callback_id: 'offer_modal',
        private_metadata: '{}',
        hash: '1700000700.abc',
        state: { values: { company: { company_input: { type: 'plain_text_input', value: 'SoFi' } } } },
      },
    },
    paths: [
      'team',
      'user',
      'user.id',
      'user.team_id',
      'enterprise',
      'response_urls',
      'view',
      'view.id',
      'view.callback_id',
      'view.private_metadata',
      'view.hash',
      'view.state',
      'view.state.values',
      'view.state.values.company',
      'view.state.values.company.company_input',
      'view.app_installed_team_id',
    ],
  },
  {
    name: 'view_closed',
    encoding: 'form-payload',
    payload: {
      type: 'view_closed',
      team,
      user,
      view: { id: 'V0OFFER', callback_id: 'offer_modal', private_metadata: '{}' },
      is_cleared: false,
    },
    paths: ['team', 'user', 'user.id', 'view', 'view.id', 'view.callback_id', 'view.state'],
  },
  {
    name: 'app_home_opened',
    encoding: 'json',
    payload: {
      type: 'event_callback',
      team_id: 'T0TEAM',
      api_app_id: 'A0ALLYCOMP',
      event_id: 'Ev0HOME',
      event_time: 1_700_000_000,
      authorizations: [{ team_id: 'T0TEAM', user_id: 'U0HARNESS', is_bot: true, enterprise_id: null }],
      event: { type: 'app_home_opened', user: 'U0PERSON', channel: 'D0DM', tab: 'home' },
    },
    paths: [
      'team_id',
      'event_id',
      'authorizations',
      'authorizations.0',
      'authorizations.0.team_id',
      'authorizations.0.enterprise_id',
      'event',
      'event.type',
      'event.user',
      'event.channel',
      'event.tab',
      'event.item',
      'event.subteam',
      'event.channel_id',
    ],
  },
  {
    name: 'message_im',
    encoding: 'json',
    payload: {
      type: 'event_callback',
      team_id: 'T0TEAM',
      event_id: 'Ev0DM',
      authorizations: [{ team_id: 'T0TEAM', user_id: 'U0HARNESS', is_bot: true }],
      event: {
        type: 'message',
        user: 'U0PERSON',
        channel: 'D0DM',
        channel_type: 'im',
        text: 'ny',
        ts: '1700000000.000100',
      },
    },
    paths: [
      'type',
      'event',
      'event.user',
      'event.channel',
      'event.channel_type',
      'event.text',
      'event.subtype',
      'event.bot_id',
      'event.ts',
      'event.thread_ts',
    ],
  },
];

/** A deep copy of `payload` with the value at `path` replaced. */
export function withValueAt(payload: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(payload);
  const keys = path.split('.');
  let node: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null) return copy;
    node = next as Record<string, unknown>;
  }
  node[keys[keys.length - 1] as string] = value;
  return copy;
}

export function encode(sample: Pick<Sample, 'encoding'>, payload: unknown): { body: string; contentType: string } {
  return sample.encoding === 'json'
    ? { body: JSON.stringify(payload), contentType: 'application/json' }
    : {
        body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
        contentType: 'application/x-www-form-urlencoded',
      };
}
