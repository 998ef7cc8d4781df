import type { CompanyKind, Guide, Lever } from '../../guide/schema.js';
import { aMoney, formatMoney, formatPercent } from '../money.js';
import { DEFAULT_VEST_YEARS, KIND_LABELS } from '../offer/index.js';
import type { HeldPart } from './own-offer.js';
import type { AskFigures, LeverScript, Trade } from './types.js';

/** The guide says RSU "over four years" while its table (and every ask) is RSU per year: say what the bot means. */
const FOUR_YEARS = /\{stockAsk\} over four years/;

/** Lever 3's sentence about the competing offer, with its figure and the claim that follows it. */
const COMPETING_SENTENCE = /My competing offer from \{company\} at \{competingTc\} TC ([^.]+)\./;

/** The competing number's placeholder, in the guide's script and in the one said. */
const COMPETING_TC = /\{competingTc\}/;

/** A claim comparing the person's current company with a branch bank: false for a company known to have none. */
const BRANCH_CLAIM = /physical channels|branches/i;

export interface ScriptInput {
  ask?: AskFigures;
  /** The competing company's name, when the person gave one. */
  company?: string;
  /** There is a competing offer (named or not): the scripts speak of it as an offer, never as current pay. */
  hasOffer?: boolean;
  /** The offer entered is the guide's own company's: lever 3's competing-offer sentence is left out, not blank. */
  withoutCompetingOffer?: boolean;
  competingTc?: number;
  /** The offer does not set the ask: lever 3 says there is an offer, without the number (rule 6). */
  hideCompetingTc: boolean;
  /** Why the number is left out, said under lever 3. */
  hideReason?: string;
  regionName: string;
  /** Why the figures are blanks when there is no ask (default: the level has no band figures). */
  blankReason?: string;
  /**
   * Parts capped at their band top below what the person has: the script that asks for that part names the gap, for
   * the opening's trades only (`end: 'high'`).
   */
  trades?: readonly Trade[];
  /** The competing company's kind, when known: a branch claim is left out for a company that is no bank. */
  companyKind?: CompanyKind;
  /** Parts the ask keeps at what the guide's own company already offers: asked to be kept, never "increased". */
  held?: readonly HeldPart[];
}

/** "increased to {stockAsk}", "salary at {baseAsk}": the guide's words for a part the ask raises or sets. */
const INCREASED_TO = /(?:increased to|\bat) (?=\{(?:stockAsk|bonusTargetPercent|baseAsk)\})/;

const PART_PLACEHOLDER: Record<Trade['part'], RegExp> = {
  base: /\{baseAsk\}/,
  bonus: /\{bonusTargetPercent\}/,
  rsu: /\{stockAsk\}/,
};
const PART_WORDS: Record<Trade['part'], string> = { base: 'base', bonus: 'bonus', rsu: 'RSU' };

/** The competing offer as said aloud: "my Robinhood offer", or "my other offer" when it has no name. */
function offerWords(company: string | undefined): string {
  return company === undefined ? 'my other offer' : `my ${company} offer`;
}

/**
 * Said after a capped part's ask, so the script never asks aloud for less than the person has without saying why.
 * The shortfall is yearly: it is carried by the parts the trade names (those above the person's own), never swapped
 * for a one-time sign-on. The competing part is the offer's, not current pay; where lever 3 keeps the competing
 * number out (it would anchor the talk low), no competing figure is said here either.
 */
function tradeSentence(trade: Trade, company: string | undefined, hideFigures: boolean): string {
  const names = trade.carriedBy.map((part) => PART_WORDS[part]);
  const which = names.length > 0 ? ` (${names.join(' and ')})` : '';
  const part = PART_WORDS[trade.part];
  // Above the band and still short: said as "still under" the offer's, never "already above Ally's band" (aloud,
  // that hands the recruiter the reason to say no).
  const limit =
    trade.asked === undefined
      ? `I understand Ally's ${part} band tops out at ${formatMoney(trade.bandTop)}, under`
      : 'That is still under';
  return hideFigures
    ? ` ${limit} the ${part} in ${offerWords(company)}, so the rest of my ask${which} makes up the difference every year.`
    : ` ${limit} the ${formatMoney(trade.competing)} ${part} in ${offerWords(company)}, so the rest of my ` +
        `ask${which} makes up the ${formatMoney(trade.short)} a year.`;
}

function claimMarked(text: string, claims: readonly string[]): { text: string; marked: boolean } {
  let out = text;
  let marked = false;
  for (const claim of claims) {
    if (!out.includes(claim)) continue;
    out = out.replace(claim, `[only if true: ${claim}]`);
    marked = true;
  }
  return { text: out, marked };
}

/**
 * Render every lever's script as it is to be said aloud (rule 7). Each script names one figure, the opening point
 * (the top end of the ask and its parts): a recruiter treats the bottom of any range said aloud as agreed.
 */
export function renderScripts(guide: Guide, input: ScriptInput): LeverScript[] {
  const { ask } = input;
  const opening = ask?.ends.high;
  const openingSignOn = ask?.signOn?.value.high ?? 0;
  const values: Record<string, string> = {
    baseAsk: opening ? formatMoney(opening.base) : '[your base ask]',
    stockAsk: opening ? formatMoney(opening.rsuPerYear) : '[your RSU ask]',
    tcAsk: opening ? formatMoney(opening.tc) : '[your total-comp ask]',
    competingTc: input.competingTc === undefined ? '[their TC]' : formatMoney(input.competingTc),
    company: input.company ?? '[company]',
    bonusTargetPercent: ask ? formatPercent(ask.bonusTargetPercent.value.high, 0) : '[your bonus target]',
    region: input.regionName,
  };
  const noBranches = input.companyKind !== undefined && input.companyKind !== guide.branchlessPremium.appliesTo;
  return [...guide.levers]
    .sort((a, b) => a.number - b.number)
    .map((lever: Lever) => {
      const changes: string[] = [];
      let template = lever.script;
      let claims = [...(lever.claims ?? [])];
      let ifAsked: string | undefined;
      if (ask && /\{(?:baseAsk|stockAsk|tcAsk|bonusTargetPercent)\}/.test(template)) {
        changes.push(
          "The script says one figure, where you open (the top of the ask); your floor stays with you, don't say it.",
        );
      }
      // The guide's lever 4 says 20% whatever the region: a higher target said aloud needs its reason beside it.
      const guidePercent = guide.example.bonusTargetPercent;
      if (ask && opening && PART_PLACEHOLDER.bonus.test(template) && ask.bonusTargetPercent.value.high > guidePercent) {
        changes.push(
          `The guide's script asks ${formatPercent(guidePercent, 0)}; the opening needs ${values.bonusTargetPercent} of ` +
            `base (${formatMoney(opening.bonus)}) for its parts to add up to ${values.tcAsk}.`,
        );
      }
      if (FOUR_YEARS.test(template)) {
        template = template.replace(FOUR_YEARS, '{stockAsk} a year');
        const total = opening
          ? ` (${formatMoney(opening.rsuPerYear * DEFAULT_VEST_YEARS)} over ${DEFAULT_VEST_YEARS} years)`
          : '';
        changes.push(
          `The guide's script says RSU "over four years"; the figure is RSU a year, as in the guide's table, so the script says "a year"${total}.`,
        );
      }
      if (noBranches) {
        for (const claim of claims.filter((candidate) => BRANCH_CLAIM.test(candidate))) {
          template = template.replace(` ${claim}`, '').replace(claim, '');
          claims = claims.filter((candidate) => candidate !== claim);
          changes.push(
            `Left out: "${claim}" The guide wrote it for someone at a branch bank, and ${input.company ?? 'your company'} ` +
              `is read as ${input.companyKind ? KIND_LABELS[input.companyKind] : 'no bank'}, not a traditional bank. ` +
              'If your current company does have branches, say so here.',
          );
        }
      }
      const competing = COMPETING_SENTENCE.exec(template);
      if (competing && input.withoutCompetingOffer) {
        template = template.replace(` ${competing[0]}`, '').replace(competing[0], '');
        claims = claims.filter((claim) => claim !== competing[1]);
        changes.push(
          `Left out: the competing-offer sentence. The offer you entered is ${guide.company}'s own, not a competing one.`,
        );
      } else if (competing) {
        // One sentence for the offer, the claim as its own: dropping the claim still leaves a sentence.
        const tail = competing[1] ?? '';
        const figure = input.hideCompetingTc ? '' : ' at {competingTc} TC';
        // An offer without a company's name is "a competing offer"; without an offer the blank stays to fill in.
        const from = input.company === undefined && input.hasOffer ? '' : ' from {company}';
        const claimed = claims.includes(tail);
        if (claimed) claims = claims.filter((claim) => claim !== tail);
        template = template.replace(
          competing[0],
          `I have a competing offer${from}${figure}. ${claimed ? `[only if true: It ${tail}.]` : `It ${tail}.`}`,
        );
        if (claimed)
          changes.push(
            'Claims in [only if true: …] are yours to make: say them only if they are true, or put your own.',
          );
      }
      // Said only where the number really is gone: a guide whose wording the regex does not match keeps it in the script.
      const leftOut = COMPETING_TC.test(lever.script) && !COMPETING_TC.test(template);
      if (input.hideCompetingTc && leftOut) {
        changes.push(
          input.hideReason ??
            'Your competing offer does not set the ask: the script says you have one without its number, because quoting it would anchor the talk low.',
        );
        ifAsked = `If they ask for the number: "I'd rather keep the other offer's details confidential; for this role I'm looking for ${values.tcAsk} TC."`;
      }
      // Only the opening's trades: the script says the opening's figure, so its shortfall sentence is worked out there
      // (a part short at the floor only is said privately, where the floor is shown).
      const capped = ask
        ? (input.trades ?? []).filter((trade) => trade.end === 'high' && PART_PLACEHOLDER[trade.part].test(template))
        : [];
      if (capped.length > 0 && lever.aboveBandArgument && template.includes(lever.aboveBandArgument)) {
        template = template.replace(lever.aboveBandArgument, '');
        changes.push(
          `Left out: "${lever.aboveBandArgument.replace(/^[,;]\s*/, '')}": the figure is capped under your offer's, ` +
            'so an argument for more than the band would sound at odds with it.',
        );
      }
      for (const trade of capped) {
        changes.push(
          input.hideCompetingTc
            ? `Your ${PART_WORDS[trade.part]} is above Ally's band top: the script says the parts that carry the ${formatMoney(trade.short)} a year without its figure, as lever 3 keeps your number out, so a figure under yours is never said without why and what makes up the difference.`
            : `Your ${PART_WORDS[trade.part]} is above Ally's band top: the script names the ${formatMoney(trade.short)} a year and the parts that carry it, so a figure under yours is never said without why and what makes up the difference.`,
        );
      }
      const keep = ask ? (input.held ?? []).find((held) => PART_PLACEHOLDER[held.part].test(template)) : undefined;
      if (keep) {
        template = template.replace(INCREASED_TO, 'kept at ');
        changes.push(
          `${guide.company} already offers ${formatMoney(keep.offered)}${keep.part === 'base' ? '' : keep.part === 'rsu' ? ' a year' : ' of bonus'}: ` +
            'the script asks to keep it, not to raise it, and this lever comes after the ones that raise your pay.',
        );
      }
      let filled =
        template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole) +
        capped.map((trade) => tradeSentence(trade, input.company, input.hideCompetingTc)).join('');
      if (openingSignOn > 0 && lever.script.includes('{tcAsk}')) {
        // Where the number is kept out, "to match my offer's first year" would give it away (the ask + the sign-on).
        filled += input.hideCompetingTc
          ? ` For the first year I'd also need ${aMoney(openingSignOn)} sign-on.`
          : ` For the first year I'd also need ${aMoney(openingSignOn)} sign-on, to match the first year of ${offerWords(input.company)}.`;
        changes.push(
          `The sign-on is the one for the opening: your competing first year minus ${values.tcAsk}, rounded up to $1K.`,
        );
      }
      const { text, marked } = claimMarked(filled, claims);
      if (marked && !changes.some((change) => change.startsWith('Claims in')))
        changes.push('Claims in [only if true: …] are yours to make: say them only if they are true, or put your own.');
      if (!ask && /\{(?:baseAsk|stockAsk|tcAsk|bonusTargetPercent)\}/.test(lever.script)) {
        changes.push(
          input.blankReason ?? 'No band figures apply at this level: fill in the figures from your own research.',
        );
      }
      const noNumber = input.hideCompetingTc || input.withoutCompetingOffer === true;
      const rationale =
        noNumber && lever.offerRationale
          ? `${lever.rationale.replace(lever.offerRationale, '').replace(/\.?$/, '')}.`
          : lever.rationale;
      return { number: lever.number, name: lever.name, text, changes, rationale, ...(ifAsked ? { ifAsked } : {}) };
    });
}
