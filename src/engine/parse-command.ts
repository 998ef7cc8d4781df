import type { Guide, Region } from '../guide/schema.js';
import {
  closestRegion,
  editDistance,
  findRegion,
  matchRegion,
  primaryAlias,
  type UnknownRegion,
  withinEdits,
} from './regions.js';

/** What a person asked for with the words after `/allycomp` (or `npm run preview --`). */
export type Intent =
  | { kind: 'help' }
  | { kind: 'region'; region: Region }
  | { kind: 'compare' }
  | { kind: 'levers'; region?: Region }
  | { kind: 'levels' }
  | { kind: 'premiums' }
  | { kind: 'sources' }
  | { kind: 'math'; region: Region }
  | { kind: 'offer'; words: string[] }
  | { kind: 'chart'; region?: Region; words: string[] }
  | { kind: 'coach'; words: string[] }
  | { kind: 'error'; error: CommandError };

export type CommandError =
  | UnknownRegion
  | { kind: 'unknown_word'; input: string; suggestion?: string; valid: string[] };

export interface ParsedCommand {
  intent: Intent;
  /** `private` or `me` anywhere in the words: answer only the person who typed it. */
  private: boolean;
}

/** Every first word the parser knows besides a region: help and the manifest's usage_hint list each one. */
export const SUBCOMMANDS = [
  'help',
  'all',
  'compare',
  'levers',
  'levels',
  'premiums',
  'sources',
  'math',
  'offer',
  'chart',
  'coach',
] as const;
/** Words that make any answer private (help and the usage_hint name the first). */
export const PRIVATE_WORDS: readonly string[] = ['private', 'me'];
const PRIVATE = new Set(PRIVATE_WORDS);

/** Slack escapes &, < and > in command text it also turns mentions into <@U…|name>: undo the former only. */
function unescapeSlack(word: string): string {
  if (word.startsWith('<') && word.endsWith('>')) return word;
  return word.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

export function tokenize(text: string): string[] {
  return text
    .trim()
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .map(unescapeSlack);
}

function regionOrError(guide: Guide, words: string[]): Intent {
  const lookup = findRegion(guide, words.join(' '));
  return lookup.ok ? { kind: 'region', region: lookup.region } : { kind: 'error', error: lookup.error };
}

function optionalRegion(guide: Guide, words: string[], make: (region?: Region) => Intent): Intent {
  if (words.length === 0) return make(undefined);
  const lookup = findRegion(guide, words.join(' '));
  return lookup.ok ? make(lookup.region) : { kind: 'error', error: lookup.error };
}

const HELP_WORDS = new Set(['help', '--help', '-h', '?']);

const CHAT_WORDS = new Set([
  'hi',
  'hello',
  'hey',
  'hiya',
  'yo',
  'thanks',
  'thank',
  'thx',
  'ok',
  'okay',
  'cool',
  'start',
]);

function unknownWord(guide: Guide, words: string[]): Intent {
  const input = words.join(' ');
  const region = closestRegion(guide, input);
  if (region) {
    return {
      kind: 'error',
      error: { kind: 'unknown_region', input, valid: guide.regions.map(primaryAlias), suggestion: region },
    };
  }
  const first = (words[0] ?? '').toLowerCase();
  // The nearest command, not the first in the list: "levls" is one edit from levels, two from levers.
  const command = SUBCOMMANDS.filter((candidate) => withinEdits(first, candidate, 2)).sort(
    (a, b) => editDistance(first, a) - editDistance(first, b),
  )[0];
  if (command && words.length === 1) {
    return { kind: 'error', error: { kind: 'unknown_word', input, suggestion: command, valid: [...SUBCOMMANDS] } };
  }
  // A greeting or chat word that is no region and no command ("hi", "thanks") gets help, not a region error.
  if (words.length === 1 && CHAT_WORDS.has(first)) return { kind: 'help' };
  return {
    kind: 'error',
    error: { kind: 'unknown_region', input, valid: guide.regions.map(primaryAlias), suggestion: undefined },
  };
}

export function parseCommand(guide: Guide, text: string): ParsedCommand {
  const all = tokenize(text);
  const isPrivate = all.some((word) => PRIVATE.has(word.toLowerCase()));
  const words = all.filter((word) => !PRIVATE.has(word.toLowerCase()));
  const [first = '', ...rest] = words;
  const head = first.toLowerCase();
  const intent = ((): Intent => {
    // "--help", "-h" and "?" are how many people ask a command-line tool for help.
    if (words.length === 0 || HELP_WORDS.has(head)) return { kind: 'help' };
    if ((head === 'all' || head === 'compare') && rest.length === 0) return { kind: 'compare' };
    if (head === 'levers' || head === 'lever')
      return optionalRegion(guide, rest, (region) => ({ kind: 'levers', region }));
    if ((head === 'levels' || head === 'level') && rest.length === 0) return { kind: 'levels' };
    if ((head === 'premiums' || head === 'premium') && rest.length === 0) return { kind: 'premiums' };
    if ((head === 'sources' || head === 'source') && rest.length === 0) return { kind: 'sources' };
    if (head === 'math') {
      const inner = regionOrError(guide, rest.length > 0 ? rest : [guide.example.region]);
      return inner.kind === 'region' ? { kind: 'math', region: inner.region } : inner;
    }
    if (head === 'offer') return { kind: 'offer', words: rest };
    if (head === 'chart') {
      const region = rest.length > 0 ? matchRegion(guide, rest[0] ?? '') : undefined;
      return { kind: 'chart', region, words: region ? rest.slice(1) : rest };
    }
    if (head === 'coach') return { kind: 'coach', words: rest };
    if (matchRegion(guide, words.join(' '))) return regionOrError(guide, words);
    return unknownWord(guide, words);
  })();
  return { intent, private: isPrivate };
}
