/** Collecting one reading of an offer: the draft, its problems and what was interpreted (readAs). */
import type { CompanyKind, Guide } from '../../guide/schema.js';
import { primaryAlias } from '../regions.js';
import type { OfferInput } from './normalise.js';

export interface OfferDraft extends OfferInput {
  regionId?: string;
}

export type DraftField =
  | 'company'
  | 'base'
  | 'totalComp'
  | 'equity'
  | 'vesting'
  | 'bonus'
  | 'signOn'
  | 'region'
  | 'words';

export interface DraftProblem {
  field: DraftField;
  message: string;
  example: string;
}

export interface ReadOffer {
  draft: OfferDraft;
  problems: DraftProblem[];
  /** Interpretations to echo back, e.g. "base 165 read as $165,000". */
  readAs: string[];
}

export type AmountField = 'base' | 'totalComp' | 'equity' | 'bonus' | 'signOn';

export const MAX_TEXT = 4000;
export const MAX_WORDS = 200;
export const MAX_NAME = 80;
export const DEFAULT_VEST_YEARS = 4;
export const MAX_VEST_YEARS = 10;

export const FIELD_NAMES: Record<DraftField, string> = {
  company: 'Company',
  base: 'Base',
  totalComp: 'Total comp',
  equity: 'Stock',
  vesting: 'Vesting',
  bonus: 'Bonus',
  signOn: 'Sign-on',
  region: 'Region',
  words: 'Words',
};

export const FIELD_WORDS: Record<AmountField, string> = {
  base: 'base',
  totalComp: 'total comp',
  equity: 'stock',
  bonus: 'bonus',
  signOn: 'sign-on',
};

export const KIND_LABELS: Record<CompanyKind, string> = {
  'traditional-bank': 'a traditional bank',
  'digital-bank-or-fintech': 'a digital bank or fintech',
  'big-tech': 'big tech',
  other: 'another kind of company',
};

export const FLAG_EXAMPLE = '--company SoFi --base 170k --stock 40k --bonus 15% --region detroit';

export function examplesFor(guide: Guide): Record<DraftField, string> {
  return {
    company: 'SoFi, or --company "Acme Bank"',
    base: '170k or $170,000',
    totalComp: '245k or $245,000',
    equity: '40k a year, or 160k over 4 years',
    vesting: '5/15/40/40, 25/25/25/25 or over 4 years',
    bonus: '15% or 25k',
    signOn: '20k or $20,000',
    region: guide.regions.map(primaryAlias).join(', '),
    words: FLAG_EXAMPLE,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Collecting a reading
// ---------------------------------------------------------------------------------------------------------------

export class Collector {
  readonly draft: OfferDraft = {};
  readonly problems: DraftProblem[] = [];
  readonly readAs: string[] = [];
  readonly examples: Record<DraftField, string>;

  constructor(readonly guide: Guide) {
    this.examples = examplesFor(guide);
  }

  problem(field: DraftField, message: string, example?: string): void {
    if (this.problems.some((problem) => problem.field === field && problem.message === message)) return;
    this.problems.push({ field, message, example: example ?? this.examples[field] });
  }

  note(text: string): void {
    if (!this.readAs.includes(text)) this.readAs.push(text);
  }

  result(): ReadOffer {
    return { draft: this.draft, problems: this.problems, readAs: this.readAs };
  }
}

export const SAFE_FRAGMENT = /^[A-Za-z0-9 .,$%/+&'-]{1,32}$/;

/** Short plain user text in quotes, anything else as "that": messages are posted to Slack. */
export function quoted(text: string): string {
  const trimmed = text.trim();
  return SAFE_FRAGMENT.test(trimmed) ? `'${trimmed}'` : 'that';
}

/** A name for readAs lines: as is when short and plain. */
export function shown(text: string): string {
  const trimmed = text.trim();
  return SAFE_FRAGMENT.test(trimmed) ? trimmed : 'that';
}

export function sentence(reason: string): string {
  return /[.!?]$/.test(reason) ? reason : `${reason}.`;
}
