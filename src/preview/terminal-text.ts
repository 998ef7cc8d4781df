/** Styled lines for a terminal: ANSI styles (only with `color`), visible width, wrapping between words. Pure. */

export interface TerminalRenderOptions {
  /** emit ANSI styles (default false) */
  color?: boolean;
  /** wrap width in columns (default 100, at least 20) */
  width?: number;
}

export type Obj = Record<string, unknown>;

export interface Ctx {
  color: boolean;
  width: number;
}

export const ESC = '\u001b[';
export const ANSI_RE = new RegExp(`${ESC.replace('[', '\\[')}[0-9;]*m`, 'g');
export const ANSI_PREFIX_RE = new RegExp(`^${ESC.replace('[', '\\[')}[0-9;]*m`);
export const TRAILING_SPACE_RE = new RegExp(`[ \\t]+((?:${ESC.replace('[', '\\[')}[0-9;]*m)*)$`);
export const DEFAULT_WIDTH = 100;
export const MIN_WIDTH = 20;

export function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function sgr(open: number, close: number, s: string, color: boolean): string {
  return color && s !== '' ? `${ESC}${open}m${s}${ESC}${close}m` : s;
}
export const bold = (s: string, color: boolean): string => sgr(1, 22, s, color);
export const italic = (s: string, color: boolean): string => sgr(3, 23, s, color);
export const strike = (s: string, color: boolean): string => sgr(9, 29, s, color);
export const underline = (s: string, color: boolean): string => sgr(4, 24, s, color);
/** Dim survives nested bold (both are closed by SGR 22). */
export function dim(s: string, color: boolean): string {
  return sgr(2, 22, color ? s.replaceAll(`${ESC}22m`, `${ESC}22m${ESC}2m`) : s, color);
}

export function stripAnsi(s: string): string {
  return s.replace(ANSI_RE, '');
}

export function visibleWidth(s: string): number {
  return [...stripAnsi(s)].length;
}

export function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - visibleWidth(s)));
}

export function padStart(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - visibleWidth(s))) + s;
}

/** Splits `s` after `n` visible characters, keeping ANSI sequences with the text they style. */
export function splitVisible(s: string, n: number): [string, string] {
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
export function hangingIndent(line: string, width: number): number {
  const m = /^( *)((?:[•◦▪‣▸*-]|\d+[.)]) +)?/.exec(stripAnsi(line));
  const n = m ? m[0].length : 0;
  return n * 2 > width ? 0 : n;
}

/** Wraps one line (no newlines) at `width` between words; over-long words are split. */
export function wrapLine(line: string, width: number): string[] {
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

export function wrapLines(lines: string[], width: number): string[] {
  return lines.flatMap((l) => wrapLine(l, width));
}

export function makeCtx(options: TerminalRenderOptions | undefined): Ctx {
  const width = options?.width ?? DEFAULT_WIDTH;
  return {
    color: options?.color === true,
    width: Math.max(MIN_WIDTH, Number.isFinite(width) ? Math.floor(width) : DEFAULT_WIDTH),
  };
}

/** Joins lines, drops trailing spaces (also before trailing ANSI closers) and trailing blank lines. */
export function finish(lines: string[]): string {
  const cleaned = lines.map((l) => l.replace(TRAILING_SPACE_RE, '$1'));
  while (cleaned.length > 0 && stripAnsi(cleaned[cleaned.length - 1] ?? '') === '') cleaned.pop();
  return cleaned.join('\n');
}
