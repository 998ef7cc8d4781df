/**
 * Which words after a flag are its value. A free-text flag (--company, --title) takes every word up to the next
 * flag; a flag whose value comes from a closed set (--kind, --region, --vesting) takes only the words that name one;
 * an amount (--base 170k) takes its words but a region typed after them. The words no flag takes are read as if
 * typed without flags: `Capital One --kind traditional-bank 245k detroit` is Capital One, 245k and Detroit.
 */
import type { Guide } from '../../guide/schema.js';
import { closestRegion, matchRegion } from '../regions.js';
import { FLAG, FLAG_SPELLINGS, type FlagGroup, type FlagName } from './flags.js';
import { KIND_MAX_WORDS, kindNamed } from './kinds.js';

export interface FlagWords {
  groups: FlagGroup[];
  /** Words no flag takes, in the order typed. */
  loose: string[];
}

/** The most words a region is named with ("new york city"). */
const REGION_MAX_WORDS = 3;

/** A word of a vesting schedule: numbers and percentages (4, 4y, 25%, 5/15/40/40) and the words around them. */
const SCHEDULE_WORD =
  /^(?:[\d.,%/-]+(?:y|yrs?|years?)?|even|evenly|equal|straight|linear|over|for|front|loaded|front-?loaded|amazon|a|per|each|every|y|yrs?|years?|one|two|three|four|five|six|seven|eight|nine|ten)$/i;

const QUOTES = /["'\u2018\u2019\u201c\u201d]/g;

/** The longest run of leading words, up to `most`, that `names` accepts; 0 when none does. */
function longestNaming(values: string[], most: number, names: (text: string) => boolean): number {
  for (let length = Math.min(most, values.length); length >= 1; length--) {
    if (names(values.slice(0, length).join(' '))) return length;
  }
  return 0;
}

/** How many of a flag's words are its value. */
function valueLength(guide: Guide, name: FlagName | undefined, values: string[]): number {
  if (values.length === 0) return 0;
  switch (name) {
    case 'kind':
      // An unknown kind is its first word, so the message quotes what was typed as the kind and nothing after it.
      return longestNaming(values, KIND_MAX_WORDS, (text) => kindNamed(text) !== undefined) || 1;
    case 'region': {
      const noDigits = (text: string) => !/\d/.test(text);
      return (
        longestNaming(values, REGION_MAX_WORDS, (text) => noDigits(text) && matchRegion(guide, text) !== undefined) ||
        longestNaming(values, REGION_MAX_WORDS, (text) => noDigits(text) && closestRegion(guide, text) !== undefined) ||
        1
      );
    }
    case 'vesting': {
      const end = values.findIndex((word) => !SCHEDULE_WORD.test(word.replace(QUOTES, '')));
      return end === -1 ? values.length : Math.max(1, end);
    }
    case 'company':
    case 'title':
    case undefined:
      return values.length;
    default: {
      // `--grant 120k sign-on 15k`: the amount ends where another part is named; that part is read on its own.
      const labelled = values.findIndex((word, index) => index > 0 && PART_LABEL.test(word.replace(QUOTES, '')));
      const own = labelled === -1 ? values : values.slice(0, labelled);
      return own.length - trailingRegionLength(guide, own);
    }
  }
}

/** A word that names a part of an offer: after an amount flag's amount, the start of another part. */
const PART_LABEL =
  /^(?:base|salary|stock|equity|rsus?|shares|grant|bonus(?:es)?|sign(?:ing)?[-_]?on|signing|signon|tc|ttc|total)[:,]?$/i;

/** `--bonus 15 ny`: a region typed after an amount is the region, not part of the amount. */
function trailingRegionLength(guide: Guide, values: string[]): number {
  for (let length = Math.min(REGION_MAX_WORDS, values.length - 1); length >= 1; length--) {
    const tail = values.slice(-length).join(' ');
    if (!/\d/.test(tail) && matchRegion(guide, tail)) return length;
  }
  return 0;
}

/** Split words that start with a flag into each flag's value and the words no flag takes. */
export function flagWords(guide: Guide, words: string[]): FlagWords {
  const groups: FlagGroup[] = [];
  const loose: string[] = [];
  const close = () => {
    const group = groups.at(-1);
    if (!group) return;
    const length = valueLength(guide, FLAG_SPELLINGS[group.key], group.values);
    loose.push(...group.values.splice(length));
  };
  for (const word of words) {
    const flag = FLAG.exec(word);
    if (flag) {
      close();
      const name = flag[1] ?? '';
      groups.push({ typed: `--${name}`, key: name.toLowerCase().replace(/[-_]/g, ''), values: [] });
      if (flag[2]) groups.at(-1)?.values.push(flag[2]);
    } else if (groups.length > 0) {
      groups.at(-1)?.values.push(word);
    } else {
      loose.push(word);
    }
  }
  close();
  return { groups, loose };
}
