/**
 * Every signed request gets a deliberate answer: a property-based fuzz replaces one field of each payload kind
 * allycomp receives (or the whole body) with null, a number, a string, an array or an object, signs it as Slack
 * would, and sends it to a Bolt App on the hardened receiver whose listeners read what allycomp's read. The answer
 * is always 200 or 400, within a second; never a 500, a hang or an unhandled rejection, and a refusal logs only
 * the payload's kind.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encode, SAMPLES, withValueAt } from '../support/payload-samples.js';
import { type Harness, sendSigned, startHarness } from '../support/receiver-harness.js';

let harness: Harness;
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onRejection);
  harness = await startHarness();
});
afterAll(async () => {
  process.off('unhandledRejection', onRejection);
  await harness.stop();
});

const MARKER = 'FUZZ-MARKER-7Q';
const wrongValue = fc.oneof(
  fc.constant(null),
  // Dropped by JSON.stringify: the field is missing.
  fc.constant(undefined),
  fc.integer(),
  fc.double({ noNaN: false }),
  fc.constantFrom('', MARKER, '1'),
  fc.constantFrom([], [null], [MARKER], [{}]),
  fc.constantFrom({}, { id: null }, { id: 5 }, { text: MARKER }),
  fc.boolean(),
);

async function timed(body: string, contentType: string) {
  const started = Date.now();
  const response = await sendSigned(harness.port, body, contentType);
  return { ...response, ms: Date.now() - started };
}

describe('a signed payload with a wrongly typed field', () => {
  it('always gets 200 or 400 at once, never a 500, a hang or an unhandled rejection', async () => {
    const sample = fc.constantFrom(...SAMPLES);
    const mutation = sample.chain((s) => fc.tuple(fc.constant(s), fc.constantFrom(...s.paths), wrongValue));
    await fc.assert(
      fc.asyncProperty(mutation, async ([s, path, value]) => {
        const { body, contentType } = encode(s, withValueAt(s.payload, path, value));
        const response = await timed(body, contentType);
        expect([200, 400], `${s.name}.${path} = ${JSON.stringify(value)}`).toContain(response.status);
        // Well before Bolt's 3-second not-acknowledged answer (a hang); generous for a loaded machine's first request.
        expect(response.ms).toBeLessThan(2_500);
      }),
      { numRuns: 300 },
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(rejections).toEqual([]);
    const refusals = harness.logs.filter((line) => line.includes('payload_refused'));
    expect(refusals.length).toBeGreaterThan(0);
    // Nothing of the payload itself in any log line: only its kind.
    expect(harness.logs.join('\n')).not.toContain(MARKER);
    expect(harness.logs.filter((line) => line.includes('"level":"error"'))).toEqual([]);
  });

  it('a whole body of null, a number, a string or an array gets 400 (JSON and form-encoded)', async () => {
    for (const value of [null, 5, '"text"', [], [{ type: 'block_actions' }], true]) {
      const json = JSON.stringify(value);
      expect((await timed(json, 'application/json')).status, json).toBe(400);
      const form = new URLSearchParams({ payload: json }).toString();
      expect((await timed(form, 'application/x-www-form-urlencoded')).status, form).toBe(400);
    }
    expect((await timed('{"type": ', 'application/json')).status).toBe(400);
    expect(rejections).toEqual([]);
  });

  it('the well-formed samples themselves are answered 200 and reach their listeners', async () => {
    const before = harness.reached.length;
    for (const s of SAMPLES) {
      const { body, contentType } = encode(s, s.payload);
      expect((await timed(body, contentType)).status, s.name).toBe(200);
    }
    // view_closed has no listener here; every other kind reached one.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(harness.reached.length - before).toBeGreaterThanOrEqual(SAMPLES.length - 1);
  });
});
