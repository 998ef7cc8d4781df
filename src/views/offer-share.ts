import type { KnownBlock } from '@slack/types';
import { renderScripts } from '../engine/ask/index.js';
import { regionBand } from '../engine/bands.js';
import { formatRange } from '../engine/money.js';
import type { LoadedGuide } from '../guide/load.js';
import type { Region } from '../guide/schema.js';
import { context, divider, escapeMrkdwn, footnotes, header, quote, type SlackMessage, section } from './blocks.js';
import { bandTable, strategyMarks } from './region.js';

export const FIGURE_FREE_SHARE_SAYS =
  "Shows the team that you are preparing, the region's public band and target, and the four scripts with blanks: " +
  'no figure of yours, no position in the band, and not the company name.';

/**
 * The copy shared without figures. It depends on the region alone, so it is the same for every offer in that
 * region: a reader learns nothing about the offer (not its company, not where it sits, not any figure), which
 * tests/views/share-leak.test.ts proves over a grid of offers. Only the public guide figures are shown.
 */
export function buildFigureFreeShare(loaded: LoadedGuide, region: Region, sharedBy: string): SlackMessage {
  const { guide } = loaded;
  const band = regionBand(loaded, region);
  const scripts = renderScripts(guide, {
    hideCompetingTc: false,
    regionName: region.shortName,
    blankReason: 'The blanks are the figures to fill in: they stay with the person preparing.',
  });
  const blocks: KnownBlock[] = [
    header(`Offer prep · ${guide.company} ${region.shortName}`, 'share_header'),
    context(
      [
        `<@${sharedBy}> is preparing a pay conversation for ${escapeMrkdwn(guide.company)}'s ${escapeMrkdwn(region.name)} ` +
          `${escapeMrkdwn(guide.role)} role and shared this for the team to discuss. Their offer (company and figures) ` +
          'stays with them: below are only the guide’s public figures and the scripts with blanks.',
      ],
      'share_shared_by',
    ),
    section(`*Compensation bands, ${escapeMrkdwn(region.name)}* — the guide's figures, per year.`, 'share_intro'),
    bandTable(band),
    section(
      `*Negotiate up:* target *${formatRange(band.target.value)}${strategyMarks(band)}* total comp.\n_${escapeMrkdwn(band.strategy)}_`,
      'share_target',
    ),
    divider(),
  ];
  for (const script of scripts) {
    const lever = guide.levers.find((candidate) => candidate.number === script.number);
    blocks.push(
      section(
        `*Lever ${script.number} of ${scripts.length} · ${escapeMrkdwn(script.name)}*\n${quote(escapeMrkdwn(script.text))}`,
        `share_lever_${lever?.id ?? script.number}`,
      ),
    );
  }
  blocks.push(
    context(
      [
        'The blanks are the figures to fill in: they stay with the person preparing. Claims in [only if true: …] are theirs to make.',
      ],
      'share_blanks',
    ),
  );
  blocks.push(...footnotes(band.notes, 'share_footnotes'));
  return {
    text: `Offer prep for ${guide.company} ${region.shortName}: the region's band and target, and the four lever scripts with blanks.`,
    blocks,
  };
}
