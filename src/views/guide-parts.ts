import type { KnownBlock } from '@slack/types';
import type { AskPackage } from '../engine/ask/index.js';
import { notesFor } from '../engine/bands.js';
import { levelCaveat } from '../engine/levels.js';
import { formatPercent, formatRange } from '../engine/money.js';
import { claimPremiums } from '../engine/premiums.js';
import type { LoadedGuide } from '../guide/load.js';
import type { Guide } from '../guide/schema.js';
import { FootnoteMarks, orderedScripts, partsLine, scriptBlocks } from './ask-package.js';
import { context, escapeMrkdwn, footnotes, header, noteMarks, type SlackMessage, section, table } from './blocks.js';
import { BLOCK_PREFIXES, BLOCKS } from './ids.js';
import { regionButtons } from './region.js';

export function buildLeversMessage({ guide }: LoadedGuide, pkg: AskPackage): SlackMessage {
  const region = pkg.region;
  const marks = new FootnoteMarks();
  const parts = partsLine(pkg, marks);
  const blocks: KnownBlock[] = [
    header(`The ${pkg.scripts.length} levers · ${region.name}`, BLOCKS.leversHeader),
    section(
      `Ready-to-say scripts with ${escapeMrkdwn(region.shortName)}'s numbers, the one to lead with first. ` +
        (parts ? `The ask, in parts: ${parts} ` : '') +
        'Lever 3 has a blank for the competing offer: use `/allycomp offer` for yours.',
      BLOCKS.leversIntro,
    ),
  ];
  const said = new Set<string>();
  for (const script of orderedScripts(pkg))
    blocks.push(...scriptBlocks(guide, pkg, script, BLOCK_PREFIXES.lever, marks, said));
  blocks.push(...footnotes(marks.notes(), BLOCKS.leversFootnotes));
  blocks.push(regionButtons(guide, region.id, BLOCKS.leversActions));
  return {
    text: `The ${pkg.scripts.length} negotiation levers for ${region.name}: ${pkg.scripts.map((s) => s.name).join(', ')}.`,
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
