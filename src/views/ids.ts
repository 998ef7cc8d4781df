/** Stable ids shared by the builders that emit them and the listeners that route them (and the manifest). */
export const COMMAND = '/allycomp';

export const ACTIONS = {
  showRegion: 'region_show',
  showMath: 'math_show',
  openOffer: 'offer_open',
  retryOffer: 'offer_retry',
} as const;

/** Action ids that carry a suffix (one button per region) are routed by prefix. */
export function actionPattern(prefix: string): RegExp {
  return new RegExp(`^${prefix}(?::.+)?$`);
}

export function withSuffix(prefix: string, suffix: string): string {
  return `${prefix}:${suffix}`;
}

export const CALLBACKS = {
  offerModal: 'offer_modal',
  prepShortcut: 'prep_negotiation',
  coachShortcut: 'coach_offer',
} as const;
