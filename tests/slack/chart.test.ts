/**
 * The band chart through the real receiver: `/allycomp ny` and the offer modal upload a PNG with files.uploadV2
 * (files.getUploadURLExternal → the bytes to the upload URL → files.completeUploadExternal) into the right thread;
 * the PNG in the uploaded bytes decodes; a copy shared without figures gets the bands alone; when the upload fails
 * the answer still goes out and the thread is told why, once. Then the terminal preview writes the same PNG.
 *
 * The renderer itself (the scale, the offer marker's pixels where the scale puts the value, escaping, the alt
 * text's wording) is tested in tests/chart/chart.test.ts; rendering time is in the benchmark.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, inflateSync } from 'node:zlib';
import type { KnownBlock } from '@slack/types';
import nock from 'nock';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chartFromWords, regionChartInput } from '../../src/answers/chart-input.js';
import { describeBandChart } from '../../src/chart/alt-text.js';
import { buildBandChartSvg } from '../../src/chart/layout.js';
import { renderBandChart } from '../../src/chart/rasterise.js';
import { regionById } from '../../src/engine/regions.js';
import { encodeOrigin } from '../../src/views/offer-modal.js';
import { checkMessage } from '../support/limits.js';
import { formValues } from '../support/offer-view.js';
import { runPreviewScript } from '../support/preview-script.js';
import {
  type ApiCall,
  CHANNEL,
  guide,
  sendCommand,
  sendInteraction,
  settle,
  startTestSlack,
  type TestSlack,
  USER,
  viewSubmission,
  waitFor,
} from '../support/slack.js';

const REGION_MESSAGE_TS = '1700000000.000100';
const { guide: g } = guide();
const regionChart = renderBandChart(regionChartInput(g));
const REGION_NAMES = g.regions.map((region) => region.shortName);

let slack: TestSlack;

beforeEach(async () => {
  slack = await startTestSlack();
});

afterEach(async () => {
  await settle(20);
  await slack.stop();
});

// ---------------------------------------------------------------------------------------------------------------
// Reading the PNG out of an upload
// ---------------------------------------------------------------------------------------------------------------

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }; // PNG colour type → samples per pixel

interface DecodedPng {
  png: Buffer;
  width: number;
  height: number;
}

/**
 * Finds the PNG in a multipart body and decodes it far enough to know it is whole: every chunk's CRC matches,
 * IHDR gives the size, and the IDAT stream inflates to exactly one filter byte plus one row of pixels per row.
 */
function pngIn(bytes: Buffer): DecodedPng {
  const start = bytes.indexOf(PNG_SIGNATURE);
  expect(start, 'a PNG signature in the uploaded bytes').toBeGreaterThanOrEqual(0);
  let at = start + PNG_SIGNATURE.length;
  let width = 0;
  let height = 0;
  let rowBytes = 0;
  const idat: Buffer[] = [];
  for (;;) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const data = bytes.subarray(at + 8, at + 8 + length);
    expect(bytes.readUInt32BE(at + 8 + length), `${type} CRC`).toBe(crc32(bytes.subarray(at + 4, at + 8 + length)));
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const bitDepth = data.readUInt8(8);
      const samples = CHANNELS[data.readUInt8(9)] ?? 0;
      expect(samples, 'a known colour type').toBeGreaterThan(0);
      expect(data.readUInt8(12), 'not interlaced').toBe(0);
      rowBytes = Math.ceil((width * samples * bitDepth) / 8);
    }
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
    if (type === 'IEND') break;
  }
  expect(inflateSync(Buffer.concat(idat)).length).toBe(height * (1 + rowBytes));
  return { png: bytes.subarray(start, at), width, height };
}

// ---------------------------------------------------------------------------------------------------------------
// Reading what reached Slack
// ---------------------------------------------------------------------------------------------------------------

interface ChartUpload {
  fileId: string;
  /** files.getUploadURLExternal */
  filename: string;
  length: number;
  altText: string;
  /** files.completeUploadExternal */
  channel: string;
  threadTs: string | undefined;
  title: string;
  /** What was posted to the upload URL. */
  bytes: Buffer;
}

/** Every completed upload, joined by file id with its getUploadURLExternal call and the bytes sent. */
function chartUploads(): ChartUpload[] {
  const requested = slack.callsTo('files.getUploadURLExternal');
  return slack.callsTo('files.completeUploadExternal').flatMap((call) => {
    const files = JSON.parse(String(call.args.files)) as Array<{ id: string; title?: string }>;
    return files.map((file) => {
      // The harness numbers file ids in the order getUploadURLExternal is called: F0CHART1, F0CHART2, …
      const request = requested[Number(file.id.replace('F0CHART', '')) - 1];
      const sent = slack.uploads.filter((upload) => upload.path === `/upload/v1/${file.id}`);
      expect(sent, `one upload of ${file.id}`).toHaveLength(1);
      return {
        fileId: file.id,
        filename: String(request?.args.filename),
        length: Number(request?.args.length),
        altText: String(request?.args.alt_txt),
        channel: String(call.args.channel_id),
        threadTs: call.args.thread_ts === undefined ? undefined : String(call.args.thread_ts),
        title: String(file.title),
        bytes: sent[0]?.bytes ?? Buffer.alloc(0),
      };
    });
  });
}

async function waitForUploads(count: number): Promise<ChartUpload[]> {
  await waitFor(() => slack.callsTo('files.completeUploadExternal').length >= count, `${count} chart uploads`);
  await settle();
  const uploads = chartUploads();
  expect(uploads).toHaveLength(count);
  return uploads;
}

const posts = () => slack.callsTo('chat.postMessage');
const chartNotes = () => posts().filter((call) => String(call.args.text).includes('could not attach the band chart'));
const outcomes = () =>
  slack.logs
    .map((line) => JSON.parse(line) as { msg?: string; outcome?: string })
    .flatMap((line) => (line.outcome ? [line.outcome] : []));

/** Answers chat.postMessage with a known ts: the first post (the region message) gets `${prefix}0.000100`. */
function numberPosts(prefix: string): (index: number) => string {
  const tsOf = (index: number) => `${prefix}${index}.000100`;
  slack.respondTo('chat.postMessage', (args, index) => ({
    body: { ok: true, channel: String(args.channel), ts: tsOf(index), message: { ts: tsOf(index) } },
  }));
  return tsOf;
}

const GOLDEN = { company: 'Capital One', totalComp: '245k' };
const fromRegionMessage = encodeOrigin({ channelId: CHANNEL, threadTs: REGION_MESSAGE_TS });

async function submit(delivery: 'dm' | 'share-positions' | 'share-figures'): Promise<void> {
  const values = formValues(GOLDEN, { kind: 'traditional-bank', region: 'detroit', delivery });
  const response = await sendInteraction(slack, viewSubmission(values, fromRegionMessage));
  expect(response.status).toBe(200);
  expect(response.text).toBe(''); // the modal closes
}

// ---------------------------------------------------------------------------------------------------------------
// The region message
// ---------------------------------------------------------------------------------------------------------------

describe('/allycomp ny', () => {
  it('uploads one PNG of the bands into the region message’s thread, with its size and alt text', async () => {
    const tsOf = numberPosts('170000100');
    const response = await sendCommand(slack, 'ny');
    expect(response.status).toBe(200);
    const [upload] = await waitForUploads(1);
    if (!upload) throw new Error('no upload');

    // The three upload steps (alt text as alt_txt), after the region message and its one reply of four levers.
    expect(slack.calls.map((call) => call.method)).toEqual([
      ...Array(2).fill('chat.postMessage'),
      'files.getUploadURLExternal',
      'files.completeUploadExternal',
    ]);
    expect(posts()[0]?.args.thread_ts).toBeUndefined();
    expect(upload.channel).toBe(CHANNEL);
    expect(upload.threadTs).toBe(tsOf(0));

    // The bytes sent are a whole PNG of the chart: 900 wide, as tall as the chart's layout, the announced length.
    const decoded = pngIn(upload.bytes);
    const { height } = buildBandChartSvg(regionChartInput(g));
    expect({ width: decoded.width, height: decoded.height }).toEqual({ width: 900, height });
    expect(upload.length).toBe(decoded.png.length);
    expect(decoded.png.equals(regionChart.png)).toBe(true);
    expect(upload.filename).toMatch(/^[\w-]+\.png$/);
    expect(upload.title).toBe(regionChartInput(g).title);

    // The alt text says in words what the picture shows: every region's band and target.
    expect(upload.altText).toBe(describeBandChart(regionChartInput(g)));
    expect(upload.altText.length).toBeLessThan(1000);
    for (const region of g.regions) {
      const band = region.band.totalComp;
      expect(upload.altText).toContain(region.shortName);
      expect(upload.altText).toContain(`$${band.low / 1000}K–$${band.high / 1000}K`);
    }
    expect(upload.altText).toContain('New York $215K–$309K (target $285K–$309K)');

    expect(chartNotes()).toEqual([]);
    expect(outcomes()).toEqual(['posted+chart']);
  });

  it('uploads the shared chart once per workspace: later region messages show that file as their own image', async () => {
    await sendCommand(slack, 'ny');
    const [first] = await waitForUploads(1);
    await sendCommand(slack, 'detroit'); // every region message carries the same chart of all the bands
    await waitFor(() => posts().length >= 4, 'the second answer');
    await settle(100);
    expect(slack.callsTo('files.getUploadURLExternal')).toHaveLength(1);
    const parent = posts()[2];
    const blocks = parent?.args.blocks as Array<{ type: string; slack_file?: { id: string }; alt_text?: string }>;
    const image = blocks.find((block) => block.type === 'image');
    expect(image?.slack_file).toEqual({ id: first?.fileId });
    expect(image?.alt_text).toBe(first?.altText);
    expect(checkMessage({ text: String(parent?.args.text), blocks: parent?.args.blocks as KnownBlock[] })).toEqual([]);
    expect(outcomes()).toEqual(['posted+chart', 'posted+chart']);
  });

  it('a workspace of its own gets its own upload: file ids are never shared across workspaces', async () => {
    await sendCommand(slack, 'ny');
    await waitForUploads(1);
    await sendCommand(slack, 'ny', { team_id: 'T0OTHER' });
    await waitForUploads(2);
    expect(slack.callsTo('files.getUploadURLExternal')).toHaveLength(2);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The offer modal
// ---------------------------------------------------------------------------------------------------------------

describe('a valid offer submission', () => {
  it('uploads the offer chart into the DM’s thread, with the offer and the ask in its alt text', async () => {
    const tsOf = numberPosts('170000200');
    await submit('dm');
    const [upload] = await waitForUploads(1);
    if (!upload) throw new Error('no upload');
    const [dm] = posts();
    expect(dm?.args.channel).toBe(USER);
    expect(upload.channel).toBe(USER); // Slack answers a post to a user id with the DM; the harness echoes it
    expect(upload.threadTs).toBe(tsOf(0));
    expect(upload.title).toBe('Your Capital One offer vs Ally Financial bands');
    expect(upload.altText).toContain('Your offer (Capital One) $245K sits 79% up Detroit');
    expect(upload.altText).toContain('The ask: Detroit $255K–$262K.');
    for (const name of REGION_NAMES) expect(upload.altText).toContain(name);

    const decoded = pngIn(upload.bytes);
    expect(upload.length).toBe(decoded.png.length);
    expect(decoded.width).toBe(900);
    // The offer adds a label row above the plot, so the chart is taller than the bands alone; its bytes differ.
    expect(decoded.height).toBeGreaterThan(regionChart.height);
    expect(decoded.png.equals(regionChart.png)).toBe(false);
    expect(outcomes()).toEqual(['dm+chart']);
  });

  it('shared with figures: a second offer chart goes into the shared thread', async () => {
    await submit('share-figures');
    const [mine, shared] = await waitForUploads(2);
    expect(mine?.channel).toBe(USER);
    expect(shared?.channel).toBe(CHANNEL);
    expect(shared?.threadTs).toBe(REGION_MESSAGE_TS);
    expect(shared?.title).toBe('Your Capital One offer vs Ally Financial bands');
    expect(shared?.altText).toContain('Your offer (Capital One) $245K');
    expect(shared?.altText).toContain('The ask: Detroit $255K–$262K.');
    const decoded = pngIn(shared?.bytes ?? Buffer.alloc(0));
    expect(decoded.png.equals(pngIn(mine?.bytes ?? Buffer.alloc(0)).png)).toBe(true);
    expect(outcomes()).toEqual(['dm+chart+share-figures+chart']);
  });

  it('shared without figures: the shared thread gets the bands alone, with nothing of the person’s', async () => {
    await submit('share-positions');
    const [mine, shared] = await waitForUploads(2);
    expect(mine?.altText).toContain('$245K');
    expect(shared?.channel).toBe(CHANNEL);
    expect(shared?.threadTs).toBe(REGION_MESSAGE_TS);
    // Nothing about the offer in the words…
    const words = `${shared?.title}\n${shared?.altText}\n${shared?.filename}`;
    for (const secret of ['Capital One', '$245K', '245,000', '245000', '$255K', 'offer', 'ask', 'Your']) {
      expect(words, secret).not.toContain(secret);
    }
    // …nor in the picture: it is the very chart every region message carries.
    expect(shared?.title).toBe(regionChartInput(g).title);
    expect(shared?.altText).toBe(regionChart.altText);
    expect(pngIn(shared?.bytes ?? Buffer.alloc(0)).png.equals(regionChart.png)).toBe(true);
    const complete = slack.callsTo('files.completeUploadExternal')[1] as ApiCall;
    expect(complete.args.initial_comment).toBeUndefined();
    expect(outcomes()).toEqual(['dm+chart+share-positions+chart']);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// When the chart cannot be attached
// ---------------------------------------------------------------------------------------------------------------

/** The region message and its four levers went out whole, then exactly one note in its thread; no file. */
async function expectAnswerThenOneNote(tsOf: (index: number) => string): Promise<string> {
  await waitFor(() => chartNotes().length > 0, 'the chart note');
  await settle(100);
  const [parent, ...replies] = posts();
  expect(parent?.args.channel).toBe(CHANNEL);
  expect(parent?.args.thread_ts).toBeUndefined();
  expect(String(parent?.args.text)).toContain('New York');
  const levers = replies.filter((reply) => /Lever \d of 4/.test(JSON.stringify(reply.args.blocks)));
  expect(levers).toHaveLength(1);
  for (const n of [1, 2, 3, 4]) expect(JSON.stringify(levers[0]?.args.blocks)).toContain(`Lever ${n} of 4`);
  for (const reply of replies) {
    expect(reply.args.channel).toBe(CHANNEL);
    expect(reply.args.thread_ts).toBe(tsOf(0));
  }
  expect(replies).toHaveLength(2); // the levers and the note: said once, last
  const notes = chartNotes();
  expect(notes).toHaveLength(1);
  expect(replies.at(-1)).toBe(notes[0]);
  expect(slack.callsTo('files.completeUploadExternal')).toEqual([]);
  expect(slack.responses).toEqual([]); // nothing falls back to the response_url
  return String(notes[0]?.args.text);
}

describe('the chart cannot be attached', () => {
  it('missing files:write: the answer goes out whole, and one note in the thread says why', async () => {
    const tsOf = numberPosts('170000300');
    slack.respondTo('files.getUploadURLExternal', () => ({
      body: { ok: false, error: 'missing_scope', needed: 'files:write', provided: 'chat:write,commands' },
    }));
    await sendCommand(slack, 'ny');
    const note = await expectAnswerThenOneNote(tsOf);
    expect(note).toContain('I could not attach the band chart');
    expect(note).toContain('files:write');
    expect(note).toContain('Everything above is complete without it');
    expect(slack.callsTo('files.getUploadURLExternal')).toHaveLength(1);
    expect(slack.uploads).toEqual([]);
    expect(outcomes()).toEqual(['posted+chart_failed:missing_scope']);
  });

  it.each([
    ['answers 500', 'http_500', /Slack’s file upload answered HTTP 500 \(a problem on Slack’s side/],
    ['cannot be reached', 'upload_unreachable', /Slack’s file upload could not be reached/],
  ] as const)(
    'the upload URL %s: the answer goes out whole, and one note in the thread says so',
    async (how, code, why) => {
      const tsOf = numberPosts('170000400');
      const BROKEN = 'https://broken-files.slack.test';
      let attempts = 0;
      const scope = nock(BROKEN).persist();
      scope.on('request', () => {
        attempts += 1;
      });
      if (code === 'http_500') scope.post(/.*/).reply(500, 'Internal Server Error');
      else scope.post(/.*/).replyWithError({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' });
      slack.respondTo('files.getUploadURLExternal', () => ({
        body: { ok: true, upload_url: `${BROKEN}/upload/v1/F0BROKEN`, file_id: 'F0BROKEN' },
      }));
      await sendCommand(slack, 'ny');
      const note = await expectAnswerThenOneNote(tsOf);
      expect(attempts, how).toBeGreaterThanOrEqual(1); // the web client retries, then gives up
      expect(note).toContain('I could not attach the band chart');
      expect(note).toMatch(why);
      expect(note).not.toContain('slack_webapi'); // the web client's internal codes mean nothing to a person
      expect(outcomes()).toEqual([`posted+chart_failed:${code}`]);
    },
  );
});

// ---------------------------------------------------------------------------------------------------------------
// The terminal preview
// ---------------------------------------------------------------------------------------------------------------

describe('npm run preview -- chart … --out file.png', () => {
  const dir = mkdtempSync(join(tmpdir(), 'allycomp-chart-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const preview = (words: string[], out: string) => runPreviewScript(['chart', ...words, '--out', out]);

  it('chart ny: writes New York’s chart (drawn first, framed) and prints its alt text', async () => {
    const nyChart = renderBandChart(regionChartInput(g, regionById(g, 'new-york')));
    const out = join(dir, 'band.png');
    const { stdout } = await preview(['ny'], out);
    const written = readFileSync(out);
    const decoded = pngIn(written);
    expect(decoded.png.length).toBe(written.length);
    expect({ width: decoded.width, height: decoded.height }).toEqual({ width: 900, height: nyChart.height });
    expect(written.equals(nyChart.png)).toBe(true); // the same PNG the bot uploads for /allycomp chart ny
    expect(written.equals(regionChart.png)).toBe(false);
    expect(stdout).toContain(`Wrote ${out} (900×${nyChart.height} PNG).`);
    expect(stdout).toContain(
      'Alt text: New York: Product Manager total comp · Ally Financial. New York is drawn first',
    );
  }, 30_000);

  it('chart detroit SoFi 245k: writes the offer chart', async () => {
    const request = chartFromWords(g, regionById(g, 'detroit'), ['SoFi', '245k']);
    if (!request.ok) throw new Error(request.problem);
    const expected = renderBandChart(request.input);
    const out = join(dir, 'offer.png');
    const { stdout } = await preview(['detroit', 'SoFi', '245k'], out);
    const written = readFileSync(out);
    const decoded = pngIn(written);
    expect({ width: decoded.width, height: decoded.height }).toEqual({ width: 900, height: expected.height });
    expect(written.equals(expected.png)).toBe(true);
    expect(stdout).toContain('Alt text: Your SoFi offer vs Ally Financial bands.');
    expect(stdout).toContain('Your offer (SoFi) $245K sits 79% up Detroit');
    expect(stdout).toContain('The ask: Detroit $255K–$262K.');
  }, 30_000);
});

describe('/allycomp chart', () => {
  it('posts the bands chart in the channel, on its own', async () => {
    await sendCommand(slack, 'chart');
    const [upload] = await waitFor(
      () => slack.callsTo('files.completeUploadExternal').length >= 1 && slack.callsTo('files.completeUploadExternal'),
      'the chart',
    );
    expect(upload?.args.channel_id).toBe(CHANNEL);
    expect(upload?.args.thread_ts).toBeUndefined();
    await settle();
    expect(slack.callsTo('chat.postMessage')).toEqual([]);
  });

  it('chart <region> posts that region’s chart: drawn first, framed, and the title and alt text say so', async () => {
    await sendCommand(slack, 'chart detroit');
    const [upload] = await waitForUploads(1);
    expect(upload?.title).toBe('Detroit: Product Manager total comp · Ally Financial');
    expect(String(upload?.altText)).toMatch(
      /^Detroit: Product Manager total comp · Ally Financial\. Detroit is drawn first and framed\./,
    );
    const detroit = renderBandChart(regionChartInput(g, regionById(g, 'detroit')));
    const ny = renderBandChart(regionChartInput(g, regionById(g, 'new-york')));
    expect(pngIn(upload?.bytes ?? Buffer.alloc(0)).png.equals(detroit.png)).toBe(true);
    expect(detroit.png.equals(ny.png)).toBe(false);
    expect(detroit.png.equals(regionChart.png)).toBe(false);
  });

  it.each([
    ['not in the channel', 'not_in_channel', 'I am not a member of this conversation', true],
    ['uploads turned off', 'file_uploads_disabled', 'this workspace has turned file uploads off', false],
  ] as const)('cannot be posted (%s): the person alone is told why, and how to fix it', async (_, code, why, addMe) => {
    slack.respondTo('files.completeUploadExternal', () => ({ body: { ok: false, error: code } }));
    await sendCommand(slack, 'chart');
    const [told] = await waitFor(() => slack.responses.length >= 1 && slack.responses, 'the person is told');
    expect(told?.body.response_type).toBe('ephemeral');
    expect(String(told?.body.text)).toBe(
      `I could not post the chart here: ${why}.` +
        (addMe ? ' Add me to the channel (/invite @allycomp), or try /allycomp chart in my DM.' : ''),
    );
    expect(slack.callsTo('chat.postMessage')).toEqual([]);
  });

  it("with an offer it is the person's own figures: to their DM with the answer, never the channel", async () => {
    await sendCommand(slack, 'chart detroit SoFi 245k');
    const [upload] = await waitFor(
      () => slack.callsTo('files.completeUploadExternal').length >= 1 && slack.callsTo('files.completeUploadExternal'),
      'the offer chart',
    );
    const [dm] = slack.callsTo('chat.postMessage');
    expect(dm?.args.channel).toBe(USER);
    expect(upload?.args.channel_id).toBe(USER);
    expect(upload?.args.thread_ts).toMatch(/^\d+\.\d+$/);
    const alt = String(slack.callsTo('files.getUploadURLExternal')[0]?.args.alt_txt);
    expect(alt).toContain('Your offer (SoFi) $245K');
    expect(slack.calls.some((call) => call.args.channel === CHANNEL || call.args.channel_id === CHANNEL)).toBe(false);
  });
});
