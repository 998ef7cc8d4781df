import { formatMoney, formatPercent } from '../engine/money.js';
import { analyseOffer } from '../engine/offer-analysis.js';
import { type DraftProblem, type ReadOffer, readOfferWords } from '../engine/offer-text.js';
import { describeVesting, normaliseOffer } from '../engine/offers.js';
import { primaryAlias, regionById } from '../engine/regions.js';
import type { LoadedGuide } from '../guide/load.js';
import { escapeMrkdwn, type SlackMessage, section } from './blocks.js';
import { COMMAND } from './ids.js';
import { buildOfferAnswer } from './offer-answer.js';

export function buildOfferProblems(problems: DraftProblem[], readAs: string[] = []): SlackMessage {
  const lines = problems.map(
    (p) => `• *${p.field}*: ${escapeMrkdwn(p.message)} — for example \`${escapeMrkdwn(p.example)}\``,
  );
  const echo = readAs.length > 0 ? `\n_Read so far:_ ${readAs.map(escapeMrkdwn).join('; ')}` : '';
  return {
    text: `I could not read that offer: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
    blocks: [
      section(`:warning: I could not read that offer yet:\n${lines.join('\n')}${echo}`, 'offer_problems'),
      section(
        `Quick form: \`${COMMAND} offer SoFi 245k detroit\` (company, total comp, region) — or \`${COMMAND} offer\` alone opens the full form.`,
        'offer_problems_hint',
      ),
    ],
  };
}

export type QuickOfferResult = { ok: true; message: SlackMessage } | { ok: false; message: SlackMessage };

/** The quick form, `/allycomp offer SoFi 245k detroit`: an answer (for the person alone) or what is missing. */
export function offerAnswerFromWords(loaded: LoadedGuide, words: string[]): QuickOfferResult {
  const { guide } = loaded;
  const read = readOfferWords(guide, words);
  const problems = [...read.problems];
  if (!read.draft.regionId) {
    problems.push({
      field: 'region',
      message: `Which ${guide.company} region should I compare with?`,
      example: `${words.join(' ')} ${guide.regions.map(primaryAlias)[0] ?? ''}`.trim(),
    });
  }
  const normalised = normaliseOffer(read.draft);
  if (!normalised.ok) problems.push(...normalised.problems);
  if (problems.length > 0 || !normalised.ok || !read.draft.regionId) {
    return { ok: false, message: buildOfferProblems(problems, read.readAs) };
  }
  const region = regionById(guide, read.draft.regionId);
  const answer = buildOfferAnswer(loaded, analyseOffer(guide, normalised.offer, region), { showFigures: true });
  if (read.readAs.length === 0) return { ok: true, message: answer };
  return {
    ok: true,
    message: {
      ...answer,
      blocks: [section(`_Read as:_ ${read.readAs.map(escapeMrkdwn).join('; ')}`, 'offer_read_as'), ...answer.blocks],
    },
  };
}

/** The note at the top of a prefilled modal: what was read from the message, and what was not. */
export function describeDraft(read: ReadOffer): string {
  const { draft } = read;
  const found: string[] = [];
  if (draft.company) found.push(`company ${draft.company}`);
  if (draft.base !== undefined) found.push(`base ${formatMoney(draft.base)}`);
  if (draft.totalComp !== undefined) found.push(`total comp ${formatMoney(draft.totalComp)}`);
  if (draft.equity) {
    found.push(
      draft.equity.kind === 'annual'
        ? `equity ${formatMoney(draft.equity.dollars)} a year`
        : `equity grant ${formatMoney(draft.equity.dollars)} ${describeVesting(draft.equity.vesting)}`,
    );
  }
  if (draft.bonus) {
    found.push(
      `bonus ${draft.bonus.kind === 'percent' ? formatPercent(draft.bonus.percent) : formatMoney(draft.bonus.dollars)}`,
    );
  }
  if (draft.signOn !== undefined) found.push(`sign-on ${formatMoney(draft.signOn)}`);
  if (draft.regionId) found.push(`region ${draft.regionId}`);
  if (found.length === 0) return 'I could not read an offer in that message: fill in the form below.';
  const problems =
    read.problems.length > 0
      ? ` Could not use: ${read.problems.map((p) => `${p.field} (${p.message})`).join('; ')}.`
      : '';
  return `Read from the message: ${found.join(', ')}. Check each field; anything empty I could not read.${problems}`.slice(
    0,
    1900,
  );
}
