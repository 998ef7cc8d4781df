import type { Guide, Lever } from '../../guide/schema.js';
import { formatMoney, formatRange } from '../money.js';
import { sayBonusAsk } from './bonus-target.js';
import type { AskFigures, LeverScript, Trade } from './types.js';

/** The guide says RSU "over four years" while its table (and every ask) is RSU per year: say what the bot means. */
const FOUR_YEARS = /\{stockAsk\} over four years/;

export interface ScriptInput {
  ask?: AskFigures;
  company?: string;
  competingTc?: number;
  /** The competing TC is below the band: lever 3 says there is an offer, without the number (rule 6). */
  hideCompetingTc: boolean;
  regionName: string;
  /** Why the figures are blanks when there is no ask (default: the level has no band figures). */
  blankReason?: string;
  /** Parts capped at their band top below what the person has: the script that asks for that part names the gap. */
  trades?: readonly Trade[];
}

const PART_PLACEHOLDER: Record<Trade['part'], RegExp> = { base: /\{baseAsk\}/, bonus: /\{bonusTargetPercent\}/ };
const PART_WORDS: Record<Trade['part'], string> = { base: 'base', bonus: 'bonus' };

/** Said after a capped part's ask, so the script never asks aloud for less than the person has without saying why. */
function tradeSentence(trade: Trade): string {
  return (
    ` Ally's ${PART_WORDS[trade.part]} band tops out at ${formatMoney(trade.bandTop)}, under the ` +
    `${formatMoney(trade.competing)} ${PART_WORDS[trade.part]} I have now, so I'd want the ` +
    `${formatMoney(trade.short)} difference in RSU or a sign-on.`
  );
}

function claimMarked(text: string, lever: Lever): { text: string; marked: boolean } {
  let out = text;
  let marked = false;
  for (const claim of lever.claims ?? []) {
    if (!out.includes(claim)) continue;
    out = out.replace(claim, `[only if true: ${claim}]`);
    marked = true;
  }
  return { text: out, marked };
}

/** Render every lever's script as it is to be said aloud (rule 7). */
export function renderScripts(guide: Guide, input: ScriptInput): LeverScript[] {
  const { ask } = input;
  const values: Record<string, string> = {
    baseAsk: ask ? formatRange(ask.base.value) : '[your base ask]',
    stockAsk: ask ? formatRange(ask.rsuPerYear.value) : '[your RSU ask]',
    tcAsk: ask ? formatRange(ask.tc.value) : '[your total-comp ask]',
    competingTc: input.competingTc === undefined ? '[their TC]' : formatMoney(input.competingTc),
    company: input.company ?? '[company]',
    bonusTargetPercent: ask
      ? sayBonusAsk(ask.bonusTargetPercent.value, ask.base.value, ask.bonus.value)
      : '[your bonus target]',
    region: input.regionName,
  };
  return [...guide.levers]
    .sort((a, b) => a.number - b.number)
    .map((lever) => {
      const changes: string[] = [];
      let template = lever.script;
      if (FOUR_YEARS.test(template)) {
        template = template.replace(FOUR_YEARS, '{stockAsk} a year');
        const total = ask
          ? ` (${formatRange({ low: ask.rsuPerYear.value.low * 4, high: ask.rsuPerYear.value.high * 4 })} over four years)`
          : '';
        changes.push(
          `The guide's script says RSU "over four years"; the figure is RSU a year, as in the guide's table, so the script says "a year"${total}.`,
        );
      }
      if (input.hideCompetingTc && template.includes(' at {competingTc} TC')) {
        template = template.replace(' at {competingTc} TC', '');
        changes.push(
          'Your competing offer is below the band: the script says you have one without its number, because quoting it would anchor the talk low.',
        );
      }
      const capped = ask ? (input.trades ?? []).filter((trade) => PART_PLACEHOLDER[trade.part].test(template)) : [];
      for (const trade of capped) {
        changes.push(
          `Your ${PART_WORDS[trade.part]} is above Ally's band top: the script names the ${formatMoney(trade.short)} gap and where it goes, so it never asks aloud for less than you have.`,
        );
      }
      const filled =
        template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole) +
        capped.map(tradeSentence).join('');
      const { text, marked } = claimMarked(filled, lever);
      if (marked)
        changes.push('Claims in [only if true: …] are yours to make: say them only if they are true, or put your own.');
      if (!ask && /\{(?:baseAsk|stockAsk|tcAsk|bonusTargetPercent)\}/.test(lever.script)) {
        changes.push(
          input.blankReason ?? 'No band figures apply at this level: fill in the figures from your own research.',
        );
      }
      return { number: lever.number, name: lever.name, text, changes };
    });
}
