/** Kept so callers outside the engine keep working while src/ is restructured; the code is in ./offer/. */
export * from './offer/normalise.js';
