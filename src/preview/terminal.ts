/**
 * Renders Slack Block Kit messages and views as terminal text: the offline preview of what Slack would show.
 *
 * Pure and deterministic: the same payload and options always give the same string, with no trailing spaces and no
 * trailing newline. ANSI styles (bold headers, dimmed context, coloured primary/danger buttons) are emitted only with
 * `color: true`; the default output is plain text. Lines are wrapped at `width` (default 100) between words; a word
 * longer than the line is split. Widths count code points, so wide glyphs (CJK, most emoji) may overhang a little.
 *
 * Mapping: header → bold line; section → mrkdwn text, `fields` in two columns, accessory as `[ Label ]` after the
 * first line; table → aligned columns with a `─` rule under the first row (right/center per `column_settings`);
 * context → dimmed, indented by two spaces; actions → `[ Button ] [ Select ▾ ]`; divider → a `─` rule; markdown →
 * its text; rich_text → its plain text; image → `[image: alt text]`; input → `Label: [ value or placeholder ]` with
 * the options of selects, checkboxes and radio buttons listed under it; anything else → `[type]`.
 */

import { choiceLines, controlRow, inlineElement, isChoiceList, selectOptionLines } from './elements.js';
import { inlineText, mrkdwnInline, mrkdwnLines, textLines } from './mrkdwn.js';
import { richTextLines } from './rich-text.js';
import {
  bold,
  type Ctx,
  dim,
  finish,
  isObj,
  makeCtx,
  type Obj,
  padEnd,
  padStart,
  sgr,
  str,
  type TerminalRenderOptions,
  visibleWidth,
  wrapLine,
  wrapLines,
} from './terminal-text.js';

function sectionLines(block: Obj, ctx: Ctx): string[] {
  const { width } = ctx;
  const acc = isObj(block.accessory) ? block.accessory : undefined;
  const accType = acc ? str(acc.type) : '';
  const accInline = acc && !isChoiceList(accType) ? inlineElement(acc, ctx) : undefined;
  const textWidth = accInline ? Math.max(10, width - visibleWidth(accInline) - 2) : width;
  const out = block.text !== undefined ? textLines(block.text, ctx, textWidth) : [];
  if (accInline) {
    if (out.length > 0) out[0] = `${out[0]}  ${accInline}`;
    else out.push(accInline);
  }
  if (acc && isChoiceList(accType)) out.push(...choiceLines(acc, ctx, '', width));
  if (Array.isArray(block.fields) && block.fields.length > 0) out.push(...fieldLines(block.fields, ctx));
  return out;
}

/** Section fields in two columns, left to right then top to bottom, like Slack. */
function fieldLines(fields: unknown[], ctx: Ctx): string[] {
  const gap = 4;
  const colWidth = Math.max(8, Math.floor((ctx.width - gap) / 2));
  const left = fields.filter((_f, i) => i % 2 === 0).map((f) => textLines(f, ctx, colWidth));
  const leftWidth = Math.max(0, ...left.flatMap((lines) => lines.map(visibleWidth)));
  const rightWidth = Math.max(8, ctx.width - leftWidth - gap);
  const right = fields.filter((_f, i) => i % 2 === 1).map((f) => textLines(f, ctx, rightWidth));
  const multiLine = [...left, ...right].some((lines) => lines.length > 1);
  const out: string[] = [];
  left.forEach((l, row) => {
    const r = right[row] ?? [];
    if (row > 0 && multiLine) out.push('');
    for (let i = 0; i < Math.max(l.length, r.length); i++) {
      out.push(r.length > 0 ? `${padEnd(l[i] ?? '', leftWidth)}${' '.repeat(gap)}${r[i] ?? ''}` : (l[i] ?? ''));
    }
  });
  return out;
}

function contextLines(block: Obj, ctx: Ctx): string[] {
  const elements = Array.isArray(block.elements) ? block.elements : [];
  const parts = elements.map((el) =>
    isObj(el) && el.type === 'image' ? `[image: ${str(el.alt_text)}]` : isObj(el) ? inlineTextMultiline(el, ctx) : '',
  );
  const lines = parts
    .filter((p) => p !== '')
    .join('  ')
    .split('\n');
  return wrapLines(lines, ctx.width - 2).map((l) => `  ${dim(l, ctx.color)}`);
}

/** Like inlineText but keeps newlines (context text may have several lines). */
function inlineTextMultiline(obj: Obj, ctx: Ctx): string {
  const text = str(obj.text);
  return obj.type === 'mrkdwn'
    ? text
        .split('\n')
        .map((l) => mrkdwnInline(l, ctx.color))
        .join('\n')
    : text;
}

function actionsLines(block: Obj, ctx: Ctx): string[] {
  const elements = Array.isArray(block.elements) ? block.elements : [];
  const controls: string[] = [];
  const lists: string[] = [];
  for (const el of elements) {
    if (isObj(el) && isChoiceList(str(el.type))) lists.push(...choiceLines(el, ctx, '', ctx.width));
    else controls.push(inlineElement(el, ctx));
  }
  return [...controlRow(controls, ctx.width), ...lists];
}

function inputLines(block: Obj, ctx: Ctx): string[] {
  const el = isObj(block.element) ? block.element : {};
  const type = str(el.type);
  const optional = block.optional === true ? ` ${dim('(optional)', ctx.color)}` : '';
  const label = `${bold(inlineText(block.label, ctx), ctx.color)}${optional}:`;
  const out: string[] = [];
  if (isChoiceList(type)) {
    out.push(...wrapLine(label, ctx.width), ...choiceLines(el, ctx, '  ', ctx.width));
  } else {
    out.push(...wrapLine(`${label} ${inlineElement(el, ctx)}`, ctx.width));
    if (type === 'static_select' || type === 'multi_static_select') {
      out.push(...selectOptionLines(el, ctx, '  ', ctx.width));
    }
  }
  if (isObj(block.hint)) {
    out.push(...wrapLine(inlineText(block.hint, ctx), ctx.width - 2).map((l) => `  ${dim(l, ctx.color)}`));
  }
  return out;
}

function tableCellText(cell: unknown, ctx: Ctx): string {
  if (!isObj(cell)) return '';
  if (cell.type === 'rich_text') {
    return richTextLines(cell, { ...ctx, width: Number.MAX_SAFE_INTEGER }, Number.MAX_SAFE_INTEGER).join(' ');
  }
  if (cell.type === 'raw_number' && typeof cell.text !== 'string') return String(cell.value ?? '');
  return str(cell.text).replaceAll('\n', ' ');
}

function tableLines(block: Obj, ctx: Ctx): string[] {
  const rows = (Array.isArray(block.rows) ? block.rows : []).map((row) =>
    Array.isArray(row) ? row.map((cell) => tableCellText(cell, ctx)) : [],
  );
  const columns = Math.max(0, ...rows.map((r) => r.length));
  if (columns === 0) return [];
  const settings = Array.isArray(block.column_settings) ? block.column_settings : [];
  const align = (c: number): string => {
    const s = settings[c];
    return isObj(s) && typeof s.align === 'string' ? s.align : 'left';
  };
  const gap = 2;
  const widths = Array.from({ length: columns }, (_x, c) => Math.max(1, ...rows.map((r) => visibleWidth(r[c] ?? ''))));
  const available = ctx.width - gap * (columns - 1);
  while (widths.reduce((a, b) => a + b, 0) > available) {
    const widest = widths.indexOf(Math.max(...widths));
    if ((widths[widest] ?? 0) <= 4) break;
    widths[widest] = (widths[widest] ?? 0) - 1;
  }
  const cellLine = (text: string, c: number): string => {
    const w = widths[c] ?? 0;
    const a = align(c);
    if (a === 'right') return padStart(text, w);
    if (a === 'center') {
      const left = Math.floor((w - visibleWidth(text)) / 2);
      return padEnd(' '.repeat(Math.max(0, left)) + text, w);
    }
    return padEnd(text, w);
  };
  const out: string[] = [];
  rows.forEach((row, r) => {
    const wrapped = widths.map((w, c) => wrapLine(row[c] ?? '', w));
    const height = Math.max(...wrapped.map((lines) => lines.length));
    for (let i = 0; i < height; i++) {
      const line = wrapped.map((lines, c) => cellLine(lines[i] ?? '', c)).join(' '.repeat(gap));
      out.push(r === 0 ? bold(line, ctx.color) : line);
    }
    if (r === 0) out.push(widths.map((w) => '─'.repeat(w)).join(' '.repeat(gap)));
  });
  return out;
}

function imageLines(block: Obj, ctx: Ctx): string[] {
  const title = isObj(block.title) ? wrapLine(inlineText(block.title, ctx), ctx.width) : [];
  return [...title, ...wrapLine(`[image: ${str(block.alt_text)}]`, ctx.width)];
}

function blockLines(block: unknown, ctx: Ctx): string[] {
  if (!isObj(block)) return ['[?]'];
  switch (block.type) {
    case 'header':
      return wrapLine(inlineText(block.text, ctx), ctx.width).map((l) => bold(l, ctx.color));
    case 'section':
      return sectionLines(block, ctx);
    case 'context':
      return contextLines(block, ctx);
    case 'actions':
      return actionsLines(block, ctx);
    case 'divider':
      return ['─'.repeat(ctx.width)];
    case 'markdown':
      return wrapLines(str(block.text).split('\n'), ctx.width);
    case 'rich_text':
      return richTextLines(block, ctx, ctx.width);
    case 'image':
      return imageLines(block, ctx);
    case 'input':
      return inputLines(block, ctx);
    case 'table':
      return tableLines(block, ctx);
    default:
      return [`[${str(block.type) || 'block'}]`];
  }
}

/** Blocks separated by one blank line. */
function blocksLines(blocks: unknown[], ctx: Ctx): string[] {
  const out: string[] = [];
  for (const block of blocks) {
    const lines = blockLines(block, ctx);
    if (lines.length === 0) continue;
    if (out.length > 0) out.push('');
    out.push(...lines);
  }
  return out;
}

/** What Slack would show for a message: its blocks, or its mrkdwn `text` when it has no blocks. */
export function renderMessageForTerminal(
  message: { text?: string; blocks?: unknown[] },
  options?: TerminalRenderOptions,
): string {
  const ctx = makeCtx(options);
  if (Array.isArray(message.blocks) && message.blocks.length > 0) return finish(blocksLines(message.blocks, ctx));
  return finish(mrkdwnLines(message.text ?? '', ctx, ctx.width));
}

/**
 * What Slack would show for a modal or App Home view: the title over a `═` rule, the blocks, and for modals the
 * close/submit buttons right-aligned at the bottom (close defaults to "Cancel", as in Slack).
 */
export function renderViewForTerminal(
  view: { title?: { text: string }; blocks: unknown[]; submit?: { text: string }; close?: { text: string } },
  options?: TerminalRenderOptions,
): string {
  const ctx = makeCtx(options);
  const out: string[] = [];
  if (view.title) {
    out.push(...wrapLine(view.title.text, ctx.width).map((l) => bold(l, ctx.color)));
    out.push('═'.repeat(ctx.width));
  }
  out.push(...blocksLines(Array.isArray(view.blocks) ? view.blocks : [], ctx));
  if (view.title || view.submit || view.close) {
    const buttons = [`[ ${view.close?.text ?? 'Cancel'} ]`];
    if (view.submit) buttons.push(sgr(32, 39, `[ ${view.submit.text} ]`, ctx.color));
    out.push('', ...controlRow(buttons, ctx.width).map((l) => padStart(l, ctx.width)));
  }
  return finish(out);
}
