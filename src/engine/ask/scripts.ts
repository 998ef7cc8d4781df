import type { Guide, Lever } from '../../guide/schema.js';
import { formatMoney, formatPercent, formatRange } from '../money.js';
import type { AskFigures, LeverScript } from './types.js';

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
    bonusTargetPercent: ask ? formatPercent(ask.bonusTargetPercent.value) : '[your bonus target]',
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
      const filled = template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
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
