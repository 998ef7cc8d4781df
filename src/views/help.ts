import type { KnownBlock } from '@slack/types';
import { primaryAlias } from '../engine/regions.js';
import type { Guide } from '../guide/schema.js';
import { actions, button, context, escapeMrkdwn, header, type SlackMessage, section } from './blocks.js';
import { ACTIONS, BLOCKS, COMMAND, withSuffix } from './ids.js';

/** Every command with an example: the same list serves help, App Home and error answers. */
export function commandList(guide: Guide): Array<{ words: string; does: string }> {
  const first = guide.regions[0];
  const region = first ? primaryAlias(first) : 'ny';
  return [
    {
      words: region,
      does: `the band for a region (${guide.regions.map(primaryAlias).join(', ')}), with the lever scripts in the thread`,
    },
    { words: 'all', does: 'every region side by side (also `compare`)' },
    { words: `levers ${region}`, does: 'the four lever scripts, with that region’s numbers' },
    {
      words: `offer SoFi 245k ${region}`,
      does: 'quick answer for a competing offer; `offer` alone opens the full form',
    },
    {
      words: `coach @teammate ${region}`,
      does: 'a prep card to work through with a teammate (without a mention: the whole channel)',
    },
    {
      words: `chart ${region}`,
      does: 'the band chart (a picture) with that region first and highlighted; `chart` alone shows every region',
    },
    { words: `math ${region}`, does: 'where every number comes from' },
    { words: 'levels', does: 'how Capital One, Discover, SoFi and Chime titles map to Ally levels' },
    { words: 'premiums', does: 'the Ally.ai premiums and what each is worth' },
    { words: 'sources', does: 'the sources the guide cites' },
    { words: 'help', does: 'this list (so does `/allycomp` alone)' },
    { words: `${region} private`, does: 'add `private` (or `me`) to any command: only you see the answer' },
  ];
}

export function regionButtonsBlock(guide: Guide, blockId: string): KnownBlock {
  return actions(blockId, [
    ...guide.regions.map((region) => button(region.shortName, withSuffix(ACTIONS.showRegion, region.id), region.id)),
    button('Prep with my competing offer', ACTIONS.openOffer, 'help', 'primary'),
  ]);
}

export function buildHelpMessage(guide: Guide): SlackMessage {
  const lines = commandList(guide).map((entry) => `• \`${COMMAND} ${entry.words}\` — ${escapeMrkdwn(entry.does)}`);
  return {
    text: `allycomp helps you prepare a ${guide.role} negotiation at ${guide.company}. Try ${COMMAND} ${commandList(guide)[0]?.words ?? 'help'}.`,
    blocks: [
      header(`allycomp · ${guide.role} at ${guide.company}`, BLOCKS.helpHeader),
      section(
        `Compensation bands, the negotiate-up target and ready-to-say lever scripts for ${escapeMrkdwn(guide.company)}, ` +
          'from one negotiation guide — and, with your competing offer, where it sits and what to ask for.',
        BLOCKS.helpIntro,
      ),
      section(lines.join('\n'), BLOCKS.helpCommands),
      regionButtonsBlock(guide, BLOCKS.helpActions),
      context(
        [
          'Offer figures you enter are never logged or stored; answers to offers go to you alone unless you share them.',
        ],
        BLOCKS.helpPrivacy,
      ),
    ],
  };
}
