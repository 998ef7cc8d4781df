import type { RegionComparison } from '../engine/bands.js';
import { formatPercent, formatRange } from '../engine/money.js';
import type { LoadedGuide } from '../guide/load.js';
import { escapeMrkdwn, footnotes, header, noteMarks, type SlackMessage, section, table } from './blocks.js';
import { regionButtonsBlock } from './help.js';
import { BLOCKS } from './ids.js';

export function buildCompareMessage({ guide, notes }: LoadedGuide, comparison: RegionComparison): SlackMessage {
  const { lowest } = comparison;
  const bandNotes = notes.filter((note) => note.topics.includes('band'));
  const rows = comparison.rows.map((row) => {
    const marks = noteMarks(bandNotes, (note) => note.regionId === row.region.id && note.component === 'totalComp');
    const { base, stock, bonus } = row.region.band;
    return [
      row.region.shortName,
      formatRange(base),
      formatRange(stock),
      formatRange(bonus),
      `${formatRange(row.totalComp)}${marks}`,
    ];
  });
  // Five columns fit a phone; the targets and the comparison are sentences under the table, readable on their own
  // (some Slack clients show a table after the message's other blocks).
  const targets = comparison.rows
    .map((row) => `${escapeMrkdwn(row.region.shortName)} ${formatRange(row.target)}`)
    .join(' · ');
  const highest = comparison.rows.reduce((max, row) =>
    row.highAboveLowest.value > max.highAboveLowest.value ? row : max,
  );
  const summary = comparison.rows
    .filter((row) => row.region.id !== lowest.id)
    .map(
      (row) =>
        `${escapeMrkdwn(row.region.shortName)}'s band is ${formatPercent(row.lowAboveLowest.value, 0)} above ` +
        `${escapeMrkdwn(lowest.shortName)}'s at the low end and ${formatPercent(row.highAboveLowest.value, 0)} at the top`,
    );
  return {
    text:
      `${guide.role} bands by region: ` +
      comparison.rows.map((row) => `${row.region.shortName} ${formatRange(row.totalComp)} TC`).join('; ') +
      `. ${highest.region.shortName}'s top is ${formatPercent(highest.highAboveLowest.value, 0)} above ${lowest.shortName}'s.`,
    blocks: [
      header(`${guide.role} at ${guide.company} · all regions`, BLOCKS.compareHeader),
      table(
        [
          [
            'Region',
            'Base',
            `RSU / yr${noteMarks(bandNotes, (note) => note.regionId === undefined && note.component === 'stock')}`,
            'Bonus',
            'Total comp',
          ],
          ...rows,
        ],
        [1, 2, 3, 4],
      ),
      section(`*Negotiate-up targets (total comp):* ${targets}\n${summary.join('. ')}.`, BLOCKS.compareSummary),
      ...footnotes(bandNotes, BLOCKS.compareFootnotes),
      regionButtonsBlock(guide, BLOCKS.compareActions),
    ],
  };
}
