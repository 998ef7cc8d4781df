import type { GuideNote } from '../../guide/consistency.js';
import type { CompanyKind, Range, Region } from '../../guide/schema.js';
import type { Explained } from '../explained.js';
import type { LevelMatch } from '../levels.js';
import type { NormalisedOffer } from '../offer/normalise.js';

/**
 * Every warning the ask package can carry; `text` is what the person reads, `code` is for tools and tests. The
 * README lists each code with one line (a test holds the two to each other).
 */
export const ASK_WARNING_CODES = [
  'implausible-tc',
  'implausible-base',
  'implausible-bonus',
  'implausible-sign-on',
  'equity-maybe-grant',
  'equity-read-as-year',
  'short-vest',
  'other-level',
  'title-not-mapped',
  'kind-unknown',
  'below-band',
  'above-band',
  'far-above-band',
  'ask-above-band',
  'part-capped',
  'part-above-band',
  'first-year-gap',
  'branchless-premium',
  'parts-set-aside',
  'same-company',
] as const;

export type AskWarningCode = (typeof ASK_WARNING_CODES)[number];

export interface AskWarning {
  code: AskWarningCode;
  text: string;
}

/** A "did you mean …?" the person confirms before any ask is given (rule 5). */
export interface Confirmation {
  field: 'totalComp' | 'base' | 'bonus' | 'equity' | 'signOn';
  question: string;
  /** Readings to offer as buttons: each a whole-dollar figure and how it would be typed. */
  candidates: Array<{ label: string; value: number; typed: string }>;
}

/** One end of the ask: `tc` in whole thousands, its parts adding up to it within $1K (the steps say by how much). */
export interface AskEnd {
  tc: number;
  base: number;
  rsuPerYear: number;
  bonus: number;
  /** How the parts were reached, step by step: the "show the math" for this end. */
  steps: string[];
}

/** A part that cannot reach what the person has inside its band, and what carries the difference. */
export interface Trade {
  part: 'base' | 'bonus' | 'rsu';
  /** The end of the ask it was worked out at: only the opening's (`high`) is said aloud in a script. */
  end: 'low' | 'high';
  competing: number;
  bandTop: number;
  /** The part asked for, when it is above its band top and still under the competing part (RSU carrying). */
  asked?: number;
  short: number;
  /**
   * The parts of that end above the person's own, which carry it (the TC end is at least the competing TC plus the
   * uplift): never a part that is itself short. The warning, the script and the fallback name the same parts.
   */
  carriedBy: Array<'base' | 'bonus' | 'rsu'>;
  text: string;
}

export interface AskFigures {
  tc: Explained<Range>;
  base: Explained<Range>;
  rsuPerYear: Explained<Range>;
  bonus: Explained<Range>;
  /** The bonus target named as a whole % of base at each end (equal when one percent names both; `sayBonusTarget`). */
  bonusTargetPercent: Explained<Range>;
  /**
   * Asked when the competing first year beats the floor's first year by at least `SIGN_ON_MINIMUM` (rule 2). Per TC
   * end, not a range: `low` is the sign-on at the TC's low end (the floor), `high` at its high end (the opening), so
   * `low` ≥ `high`; 0 at an end whose TC already covers the first year.
   */
  signOn?: Explained<Range>;
  /**
   * With a sign-on asked at the floor but none at the opening: the competing first year above the opening's TC, under
   * `SIGN_ON_MINIMUM` (0 when the opening's TC covers the first year).
   */
  openingFirstYearGap?: number;
  /** The competing first year is above the floor by less than `SIGN_ON_MINIMUM`: no sign-on asked, the gap said. */
  firstYearGap?: Explained;
  ends: { low: AskEnd; high: AskEnd };
  /** Where to open (always the top of the range), and whether to hold there (the one premium story, rule 4). */
  openAt: Explained;
}

export interface PremiumStory {
  /** The stated rule: premiums decide where in the range to settle; they are never a second Ally TC figure. */
  rule: string;
  reasons: string[];
  /** The guide's branchless 15–25%, in dollars on the competing TC, when the competitor is a traditional bank. */
  branchless?: Explained<Range>;
  /** The ticked Ally.ai premiums and their sum, as the guide prices them. */
  ticked?: Explained<Range>;
}

export interface LeverScript {
  number: number;
  name: string;
  /** Said aloud as written: RSU "a year", claims marked "[only if true: …]", weak figures left out. */
  text: string;
  /** Why the script differs from the guide's wording, if it does. */
  changes: string[];
  /** A line to say if the recruiter asks for what the script leaves out (the competing number). */
  ifAsked?: string;
  /** Why it works, as it fits this script (the guide's rationale, less its offer phrase where no number is said). */
  rationale: string;
}

export interface AskPackage {
  region: Region;
  offer?: NormalisedOffer;
  companyKind?: { kind: CompanyKind; reason: string };
  level: LevelMatch;
  /** Rule 5: true when the figures look like a typo; then `ask` is absent until the person confirms. */
  needsConfirmation: boolean;
  confirmations: Confirmation[];
  /** Absent while a confirmation is pending, and for levels the guide has no bands for (rule 8). */
  ask?: AskFigures;
  trades: Trade[];
  premiumStory: PremiumStory;
  leadLever: number;
  leverOrder: number[];
  /** The best alternative: below this the competing offer is better (with an offer only). */
  walkAway?: Explained;
  /** A level review is worth asking for: no offer, or one that sets the ask (not one the guide's target is above). */
  levelReviewFits: boolean;
  /** The offer entered is the guide's own company's (warning `same-company`): not a competing one. */
  ownOffer?: boolean;
  /** Far above the band: the level to ask about before any figure (the PM band can't reach the offer). */
  levelReviewFirst?: string;
  fallbacks: string[];
  scripts: LeverScript[];
  warnings: AskWarning[];
  /** The guide's own figures where the ask differs from them, kept visible as the guide's. */
  guideFigures: Explained<unknown>[];
  /** Guide inconsistencies that bear on this ask (footnotes). */
  footnotes: GuideNote[];
}
