import type { KnownBlock } from '@slack/types';
import type { Ask } from '../engine/asks.js';
import { notesFor } from '../engine/bands.js';
import { levelCaveat } from '../engine/levels.js';
import { formatMoney, formatPercent, formatRange } from '../engine/money.js';
import { claimPremiums } from '../engine/premiums.js';
import type { RenderedLever } from '../engine/scripts.js';
import type { LoadedGuide } from '../guide/load.js';
import type { Guide } from '../guide/schema.js';
import { context, escapeMrkdwn, footnotes, header, noteMarks, type SlackMessage, section, table } from './blocks.js';
import { BLOCK_PREFIXES, BLOCKS } from './ids.js';
import { leverBlocks, regionButtons } from './region.js';

export function buildLeversMessage({ guide, notes }: LoadedGuide, levers: RenderedLever[], ask: Ask): SlackMessage {
  const leverNotes = notesFor(notes, ask.region.id, ['levers']);
  // A note about a figure (the RSU reading) is marked at the lever asking for it; any other at the intro.
  const marksFor = (asks: string | undefined) =>
    noteMarks(leverNotes, (note) =>
      asks === undefined ? !levers.some((rendered) => rendered.lever.asks === note.component) : note.component === asks,
    );
  const blocks: KnownBlock[] = [
    header(`The ${levers.length} levers · ${ask.region.name}`, BLOCKS.leversHeader),
    section(
      `Ready-to-say scripts with ${escapeMrkdwn(ask.region.shortName)}'s numbers. ` +
        (ask.fromExample
          ? `Lever 3 answers an example competing offer of ${formatMoney(ask.competingTc.value)}; use \`/allycomp offer\` for yours.`
          : '') +
        marksFor(undefined),
      BLOCKS.leversIntro,
    ),
  ];
  for (const rendered of levers) {
    blocks.push(...leverBlocks(rendered, levers.length, BLOCK_PREFIXES.lever, marksFor(rendered.lever.asks)));
  }
  blocks.push(...footnotes(leverNotes, BLOCKS.leversFootnotes));
  blocks.push(regionButtons(guide, ask.region.id, BLOCKS.leversActions));
  return {
    text: `The ${levers.length} negotiation levers for ${ask.region.name}: ${levers.map((l) => l.lever.name).join(', ')}.`,
    blocks,
  };
}

export function buildLevelsMessage(guide: Guide): SlackMessage {
  const { levels } = guide;
  return {
    text: `Level mapping: ${levels.rows.map((row) => `${row.ally} = ${levels.peers.map((p) => `${p} ${row.peers[p]}`).join(', ')}`).join('; ')}.`,
    blocks: [
      header(`Level mapping · ${guide.company}`, BLOCKS.levelsHeader),
      table([
        [`${guide.company.split(' ')[0]} level`, ...levels.peers],
        ...levels.rows.map((row) => [row.ally, ...levels.peers.map((p) => row.peers[p] ?? '—')]),
      ]),
      context([escapeMrkdwn(levelCaveat(guide))], BLOCKS.levelsCaveat),
    ],
  };
}

export function buildPremiumsMessage({ guide, notes }: LoadedGuide): SlackMessage {
  const all = claimPremiums(
    guide,
    guide.premiums.map((premium) => premium.id),
  );
  const { percent } = guide.branchlessPremium;
  // The premiums' notes are about the branchless premium priced twice: marked at that figure.
  const premiumNotes = notesFor(notes, undefined, ['premiums']);
  const blocks: KnownBlock[] = [
    header(`${guide.company} premiums`, BLOCKS.premiumsHeader),
    ...guide.premiums.map((premium) =>
      section(
        `*${escapeMrkdwn(premium.name)}* — *${formatRange(premium.range)}*\n_Applies if:_ ${escapeMrkdwn(premium.case)}\n${escapeMrkdwn(premium.text)}`,
        `${BLOCK_PREFIXES.premium}${premium.id}`,
      ),
    ),
    section(
      `*All four together:* ${formatRange(all.total.value)} (${escapeMrkdwn(all.total.math)})\n` +
        `*Branchless premium over traditional banks:* ${formatPercent(percent.low)}–${formatPercent(percent.high)}${noteMarks(premiumNotes, () => true)} — ` +
        `_${escapeMrkdwn(guide.branchlessPremium.text)}_`,
      BLOCKS.premiumsTotal,
    ),
    ...footnotes(premiumNotes, BLOCKS.premiumsFootnotes),
  ];
  return {
    text: `Premiums: ${guide.premiums.map((p) => `${p.name} ${formatRange(p.range)}`).join('; ')}; branchless ${percent.low}–${percent.high}% over traditional banks.`,
    blocks,
  };
}

export function buildSourcesMessage(guide: Guide): SlackMessage {
  const lines = guide.sources.map(
    (source, index) =>
      `${index + 1}. *${escapeMrkdwn(source.title)}* — ${escapeMrkdwn(source.detail)}${source.where ? ` (${escapeMrkdwn(source.where)})` : ''}`,
  );
  return {
    text: `The guide's sources: ${guide.sources.map((s) => s.title).join('; ')}.`,
    blocks: [header('Evidence & sources', BLOCKS.sourcesHeader), section(lines.join('\n'), BLOCKS.sourcesList)],
  };
}
