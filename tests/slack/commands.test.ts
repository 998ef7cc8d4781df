import type { KnownBlock } from '@slack/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkMessage } from '../support/limits.js';
import {
  CHANNEL,
  responseUrl,
  sendCommand,
  settle,
  startTestSlack,
  type TestSlack,
  USER,
  waitFor,
} from '../support/slack.js';

let slack: TestSlack;
beforeEach(async () => {
  slack = await startTestSlack();
});
afterEach(async () => {
  await slack.stop();
});

type Blocks = KnownBlock[];

function tableCells(blocks: Blocks): string[][] {
  const table = blocks.find((block) => block.type === 'table') as { rows: Array<Array<{ text: string }>> } | undefined;
  return table ? table.rows.map((row) => row.map((cell) => cell.text)) : [];
}

function allText(blocks: Blocks): string {
  return JSON.stringify(blocks);
}

describe('/allycomp <region> in a channel the bot is in', () => {
  it('posts the band table, target and reasoning, then the four levers in one reply in its thread', async () => {
    const response = await sendCommand(slack, 'ny');
    expect(response.status).toBe(200);
    expect(response.text).toBe('');

    const posts = await waitFor(
      () => slack.callsTo('chat.postMessage').length >= 2 && slack.callsTo('chat.postMessage'),
      'two posts',
    );
    const [parent, ...replies] = posts;
    expect(parent?.args.channel).toBe(CHANNEL);
    expect(parent?.args.thread_ts).toBeUndefined();
    const blocks = parent?.args.blocks as Blocks;
    expect(tableCells(blocks)).toEqual([
      ['Per year', 'Low', 'High'],
      ['Base', '$151K', '$198K'],
      ['RSU / yr¹', '$33K', '$61K'],
      ['Bonus', '$31K', '$50K'],
      ['Total comp', '$215K', '$309K'],
    ]);
    expect(allText(blocks)).toContain('target *$285K–$309K* total comp');
    expect(allText(blocks)).toContain('Goldman Sachs Marcus');
    expect(String(parent?.args.text)).toContain('$215K–$309K');
    expect(checkMessage({ text: String(parent?.args.text), blocks })).toEqual([]);

    // The parent's ts comes from Slack's answer to the first post; every lever replies under it.
    // Two posts in the steady state: the message and one reply holding the four levers, each its own section.
    expect(replies).toHaveLength(1);
    const [levers] = replies;
    const parentTs = levers?.args.thread_ts;
    expect(parentTs).toMatch(/^\d+\.\d+$/);
    const leverText = allText(levers?.args.blocks as Blocks);
    for (const n of [1, 2, 3, 4]) expect(leverText).toContain(`Lever ${n} of 4`);
    expect(leverText).toContain('lead with this');
    expect(checkMessage({ text: String(levers?.args.text), blocks: levers?.args.blocks as Blocks })).toEqual([]);
    expect(leverText).toContain('base salary at $198K');
    expect(leverText).toContain('total comp to $309K');
    expect(slack.responses).toEqual([]);
  });

  it("Charlotte's message keeps the guide's $191K and footnotes the $1K mismatch", async () => {
    await sendCommand(slack, 'CLT');
    const [parent] = await waitFor(
      () => slack.callsTo('chat.postMessage').length >= 2 && slack.callsTo('chat.postMessage'),
    );
    const blocks = parent?.args.blocks as Blocks;
    expect(tableCells(blocks)[4]).toEqual(['Total comp²', '$191K', '$275K']);
    expect(tableCells(blocks)[2]).toEqual(['RSU / yr¹', '$29K', '$55K']);
    expect(allText(blocks)).toContain('² The guide gives Charlotte');
    expect(allText(blocks)).toContain('$190K');
  });

  it('the region message reads the same wherever the client puts its table (some show it last)', async () => {
    await sendCommand(slack, 'ny');
    const [parent] = await waitFor(
      () => slack.callsTo('chat.postMessage').length >= 2 && slack.callsTo('chat.postMessage'),
    );
    const blocks = parent?.args.blocks as Blocks;
    const tableLast = [...blocks.filter((b) => b.type !== 'table'), ...blocks.filter((b) => b.type === 'table')];
    const beforeTable = allText(tableLast.slice(0, -1));
    // Without the table, the band and the target are still there, and nothing points at "below" or "above".
    expect(beforeTable).toContain("New York's total comp runs $215K–$309K; target *$285K–$309K* total comp");
    expect(beforeTable).not.toMatch(/\b(below|above) (the|this) table\b/i);
    expect(tableLast.slice(0, -1).some((b) => b.type === 'actions')).toBe(true);
  });

  it('all (or compare) puts every region in one table with how they compare', async () => {
    await sendCommand(slack, 'compare');
    const [post] = await waitFor(
      () => slack.callsTo('chat.postMessage').length >= 1 && slack.callsTo('chat.postMessage'),
    );
    const rows = tableCells(post?.args.blocks as Blocks);
    expect(rows.map((row) => row[0])).toEqual(['Region', 'Detroit', 'Charlotte', 'New York']);
    expect(rows[3]?.[4]).toBe('$215K–$309K');
    // Five columns, to fit a phone: targets and how each compares are sentences under it.
    for (const row of rows) expect(row).toHaveLength(5);
    const text = allText(post?.args.blocks as Blocks);
    expect(text).toContain(
      'Negotiate-up targets (total comp):* Detroit $240K–$262K · Charlotte $252K–$275K · New York $285K–$309K',
    );
    expect(text).toContain("New York's band is 18% above Detroit's at the low end and 18% at the top");
    expect(String(post?.args.text)).toContain("New York's top is 18% above Detroit's");
    await settle();
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it.each([
    ['levers charlotte', ['Lever 1 of 4', 'base salary at $176K', '$55K a year']],
    ['levels', ['VP, Product Management', 'Product Manager only']],
    ['premiums', ['$10K–$18K', '15%–25%', 'prices the branchless premium twice']],
    ['sources', ['SEC EDGAR', 'LinkedIn Talent Insights']],
  ])('%s posts that part of the guide', async (words, expected) => {
    await sendCommand(slack, words);
    const [post] = await waitFor(
      () => slack.callsTo('chat.postMessage').length >= 1 && slack.callsTo('chat.postMessage'),
    );
    for (const text of expected) expect(allText(post?.args.blocks as Blocks)).toContain(text);
    expect(checkMessage({ text: String(post?.args.text), blocks: post?.args.blocks as Blocks })).toEqual([]);
  });
});

describe('answers only the person sees', () => {
  it('help is private, lists every command with an example, and has the buttons', async () => {
    const response = await sendCommand(slack, '');
    expect(response.json?.response_type).toBe('ephemeral');
    const text = JSON.stringify(response.json?.blocks);
    for (const example of [
      '/allycomp detroit',
      '/allycomp all',
      '/allycomp offer SoFi 245k detroit',
      '/allycomp levels',
      'private',
    ]) {
      expect(text).toContain(example);
    }
    expect(text).toContain('region_show:new-york');
    expect(text).toContain('offer_open');
    await settle();
    expect(slack.calls).toEqual([]);
  });

  it('`private` (or `me`) anywhere: the whole answer, levers inline, to the person alone', async () => {
    const response = await sendCommand(slack, 'private detroit');
    expect(response.json?.response_type).toBe('ephemeral');
    const text = JSON.stringify(response.json?.blocks);
    expect(text).toContain('$128K');
    expect(text).toContain('Lever 4 of 4');
    expect(text).toContain('base salary at $168K');
    await settle();
    expect(slack.callsTo('chat.postMessage')).toEqual([]);
    expect((await sendCommand(slack, 'me ny')).json?.response_type).toBe('ephemeral');
  });

  it('an unknown word gets a specific private error with the closest match, never a public post', async () => {
    const atlanta = await sendCommand(slack, 'atlanta');
    expect(atlanta.json?.response_type).toBe('ephemeral');
    expect(String(atlanta.json?.text)).toBe(
      "'atlanta' is not a region; try detroit, charlotte or ny. /allycomp help lists every command.",
    );
    const typo = await sendCommand(slack, 'detriot');
    expect(String(typo.json?.text)).toContain('Did you mean Detroit?');
    await settle();
    expect(slack.calls).toEqual([]);
  });
});

describe('where the bot cannot post', () => {
  it.each(['not_in_channel', 'channel_not_found', 'is_archived'])(
    '%s: the answer still arrives through response_url, and only the person is told how to add the bot',
    async (error) => {
      slack.respondTo('chat.postMessage', () => ({ body: { ok: false, error } }));
      const url = responseUrl();
      await sendCommand(slack, 'detroit', { channel_id: 'C0NOTMEMBER', response_url: url });
      const [answer, hint] = await waitFor(
        () => slack.responses.length >= 2 && slack.responses,
        'two response_url posts',
      );
      expect(answer?.body.response_type).toBe('in_channel');
      expect(JSON.stringify(answer?.body.blocks)).toContain('Lever 1 of 4');
      expect(JSON.stringify(answer?.body.blocks)).toContain('$182K');
      expect(hint?.body.response_type).toBe('ephemeral');
      expect(String(hint?.body.text)).toContain('/invite @allycomp');
      await settle();
      expect(slack.responses).toHaveLength(2);
      expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
    },
  );

  it('in a DM with someone else (channel_not_found on a D… id) it answers the same way', async () => {
    slack.respondTo('chat.postMessage', () => ({ body: { ok: false, error: 'channel_not_found' } }));
    await sendCommand(slack, 'ny', { channel_id: 'D0SOMEONE', user_id: USER });
    await waitFor(() => slack.responses.length >= 2, 'fallback');
    expect(slack.responses[0]?.body.response_type).toBe('in_channel');
  });
});
