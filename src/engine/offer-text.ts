/** Kept so callers outside the engine keep working while src/ is restructured; the code is in ./offer/. */
export type { DraftField, DraftProblem, OfferDraft, ReadOffer } from './offer/index.js';
export { guessCompanyKind, readOfferFromText, readOfferWords } from './offer/index.js';
