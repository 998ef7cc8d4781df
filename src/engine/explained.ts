import type { Range } from '../guide/schema.js';

/**
 * A figure the bot shows, with where it came from, so any number can "show the math":
 * - guide: a figure printed in the guide (`math` names the table and row);
 * - rule: computed from guide figures by a stated rule (`math` gives the formula with its inputs);
 * - you: a figure the person entered (never logged, never stored).
 */
export interface Explained<T = number> {
  label: string;
  value: T;
  source: 'guide' | 'rule' | 'you';
  math: string;
  /** Entered by the person or computed from what they entered: hidden when they share without figures. */
  personal?: boolean;
}

export type ExplainedRange = Explained<Range>;

export function fromGuide<T>(label: string, value: T, where: string): Explained<T> {
  return { label, value, source: 'guide', math: `The guide's figure: ${where}.` };
}

export function byRule<T>(label: string, value: T, math: string, personal = false): Explained<T> {
  return { label, value, source: 'rule', math, ...(personal ? { personal } : {}) };
}

export function fromYou<T>(label: string, value: T, math = 'As you entered it.'): Explained<T> {
  return { label, value, source: 'you', math, personal: true };
}
