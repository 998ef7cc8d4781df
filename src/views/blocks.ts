import type {
  ActionsBlock,
  Button,
  ContextBlock,
  DividerBlock,
  HeaderBlock,
  KnownBlock,
  RawTextElement,
  SectionBlock,
  TableBlock,
} from '@slack/types';
import type { GuideNote } from '../guide/consistency.js';
import { BLOCKS } from './ids.js';

/** What the app sends as a message: Block Kit plus the `text` fallback (notification and screen-reader text). */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/** Slack's mrkdwn treats these three as control characters; anything a person typed goes through here. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function header(text: string, blockId?: string): HeaderBlock {
  return {
    type: 'header',
    ...(blockId ? { block_id: blockId } : {}),
    text: { type: 'plain_text', text: truncate(text, 150) },
  };
}

export function section(text: string, blockId?: string): SectionBlock {
  return {
    type: 'section',
    ...(blockId ? { block_id: blockId } : {}),
    text: { type: 'mrkdwn', text: truncate(text, 3000) },
  };
}

export function context(texts: string[], blockId?: string): ContextBlock {
  return {
    type: 'context',
    ...(blockId ? { block_id: blockId } : {}),
    elements: texts.slice(0, 10).map((text) => ({ type: 'mrkdwn', text: truncate(text, 2000) })),
  };
}

export function divider(): DividerBlock {
  return { type: 'divider' };
}

export function button(
  text: string,
  actionId: string,
  value?: string,
  style?: 'primary' | 'danger',
  accessibilityLabel?: string,
): Button {
  return {
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text: truncate(text, 75), emoji: true },
    ...(value !== undefined ? { value } : {}),
    ...(style ? { style } : {}),
    ...(accessibilityLabel ? { accessibility_label: truncate(accessibilityLabel, 75) } : {}),
  };
}

export function actions(blockId: string, elements: Button[]): ActionsBlock {
  return { type: 'actions', block_id: blockId, elements };
}

function cell(text: string): RawTextElement {
  // Slack rejects empty table cells.
  return { type: 'raw_text', text: text.trim() === '' ? '—' : text };
}

/** A Block Kit table: the first row is the header; numeric columns are right-aligned. */
export function table(rows: string[][], rightAlignedColumns: number[] = []): TableBlock {
  const width = Math.max(...rows.map((row) => row.length));
  return {
    type: 'table',
    column_settings: Array.from({ length: width }, (_, index) =>
      rightAlignedColumns.includes(index) ? { align: 'right' as const } : { is_wrapped: true },
    ),
    rows: rows.map((row) => Array.from({ length: width }, (_, index) => cell(row[index] ?? ''))),
  };
}

/** Footnote markers ¹ ² ³ … for notes shown beside figures. */
export function footnoteMark(index: number): string {
  const marks = ['¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
  return marks[index] ?? `[${index + 1}]`;
}

/** The marks of the notes (numbered by their place in `all`) that `applies` picks, e.g. "¹²". */
export function noteMarks(all: GuideNote[], applies: (note: GuideNote) => boolean): string {
  return all
    .filter(applies)
    .map((note) => footnoteMark(all.indexOf(note)))
    .join('');
}

export function footnotes(notes: GuideNote[], blockId: string = BLOCKS.footnotes): ContextBlock[] {
  if (notes.length === 0) return [];
  return [
    context(
      notes.map((note, index) => `${footnoteMark(index)} ${escapeMrkdwn(note.text)}`),
      blockId,
    ),
  ];
}

export function quote(text: string): string {
  return text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}
