import type { KnownBlock } from '@slack/types';
import type { Ask } from '../engine/asks.js';
import { COMPONENT_LABELS, type RegionBand } from '../engine/bands.js';
import type { Explained } from '../engine/explained.js';
import { formatMoney, formatRange } from '../engine/money.js';
import type { RenderedLever } from '../engine/scripts.js';
import type { Guide } from '../guide/schema.js';
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
  quote,
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

function bandSummary(band: RegionBand): string {
  const parts = band.rows.map(
    (row) => `${COMPONENT_LABELS[row.component].toLowerCase()} ${formatRange(row.figure.value)}`,
  );
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

/** Short "where this number comes from" line for a lever figure. */
export function figureSource(figure: Explained<unknown>): string {
  if (figure.source === 'guide') return `${figure.label}: ${figure.math}`;
  if (figure.source === 'you') return `${figure.label}: your figure.`;
  return `${figure.label}: ${figure.math}`;
}

/** `marks`: footnote markers for notes about this lever's figure (e.g. the reading of the RSU column). */
export function leverBlocks(rendered: RenderedLever, total: number, blockPrefix: string, marks = ''): KnownBlock[] {
  const { lever } = rendered;
  return [
    section(
      `*Lever ${lever.number} of ${total} · ${escapeMrkdwn(lever.name)}*\n${quote(escapeMrkdwn(rendered.script))}`,
      `${blockPrefix}_${lever.id}`,
    ),
    context(
      [
        `_Why it works:_ ${escapeMrkdwn(lever.rationale)}`,
        ...rendered.figures.map((figure, index) => `${escapeMrkdwn(figureSource(figure))}${index === 0 ? marks : ''}`),
      ],
      `${blockPrefix}_${lever.id}_math`,
    ),
  ];
}

function leverFallback(rendered: RenderedLever): string {
  return `Lever ${rendered.lever.number}: ${rendered.lever.name}. ${rendered.script}`.slice(0, 3000);
}

/** One thread reply per lever, so a team can discuss each lever on its own. */
export function buildLeverReplies(levers: RenderedLever[], ask: Ask): SlackMessage[] {
  return levers.map((rendered) => ({
    text: leverFallback(rendered),
    blocks: [
      ...leverBlocks(rendered, levers.length, BLOCK_PREFIXES.lever),
      ...(rendered.lever.asks === 'totalComp' && ask.fromExample ? [exampleContext(ask)] : []),
    ],
  }));
}

/**
 * The four levers in one thread reply, one section each with its script quoted: a region answer then costs two
 * posts (the message and this reply) in a channel Slack paces at about one post a second.
 */
export function buildLeversReply(levers: RenderedLever[], ask: Ask): SlackMessage {
  const blocks: KnownBlock[] = [];
  for (const [index, rendered] of levers.entries()) {
    if (index > 0) blocks.push(divider());
    blocks.push(...leverBlocks(rendered, levers.length, 'lever'));
  }
  if (ask.fromExample && levers.some((rendered) => rendered.lever.asks === 'totalComp'))
    blocks.push(exampleContext(ask));
  const text = levers.map(leverFallback).join('\n').slice(0, 3000);
  return { text, blocks };
}

function exampleContext(ask: Ask) {
  return context(
    [
      `The ${formatMoney(ask.competingTc.value)} competing offer in lever 3 is an example, not yours ` +
        `(the guide's example offer placed the same way in ${escapeMrkdwn(ask.region.shortName)}'s band). ` +
        'Use *Prep with my competing offer* for your own numbers.',
    ],
    BLOCKS.leverExample,
  );
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
  inlineLevers?: RenderedLever[];
}

export function buildRegionMessage(
  guide: Guide,
  band: RegionBand,
  ask: Ask,
  options: RegionMessageOptions = {},
): SlackMessage {
  const { region } = band;
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
        `target *${formatRange(band.target.value)}*${strategyMarks(band)} total comp.\n_${escapeMrkdwn(band.strategy)}_`,
      BLOCKS.regionTarget,
    ),
    ...footnotes(band.notes, BLOCKS.regionFootnotes),
    regionButtons(guide, region.id),
  ];
  const levers = options.inlineLevers;
  if (levers) {
    blocks.push(divider());
    for (const rendered of levers) blocks.push(...leverBlocks(rendered, levers.length, BLOCK_PREFIXES.lever));
    if (ask.fromExample) blocks.push(exampleContext(ask));
  } else {
    blocks.push(
      context(
        [
          `The ${guide.levers.length} lever scripts, with ${escapeMrkdwn(region.shortName)}'s numbers, follow in this thread.`,
        ],
        BLOCKS.regionThreadHint,
      ),
    );
  }
  return { text: bandSummary(band), blocks };
}
