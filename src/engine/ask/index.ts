/**
 * The ask package (issue 12): one coherent ask per region, with or without a competing offer. Every figure is an
 * Explained value (a guide figure or a stated rule with its inputs). Pure: no I/O, no Slack.
 */
export { PAY_REVIEW_ASK, PREMIUM_RULE } from './advice.js';
export { type BonusTargetWords, sayBonusAsk, sayBonusTarget } from './bonus-target.js';
export { type AskOptions, buildAskPackage } from './build.js';
export { applyCandidate } from './confirm.js';
export { type AskData, type AskDataError, askData, askDataFromWords } from './data.js';
export { plausibleTc } from './sanity.js';
export { renderScripts } from './scripts.js';
export type * from './types.js';
export { ASK_WARNING_CODES } from './types.js';
