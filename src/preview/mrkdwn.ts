/** Slack mrkdwn and text objects as terminal text: inline styles, links and mentions, quotes. Pure. */
import {
  bold,
  type Ctx,
  finish,
  isObj,
  italic,
  makeCtx,
  str,
  strike,
  type TerminalRenderOptions,
  underline,
  wrapLine,
  wrapLines,
} from './terminal-text.js';

export function unescapeEntities(s: string): string {
  return s.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}

/** `<...>` in mrkdwn: links, user/channel mentions, special mentions and dates. */
export function renderAngle(inner: string, color: boolean): string | undefined {
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

export const PH_OPEN = '\uE000';
export const PH_CLOSE = '\uE001';

/** Converts the inline mrkdwn of one line: code spans, links/mentions, *bold*, _italic_, ~strike~, entities. */
export function mrkdwnInline(line: string, color: boolean): string {
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

export function mrkdwnLines(text: string, ctx: Ctx, width: number): string[] {
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
export function textLines(obj: unknown, ctx: Ctx, width: number): string[] {
  if (!isObj(obj)) return [];
  const text = str(obj.text);
  if (obj.type === 'mrkdwn') return mrkdwnLines(text, ctx, width);
  return wrapLines(text.split('\n'), width);
}

/** A text object on one line (labels, button text, options). */
export function inlineText(obj: unknown, ctx: Ctx): string {
  if (!isObj(obj)) return '';
  const text = str(obj.text).replaceAll('\n', ' ');
  return obj.type === 'mrkdwn' ? mrkdwnInline(text, ctx.color) : text;
}
