import { describe, expect, it } from 'vitest';
import { offerAnswerFromWords } from '../../src/answers/offer-flow.js';
import { loadGuide } from '../../src/guide/load.js';

const loaded = loadGuide();

function answerText(words: string[]): string {
  const result = offerAnswerFromWords(loaded, words);
  if (!result.ok) throw new Error(`no answer for ${words.join(' ')}: ${result.message.text}`);
  return JSON.stringify(result.message.blocks);
}

describe('the quick form without a region it can read', () => {
  it('a misspelled region is named and corrected in the example, not added after it', () => {
    const result = offerAnswerFromWords(loaded, ['Sofi', '245k', 'detriot']);
    expect(result.ok).toBe(false);
    const text = JSON.stringify(result.message.blocks);
    expect(text).toContain("'detriot' is not one; did you mean Detroit?");
    expect(text).toContain('/allycomp offer Sofi 245k detroit`');
    expect(text).not.toContain('detriot detroit');
  });

  it('nothing after offer: says what to give, with an example that works', () => {
    const text = JSON.stringify(offerAnswerFromWords(loaded, []).message.blocks);
    // It said "I found no amount in ''" and suggested `/allycomp offer detroit`, which fails the same way.
    expect(text).toContain('Give the offer after `offer`');
    expect(text).not.toContain("in ''");
    expect(text).not.toContain('/allycomp offer detroit`');
  });

  it('a place that is not a region, typed where the region goes, is named and replaced in the example', () => {
    const result = offerAnswerFromWords(loaded, ['SoFi', '245k', 'chicago']);
    const text = JSON.stringify(result.message.blocks);
    expect(text).toContain("'chicago' is not one of its regions");
    expect(text).toContain('/allycomp offer SoFi 245k detroit`');
  });
});

describe('the offer answer', () => {
  it('another level: its warning says the mapping once; no Level line repeats it', () => {
    const text = answerText(['SoFi', '245k', 'detroit', '--title', '"Senior', 'Product', 'Manager"']);
    expect(text.match(/maps to Ally's/g)).toHaveLength(1);
    expect(text).not.toContain('offer_level');
  });

  it('another level: "the top of the range" names the range, since none is shown', () => {
    const text = answerText([
      'Bank',
      'of',
      'America',
      '260k',
      'charlotte',
      '--title',
      '"VP,',
      'Product',
      'Management"',
    ]);
    expect(text).toContain(
      'so hold at the top of the range. No range is shown at this level: the range is the Director of Product one you ask the recruiter for.',
    );
    expect(answerText(['Wells', 'Fargo', '245k', 'charlotte'])).not.toContain('No range is shown');
  });

  it('with no premium entered, the plan says how to claim one rather than that none applies to the person', () => {
    expect(answerText(['SoFi', '250k', 'detroit'])).toContain(
      'no premium applies as entered (`/allycomp premiums` lists them; one that fits you is the reason to hold at the top)',
    );
  });

  it('a note shared by every script is said once per message, under the first script', () => {
    const text = answerText(['SoFi', '250k', 'detroit']);
    expect(text.match(/The script says one figure, where you open/g)).toHaveLength(1);
    expect(text.match(/Claims in \[only if true: …\] are yours to make/g)).toHaveLength(1);
  });

  it("Ally's own sign-on is one to keep, not a competing first year the ask beats", () => {
    const text = answerText(['Ally', 'base', '165k', 'bonus', '20%', 'equity', '48k/yr', 'sign-on', '20k', 'detroit']);
    expect(text).toContain('keep the $20K sign-on Ally already offers, on top of the ask: the ask is yearly.');
    expect(text).not.toContain('competing first year');
  });

  it('the level the bands cover: the Level line says so', () => {
    expect(answerText(['SoFi', '245k', 'detroit'])).toContain('"block_id":"offer_level"');
  });

  it('a year-or-grant question says what it waits for, not a slipped digit', () => {
    const text = answerText(['Stripe', 'base', '210k', 'rsu', '150k', 'ny']);
    expect(text).toContain('No ask until you say whether the equity is a year or the whole grant');
    expect(text).not.toContain('slipped digit');
    expect(answerText(['SoFi', '24.5k', 'detroit'])).toContain('an ask built on a slipped digit');
  });

  it('the walk-away is the yearly figure; a bigger first year is a sign-on to ask for, not a reason to walk', () => {
    const text = answerText(['Google', 'base', '170k', 'rsu', '55k', 'bonus', '15%', 'signon', '30k', 'detroit']);
    expect(text).toContain(
      '$250.5K TC a year, your competing offer. Below it, the other offer is better. Its first year is $280.5K: a first year under that is a sign-on to ask for, not a reason to walk.',
    );
    // A first year the ask's TC already covers is not a sign-on question.
    expect(answerText(['Chime', 'base', '140k', 'rsu', '30k', 'bonus', '15k', 'signon', '20k', 'ny'])).not.toContain(
      'Its first year is',
    );
    expect(answerText(['SoFi', '245k', 'detroit'])).toContain(
      'your competing offer. Below it, the other offer is better.',
    );
  });

  it("an offer under the guide's target: concede only for a sign-on or an early pay review, never a level review", () => {
    const text = answerText(['Goldman', 'Sachs', 'base', '175k', 'bonus', '40k', 'charlotte']);
    expect(text).toContain('only for something in return (a sign-on, an early pay review, in writing).');
    expect(text).not.toContain('level review (Senior');
    // Its base is inside the band: the line not to cross if Ally's base comes in lower.
    expect(text).toContain("Never under $175K, your competing offer's base.");
    // An offer that sets the ask keeps the level review.
    expect(answerText(['SoFi', '250k', 'detroit'])).toContain('(a sign-on, a level review)');
  });

  it('far above the band: the plan starts with the level review, and does not offer it again as a concession', () => {
    const text = answerText(['Netflix', '450k', 'ny']);
    expect(text).toContain(
      '*Start with a level review:* ask for the Senior Product Manager band in writing, before any figure. If the role stays Product Manager, the plan is:',
    );
    expect(text.indexOf('Start with a level review:*')).toBeLessThan(text.indexOf('*Lead with lever'));
    expect(text).toContain('only for something in return (a sign-on, an early pay review, in writing).');
    // …and the last fallback is an early pay review and the walk-away, not the level review a third time.
    expect(text).toContain(
      "If TC stops below $460K: ask for an early pay review, in writing, and weigh Ally Financial's yearly TC against your walk-away $450K; a sign-on cannot cover a yearly gap.",
    );
    expect(answerText(['SoFi', '250k', 'detroit'])).not.toContain('Start with a level review:*');
  });

  it('far above the band: the lead lever says it comes after the level review, as the plan does', () => {
    // It said "lead with this" under a plan that starts with the level review "before any figure".
    expect(answerText(['SoFi', '350k', 'detroit'])).toContain(
      'Auto Lending Scale Lever · lead with this, after the level review*',
    );
    const inside = answerText(['SoFi', '250k', 'detroit']);
    expect(inside).toContain('Auto Lending Scale Lever · lead with this*');
    expect(inside).not.toContain('after the level review');
  });
});
