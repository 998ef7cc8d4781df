import type { HomeView, KnownBlock, ModalView } from '@slack/types';
import { describe, expect, it } from 'vitest';
import {
  assertWithinLimits,
  BlockKitLimitError,
  checkMessage,
  checkView,
  type LimitViolation,
  type SlackMessage,
} from './limits.js';

const plain = (text: string) => ({ type: 'plain_text' as const, text });
const mrkdwn = (text: string) => ({ type: 'mrkdwn' as const, text });
const x = (n: number): string => 'x'.repeat(n);
const option = (text: string, value = 'v') => ({ text: plain(text), value });
const options = (n: number) => Array.from({ length: n }, (_v, i) => option(`Option ${i}`, `v${i}`));
const cell = (text: string) => ({ type: 'raw_text' as const, text });
const button = (text: string, action_id: string, extra: object = {}) => ({
  type: 'button',
  text: plain(text),
  action_id,
  ...extra,
});
const section = (text: string, extra: object = {}) => ({ type: 'section', text: mrkdwn(text), ...extra });
const msg = (...blocks: unknown[]) => ({ text: 'Your negotiation plan', blocks });
const modal = (blocks: unknown[], extra: object = {}) => ({
  type: 'modal' as const,
  title: plain('Prepare my ask'),
  submit: plain('Build plan'),
  blocks,
  ...extra,
});

/** Path and rule of each violation, for exact comparison. */
const brief = (violations: LimitViolation[]) => violations.map(({ path, rule }) => ({ path, rule }));

const validMessage: SlackMessage = {
  text: 'Negotiation plan for Acme: ask for $185,000 base',
  blocks: [
    { type: 'header', block_id: 'title', text: plain('Negotiation plan: Acme') },
    {
      type: 'section',
      block_id: 'offer',
      text: mrkdwn('*Offer* from Acme &amp; partners'),
      fields: [mrkdwn('*Base*\n$160,000'), mrkdwn('*Bonus*\n10%')],
      accessory: {
        type: 'button',
        action_id: 'details',
        text: plain('Details'),
        value: 'offer-1',
        accessibility_label: 'Show offer details',
        confirm: {
          title: plain('Sure?'),
          text: mrkdwn('Opens the *details*'),
          confirm: plain('Yes'),
          deny: plain('No'),
        },
      },
    },
    {
      type: 'table',
      block_id: 'bands',
      column_settings: [{ align: 'left' }, { align: 'right' }],
      rows: [
        [cell('Region'), cell('High')],
        [cell('SF'), { type: 'raw_number', value: 240000, text: '$240,000' }],
        [
          cell('NYC'),
          {
            type: 'rich_text',
            elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: '$230,000' }] }],
          },
        ],
      ],
    },
    {
      type: 'context',
      elements: [mrkdwn('Source: guide v3'), { type: 'image', image_url: 'https://x.test/a.png', alt_text: 'logo' }],
    },
    {
      type: 'actions',
      block_id: 'act',
      elements: [
        { type: 'button', action_id: 'draft', text: plain('Draft email'), style: 'primary' },
        { type: 'static_select', action_id: 'level', placeholder: plain('Level'), options: options(3) },
        { type: 'overflow', action_id: 'more', options: options(5) },
      ],
    },
    { type: 'divider' },
    { type: 'markdown', text: '**Why**: the band is wide.' },
    { type: 'image', image_url: 'https://x.test/chart.png', alt_text: 'Pay bands by region', title: plain('Bands') },
    { type: 'rich_text', elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: 'Good luck!' }] }] },
  ],
};

describe('valid payloads', () => {
  it('a realistic message passes', () => {
    expect(checkMessage(validMessage)).toEqual([]);
    expect(() => assertWithinLimits('message', validMessage)).not.toThrow();
  });

  it('a text-only message passes', () => {
    expect(checkMessage({ text: 'hello' })).toEqual([]);
  });

  it('typed modal and home views pass', () => {
    const view: ModalView = {
      type: 'modal',
      callback_id: 'prepare',
      private_metadata: JSON.stringify({ channel: 'C1' }),
      title: plain('Prepare my ask'),
      submit: plain('Build plan'),
      close: plain('Cancel'),
      blocks: [
        {
          type: 'input',
          block_id: 'level',
          label: plain('Level'),
          hint: plain('From your offer letter'),
          element: { type: 'static_select', action_id: 'value', options: options(100) },
        },
        {
          type: 'input',
          block_id: 'base',
          optional: true,
          label: plain('Base salary'),
          element: { type: 'plain_text_input', action_id: 'value', max_length: 3000, placeholder: plain('150000') },
        },
        {
          type: 'input',
          block_id: 'prio',
          label: plain('Priorities'),
          element: {
            type: 'checkboxes',
            action_id: 'value',
            options: [{ text: mrkdwn('*Base*'), value: 'base', description: plain('Salary') }],
          },
        },
      ],
    };
    const home: HomeView = { type: 'home', blocks: [{ type: 'section', text: mrkdwn('Welcome') }] };
    expect(checkView(view)).toEqual([]);
    expect(checkView(home)).toEqual([]);
    expect(() => assertWithinLimits('view', view)).not.toThrow();
  });

  it('100 blocks are fine in a view, 50 in a message', () => {
    const blocks: KnownBlock[] = Array.from({ length: 100 }, () => ({ type: 'divider' }));
    expect(checkView({ type: 'home', blocks })).toEqual([]);
    expect(checkMessage({ text: 't', blocks: blocks.slice(0, 50) })).toEqual([]);
  });
});

type Case = [name: string, violations: () => LimitViolation[], path: string, rule: string];

describe('each rule', () => {
  const cases: Case[] = [
    // message
    ['message text missing', () => checkMessage({ blocks: [] }), 'text', 'message_text_missing'],
    ['message text empty', () => checkMessage({ text: ' \n' }), 'text', 'message_text_empty'],
    ['message text too long', () => checkMessage({ text: x(40_001) }), 'text', 'message_text_too_long'],
    [
      'message with 51 blocks',
      () => checkMessage(msg(...Array.from({ length: 51 }, () => ({ type: 'divider' })))),
      'blocks',
      'too_many_blocks',
    ],
    ['block without type', () => checkMessage(msg({ text: 'x' })), 'blocks[0]', 'block_invalid'],
    // ids
    [
      'block_id too long',
      () => checkMessage(msg({ type: 'divider', block_id: x(256) })),
      'blocks[0].block_id',
      'block_id_too_long',
    ],
    [
      'duplicate block_id',
      () => checkMessage(msg({ type: 'divider', block_id: 'a' }, section('hi'), { type: 'divider', block_id: 'a' })),
      'blocks[2].block_id',
      'block_id_duplicate',
    ],
    [
      'action_id too long',
      () => checkMessage(msg({ type: 'actions', elements: [button('Go', x(256))] })),
      'blocks[0].elements[0].action_id',
      'action_id_too_long',
    ],
    [
      'duplicate action_id in one block',
      () => checkMessage(msg({ type: 'actions', elements: [button('A', 'go'), button('B', 'go')] })),
      'blocks[0].elements[1].action_id',
      'action_id_duplicate',
    ],
    [
      'input element action_id too long',
      () =>
        checkView(
          modal([{ type: 'input', label: plain('L'), element: { type: 'plain_text_input', action_id: x(256) } }]),
        ),
      'blocks[0].element.action_id',
      'action_id_too_long',
    ],
    // section
    [
      'section text too long',
      () => checkMessage(msg(section(x(3001)))),
      'blocks[0].text.text',
      'section_text_too_long',
    ],
    [
      'section with 11 fields',
      () => checkMessage(msg({ type: 'section', fields: Array.from({ length: 11 }, () => mrkdwn('f')) })),
      'blocks[0].fields',
      'section_too_many_fields',
    ],
    [
      'section field too long',
      () => checkMessage(msg({ type: 'section', fields: [mrkdwn('a'), plain(x(2001))] })),
      'blocks[0].fields[1].text',
      'section_field_too_long',
    ],
    ['section without text or fields', () => checkMessage(msg({ type: 'section' })), 'blocks[0]', 'section_empty'],
    ['empty section text', () => checkMessage(msg(section(''))), 'blocks[0].text.text', 'text_empty'],
    ['whitespace section text', () => checkMessage(msg(section('  \n '))), 'blocks[0].text.text', 'text_empty'],
    [
      'text object without text',
      () => checkMessage(msg({ type: 'section', text: { type: 'mrkdwn' } })),
      'blocks[0].text.text',
      'text_empty',
    ],
    [
      'unknown text object type',
      () => checkMessage(msg({ type: 'section', text: { type: 'markdown', text: 'hi' } })),
      'blocks[0].text.type',
      'text_type_invalid',
    ],
    [
      'text object that is a string',
      () => checkMessage(msg({ type: 'section', text: 'hi' })),
      'blocks[0].text',
      'text_object_invalid',
    ],
    // header
    [
      'header too long',
      () => checkMessage(msg({ type: 'header', text: plain(x(151)) })),
      'blocks[0].text.text',
      'header_text_too_long',
    ],
    [
      'header in mrkdwn',
      () => checkMessage(msg({ type: 'header', text: mrkdwn('*Plan*') })),
      'blocks[0].text.type',
      'plain_text_required',
    ],
    ['header without text', () => checkMessage(msg({ type: 'header' })), 'blocks[0].text', 'header_text_missing'],
    // context
    [
      'context with 11 elements',
      () => checkMessage(msg({ type: 'context', elements: Array.from({ length: 11 }, () => mrkdwn('c')) })),
      'blocks[0].elements',
      'context_too_many_elements',
    ],
    [
      'context text too long',
      () => checkMessage(msg({ type: 'context', elements: [mrkdwn(x(3001))] })),
      'blocks[0].elements[0].text',
      'context_text_too_long',
    ],
    [
      'context image without alt text',
      () => checkMessage(msg({ type: 'context', elements: [{ type: 'image', image_url: 'https://x.test/i.png' }] })),
      'blocks[0].elements[0].alt_text',
      'image_alt_text_missing',
    ],
    // actions and elements
    [
      'actions with 26 elements',
      () =>
        checkMessage(msg({ type: 'actions', elements: Array.from({ length: 26 }, (_v, i) => button('B', `b${i}`)) })),
      'blocks[0].elements',
      'actions_too_many_elements',
    ],
    [
      'button text too long',
      () => checkMessage(msg({ type: 'actions', elements: [button(x(76), 'a')] })),
      'blocks[0].elements[0].text.text',
      'button_text_too_long',
    ],
    [
      'button without text',
      () => checkMessage(msg({ type: 'actions', elements: [{ type: 'button', action_id: 'a' }] })),
      'blocks[0].elements[0].text',
      'button_text_missing',
    ],
    [
      'button value too long',
      () => checkMessage(msg({ type: 'actions', elements: [button('Go', 'a', { value: x(2001) })] })),
      'blocks[0].elements[0].value',
      'button_value_too_long',
    ],
    [
      'button url too long',
      () => checkMessage(msg({ type: 'actions', elements: [button('Go', 'a', { url: `https://x.test/${x(3000)}` })] })),
      'blocks[0].elements[0].url',
      'button_url_too_long',
    ],
    [
      'accessibility_label too long',
      () => checkMessage(msg({ type: 'actions', elements: [button('Go', 'a', { accessibility_label: x(76) })] })),
      'blocks[0].elements[0].accessibility_label',
      'accessibility_label_too_long',
    ],
    [
      'static_select with 101 options',
      () => checkMessage(msg({ type: 'actions', elements: [{ type: 'static_select', options: options(101) }] })),
      'blocks[0].elements[0].options',
      'too_many_options',
    ],
    [
      'multi_static_select with 101 options',
      () => checkMessage(msg({ type: 'actions', elements: [{ type: 'multi_static_select', options: options(101) }] })),
      'blocks[0].elements[0].options',
      'too_many_options',
    ],
    [
      'checkboxes with 11 options',
      () => checkMessage(msg({ type: 'actions', elements: [{ type: 'checkboxes', options: options(11) }] })),
      'blocks[0].elements[0].options',
      'too_many_options',
    ],
    [
      'radio_buttons with 11 options',
      () => checkMessage(msg({ type: 'actions', elements: [{ type: 'radio_buttons', options: options(11) }] })),
      'blocks[0].elements[0].options',
      'too_many_options',
    ],
    [
      'overflow with 6 options',
      () => checkMessage(msg({ type: 'actions', elements: [{ type: 'overflow', options: options(6) }] })),
      'blocks[0].elements[0].options',
      'too_many_options',
    ],
    [
      'option text too long',
      () =>
        checkMessage(
          msg({ type: 'actions', elements: [{ type: 'static_select', options: [option('a'), option(x(76))] }] }),
        ),
      'blocks[0].elements[0].options[1].text.text',
      'option_text_too_long',
    ],
    [
      'option value too long',
      () =>
        checkMessage(msg({ type: 'actions', elements: [{ type: 'static_select', options: [option('a', x(151))] }] })),
      'blocks[0].elements[0].options[0].value',
      'option_value_too_long',
    ],
    [
      'option description too long',
      () =>
        checkMessage(
          msg({
            type: 'actions',
            elements: [{ type: 'radio_buttons', options: [{ ...option('a'), description: plain(x(76)) }] }],
          }),
        ),
      'blocks[0].elements[0].options[0].description.text',
      'option_description_too_long',
    ],
    [
      'mrkdwn option text in a select',
      () =>
        checkMessage(
          msg({
            type: 'actions',
            elements: [{ type: 'static_select', options: [{ text: mrkdwn('*a*'), value: 'a' }] }],
          }),
        ),
      'blocks[0].elements[0].options[0].text.type',
      'plain_text_required',
    ],
    [
      'placeholder too long',
      () => checkMessage(msg({ type: 'actions', elements: [{ type: 'users_select', placeholder: plain(x(151)) }] })),
      'blocks[0].elements[0].placeholder.text',
      'placeholder_too_long',
    ],
    // input blocks (modals)
    [
      'input label too long',
      () => checkView(modal([{ type: 'input', label: plain(x(2001)), element: { type: 'plain_text_input' } }])),
      'blocks[0].label.text',
      'input_label_too_long',
    ],
    [
      'input hint too long',
      () =>
        checkView(
          modal([{ type: 'input', label: plain('L'), hint: plain(x(2001)), element: { type: 'plain_text_input' } }]),
        ),
      'blocks[0].hint.text',
      'input_hint_too_long',
    ],
    [
      'input without label',
      () => checkView(modal([{ type: 'input', element: { type: 'plain_text_input' } }])),
      'blocks[0].label',
      'input_label_missing',
    ],
    [
      'input without element',
      () => checkView(modal([{ type: 'input', label: plain('L') }])),
      'blocks[0].element',
      'input_element_missing',
    ],
    [
      'plain_text_input max_length over 3000',
      () =>
        checkView(
          modal([{ type: 'input', label: plain('L'), element: { type: 'plain_text_input', max_length: 3001 } }]),
        ),
      'blocks[0].element.max_length',
      'max_length_too_large',
    ],
    // views
    [
      'view with 101 blocks',
      () => checkView({ type: 'home', blocks: Array(101).fill({ type: 'divider' }) }),
      'blocks',
      'too_many_blocks',
    ],
    ['modal title too long', () => checkView(modal([], { title: plain(x(25)) })), 'title.text', 'view_title_too_long'],
    [
      'modal submit too long',
      () => checkView(modal([], { submit: plain(x(25)) })),
      'submit.text',
      'view_submit_too_long',
    ],
    ['modal close too long', () => checkView(modal([], { close: plain(x(25)) })), 'close.text', 'view_close_too_long'],
    [
      'modal title in mrkdwn',
      () => checkView(modal([], { title: mrkdwn('Plan') })),
      'title.type',
      'plain_text_required',
    ],
    ['modal without title', () => checkView({ type: 'modal', blocks: [] }), 'title', 'view_title_missing'],
    [
      'modal with inputs but no submit',
      () =>
        checkView({
          type: 'modal',
          title: plain('T'),
          blocks: [{ type: 'input', label: plain('L'), element: { type: 'plain_text_input' } }],
        }),
      'submit',
      'view_submit_missing',
    ],
    [
      'private_metadata too long',
      () => checkView(modal([], { private_metadata: x(3001) })),
      'private_metadata',
      'private_metadata_too_long',
    ],
    [
      'callback_id too long',
      () => checkView(modal([], { callback_id: x(256) })),
      'callback_id',
      'callback_id_too_long',
    ],
    [
      'external_id too long',
      () => checkView(modal([], { external_id: x(256) })),
      'external_id',
      'external_id_too_long',
    ],
    // markdown
    [
      'markdown block too long',
      () => checkMessage(msg({ type: 'markdown', text: x(12_001) })),
      'blocks[0].text',
      'markdown_text_too_long',
    ],
    [
      'markdown blocks too long together',
      () => checkMessage(msg({ type: 'markdown', text: x(6001) }, { type: 'markdown', text: x(6001) })),
      'blocks',
      'markdown_total_too_long',
    ],
    // images
    [
      'image block without alt text',
      () => checkMessage(msg({ type: 'image', image_url: 'https://x.test/i.png', alt_text: ' ' })),
      'blocks[0].alt_text',
      'image_alt_text_missing',
    ],
    [
      'image alt text too long',
      () => checkMessage(msg({ type: 'image', image_url: 'https://x.test/i.png', alt_text: x(2001) })),
      'blocks[0].alt_text',
      'image_alt_text_too_long',
    ],
    [
      'image without url or slack_file',
      () => checkMessage(msg({ type: 'image', alt_text: 'chart' })),
      'blocks[0].image_url',
      'image_source_missing',
    ],
    // tables
    [
      'table with 101 rows',
      () => checkMessage(msg({ type: 'table', rows: Array.from({ length: 101 }, () => [cell('a')]) })),
      'blocks[0].rows',
      'table_too_many_rows',
    ],
    [
      'table row with 21 cells',
      () => checkMessage(msg({ type: 'table', rows: [[cell('a')], Array.from({ length: 21 }, () => cell('b'))] })),
      'blocks[0].rows[1]',
      'table_too_many_cells',
    ],
    [
      'table with 21 column settings',
      () =>
        checkMessage(msg({ type: 'table', rows: [[cell('a')]], column_settings: Array(21).fill({ align: 'left' }) })),
      'blocks[0].column_settings',
      'table_too_many_column_settings',
    ],
    [
      'two tables in one message',
      () => checkMessage(msg({ type: 'table', rows: [[cell('a')]] }, { type: 'table', rows: [[cell('b')]] })),
      'blocks[1]',
      'too_many_tables',
    ],
    [
      'table over 10,000 characters',
      () => checkMessage(msg({ type: 'table', rows: Array.from({ length: 11 }, () => [cell(x(1000))]) })),
      'blocks[0].rows',
      'table_too_many_characters',
    ],
    [
      'table cell with empty text',
      () => checkMessage(msg({ type: 'table', rows: [[cell('a'), cell('')]] })),
      'blocks[0].rows[0][1]',
      'table_cell_empty',
    ],
    [
      'table cell with whitespace text',
      () => checkMessage(msg({ type: 'table', rows: [[cell('a')], [cell(' ')]] })),
      'blocks[0].rows[1][0]',
      'table_cell_empty',
    ],
    [
      'table cell without text',
      () => checkMessage(msg({ type: 'table', rows: [[{ type: 'raw_text' }]] })),
      'blocks[0].rows[0][0]',
      'table_cell_empty',
    ],
    [
      'empty rich_text table cell',
      () => checkMessage(msg({ type: 'table', rows: [[{ type: 'rich_text', elements: [] }]] })),
      'blocks[0].rows[0][0]',
      'table_cell_empty',
    ],
    [
      'table cell of another type',
      () => checkMessage(msg({ type: 'table', rows: [[mrkdwn('*a*')]] })),
      'blocks[0].rows[0][0]',
      'table_cell_invalid_type',
    ],
    [
      'table without rows',
      () => checkMessage(msg({ type: 'table', rows: [] })),
      'blocks[0].rows',
      'table_rows_missing',
    ],
  ];

  it.each(cases)('%s', (_name, run, path, rule) => {
    expect(brief(run())).toEqual([{ path, rule }]);
  });
});

/** A rule at its edge: `build(true)` breaks it once, at `path`; `build(false)` is the nearest payload that does not. */
type Edge = [name: string, build: (breaks: boolean) => LimitViolation[], path: string, rule: string];

describe('each rule breaks just past its limit and not at it', () => {
  const text = (rich: unknown[]) => ({ type: 'rich_text', elements: rich });
  const richSection = (words: string) => ({ type: 'rich_text_section', elements: [{ type: 'text', text: words }] });
  const table = { type: 'table', rows: [[cell('Region'), cell('High')]] };
  const edges: Edge[] = [
    [
      'blocks that are not an array',
      (breaks) => checkMessage({ text: 't', blocks: (breaks ? { 0: section('hi') } : [section('hi')]) as unknown[] }),
      'blocks',
      'blocks_not_array',
    ],
    [
      'a text object of a block type this module does not know',
      (breaks) => checkMessage(msg({ type: 'video', title: plain(x(breaks ? 3001 : 3000)) })),
      'blocks[0].title.text',
      'text_too_long',
    ],
    [
      'option groups',
      (breaks) =>
        checkMessage(
          msg(
            section('Pick', {
              accessory: {
                type: 'static_select',
                action_id: 'pick',
                option_groups: Array.from({ length: breaks ? 101 : 100 }, (_v, i) => ({
                  label: plain(`Group ${i}`),
                  options: [option(`Option ${i}`, `v${i}`)],
                })),
              },
            }),
          ),
        ),
      'blocks[0].accessory.option_groups',
      'too_many_option_groups',
    ],
    [
      'an option without text',
      (breaks) =>
        checkMessage(
          msg(
            section('More', {
              accessory: { type: 'overflow', action_id: 'more', options: [breaks ? { value: 'v' } : option('One')] },
            }),
          ),
        ),
      'blocks[0].accessory.options[0].text',
      'option_text_missing',
    ],
    [
      'an option url',
      (breaks) =>
        checkMessage(
          msg(
            section('More', {
              accessory: {
                type: 'overflow',
                action_id: 'more',
                options: [{ ...option('Guide'), url: `https://x.test/${x(breaks ? 2986 : 2985)}` }],
              },
            }),
          ),
        ),
      'blocks[0].accessory.options[0].url',
      'option_url_too_long',
    ],
    [
      'a text input min_length',
      (breaks) =>
        checkView(
          modal([
            {
              type: 'input',
              label: plain('Notes'),
              element: { type: 'plain_text_input', action_id: 'notes', min_length: breaks ? 3001 : 3000 },
            },
          ]),
        ),
      'blocks[0].element.min_length',
      'min_length_too_large',
    ],
    [
      'a table row that is not an array',
      (breaks) => checkMessage(msg({ type: 'table', rows: [[cell('a')], breaks ? cell('b') : [cell('b')]] })),
      'blocks[0].rows[1]',
      'table_row_invalid',
    ],
    [
      'an image block url',
      (breaks) =>
        checkMessage(msg({ type: 'image', image_url: `https://x.test/${x(breaks ? 2986 : 2985)}`, alt_text: 'Bands' })),
      'blocks[0].image_url',
      'image_url_too_long',
    ],
    [
      'an image block title',
      (breaks) =>
        checkMessage(
          msg({
            type: 'image',
            image_url: 'https://x.test/chart.png',
            alt_text: 'Bands',
            title: plain(x(breaks ? 2001 : 2000)),
          }),
        ),
      'blocks[0].title.text',
      'image_title_too_long',
    ],
    [
      'a table in a Home view (messages only)',
      (breaks) => (breaks ? checkView({ type: 'home', blocks: [table] }) : checkMessage(msg(table))),
      'blocks[0]',
      'table_not_in_message',
    ],
    [
      'a table in a modal (messages only)',
      (breaks) => (breaks ? checkView(modal([table])) : checkMessage(msg(table))),
      'blocks[0]',
      'table_not_in_message',
    ],
    [
      'a rich_text block without elements',
      (breaks) => checkMessage(msg(text(breaks ? [] : [richSection('Good luck!')]))),
      'blocks[0].elements',
      'rich_text_elements_missing',
    ],
    [
      'a rich_text section without elements',
      (breaks) => checkMessage(msg(text([breaks ? { type: 'rich_text_section' } : richSection('Hi')]))),
      'blocks[0].elements[0].elements',
      'rich_text_elements_missing',
    ],
    [
      'a rich_text object of another type',
      (breaks) =>
        checkMessage(
          msg(
            text([
              { type: breaks ? 'rich_text_paragraph' : 'rich_text_quote', elements: [{ type: 'text', text: 'Hi' }] },
            ]),
          ),
        ),
      'blocks[0].elements[0]',
      'rich_text_element_invalid',
    ],
    [
      'a rich_text list without a style',
      (breaks) =>
        checkView({
          type: 'home',
          blocks: [
            text([
              { type: 'rich_text_list', ...(breaks ? {} : { style: 'ordered' }), elements: [richSection('First')] },
            ]),
          ],
        }),
      'blocks[0].elements[0].style',
      'rich_text_element_invalid',
    ],
    [
      'a rich_text list item that is not a section',
      (breaks) =>
        checkMessage(
          msg(
            text([
              {
                type: 'rich_text_list',
                style: 'bullet',
                elements: [breaks ? { type: 'text', text: 'First' } : richSection('First')],
              },
            ]),
          ),
        ),
      'blocks[0].elements[0].elements[0]',
      'rich_text_element_invalid',
    ],
    [
      'a rich_text text element without text',
      (breaks) =>
        checkMessage(
          msg(
            text([
              {
                type: 'rich_text_preformatted',
                elements: [breaks ? { type: 'text' } : { type: 'text', text: '$185,000' }],
              },
            ]),
          ),
        ),
      'blocks[0].elements[0].elements[0].text',
      'rich_text_element_invalid',
    ],
  ];

  it.each(edges)('%s', (_name, build, path, rule) => {
    expect(brief(build(true))).toEqual([{ path, rule }]);
    expect(build(false)).toEqual([]);
  });
});

describe('details', () => {
  it('reports the actual value and the limit', () => {
    expect(checkMessage(msg(section(x(3001))))).toEqual([
      { path: 'blocks[0].text.text', rule: 'section_text_too_long', actual: 3001, limit: 3000 },
    ]);
    expect(checkMessage(msg({ type: 'divider', block_id: 'a' }, { type: 'divider', block_id: 'a' }))).toEqual([
      { path: 'blocks[1].block_id', rule: 'block_id_duplicate', actual: 'a' },
    ]);
    expect(checkMessage(msg(...Array(3).fill({ type: 'table', rows: [[cell('a')]] })))).toEqual([
      { path: 'blocks[1]', rule: 'too_many_tables', actual: 2, limit: 1 },
      { path: 'blocks[2]', rule: 'too_many_tables', actual: 3, limit: 1 },
    ]);
  });

  it('checks nested accessory options, option groups and confirm dialogs', () => {
    const violations = checkMessage(
      msg(
        section('Pick', {
          accessory: {
            type: 'static_select',
            action_id: 'pick',
            option_groups: [
              { label: plain(x(76)), options: [option('a'), option('b', x(151))] },
              { label: plain('ok'), options: [option(x(76))] },
            ],
            confirm: { title: plain(x(101)), text: plain(x(301)), confirm: plain(x(31)), deny: plain('No') },
          },
        }),
        section('More', {
          accessory: { type: 'overflow', action_id: 'more', options: [option('a'), option('')] },
        }),
      ),
    );
    expect(brief(violations)).toEqual([
      { path: 'blocks[0].accessory.option_groups[0].label.text', rule: 'option_group_label_too_long' },
      { path: 'blocks[0].accessory.option_groups[0].options[1].value', rule: 'option_value_too_long' },
      { path: 'blocks[0].accessory.option_groups[1].options[0].text.text', rule: 'option_text_too_long' },
      { path: 'blocks[0].accessory.confirm.title.text', rule: 'confirm_title_too_long' },
      { path: 'blocks[0].accessory.confirm.text.text', rule: 'confirm_text_too_long' },
      { path: 'blocks[0].accessory.confirm.confirm.text', rule: 'confirm_button_too_long' },
      { path: 'blocks[1].accessory.options[1].text.text', rule: 'text_empty' },
    ]);
  });

  it('allows the same action_id in different blocks', () => {
    const blocks = [
      { type: 'actions', elements: [button('A', 'go')] },
      { type: 'actions', elements: [button('B', 'go')] },
    ];
    expect(checkMessage(msg(...blocks))).toEqual([]);
  });

  it('allows unknown block types but checks their ids and text objects', () => {
    const violations = checkMessage(
      msg(
        { type: 'section', block_id: 'same', text: mrkdwn('a') },
        {
          type: 'future_block',
          block_id: 'same',
          title: plain(''),
          items: [
            { type: 'future_button', action_id: 'x' },
            { type: 'future_button', action_id: 'x' },
          ],
        },
      ),
    );
    expect(brief(violations)).toEqual([
      { path: 'blocks[1].block_id', rule: 'block_id_duplicate' },
      { path: 'blocks[1].title.text', rule: 'text_empty' },
      { path: 'blocks[1].items[1].action_id', rule: 'action_id_duplicate' },
    ]);
    expect(checkMessage(msg({ type: 'video', title: plain('Demo'), alt_text: 'demo' }))).toEqual([]);
  });

  it('checks block_id uniqueness across a view', () => {
    const view = modal([
      { type: 'input', block_id: 'base', label: plain('Base'), element: { type: 'plain_text_input', action_id: 'v' } },
      { type: 'input', block_id: 'base', label: plain('Bonus'), element: { type: 'plain_text_input', action_id: 'v' } },
    ]);
    expect(brief(checkView(view))).toEqual([{ path: 'blocks[1].block_id', rule: 'block_id_duplicate' }]);
  });
});

describe('assertWithinLimits', () => {
  it('throws one error listing every violation', () => {
    const bad = msg({ type: 'header', text: plain(x(151)) }, section(''));
    let error: unknown;
    try {
      assertWithinLimits('message', bad);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BlockKitLimitError);
    const err = error as BlockKitLimitError;
    expect(err.violations).toHaveLength(2);
    expect(err.message).toBe(
      'Slack message breaks 2 Block Kit limits:\n' +
        'blocks[0].text.text: header_text_too_long (151 > 150)\n' +
        'blocks[1].text.text: text_empty (0)',
    );
  });

  it('checks views and rejects what is not a message or view', () => {
    expect(() => assertWithinLimits('view', modal([], { title: plain(x(30)) }))).toThrow(/view_title_too_long/);
    expect(() => assertWithinLimits('message', 'hello')).toThrow(TypeError);
    expect(() => assertWithinLimits('view', { type: 'workflow_step', blocks: [] })).toThrow(TypeError);
  });
});
