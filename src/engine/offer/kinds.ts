/** Company kinds as people type them after --kind: "traditional-bank", "bank", "fintech", "big tech". */
import { type CompanyKind, companyKinds, normaliseName } from '../../guide/schema.js';
import { type Collector, quoted } from './collector.js';

export const KIND_SPELLINGS: Record<string, CompanyKind> = {
  'traditional bank': 'traditional-bank',
  traditional: 'traditional-bank',
  bank: 'traditional-bank',
  fintech: 'digital-bank-or-fintech',
  'digital bank': 'digital-bank-or-fintech',
  digital: 'digital-bank-or-fintech',
  'digital bank or fintech': 'digital-bank-or-fintech',
  neobank: 'digital-bank-or-fintech',
  'big tech': 'big-tech',
  bigtech: 'big-tech',
  tech: 'big-tech',
  faang: 'big-tech',
  other: 'other',
};

/** The most words a kind is spelled with ("digital bank or fintech"). */
export const KIND_MAX_WORDS = Math.max(...Object.keys(KIND_SPELLINGS).map((spelling) => spelling.split(' ').length));

/** The kind a text names, if it is exactly one of the spellings (any case, dashes or spaces). */
export function kindNamed(text: string): CompanyKind | undefined {
  return KIND_SPELLINGS[normaliseName(text)] ?? companyKinds.find((known) => known === text.trim().toLowerCase());
}

export function readKind(c: Collector, value: string): CompanyKind | undefined {
  const kind = kindNamed(value);
  if (!kind) {
    c.problem(
      'company',
      `Company kind: ${quoted(value)} is not a kind I know; use traditional-bank, fintech, big-tech or other.`,
      '--kind traditional-bank',
    );
  }
  return kind;
}
