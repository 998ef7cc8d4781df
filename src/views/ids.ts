/** Stable ids shared by the builders that emit them and the listeners that route them (and the manifest). */
export const COMMAND = '/allycomp';

export const ACTIONS = {
  showRegion: 'region_show',
  showMath: 'math_show',
  openOffer: 'offer_open',
  retryOffer: 'offer_retry',
} as const;

/** The prep card's buttons (each with a suffix: the step id or the lever number). */
export const COACH_ACTIONS = {
  tick: 'coach_tick',
  untick: 'coach_untick',
  rehearse: 'coach_rehearse',
  /** The teammate's answer to a coach's request (in their DM with allycomp). */
  accept: 'coach_accept',
  decline: 'coach_decline',
} as const;

/** Every action id prefix allycomp defines. */
export const ACTION_PREFIXES: readonly string[] = [...Object.values(ACTIONS), ...Object.values(COACH_ACTIONS)];

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

/** The modal callback ids and the shortcut callback ids (the manifest's). */
export const VIEW_CALLBACKS: readonly string[] = [CALLBACKS.offerModal];
export const SHORTCUT_CALLBACKS: readonly string[] = [CALLBACKS.prepShortcut, CALLBACKS.coachShortcut];

/** The bot events allycomp subscribes to (the manifest's). */
export const EVENTS = { appHomeOpened: 'app_home_opened', message: 'message' } as const;

/** Block ids of the offer modal: validation errors and tests key on them. */
export const OFFER_BLOCKS = {
  company: 'offer_company',
  kind: 'offer_kind',
  titlePick: 'offer_title_pick',
  titleText: 'offer_title_text',
  region: 'offer_region',
  base: 'offer_base',
  totalComp: 'offer_tc',
  equity: 'offer_equity',
  equityKind: 'offer_equity_kind',
  vesting: 'offer_vesting',
  vestingCustom: 'offer_vesting_custom',
  bonus: 'offer_bonus',
  signOn: 'offer_sign_on',
  premiums: 'offer_premiums',
  delivery: 'offer_delivery',
} as const;

/** Each block holds one element whose action_id is "value". */
export const OFFER_VALUE = 'value';
