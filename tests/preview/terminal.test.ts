import type { KnownBlock, ModalView } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { mrkdwnToTerminal } from '../../src/preview/mrkdwn.js';
import { renderMessageForTerminal, renderViewForTerminal } from '../../src/preview/terminal.js';
import { stripAnsi } from '../../src/preview/terminal-text.js';

const plain = (text: string) => ({ type: 'plain_text' as const, text });
const mrkdwn = (text: string) => ({ type: 'mrkdwn' as const, text });
const cell = (text: string) => ({ type: 'raw_text' as const, text });
const ESC = '\u001b[';

const planBlocks: KnownBlock[] = [
  { type: 'header', text: plain('Negotiation plan: Acme') },
  {
    type: 'section',
    text: mrkdwn('*Offer* from <https://acme.test|Acme> for <@U123> &amp; team'),
    fields: [mrkdwn('*Base*\n$150,000'), mrkdwn('*Bonus*\n10%'), mrkdwn('*Equity*\n$40,000/yr')],
    accessory: { type: 'button', action_id: 'details', text: plain('Details') },
  },
  {
    type: 'table',
    column_settings: [{ align: 'left' }, { align: 'right' }, { align: 'right' }],
    rows: [
      [cell('Region'), cell('Low'), cell('High')],
      [cell('SF Bay Area'), cell('$180,000'), cell('$240,000')],
      [cell('NYC'), { type: 'raw_number', value: 175000, text: '$175,000' }, cell('$230,000')],
      [
        cell('Remote'),
        cell('$95,000'),
        {
          type: 'rich_text',
          elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: '$150,000' }] }],
        },
      ],
    ],
  },
  { type: 'context', elements: [mrkdwn('Source: _guide v3_'), plain('Updated today')] },
  {
    type: 'actions',
    elements: [
      { type: 'button', action_id: 'draft', text: plain('Draft email'), style: 'primary' },
      { type: 'static_select', action_id: 'level', placeholder: plain('Pick a level'), options: [] },
      { type: 'overflow', action_id: 'more', options: [{ text: plain('Help'), value: 'help' }] },
    ],
  },
  { type: 'divider' },
];

describe('renderMessageForTerminal', () => {
  it('renders a full message', () => {
    const out = renderMessageForTerminal({ text: 'Plan for Acme', blocks: planBlocks }, { width: 60 });
    expect(out).toBe(
      [
        'Negotiation plan: Acme',
        '',
        'Offer from Acme (https://acme.test) for @U123 &  [ Details ]',
        'team',
        'Base          Bonus',
        '$150,000      10%',
        '',
        'Equity',
        '$40,000/yr',
        '',
        'Region            Low      High',
        '───────────  ────────  ────────',
        'SF Bay Area  $180,000  $240,000',
        'NYC          $175,000  $230,000',
        'Remote        $95,000  $150,000',
        '',
        '  Source: guide v3  Updated today',
        '',
        '[ Draft email ] [ Pick a level ▾ ] [ ⋯ ]',
        '',
        '─'.repeat(60),
      ].join('\n'),
    );
  });

  it('uses ANSI styles only when color is on', () => {
    const out = renderMessageForTerminal({ text: 't', blocks: planBlocks }, { width: 60, color: true });
    expect(out).toContain(`${ESC}1mNegotiation plan: Acme${ESC}22m`);
    expect(out).toContain(`${ESC}1mOffer${ESC}22m from`);
    expect(out).toContain(`  ${ESC}2mSource: ${ESC}3mguide v3${ESC}23m  Updated today${ESC}22m`);
    expect(out).toContain(`${ESC}32m[ Draft email ]${ESC}39m`);
    expect(stripAnsi(out)).toBe(renderMessageForTerminal({ text: 't', blocks: planBlocks }, { width: 60 }));
    expect(renderMessageForTerminal({ text: 't', blocks: planBlocks })).not.toContain('\u001b');
  });

  it('is deterministic and leaves no trailing spaces', () => {
    const a = renderMessageForTerminal({ text: 't', blocks: planBlocks }, { width: 40 });
    expect(renderMessageForTerminal({ text: 't', blocks: planBlocks }, { width: 40 })).toBe(a);
    for (const line of a.split('\n')) expect(line).not.toMatch(/\s$/);
    expect(a.endsWith('\n')).toBe(false);
  });

  it('renders the text when there are no blocks', () => {
    expect(renderMessageForTerminal({ text: 'Hi *there*' })).toBe('Hi there');
  });

  it('renders markdown, rich_text, image and unknown blocks', () => {
    const out = renderMessageForTerminal({
      text: 't',
      blocks: [
        { type: 'markdown', text: '**Why** it works' },
        {
          type: 'rich_text',
          elements: [
            {
              type: 'rich_text_section',
              elements: [
                { type: 'text', text: 'Ask ' },
                { type: 'text', text: 'first', style: { bold: true } },
                { type: 'text', text: ', ' },
                { type: 'user', user_id: 'U9' },
              ],
            },
            {
              type: 'rich_text_list',
              style: 'ordered',
              elements: [
                { type: 'rich_text_section', elements: [{ type: 'text', text: 'Anchor' }] },
                { type: 'rich_text_section', elements: [{ type: 'link', url: 'https://x.test', text: 'Guide' }] },
              ],
            },
            { type: 'rich_text_quote', elements: [{ type: 'text', text: 'Be specific' }] },
          ],
        },
        { type: 'image', image_url: 'https://x.test/chart.png', alt_text: 'Pay bands by region' },
        {
          type: 'video',
          title: plain('Demo'),
          alt_text: 'demo',
          video_url: 'https://x.test/v',
          thumbnail_url: 'https://x.test/t',
        },
      ],
    });
    expect(out).toBe(
      [
        '**Why** it works',
        '',
        'Ask first, @U9',
        '1. Anchor',
        '2. Guide (https://x.test)',
        '│ Be specific',
        '',
        '[image: Pay bands by region]',
        '',
        '[video]',
      ].join('\n'),
    );
  });

  it('renders a section with a select accessory and fields only', () => {
    const out = renderMessageForTerminal(
      {
        text: 't',
        blocks: [
          {
            type: 'section',
            text: plain('Your level'),
            accessory: {
              type: 'static_select',
              action_id: 'lvl',
              initial_option: { text: plain('L4'), value: 'l4' },
              options: [{ text: plain('L4'), value: 'l4' }],
            },
          },
          { type: 'section', fields: [plain('Left'), plain('Right')] },
        ],
      },
      { width: 40 },
    );
    expect(out).toBe(['Your level  [ L4 ▾ ]', '', 'Left    Right'].join('\n'));
  });
});

describe('mrkdwn conversion', () => {
  const cases: [input: string, plainOut: string][] = [
    ['*bold* and _italic_ and ~strike~', 'bold and italic and strike'],
    ['keep snake_case_names and 2*3*4', 'keep snake_case_names and 2*3*4'],
    ['<https://acme.test|Acme offer>', 'Acme offer (https://acme.test)'],
    ['<https://acme.test>', 'https://acme.test'],
    ['<mailto:hr@acme.test|hr@acme.test>', 'hr@acme.test'],
    ['hi <@U123>', 'hi @U123'],
    ['in <#C1|general> <!here> <!subteam^S1|@comp>', 'in #general @here @comp'],
    ['<!date^1700000000^{date}|Nov 14>', 'Nov 14'],
    ['5 &lt; 6 &amp;&amp; 7 &gt; 6', '5 < 6 && 7 > 6'],
    ['`*not bold*` and *bold*', '`*not bold*` and bold'],
    ['*see <https://x.test/a_b_|the_guide>*', 'see the_guide (https://x.test/a_b_)'],
    ['> quoted *line*\n&gt; second', '│ quoted line\n│ second'],
    ['• first\n• second\n  ◦ nested', '• first\n• second\n  ◦ nested'],
  ];
  it.each(cases)('%j', (input, expected) => {
    expect(mrkdwnToTerminal(input)).toBe(expected);
  });

  it('styles with ANSI when color is on', () => {
    expect(mrkdwnToTerminal('*b* _i_ ~s~ <https://x.test|x>', { color: true })).toBe(
      `${ESC}1mb${ESC}22m ${ESC}3mi${ESC}23m ${ESC}9ms${ESC}29m ${ESC}4mx${ESC}24m (https://x.test)`,
    );
  });
});

describe('wrapping', () => {
  it('wraps between words at the width', () => {
    const text = 'Ask for the top of the band because your competing offer is strong and recent';
    expect(mrkdwnToTerminal(text, { width: 30 })).toBe(
      ['Ask for the top of the band', 'because your competing offer', 'is strong and recent'].join('\n'),
    );
  });

  it('keeps a hanging indent for bullets and quotes', () => {
    const text = '• one item that is long enough to wrap around\n> a quote that is long enough to wrap';
    expect(mrkdwnToTerminal(text, { width: 24 })).toBe(
      ['• one item that is long', '  enough to wrap around', '│ a quote that is long', '│ enough to wrap'].join('\n'),
    );
  });

  it('splits a word longer than the line', () => {
    expect(mrkdwnToTerminal(`see ${'x'.repeat(45)}`, { width: 20 })).toBe(
      ['see', 'x'.repeat(20), 'x'.repeat(20), 'x'.repeat(5)].join('\n'),
    );
  });

  it('never exceeds the width, even with ANSI styles', () => {
    const words = Array.from({ length: 60 }, (_v, i) => (i % 3 === 0 ? `*w${i}*` : `word${i}`)).join(' ');
    for (const color of [false, true]) {
      const out = renderMessageForTerminal(
        {
          text: 't',
          blocks: [
            { type: 'section', text: mrkdwn(words), accessory: { type: 'button', text: plain('Go'), action_id: 'g' } },
            { type: 'context', elements: [mrkdwn(words)] },
          ],
        },
        { width: 32, color },
      );
      for (const line of stripAnsi(out).split('\n')) expect([...line].length).toBeLessThanOrEqual(32);
    }
  });

  it('shrinks and wraps table columns that do not fit', () => {
    const out = renderMessageForTerminal(
      {
        text: 't',
        blocks: [
          {
            type: 'table',
            rows: [
              [cell('Note'), cell('Value')],
              [cell('a long note that does not fit on one line'), cell('1')],
            ],
          },
        ],
      },
      { width: 20 },
    );
    expect(out).toBe(
      ['Note           Value', '─────────────  ─────', 'a long note    1', 'that does not', 'fit on one', 'line'].join(
        '\n',
      ),
    );
  });
});

describe('renderViewForTerminal', () => {
  it('renders a modal with inputs, options and footer buttons', () => {
    const view: ModalView = {
      type: 'modal',
      title: plain('Prepare my ask'),
      submit: plain('Build plan'),
      blocks: [
        {
          type: 'input',
          label: plain('Level'),
          hint: plain('From your offer letter'),
          element: {
            type: 'static_select',
            action_id: 'v',
            placeholder: plain('Choose a level'),
            initial_option: { text: plain('L4'), value: 'l4' },
            options: [
              { text: plain('L3'), value: 'l3' },
              { text: plain('L4'), value: 'l4', description: plain('Senior') },
            ],
          },
        },
        {
          type: 'input',
          optional: true,
          label: plain('Base salary'),
          element: { type: 'plain_text_input', action_id: 'v', placeholder: plain('e.g. 150000') },
        },
        {
          type: 'input',
          label: plain('Competing offer'),
          element: { type: 'number_input', is_decimal_allowed: false, action_id: 'v', initial_value: '180000' },
        },
        {
          type: 'input',
          label: plain('Priorities'),
          element: {
            type: 'checkboxes',
            action_id: 'v',
            initial_options: [{ text: mrkdwn('*Base*'), value: 'base' }],
            options: [
              { text: mrkdwn('*Base*'), value: 'base' },
              { text: plain('Equity'), value: 'equity' },
            ],
          },
        },
        {
          type: 'input',
          label: plain('Region'),
          element: {
            type: 'radio_buttons',
            action_id: 'v',
            options: [
              { text: plain('SF'), value: 'sf' },
              { text: plain('NYC'), value: 'nyc' },
            ],
          },
        },
      ],
    };
    expect(renderViewForTerminal(view, { width: 50 })).toBe(
      [
        'Prepare my ask',
        '═'.repeat(50),
        'Level: [ L4 ▾ ]',
        '  • L3',
        '  • L4 — Senior (selected)',
        '  From your offer letter',
        '',
        'Base salary (optional): [ e.g. 150000 ]',
        '',
        'Competing offer: [ 180000 ]',
        '',
        'Priorities:',
        '  [x] Base',
        '  [ ] Equity',
        '',
        'Region:',
        '  ( ) SF',
        '  ( ) NYC',
        '',
        `${' '.repeat(25)}[ Cancel ] [ Build plan ]`,
      ].join('\n'),
    );
  });

  it('renders a home view without title or footer', () => {
    expect(renderViewForTerminal({ blocks: [{ type: 'section', text: mrkdwn('Welcome *back*') }] })).toBe(
      'Welcome back',
    );
  });
});
