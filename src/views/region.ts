import type { KnownBlock } from '@slack/types';
import type { AskPackage } from '../engine/ask/index.js';
import { COMPONENT_LABELS, type RegionBand } from '../engine/bands.js';
import { formatMoney, formatRange } from '../engine/money.js';
import type { Guide } from '../guide/schema.js';
import {
  bonusTargetText,
  FootnoteMarks,
  guideFiguresLine,
  orderedScripts,
  partsLine,
  planLines,
  scriptBlocks,
} from './ask-package.js';
import {
  actions,
  button,
  context,
  divider,
  escapeMrkdwn,
  footnoteMark,
  footnotes,
  header,
  noteMarks,
  type SlackMessage,
  section,
  table,
} from './blocks.js';
import { ACTIONS, BLOCK_PREFIXES, BLOCKS, withSuffix } from './ids.js';

export function bandTable(band: RegionBand) {
  const rows = band.rows.map((row) => {
    const marks = row.notes.map((note) => footnoteMark(band.notes.indexOf(note))).join('');
    return [
      `${COMPONENT_LABELS[row.component]}${marks}`,
      formatMoney(row.figure.value.low),
      formatMoney(row.figure.value.high),
    ];
  });
  return table([['Per year', 'Low', 'High'], ...rows], [1, 2]);
}

/** The notification text's words for each row: "RSU a year", never a lower-cased "rsu / yr". */
const SUMMARY_LABELS = { base: 'base', stock: 'RSU a year', bonus: 'bonus', totalComp: 'total comp' } as const;

function bandSummary(band: RegionBand): string {
  const parts = band.rows.map((row) => `${SUMMARY_LABELS[row.component]} ${formatRange(row.figure.value)}`);
  return `${band.region.name} PM comp: ${parts.join(', ')}; negotiate-up target ${formatRange(band.target.value)} TC.`;
}

export function regionButtons(guide: Guide, regionId: string, blockId: string = BLOCKS.regionActions) {
  const others = guide.regions.filter((region) => region.id !== regionId);
  return actions(blockId, [
    ...others.map((region) =>
      button(
        `See ${region.shortName}`,
        withSuffix(ACTIONS.showRegion, region.id),
        region.id,
        undefined,
        `Post ${region.shortName}'s band in this thread`,
      ),
    ),
    button('Show the math', withSuffix(ACTIONS.showMath, regionId), regionId),
    button('Prep with my competing offer', ACTIONS.openOffer, regionId, 'primary'),
  ]);
}

function leverFallback(pkg: AskPackage, number: number): string {
  const script = pkg.scripts.find((candidate) => candidate.number === number);
  return script ? `Lever ${script.number}: ${script.name}. ${script.text}`.slice(0, 3000) : `Lever ${number}`;
}

/**
 * The levers in one thread reply, the one to lead with first, one section each with its script quoted: a region
 * answer then costs two posts (the message and this reply) in a channel Slack paces at about one post a second.
 */
export function buildLeversReply(guide: Guide, pkg: AskPackage): SlackMessage {
  const marks = new FootnoteMarks();
  const blocks: KnownBlock[] = [];
  const said = new Set<string>();
  for (const [index, script] of orderedScripts(pkg).entries()) {
    if (index > 0) blocks.push(divider());
    blocks.push(...scriptBlocks(guide, pkg, script, BLOCK_PREFIXES.lever, marks, said));
  }
  blocks.push(...footnotes(marks.notes(), BLOCKS.leverFootnotes));
  const text = orderedScripts(pkg)
    .map((script) => leverFallback(pkg, script.number))
    .join('\n')
    .slice(0, 3000);
  return { text, blocks };
}

function totalCompRow(band: RegionBand) {
  const row = band.rows.find((candidate) => candidate.component === 'totalComp');
  return row ? row.figure.value : band.target.value;
}

/** Markers of the notes about the region's strategy (not a table row): they sit at the target. */
export function strategyMarks(band: RegionBand): string {
  return noteMarks(band.notes, (note) => note.component === undefined);
}

export interface RegionMessageOptions {
  /** Put the lever scripts in this message (private answers, or when threads are not possible). */
  inlineLevers?: boolean;
}

/** A region's answer without an offer: the guide's band, the negotiate-up ask in parts that add up, the levers. */
export function buildRegionMessage(
  guide: Guide,
  band: RegionBand,
  pkg: AskPackage,
  options: RegionMessageOptions = {},
): SlackMessage {
  const { region } = band;
  // The band table marks its rows' notes by their place in band.notes; the ask's notes number on from there.
  const marks = new FootnoteMarks(band.notes);
  const parts = partsLine(pkg, marks);
  const guideLine = guideFiguresLine(guide, pkg, marks);
  const blocks: KnownBlock[] = [
    header(`${region.name} · ${guide.role} at ${guide.company}`, BLOCKS.regionHeader),
    section(
      `*Compensation bands, ${escapeMrkdwn(region.name)}:* the table has the guide's figures, per year.`,
      BLOCKS.regionIntro,
    ),
    bandTable(band),
    // Readable wherever the client puts the table (some show it after the other blocks): it names the band itself.
    section(
      `*Negotiate up:* ${escapeMrkdwn(region.shortName)}'s total comp runs ${formatRange(totalCompRow(band))}; ` +
        `target *${formatRange(band.target.value)}${strategyMarks(band)}* total comp.\n_${escapeMrkdwn(band.strategy)}_` +
        (parts ? `\n*The ask, in parts:* ${parts}` : ''),
      BLOCKS.regionTarget,
    ),
    ...(guideLine ? [context([guideLine], BLOCKS.regionGuideFigures)] : []),
  ];
  if (options.inlineLevers) {
    blocks.push(section(planLines(guide, pkg), BLOCKS.regionPlan));
    blocks.push(divider());
    const said = new Set<string>();
    for (const script of orderedScripts(pkg))
      blocks.push(...scriptBlocks(guide, pkg, script, BLOCK_PREFIXES.lever, marks, said));
  }
  blocks.push(...footnotes(marks.notes(), BLOCKS.regionFootnotes));
  blocks.push(regionButtons(guide, region.id));
  if (!options.inlineLevers) {
    blocks.push(
      context(
        [
          `The ${guide.levers.length} lever scripts, with ${escapeMrkdwn(region.shortName)}'s numbers, follow in this thread, the one to lead with first.`,
        ],
        BLOCKS.regionThreadHint,
      ),
    );
  }
  const ask = pkg.ask;
  const asked = ask
    ? ` Ask ${formatRange(ask.tc.value)} TC: base ${formatRange(ask.base.value)}, RSU ${formatRange(ask.rsuPerYear.value)} a year, ${bonusTargetText(pkg)}.`
    : '';
  return { text: `${bandSummary(band)}${asked}`, blocks };
}
