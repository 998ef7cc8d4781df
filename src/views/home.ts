import type { HomeView, KnownBlock } from '@slack/types';
import { COMPONENT_LABELS, COMPONENTS } from '../engine/bands.js';
import { formatRange } from '../engine/money.js';
import type { LoadedGuide } from '../guide/load.js';
import { context, divider, escapeMrkdwn, footnotes, header, noteMarks, section } from './blocks.js';
import { commandList, regionButtonsBlock } from './help.js';
import { BLOCKS, COMMAND } from './ids.js';

/** The App Home tab: every region at a glance, how to use the command, and the buttons. */
export function buildHomeView({ guide, notes }: LoadedGuide): HomeView {
  const bandNotes = notes.filter((note) => note.topics.includes('band'));
  const regionBlocks: KnownBlock[] = guide.regions.map((region) => {
    return {
      type: 'section',
      block_id: `home_region_${region.id}`,
      text: {
        type: 'mrkdwn',
        text: `*${escapeMrkdwn(region.name)}* — negotiate up to *${formatRange(region.strategy.target)}* TC`,
      },
      fields: COMPONENTS.map((component) => ({
        type: 'mrkdwn' as const,
        text: `*${COMPONENT_LABELS[component]}${noteMarks(bandNotes, (note) => (note.regionId ?? region.id) === region.id && note.component === component)}*\n${formatRange(region.band[component])}`,
      })),
    };
  });
  return {
    type: 'home',
    blocks: [
      header(`allycomp · ${guide.role} at ${guide.company}`, BLOCKS.homeHeader),
      section(
        'Prepare a salary negotiation: the bands for each region, what to ask for, and four ready-to-say lever scripts. ' +
          'Add your competing offer to get every script with *your* numbers — that answer is for you alone.',
        BLOCKS.homeIntro,
      ),
      regionButtonsBlock(guide, BLOCKS.homeActions),
      divider(),
      ...regionBlocks,
      ...footnotes(bandNotes, BLOCKS.homeFootnotes),
      divider(),
      section(
        `*Use it anywhere with \`${COMMAND}\`:*\n${commandList(guide)
          .map((entry) => `• \`${COMMAND} ${entry.words}\` — ${escapeMrkdwn(entry.does)}`)
          .join('\n')}`,
        BLOCKS.homeUsage,
      ),
      context(
        [
          'Type the same commands here in the Messages tab to use allycomp privately. Offer figures are never logged or stored.',
        ],
        BLOCKS.homePrivacy,
      ),
    ],
  };
}
