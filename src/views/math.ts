import type { KnownBlock } from '@slack/types';
import type { Ask } from '../engine/asks.js';
import type { RegionBand } from '../engine/bands.js';
import type { Explained } from '../engine/explained.js';
import { formatMoney, formatPercent, formatRange } from '../engine/money.js';
import { context, escapeMrkdwn, footnotes, header, noteMarks, type SlackMessage, section } from './blocks.js';
import { BLOCK_PREFIXES, BLOCKS } from './ids.js';
import { strategyMarks } from './region.js';

function display(figure: Explained<unknown>): string {
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
export function mathLine(figure: Explained<unknown>, marks = ''): string {
  return `• *${escapeMrkdwn(figure.label)}: ${display(figure)}*${marks} (${SOURCE_TAG[figure.source]}) — ${escapeMrkdwn(figure.math)}`;
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
export function buildMathMessage(band: RegionBand, ask: Ask): SlackMessage {
  const figures: Explained<unknown>[] = [
    ...band.rows.map((row) => row.figure),
    band.target,
    ask.base,
    ask.stock,
    ask.bonusPercent,
    ask.bonusDollars,
    ask.competingTc,
    ask.leverTc,
  ];
  return {
    text: `Where ${band.region.name}'s numbers come from: ${figures.length} figures, each from the guide or computed by a stated rule.`,
    blocks: [
      header(`Show the math · ${band.region.name}`, BLOCKS.mathHeader),
      ...linesToSections(
        figures.map((figure) => {
          const row = band.rows.find((candidate) => candidate.figure === figure);
          if (row)
            return mathLine(
              figure,
              noteMarks(band.notes, (note) => row.notes.includes(note)),
            );
          return mathLine(figure, figure === band.target ? strategyMarks(band) : '');
        }),
        BLOCK_PREFIXES.math,
      ),
      ...footnotes(band.notes, BLOCKS.mathFootnotes),
      context(['Guide figures are quoted as printed; computed figures give their rule and inputs.'], BLOCKS.mathLegend),
    ],
  };
}
