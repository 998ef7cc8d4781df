import type { Guide, Lever } from '../guide/schema.js';
import type { Ask } from './asks.js';
import type { Explained } from './explained.js';
import { formatMoney, formatPercent, formatRange } from './money.js';

export interface RenderedLever {
  lever: Lever;
  script: string;
  /** The figures the script quotes, each able to show its math. */
  figures: Explained<unknown>[];
}

function figuresFor(lever: Lever, ask: Ask): Explained<unknown>[] {
  switch (lever.asks) {
    case 'base':
      return [ask.base];
    case 'stock':
      return [ask.stock];
    case 'bonus':
      return [ask.bonusPercent, ask.bonusDollars];
    default:
      return [ask.competingTc, ask.leverTc];
  }
}

export interface ScriptOptions {
  /** Replace the person's own figures with a bracketed placeholder (sharing without figures). */
  hidePersonal?: boolean;
}

/** Fill a lever's {placeholders} with an ask's figures; an unknown placeholder is left visible, never blanked. */
export function renderScript(template: string, ask: Ask, options: ScriptOptions = {}): string {
  const show = <T>(figure: Explained<T>, format: (value: T) => string, hidden: string) =>
    options.hidePersonal && figure.personal ? hidden : format(figure.value);
  const values: Record<string, string> = {
    baseAsk: show(ask.base, formatMoney, '[my base ask]'),
    stockAsk: show(ask.stock, formatRange, '[my RSU ask]'),
    tcAsk: show(ask.leverTc, formatRange, '[my total-comp ask]'),
    competingTc: show(ask.competingTc, formatMoney, '[their TC]'),
    company: ask.company,
    bonusTargetPercent: show(ask.bonusPercent, formatPercent, '[my bonus target]'),
    region: ask.region.shortName,
  };
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

export function renderLevers(guide: Guide, ask: Ask, options: ScriptOptions = {}): RenderedLever[] {
  return [...guide.levers]
    .sort((a, b) => a.number - b.number)
    .map((lever) => ({ lever, script: renderScript(lever.script, ask, options), figures: figuresFor(lever, ask) }));
}
