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

export interface TerminalRenderOptions {
  /** emit ANSI styles (default false) */
  color?: boolean;
  /** wrap width in columns (default 100, at least 20) */
  width?: number;
}

type Obj = Record<string, unknown>;

interface Ctx {
  color: boolean;
  width: number;
}

const ESC = '\u001b[';
const ANSI_RE = new RegExp(`${ESC.replace('[', '\\[')}[0-9;]*m`, 'g');
const ANSI_PREFIX_RE = new RegExp(`^${ESC.replace('[', '\\[')}[0-9;]*m`);
const TRAILING_SPACE_RE = new RegExp(`[ \\t]+((?:${ESC.replace('[', '\\[')}[0-9;]*m)*)$`);
const DEFAULT_WIDTH = 100;
const MIN_WIDTH = 20;

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function sgr(open: number, close: number, s: string, color: boolean): string {
  return color && s !== '' ? `${ESC}${open}m${s}${ESC}${close}m` : s;
}
const bold = (s: string, color: boolean): string => sgr(1, 22, s, color);
const italic = (s: string, color: boolean): string => sgr(3, 23, s, color);
const strike = (s: string, color: boolean): string => sgr(9, 29, s, color);
const underline = (s: string, color: boolean): string => sgr(4, 24, s, color);
/** Dim survives nested bold (both are closed by SGR 22). */
function dim(s: string, color: boolean): string {
  return sgr(2, 22, color ? s.replaceAll(`${ESC}22m`, `${ESC}22m${ESC}2m`) : s, color);
}

export function stripAnsi(s: string): string {
  return s.replace(ANSI_RE, '');
}

function visibleWidth(s: string): number {
  return [...stripAnsi(s)].length;
}

function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - visibleWidth(s)));
}

function padStart(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - visibleWidth(s))) + s;
}

/** Splits `s` after `n` visible characters, keeping ANSI sequences with the text they style. */
function splitVisible(s: string, n: number): [string, string] {
  let i = 0;
  let seen = 0;
  while (i < s.length && seen < n) {
    const ansi = ANSI_PREFIX_RE.exec(s.slice(i));
    if (ansi) {
      i += ansi[0].length;
      continue;
    }
    const cp = s.codePointAt(i) ?? 0;
    i += cp > 0xffff ? 2 : 1;
    seen += 1;
  }
  // Keep style sequences that directly follow the cut (usually closers) on the first part.
  let ansi = ANSI_PREFIX_RE.exec(s.slice(i));
  while (ansi) {
    i += ansi[0].length;
    ansi = ANSI_PREFIX_RE.exec(s.slice(i));
  }
  return [s.slice(0, i), s.slice(i)];
}

/** Width of the hanging indent for continuation lines: leading spaces plus a list marker (`• `, `- `, `1. `). */
function hangingIndent(line: string, width: number): number {
  const m = /^( *)((?:[•◦▪‣▸*-]|\d+[.)]) +)?/.exec(stripAnsi(line));
  const n = m ? m[0].length : 0;
  return n * 2 > width ? 0 : n;
}

/** Wraps one line (no newlines) at `width` between words; over-long words are split. */
function wrapLine(line: string, width: number): string[] {
  if (visibleWidth(line) <= width) return [line];
  const lead = /^ */.exec(line)?.[0] ?? '';
  const hang = ' '.repeat(hangingIndent(line, width));
  const words = line
    .slice(lead.length)
    .split(/ +/)
    .filter((w) => w !== '');
  const out: string[] = [];
  let cur = lead;
  let curWidth = lead.length;
  let empty = true;
  for (const word of words) {
    let rest = word;
    let w = visibleWidth(rest);
    if (!empty && curWidth + 1 + w <= width) {
      cur += ` ${rest}`;
      curWidth += 1 + w;
      continue;
    }
    if (!empty) {
      out.push(cur);
      cur = hang;
      curWidth = hang.length;
    }
    while (curWidth + w > width) {
      const [head, tail] = splitVisible(rest, Math.max(1, width - curWidth));
      out.push(cur + head);
      cur = hang;
      curWidth = hang.length;
      rest = tail;
      w = visibleWidth(rest);
    }
    cur += rest;
    curWidth += w;
    empty = false;
  }
  out.push(cur);
  return out;
}

function wrapLines(lines: string[], width: number): string[] {
  return lines.flatMap((l) => wrapLine(l, width));
}

function unescapeEntities(s: string): string {
  return s.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}

/** `<...>` in mrkdwn: links, user/channel mentions, special mentions and dates. */
function renderAngle(inner: string, color: boolean): string | undefined {
  const bar = inner.indexOf('|');
  const target = bar === -1 ? inner : inner.slice(0, bar);
  const label = bar === -1 ? '' : unescapeEntities(inner.slice(bar + 1));
  if (target.startsWith('@')) return label ? `@${label.replace(/^@/, '')}` : target;
  if (target.startsWith('#')) return label ? `#${label.replace(/^#/, '')}` : target;
  if (target.startsWith('!')) {
    if (label) return target.startsWith('!subteam^') && !label.startsWith('@') ? `@${label}` : label;
    const word = target.slice(1);
    if (word.startsWith('subteam^')) return `@${word.slice('subteam^'.length)}`;
    if (word.startsWith('date^')) return word.split('^')[1] ?? word;
    return `@${word}`;
  }
  if (!/^[a-z][a-z0-9+.-]*:/i.test(target)) return undefined;
  const url = unescapeEntities(target);
  const shown = url.replace(/^mailto:/, '');
  if (!label || label === url || label === shown) return underline(shown, color);
  return `${underline(label, color)} (${url})`;
}

const PH_OPEN = '\uE000';
const PH_CLOSE = '\uE001';

/** Converts the inline mrkdwn of one line: code spans, links/mentions, *bold*, _italic_, ~strike~, entities. */
function mrkdwnInline(line: string, color: boolean): string {
  const saved: string[] = [];
  const keep = (s: string): string => {
    saved.push(s);
    return `${PH_OPEN}${saved.length - 1}${PH_CLOSE}`;
  };
  let s = line.replace(/`[^`]+`/g, (code) => keep(unescapeEntities(code)));
  s = s.replace(/<([^<>]+)>/g, (whole, inner: string) => {
    const rendered = renderAngle(inner, color);
    return rendered === undefined ? whole : keep(rendered);
  });
  const span = (marker: string, style: (t: string, c: boolean) => string): void => {
    const m = marker === '*' ? '\\*' : marker;
    const re = new RegExp(`(^|[^\\p{L}\\p{N}${m}])${m}(\\S|\\S[^${m}]*?\\S)${m}(?![\\p{L}\\p{N}${m}])`, 'gu');
    s = s.replace(re, (_w, before: string, body: string) => before + style(body, color));
  };
  span('*', bold);
  span('_', italic);
  span('~', strike);
  s = unescapeEntities(s);
  const restore = new RegExp(`${PH_OPEN}(\\d+)${PH_CLOSE}`, 'g');
  return s.replace(restore, (_w, i: string) => saved[Number(i)] ?? '');
}

/**
 * Converts Slack mrkdwn to terminal lines wrapped at `width`: inline styles as above, `>` quote lines as `│ ` lines,
 * bullets kept (with a hanging indent when wrapped).
 */
export function mrkdwnToTerminal(text: string, options: TerminalRenderOptions = {}): string {
  const ctx = makeCtx(options);
  return finish(mrkdwnLines(text, ctx, ctx.width));
}

function mrkdwnLines(text: string, ctx: Ctx, width: number): string[] {
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    const quote = /^(?:>|&gt;) ?/.exec(raw);
    if (quote) {
      const body = mrkdwnInline(raw.slice(quote[0].length), ctx.color);
      for (const l of wrapLine(body, Math.max(1, width - 2))) out.push(`│ ${l}`);
    } else {
      out.push(...wrapLine(mrkdwnInline(raw, ctx.color), width));
    }
  }
  return out;
}

/** A text object as terminal lines (mrkdwn converted, plain_text verbatim). */
function textLines(obj: unknown, ctx: Ctx, width: number): string[] {
  if (!isObj(obj)) return [];
  const text = str(obj.text);
  if (obj.type === 'mrkdwn') return mrkdwnLines(text, ctx, width);
  return wrapLines(text.split('\n'), width);
}

/** A text object on one line (labels, button text, options). */
function inlineText(obj: unknown, ctx: Ctx): string {
  if (!isObj(obj)) return '';
  const text = str(obj.text).replaceAll('\n', ' ');
  return obj.type === 'mrkdwn' ? mrkdwnInline(text, ctx.color) : text;
}

// ---------------------------------------------------------------------------------------------------------------
// rich_text

function richInline(elements: unknown, ctx: Ctx): string {
  if (!Array.isArray(elements)) return '';
  return elements
    .map((el) => {
      if (!isObj(el)) return '';
      let s: string;
      switch (el.type) {
        case 'text':
          s = str(el.text);
          break;
        case 'link': {
          const url = str(el.url);
          const label = str(el.text);
          s = label && label !== url ? `${underline(label, ctx.color)} (${url})` : underline(url, ctx.color);
          break;
        }
        case 'emoji':
          s = `:${str(el.name)}:`;
          break;
        case 'user':
          s = `@${str(el.user_id)}`;
          break;
        case 'usergroup':
          s = `@${str(el.usergroup_id)}`;
          break;
        case 'channel':
          s = `#${str(el.channel_id)}`;
          break;
        case 'broadcast':
          s = `@${str(el.range)}`;
          break;
        case 'date':
          s = str(el.fallback) || String(el.timestamp ?? '');
          break;
        case 'color':
          s = str(el.value);
          break;
        default:
          s = richInline(el.elements, ctx);
      }
      const style = isObj(el.style) ? el.style : {};
      if (style.code === true) s = `\`${s}\``;
      if (style.bold === true) s = bold(s, ctx.color);
      if (style.italic === true) s = italic(s, ctx.color);
      if (style.strike === true) s = strike(s, ctx.color);
      return s;
    })
    .join('');
}

const LIST_MARKERS = ['•', '◦', '▪'];

function richTextLines(block: Obj, ctx: Ctx, width: number): string[] {
  const out: string[] = [];
  const elements = Array.isArray(block.elements) ? block.elements : [];
  for (const el of elements) {
    if (!isObj(el)) continue;
    switch (el.type) {
      case 'rich_text_list': {
        const indent = typeof el.indent === 'number' ? el.indent : 0;
        const items = Array.isArray(el.elements) ? el.elements : [];
        const offset = typeof el.offset === 'number' ? el.offset : 0;
        items.forEach((item, i) => {
          const marker = el.style === 'ordered' ? `${offset + i + 1}.` : (LIST_MARKERS[Math.min(indent, 2)] ?? '•');
          const text = isObj(item) ? richInline(item.elements, ctx) : '';
          const [first = '', ...more] = text.split('\n');
          const pad = '    '.repeat(indent);
          out.push(...wrapLine(`${pad}${marker} ${first}`, width));
          for (const m of more) out.push(...wrapLine(`${pad}${' '.repeat(marker.length + 1)}${m}`, width));
        });
        break;
      }
      case 'rich_text_quote':
        for (const l of richInline(el.elements, ctx).split('\n')) {
          for (const w of wrapLine(l, Math.max(1, width - 2))) out.push(`│ ${w}`);
        }
        break;
      case 'rich_text_preformatted':
        for (const l of richInline(el.elements, ctx).split('\n')) out.push(...wrapLine(`  ${l}`, width));
        break;
      default:
        out.push(...wrapLines(richInline(el.elements, ctx).replace(/\n$/, '').split('\n'), width));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// elements

const SELECT_DEFAULT = 'Select an item';

function optionText(opt: unknown, ctx: Ctx): string {
  return isObj(opt) ? inlineText(opt.text, ctx) : '';
}

/** The selected values of a select menu, or '' when nothing is preselected. */
function selectedLabel(el: Obj, ctx: Ctx): string {
  if (isObj(el.initial_option)) return optionText(el.initial_option, ctx);
  if (Array.isArray(el.initial_options) && el.initial_options.length > 0) {
    return el.initial_options.map((o) => optionText(o, ctx)).join(', ');
  }
  const one = (v: unknown, sigil: string): string => (typeof v === 'string' && v ? `${sigil}${v}` : '');
  const many = (v: unknown, sigil: string): string => (Array.isArray(v) ? v.map((x) => one(x, sigil)).join(', ') : '');
  return (
    one(el.initial_user, '@') ||
    one(el.initial_conversation, '#') ||
    one(el.initial_channel, '#') ||
    many(el.initial_users, '@') ||
    many(el.initial_conversations, '#') ||
    many(el.initial_channels, '#')
  );
}

function placeholderText(el: Obj, ctx: Ctx): string {
  return isObj(el.placeholder) ? inlineText(el.placeholder, ctx) : '';
}

function isSelect(type: string): boolean {
  return type.endsWith('_select');
}

/** Elements shown as a list of options rather than one bracketed control. */
function isChoiceList(type: string): boolean {
  return type === 'checkboxes' || type === 'radio_buttons';
}

/** One element as a bracketed control, e.g. `[ Save ]`, `[ Choose ▾ ]`, `[image: chart]`. */
function inlineElement(el: unknown, ctx: Ctx): string {
  if (!isObj(el)) return '[?]';
  const type = str(el.type);
  if (type === 'button' || type === 'workflow_button') {
    const label = `[ ${inlineText(el.text, ctx)} ]`;
    if (el.style === 'primary') return sgr(32, 39, label, ctx.color);
    if (el.style === 'danger') return sgr(31, 39, label, ctx.color);
    return label;
  }
  if (type === 'image') return `[image: ${str(el.alt_text)}]`;
  if (type === 'overflow') return '[ ⋯ ]';
  if (isSelect(type)) {
    const label = selectedLabel(el, ctx) || dim(placeholderText(el, ctx) || SELECT_DEFAULT, ctx.color);
    return `[ ${label} ▾ ]`;
  }
  if (type === 'datepicker')
    return `[ ${str(el.initial_date) || dim(placeholderText(el, ctx) || 'Select a date', ctx.color)} ▾ ]`;
  if (type === 'timepicker')
    return `[ ${str(el.initial_time) || dim(placeholderText(el, ctx) || 'Select time', ctx.color)} ▾ ]`;
  if (type === 'datetimepicker') {
    const t = el.initial_date_time;
    const value = typeof t === 'number' ? new Date(t * 1000).toISOString().slice(0, 16).replace('T', ' ') : '';
    return `[ ${value || dim('Select date and time', ctx.color)} ▾ ]`;
  }
  if (type.endsWith('_input')) {
    const initial = el.initial_value;
    const value = isObj(initial)
      ? richInline(initial.elements, ctx)
      : typeof initial === 'string' || typeof initial === 'number'
        ? String(initial)
        : '';
    const shown = value || dim(placeholderText(el, ctx), ctx.color);
    return shown ? `[ ${shown.replaceAll('\n', ' ')} ]` : '[ ]';
  }
  return `[${type || 'element'}]`;
}

function optionLine(opt: unknown, marker: string, ctx: Ctx, selected: boolean): string {
  const text = optionText(opt, ctx);
  const desc = isObj(opt) && isObj(opt.description) ? ` — ${dim(inlineText(opt.description, ctx), ctx.color)}` : '';
  return `${marker}${text}${desc}${selected ? ' (selected)' : ''}`;
}

function optionValue(opt: unknown): string {
  return isObj(opt) ? str(opt.value) : '';
}

/** Checkbox and radio lists: `[x] A` / `(•) B`. */
function choiceLines(el: Obj, ctx: Ctx, indent: string, width: number): string[] {
  const options = Array.isArray(el.options) ? el.options : [];
  const chosen = new Set<string>();
  if (isObj(el.initial_option)) chosen.add(optionValue(el.initial_option));
  if (Array.isArray(el.initial_options)) for (const o of el.initial_options) chosen.add(optionValue(o));
  const box = el.type === 'checkboxes';
  return options.flatMap((opt) => {
    const on = chosen.has(optionValue(opt));
    const marker = box ? (on ? '[x] ' : '[ ] ') : on ? '(•) ' : '( ) ';
    return wrapLine(`${indent}${optionLine(opt, marker, ctx, false)}`, width);
  });
}

/** The options of a static select, listed under an input: `• A`, selected ones marked. */
function selectOptionLines(el: Obj, ctx: Ctx, indent: string, width: number): string[] {
  const chosen = new Set<string>();
  if (isObj(el.initial_option)) chosen.add(optionValue(el.initial_option));
  if (Array.isArray(el.initial_options)) for (const o of el.initial_options) chosen.add(optionValue(o));
  const list = (options: unknown, pad: string): string[] =>
    (Array.isArray(options) ? options : []).flatMap((opt) =>
      wrapLine(`${pad}${optionLine(opt, '• ', ctx, chosen.has(optionValue(opt)))}`, width),
    );
  if (Array.isArray(el.option_groups)) {
    return el.option_groups.flatMap((group) =>
      isObj(group)
        ? [`${indent}${inlineText(group.label, ctx)}:`, ...list(group.options, `${indent}  `)]
        : ([] as string[]),
    );
  }
  return list(el.options, indent);
}

/** Bracketed controls joined by spaces, wrapped between controls. */
function controlRow(controls: string[], width: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const c of controls) {
    if (cur && visibleWidth(cur) + 1 + visibleWidth(c) > width) {
      out.push(cur);
      cur = c;
    } else {
      cur = cur ? `${cur} ${c}` : c;
    }
  }
  if (cur) out.push(cur);
  return out.flatMap((l) => wrapLine(l, width));
}

// ---------------------------------------------------------------------------------------------------------------
// blocks

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

function makeCtx(options: TerminalRenderOptions | undefined): Ctx {
  const width = options?.width ?? DEFAULT_WIDTH;
  return {
    color: options?.color === true,
    width: Math.max(MIN_WIDTH, Number.isFinite(width) ? Math.floor(width) : DEFAULT_WIDTH),
  };
}

/** Joins lines, drops trailing spaces (also before trailing ANSI closers) and trailing blank lines. */
function finish(lines: string[]): string {
  const cleaned = lines.map((l) => l.replace(TRAILING_SPACE_RE, '$1'));
  while (cleaned.length > 0 && stripAnsi(cleaned[cleaned.length - 1] ?? '') === '') cleaned.pop();
  return cleaned.join('\n');
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
