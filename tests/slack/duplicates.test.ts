/**
 * Idempotent submissions through the real receiver: the same form submitted twice, or replayed seconds later, is
 * answered once; a corrected resubmission is answered.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeOrigin } from '../../src/views/offer-modal.js';
import { formValues } from '../support/offer-view.js';
import {
  CHANNEL,
  sendInteraction,
  settle,
  startTestSlack,
  type TestSlack,
  USER,
  viewSubmission,
  waitFor,
} from '../support/slack.js';

let slack: TestSlack;
beforeEach(async () => {
  slack = await startTestSlack();
});
afterEach(async () => {
  await slack.stop();
});

const dms = () => slack.callsTo('chat.postMessage').filter((call) => call.args.channel === USER);
const offer = (totalComp: string) =>
  viewSubmission(
    formValues({ company: 'Google', totalComp }, { region: 'detroit', kind: 'big-tech' }),
    encodeOrigin({ channelId: CHANNEL }),
  );

describe('the same view_submission', () => {
  it('twice at once, and again 3 s later: answered once; each copy acknowledged (the modal closes)', async () => {
    const [first, second] = await Promise.all([
      sendInteraction(slack, offer('320k')),
      sendInteraction(slack, offer('320k')),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    await waitFor(() => dms().length >= 1, 'the answer');
    await new Promise((resolve) => setTimeout(resolve, 3_100));
    const replay = await sendInteraction(slack, offer('320k'));
    expect(replay.status).toBe(200);
    expect(replay.text).toBe('');
    await settle(150);
    expect(dms()).toHaveLength(1);
    const outcomes = slack.logs.map((line) => JSON.parse(line)).filter((line) => line.msg === 'request');
    expect(outcomes.filter((line) => line.outcome === 'duplicate')).toHaveLength(2);
  }, 10_000);

  it('resubmitted with other values (the same view and hash) is a new submission: answered', async () => {
    await sendInteraction(slack, offer('320k'));
    await waitFor(() => dms().length >= 1, 'the first answer');
    await sendInteraction(slack, offer('330k'));
    await waitFor(() => dms().length >= 2, 'the second answer');
  });
});
