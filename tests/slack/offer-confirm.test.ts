/**
 * "Did you mean …?" through the real receiver (issue 12, rule 5): an implausible figure holds the ask back and
 * offers readings as buttons; a click re-runs the offer privately with the reading picked. At debug level, and in
 * the Messages tab too, no figure or company typed reaches a log line.
 */
import type { KnownBlock } from '@slack/types';
import { afterEach, describe, expect, it } from 'vitest';
import { loggedText } from '../support/logged-text.js';
import {
  blockActions,
  sendCommand,
  sendEvent,
  sendInteraction,
  startTestSlack,
  type TestSlack,
  testConfig,
  USER,
  waitFor,
} from '../support/slack.js';

const COMPANY = 'Zyxwvut Lending';
const DM_CHANNEL = 'D0PERSONDM';

let slack: TestSlack | undefined;

afterEach(async () => {
  await slack?.stop();
  slack = undefined;
});

async function start(): Promise<TestSlack> {
  slack = await startTestSlack({ config: testConfig({ LOG_LEVEL: 'debug' }) });
  return slack;
}

interface Button {
  action_id: string;
  value: string;
  block_id: string;
  text: string;
}

function confirmButtons(blocks: unknown): Button[] {
  const buttons: Button[] = [];
  for (const block of (blocks ?? []) as KnownBlock[]) {
    if (block.type !== 'actions') continue;
    for (const element of block.elements) {
      const actionId = element.type === 'button' ? element.action_id : undefined;
      if (element.type === 'button' && actionId?.startsWith('offer_confirm')) {
        buttons.push({
          action_id: actionId,
          value: element.value ?? '',
          block_id: block.block_id ?? '',
          text: element.text.text,
        });
      }
    }
  }
  return buttons;
}

const text = (value: unknown) => JSON.stringify(value);

const requestLines = (app: TestSlack) =>
  app.logs.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.msg === 'request');

/** The first DM with "did you mean …?" buttons. */
function confirmationQuestion(app: TestSlack) {
  return waitFor(
    () => app.callsTo('chat.postMessage').find((call) => confirmButtons(call.args.blocks).length > 0),
    'the did-you-mean DM',
    10_000,
  );
}

/** Clicks a reading in the person's DM; resolves with the next message there (an answer, or another question). */
async function clickInDm(app: TestSlack, button: Button | undefined) {
  if (!button) throw new Error('no such reading offered');
  const before = app.callsTo('chat.postMessage').length;
  await sendInteraction(
    app,
    blockActions(
      { action_id: button.action_id, value: button.value, block_id: button.block_id },
      { channel_id: USER, is_ephemeral: false },
      { channel: { id: USER, name: 'directmessage' } },
    ),
  );
  return waitFor(
    () =>
      app
        .callsTo('chat.postMessage')
        .slice(before)
        .find(
          (call) => confirmButtons(call.args.blocks).length > 0 || text(call.args.blocks).includes('What to ask for'),
        ),
    'the message after the click',
    10_000,
  );
}

describe('did you mean …? in Slack', () => {
  it('holds the ask back for a typo, and a click answers privately with the reading picked', async () => {
    const app = await start();
    const ack = await sendCommand(app, `offer ${COMPANY} 24.5k detroit`);
    expect(ack.status).toBe(200);

    const question = await waitFor(
      () => app.callsTo('chat.postMessage').find((call) => confirmButtons(call.args.blocks).length > 0),
      'the did-you-mean DM',
      10_000,
    );
    // Only the person sees it, and no ask is given before they answer.
    expect(question.args.channel).not.toBe('C0CHANNEL');
    expect(question.args.channel).toBe(USER);
    expect(text(question.args.blocks)).not.toContain('What to ask for');
    const yes = confirmButtons(question.args.blocks).find((button) => button.text.includes('$245K'));
    if (!yes) throw new Error(`no $245K reading offered: ${text(question.args.blocks)}`);
    const before = app.callsTo('chat.postMessage').length;

    const click = await sendInteraction(
      app,
      blockActions(
        { action_id: yes.action_id, value: yes.value, block_id: yes.block_id },
        { channel_id: String(question.args.channel), is_ephemeral: false },
        { channel: { id: String(question.args.channel), name: 'directmessage' } },
      ),
    );
    expect(click.status).toBe(200);
    const answer = await waitFor(
      () =>
        app
          .callsTo('chat.postMessage')
          .slice(before)
          .find((call) => text(call.args.blocks).includes('$245K')),
      'the offer answer after the click',
      10_000,
    );
    expect(answer.args.channel).toBe(question.args.channel);
    expect(text(answer.args.blocks)).toContain(COMPANY);
    // The guide's golden example: $245K in Detroit asks $255K–$262K.
    expect(text(answer.args.blocks)).toContain('$255K');
    expect(confirmButtons(answer.args.blocks)).toEqual([]);
    // Both requests (the command, the click) written to the log, the chart uploads' lines included.
    await waitFor(() => requestLines(app).length >= 2, 'both request lines', 10_000);

    const logs = loggedText(app.logs);
    for (const figure of ['24.5', '24,500', '245K', '245000', '245,000', 'Zyxwvut', 'Lending'])
      expect(logs, figure).not.toContain(figure);
  });

  it('a bonus typed over its base is asked about as a bonus; the click corrects the bonus alone', async () => {
    const app = await start();
    expect((await sendCommand(app, `offer ${COMPANY} base 180k bonus 250k rsu 40k ny`)).status).toBe(200);
    const question = await confirmationQuestion(app);
    expect(question.args.channel).toBe(USER);
    expect(text(question.args.blocks)).not.toContain('What to ask for');
    const [yes, ...others] = confirmButtons(question.args.blocks);
    expect(others).toEqual([]);
    expect(yes?.text).toBe('Yes: bonus $25K (annual TC $245K)');
    const answer = await clickInDm(app, yes);
    // $180K base + $25K bonus + $40K RSU: the $245K the button said, the rest as typed.
    expect(text(answer.args.blocks)).toContain('$180K base + $25K bonus + $40K equity a year = $245K');
    expect(confirmButtons(answer.args.blocks)).toEqual([]);
  });

  it('a sign-on over a whole year is asked about; the click corrects the sign-on alone', async () => {
    const app = await start();
    expect((await sendCommand(app, `offer ${COMPANY} base 160k bonus 15% sign-on 250k detroit`)).status).toBe(200);
    const question = await confirmationQuestion(app);
    expect(text(question.args.blocks)).not.toContain('What to ask for');
    const [yes, ...others] = confirmButtons(question.args.blocks);
    expect(others).toEqual([]);
    expect(yes?.text).toBe('Yes: sign-on $25K (first-year TC $209K)');
    const answer = await clickInDm(app, yes);
    expect(text(answer.args.blocks)).toContain('$160K base + $24K bonus + $25K sign-on = $209K');
    expect(confirmButtons(answer.args.blocks)).toEqual([]);
  });

  it('equity asked about as a year or a grant: the "a year" click gives the ask, not the same question again', async () => {
    const app = await start();
    expect((await sendCommand(app, `offer ${COMPANY} base 210k rsu 150k ny`)).status).toBe(200);
    const question = await confirmationQuestion(app);
    const yearly = confirmButtons(question.args.blocks).find((button) => button.text === 'Yes: $150K a year');
    const answer = await clickInDm(app, yearly);
    expect(confirmButtons(answer.args.blocks)).toEqual([]);
    expect(text(answer.args.blocks)).toContain('What to ask for');
    expect(text(answer.args.blocks)).toContain('$150K of equity a year, as you said');
  });

  it('an offer typed in the Messages tab logs no figure or company either', async () => {
    const app = await start();
    const response = await sendEvent(app, {
      type: 'message',
      channel: DM_CHANNEL,
      channel_type: 'im',
      user: USER,
      text: `offer ${COMPANY} 231,388 charlotte`,
      ts: '1700000100.000100',
      event_ts: '1700000100.000100',
    });
    expect(response.status).toBe(200);
    await waitFor(
      () => app.callsTo('chat.postMessage').find((call) => text(call.args.blocks).includes(COMPANY)),
      'the offer answer in the DM',
      10_000,
    );
    // The request's line is written when its delivery (the answer and its chart) has ended.
    await waitFor(() => requestLines(app).length >= 1, 'the request line', 10_000);
    expect(requestLines(app)[0]).toMatchObject({ outcome: 'dm+chart' });
    const logs = loggedText(app.logs);
    for (const figure of ['231388', '231,388', '231.4', '231K', 'Zyxwvut', 'Lending']) {
      expect(logs, figure).not.toContain(figure);
    }
  });
});
