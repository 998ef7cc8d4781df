/**
 * The offer package: reading a competing offer from what people type (collector, companies, places, amounts in
 * prose, flags, positional words) and normalising it to yearly and first-year figures; the ask package
 * (../ask/) answers it. Pure: no I/O, no Slack. Everything outside the package imports from here.
 */
export {
  DEFAULT_VEST_YEARS,
  type DraftField,
  type DraftProblem,
  KIND_LABELS,
  type OfferDraft,
  type ReadOffer,
} from './collector.js';
export { companyEntry, guessCompanyKind, type KnownCompany } from './companies.js';
export { type EquityFieldReading, readEquityField } from './equity-field.js';
export * from './normalise.js';
export { readOfferFromText } from './prose.js';
export { readVestingField, type VestingFieldReading } from './vesting-field.js';
export { readOfferWords } from './words.js';
