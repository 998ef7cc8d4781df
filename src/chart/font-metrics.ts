/**
 * How wide text renders in the chart's one font, DejaVu Sans (Book and Bold), without loading it: labels are placed
 * and cut from these advance widths. Pure.
 */

export const CHART_FONT_FAMILY = 'DejaVu Sans';

// Advance widths (1/1000 em) of ASCII 32..126 in DejaVu Sans Book and Bold, read from the font files' hmtx table.
// Used to place and truncate labels; other characters count as WIDE_CHAR.
// biome-ignore format: a table
const ADV_BOOK = [318,401,460,838,636,950,780,275,390,390,500,838,318,361,318,337,636,636,636,636,636,636,636,636,636,636,337,337,838,838,838,531,1000,684,686,698,770,632,575,775,752,295,295,656,557,863,748,787,603,787,695,635,611,732,684,989,685,611,685,390,337,390,838,500,500,613,635,550,635,615,352,635,634,278,278,579,278,974,634,612,635,635,411,521,392,634,592,818,592,592,525,636,337,636,838];
// biome-ignore format: a table
const ADV_BOLD = [348,456,521,838,696,1002,872,306,457,457,523,838,380,415,380,365,696,696,696,696,696,696,696,696,696,696,400,400,838,838,838,580,1000,774,762,734,830,683,683,821,837,372,372,775,637,995,837,850,733,850,770,720,682,812,774,1103,771,724,725,457,365,457,838,500,500,675,716,593,716,678,435,716,712,343,343,665,343,1042,712,687,716,716,493,595,478,712,652,924,645,652,582,712,365,712,838];
const WIDE_CHAR = 800;
const EN_DASH = 500;

/** Estimated rendered width in px of `s` at `size` px in DejaVu Sans (bold or book). */
export function textWidth(s: string, size: number, bold = false): number {
  const table = bold ? ADV_BOLD : ADV_BOOK;
  let units = 0;
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    units += code >= 32 && code < 127 ? (table[code - 32] ?? WIDE_CHAR) : code === 0x2013 ? EN_DASH : WIDE_CHAR;
  }
  return (units / 1000) * size;
}

/** Cut `s` (with an ellipsis) so it fits in `maxPx`. */
export function fitText(s: string, maxPx: number, size: number, bold = false): string {
  if (textWidth(s, size, bold) <= maxPx) return s;
  const chars = [...s];
  while (chars.length > 1 && textWidth(`${chars.join('')}…`, size, bold) > maxPx) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}
