import type { ImageBlock, KnownBlock } from '@slack/types';
import type { SlackMessage } from './blocks.js';
import { BLOCKS } from './ids.js';

/** The band chart as an image of the message itself, from a file already uploaded to the workspace. */
export function chartImageBlock(fileId: string, altText: string): ImageBlock {
  return { type: 'image', block_id: BLOCKS.chartImage, slack_file: { id: fileId }, alt_text: altText.slice(0, 2000) };
}

/** The message with the chart placed before its buttons (or at the end), so it reads table, target, picture. */
export function withChartImage(message: SlackMessage, image: ImageBlock): SlackMessage {
  const blocks: KnownBlock[] = [...message.blocks];
  const buttons = blocks.findIndex((block) => block.type === 'actions');
  blocks.splice(buttons < 0 ? blocks.length : buttons, 0, image);
  return { ...message, blocks };
}

/** The chart on its own (`/allycomp chart ny`) from a file already uploaded: the picture with its title. */
export function buildChartMessage(fileId: string, title: string, altText: string): SlackMessage {
  const image: ImageBlock = {
    ...chartImageBlock(fileId, altText),
    title: { type: 'plain_text', text: title.slice(0, 2000) },
  };
  return { text: title, blocks: [image] };
}
