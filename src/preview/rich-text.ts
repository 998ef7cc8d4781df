/** rich_text blocks as terminal lines. Pure. */
import {
  bold,
  type Ctx,
  isObj,
  italic,
  type Obj,
  str,
  strike,
  underline,
  wrapLine,
  wrapLines,
} from './terminal-text.js';

export function richInline(elements: unknown, ctx: Ctx): string {
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

export const LIST_MARKERS = ['•', '◦', '▪'];

export function richTextLines(block: Obj, ctx: Ctx, width: number): string[] {
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
