/** Name patterns for prose: a phrase with loose spacing and punctuation, or exactly as capitalised. */
import { normaliseName } from '../../guide/schema.js';

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A phrase matched case-insensitively with any short run of spaces or punctuation between its words. */
export function loosePattern(phrase: string): RegExp | undefined {
  const words = normaliseName(phrase).split(' ').filter(Boolean);
  if (words.length === 0) return undefined;
  return new RegExp(`(?<![A-Za-z0-9])${words.map(escapeRegExp).join('[^A-Za-z0-9\\n]{1,3}')}(?![A-Za-z0-9])`, 'gi');
}

/** A phrase matched exactly as capitalised. */
export function exactPattern(phrase: string): RegExp {
  return new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(phrase).replace(/ +/g, '\\s+')}(?![A-Za-z0-9])`, 'g');
}
