import type { ChartInput } from '../chart/model.js';
import { formatMoneyTyped, formatPercent, parseAmount } from '../engine/money.js';
import {
  type DraftProblem,
  describeVesting,
  normaliseOffer,
  type ReadOffer,
  readOfferWords,
} from '../engine/offer/index.js';
import { closestRegion, primaryAlias, regionById, regionIfKnown } from '../engine/regions.js';
import type { LoadedGuide } from '../guide/load.js';
import type { Guide } from '../guide/schema.js';
import { escapeMrkdwn, type SlackMessage, section, truncate } from '../views/blocks.js';
import { COMMAND } from '../views/ids.js';
import { buildOfferAnswer } from '../views/offer-answer.js';
import { offerChart } from './chart-input.js';
import { prepareOffer } from './offer-prep.js';

export function buildOfferProblems(problems: DraftProblem[], readAs: string[] = []): SlackMessage {
  const lines = problems.map((p) => `• ${escapeMrkdwn(p.message)} — for example \`${escapeMrkdwn(p.example)}\``);
  const echo = readAs.length > 0 ? `\n_Read so far:_ ${readAs.map(escapeMrkdwn).join('; ')}` : '';
  return {
    text: `I could not read that offer: ${problems.map((p) => p.message).join(' ')}`,
    blocks: [
      section(`:warning: I could not read that offer yet:\n${lines.join('\n')}${echo}`, 'offer_problems'),
      section(
        `Quick form: \`${COMMAND} offer SoFi 245k detroit\` (company, total comp, region) — or \`${COMMAND} offer\` alone opens the full form.`,
        'offer_problems_hint',
      ),
    ],
  };
}

export type QuickOfferResult =
  | { ok: true; message: SlackMessage; chart: ChartInput }
  | { ok: false; message: SlackMessage };

/** The person's words, fit to quote back inside a code span in an example. */
function typed(words: string[]): string {
  return words.join(' ').replace(/`/g, "'").slice(0, 120);
}

/** The last word, when it is a plain word typed after the only amount: where a region goes in the quick form. */
function placeTried(words: string[]): string | undefined {
  const amountAt = words.findIndex((word) => /\d/.test(word) && parseAmount(word).ok);
  const last = words.at(-1);
  return amountAt !== -1 && amountAt === words.length - 2 && last && /^[a-z][a-z.'-]*$/i.test(last) ? last : undefined;
}

/** The quick form, `/allycomp offer SoFi 245k detroit`: an answer (for the person alone) or what is missing. */
export function offerAnswerFromWords(loaded: LoadedGuide, words: string[]): QuickOfferResult {
  const { guide } = loaded;
  const read = readOfferWords(guide, words);
  const problems = [...read.problems];
  const firstRegion = guide.regions.map(primaryAlias)[0] ?? '';
  const normalised = normaliseOffer(read.draft);
  if (!normalised.ok && read.problems.length === 0) {
    for (const problem of normalised.problems) {
      if (problem.field === 'base') {
        // Nothing in the words was an amount: say so, with the words they typed and where the amount goes.
        problems.push({
          field: 'totalComp',
          message:
            words.length === 0
              ? 'Give the offer after `offer`: the company, their total comp and the region, or name each part with flags (--base 170k --stock 40k --bonus 15%).'
              : `I found no amount in '${typed(words)}'. Give their total comp as a number, like 245k, or name each part with flags (--base 170k --stock 40k --bonus 15%).`,
          example: `${COMMAND} offer SoFi 245k ${firstRegion}`.trim(),
        });
      } else {
        problems.push(problem);
      }
    }
  }
  if (!read.draft.regionId && words.length > 0 && !problems.some((problem) => problem.field === 'region')) {
    // "Sofi 245k detriot": a region misspelled is read as part of the company; name it instead of adding a region.
    const typo = words
      .map((word) => ({ word, region: /\d/.test(word) ? undefined : closestRegion(guide, word) }))
      .find((entry) => entry.region !== undefined);
    const place = placeTried(words);
    problems.push(
      typo?.region
        ? {
            field: 'region',
            message: `Which ${guide.company} region should I compare with? '${typed([typo.word])}' is not one; did you mean ${typo.region.shortName}?`,
            example:
              `${COMMAND} offer ${typed(words.map((word) => (word === typo.word && typo.region ? primaryAlias(typo.region) : word)))}`.trim(),
          }
        : place
          ? {
              // "SoFi 245k chicago": a last word after the amount is where they meant, not part of the company.
              field: 'region',
              message: `Which ${guide.company} region should I compare with? '${typed([place])}' is not one of its regions; use one of ${guide.regions.map(primaryAlias).join(', ')}.`,
              example: `${COMMAND} offer ${typed([...words.slice(0, -1), firstRegion])}`.trim(),
            }
          : {
              field: 'region',
              message: `Which ${guide.company} region should I compare with? Add one of ${guide.regions.map(primaryAlias).join(', ')}.`,
              example: `${COMMAND} offer ${typed(words)} ${firstRegion}`.trim(),
            },
    );
  }
  if (problems.length > 0 || !normalised.ok || !read.draft.regionId) {
    return { ok: false, message: buildOfferProblems(problems, read.readAs) };
  }
  const region = regionById(guide, read.draft.regionId);
  const prep = prepareOffer(guide, region, read.draft, normalised.offer, [], read.readAs);
  return { ok: true, message: buildOfferAnswer(loaded, prep), chart: offerChart(guide, prep.pkg, true) };
}

/**
 * The note at the top of a prefilled modal: what was read from the message, how it was read, what was not in it,
 * and what could not be used. Plain words: this is a context block, read once before checking the fields.
 */
export function describeDraft(guide: Guide, read: ReadOffer): string {
  const { draft } = read;
  const found: string[] = [];
  if (draft.company) found.push(`company ${draft.company}`);
  if (draft.title) found.push(`title ${draft.title}`);
  if (draft.base !== undefined) found.push(`base ${formatMoneyTyped(draft.base)}`);
  if (draft.totalComp !== undefined) found.push(`total comp ${formatMoneyTyped(draft.totalComp)}`);
  if (draft.equity) {
    found.push(
      draft.equity.kind === 'annual'
        ? `equity ${formatMoneyTyped(draft.equity.dollars)} a year`
        : `equity grant ${formatMoneyTyped(draft.equity.dollars)} ${describeVesting(draft.equity.vesting)}`,
    );
  }
  if (draft.bonus) {
    found.push(
      `bonus ${draft.bonus.kind === 'percent' ? formatPercent(draft.bonus.percent, 4) : formatMoneyTyped(draft.bonus.dollars)}`,
    );
  }
  if (draft.signOn !== undefined) found.push(`sign-on ${formatMoneyTyped(draft.signOn)}`);
  const region = regionIfKnown(guide, draft.regionId);
  if (region) found.push(`region ${region.shortName}`);
  if (found.length === 0) return 'I could not read an offer in that message: fill in the form below.';

  const missing: string[] = [];
  if (!draft.company) missing.push('the company');
  if (draft.base === undefined && draft.totalComp === undefined) missing.push('base or total comp');
  if (!region) missing.push(`the ${guide.company} region`);
  const parts = [
    `Read from the message: ${found.join(', ')}.`,
    ...(read.readAs.length > 0 ? [`How I read it: ${read.readAs.join('; ')}.`] : []),
    ...(missing.length > 0
      ? [`Not in the message: ${missing.join(', ')}; fill ${missing.length === 1 ? 'it' : 'them'} in.`]
      : []),
    ...(read.problems.length > 0 ? [`Could not use: ${read.problems.map((p) => p.message).join(' ')}`] : []),
    'Check each field before you submit; what I could not read is left empty.',
  ];
  return truncate(parts.join(' '), 1900);
}
