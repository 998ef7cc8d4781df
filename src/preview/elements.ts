/** Block elements as terminal text: buttons and selects as `[ … ]`, option lists, rows of controls. Pure. */

import { inlineText } from './mrkdwn.js';
import { richInline } from './rich-text.js';
import { type Ctx, dim, isObj, type Obj, sgr, str, visibleWidth, wrapLine } from './terminal-text.js';

export const SELECT_DEFAULT = 'Select an item';

export function optionText(opt: unknown, ctx: Ctx): string {
  return isObj(opt) ? inlineText(opt.text, ctx) : '';
}

/** The selected values of a select menu, or '' when nothing is preselected. */
export function selectedLabel(el: Obj, ctx: Ctx): string {
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

export function placeholderText(el: Obj, ctx: Ctx): string {
  return isObj(el.placeholder) ? inlineText(el.placeholder, ctx) : '';
}

export function isSelect(type: string): boolean {
  return type.endsWith('_select');
}

/** Elements shown as a list of options rather than one bracketed control. */
export function isChoiceList(type: string): boolean {
  return type === 'checkboxes' || type === 'radio_buttons';
}

/** One element as a bracketed control, e.g. `[ Save ]`, `[ Choose ▾ ]`, `[image: chart]`. */
export function inlineElement(el: unknown, ctx: Ctx): string {
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

export function optionLine(opt: unknown, marker: string, ctx: Ctx, selected: boolean): string {
  const text = optionText(opt, ctx);
  const desc = isObj(opt) && isObj(opt.description) ? ` — ${dim(inlineText(opt.description, ctx), ctx.color)}` : '';
  return `${marker}${text}${desc}${selected ? ' (selected)' : ''}`;
}

export function optionValue(opt: unknown): string {
  return isObj(opt) ? str(opt.value) : '';
}

/** Checkbox and radio lists: `[x] A` / `(•) B`. */
export function choiceLines(el: Obj, ctx: Ctx, indent: string, width: number): string[] {
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
export function selectOptionLines(el: Obj, ctx: Ctx, indent: string, width: number): string[] {
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
export function controlRow(controls: string[], width: number): string[] {
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
