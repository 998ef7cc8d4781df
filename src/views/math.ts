import type { KnownBlock } from '@slack/types';
import { type AskPackage, sayBonusTarget } from '../engine/ask/index.js';
import type { RegionBand } from '../engine/bands.js';
import type { Explained } from '../engine/explained.js';
import { formatMoney, formatPercent, formatRange } from '../engine/money.js';
import { FootnoteMarks } from './ask-package.js';
import { context, escapeMrkdwn, footnotes, header, type SlackMessage, section } from './blocks.js';
import { BLOCK_PREFIXES, BLOCKS } from './ids.js';

function display(figure: Explained<unknown>, shown?: string): string {
  if (shown !== undefined) return shown;
  const value = figure.value;
  if (typeof value === 'number')
    return figure.label.toLowerCase().includes('bonus target') ? formatPercent(value) : formatMoney(value);
  if (value && typeof value === 'object' && 'low' in value && 'high' in value) {
    return formatRange(value as { low: number; high: number });
  }
  return String(value);
}

const SOURCE_TAG: Record<Explained['source'], string> = { guide: 'guide figure', rule: 'computed', you: 'your figure' };

/** `marks`: footnote markers for notes about this figure. */
export function mathLine(figure: Explained<unknown>, marks = '', shown?: string): string {
  return `• *${escapeMrkdwn(figure.label)}: ${display(figure, shown)}${marks}* (${SOURCE_TAG[figure.source]}) — ${escapeMrkdwn(figure.math)}`;
}

/** Pack lines into as few sections as fit Slack's 3,000-character section limit. */
export function linesToSections(lines: string[], blockPrefix: string): KnownBlock[] {
  const chunks: string[] = [];
  for (const line of lines) {
    const last = chunks[chunks.length - 1];
    if (last !== undefined && last.length + line.length + 1 <= 2900) chunks[chunks.length - 1] = `${last}\n${line}`;
    else chunks.push(line.slice(0, 2900));
  }
  return chunks.map((chunk, index) => section(chunk, `${blockPrefix}_${index}`));
}

/** "Show the math": every number of a region message, with its source or formula. */
export function buildMathMessage(band: RegionBand, pkg: AskPackage): SlackMessage {
  const { ask } = pkg;
  const figures: Explained<unknown>[] = [
    ...band.rows.map((row) => row.figure),
    band.target,
    ...(ask
      ? [
          ask.tc,
          ask.base,
          // One split gives all three parts: its steps are printed once, under the base.
          { ...ask.rsuPerYear, math: 'From the same split as the base ask, above.' },
          { ...ask.bonus, math: 'From the same split as the base ask, above.' },
          ask.bonusTargetPercent,
          ask.openAt,
        ]
      : []),
    ...(ask?.signOn ? [ask.signOn] : []),
    ...(pkg.walkAway ? [pkg.walkAway] : []),
    ...pkg.guideFigures.filter((figure) => figure.label.startsWith('Guide lever')),
  ];
  // Each footnote gets its mark on the line of the figure it is about.
  const marks = new FootnoteMarks();
  const markFor = (figure: Explained<unknown>): string => {
    const row = band.rows.find((candidate) => candidate.figure === figure);
    if (row)
      return band.notes
        .filter((note) => note.component === row.component)
        .map((note) => marks.mark(note))
        .join('');
    if (figure === band.target)
      return band.notes
        .filter((note) => note.topics.includes('strategy') && !note.component)
        .map((note) => marks.mark(note))
        .join('');
    if (figure === ask?.rsuPerYear) return marks.byId(pkg.footnotes, 'stock-unit');
    if (figure.label.startsWith('Guide lever 3')) return marks.byId(pkg.footnotes, 'lever-figures-sum');
    return '';
  };
  // The bonus target is said the way the answer says it, not as a range of dollars.
  const shownFor = (figure: Explained<unknown>) =>
    ask && figure === ask.bonusTargetPercent
      ? sayBonusTarget(ask.bonusTargetPercent.value, ask.base.value).words
      : undefined;
  const lines = figures.map((figure) => `${mathLine(figure, '', shownFor(figure))}${markFor(figure)}`);
  return {
    text: `Where ${band.region.name}'s numbers come from: ${figures.length} figures, each from the guide or computed by a stated rule.`,
    blocks: [
      header(`Show the math · ${band.region.name}`, BLOCKS.mathHeader),
      ...linesToSections(lines, BLOCK_PREFIXES.math),
      ...footnotes(marks.notes(), BLOCKS.mathFootnotes),
      context(['Guide figures are quoted as printed; computed figures give their rule and inputs.'], BLOCKS.mathLegend),
    ],
  };
}
