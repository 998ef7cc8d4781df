/** Stable ids shared by the builders that emit them and the listeners that route them (and the manifest). */
export const COMMAND = '/allycomp';

export const ACTIONS = {
  showRegion: 'region_show',
  showMath: 'math_show',
  openOffer: 'offer_open',
  retryOffer: 'offer_retry',
  confirmOffer: 'offer_confirm',
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

/**
 * Block ids of the messages and views, layout only (nothing routes on them), kept here so tests and builders name
 * them one way. Ids with a suffix are built from a prefix: {@link BLOCK_PREFIXES}.
 */
export const BLOCKS = {
  addBotHint: 'add_bot_hint',
  chartFailed: 'chart_failed',
  chartImage: 'region_chart',
  coachActions: 'coach_actions',
  coachConsentActions: 'coach_consent_actions',
  coachConsentAnswered: 'coach_consent_answered',
  coachConsentAsk: 'coach_consent_ask',
  coachConsentOutcome: 'coach_consent_outcome',
  coachConsentSent: 'coach_consent_sent',
  coachFooter: 'coach_footer',
  coachIntro: 'coach_intro',
  compareActions: 'compare_actions',
  compareFootnotes: 'compare_footnotes',
  compareHeader: 'compare_header',
  compareSummary: 'compare_summary',
  dmChannelOnly: 'dm_channel_only',
  dmOfferActions: 'dm_offer_actions',
  dmOfferPrompt: 'dm_offer_prompt',
  error: 'error',
  footnotes: 'footnotes',
  helpActions: 'help_actions',
  helpCommands: 'help_commands',
  helpHeader: 'help_header',
  helpIntro: 'help_intro',
  helpPrivacy: 'help_privacy',
  homeActions: 'home_actions',
  homeFootnotes: 'home_footnotes',
  homeHeader: 'home_header',
  homeIntro: 'home_intro',
  homePrivacy: 'home_privacy',
  homeUsage: 'home_usage',
  levelsCaveat: 'levels_caveat',
  levelsHeader: 'levels_header',
  leverExample: 'lever_example',
  leverFootnotes: 'lever_footnotes',
  leversActions: 'levers_actions',
  leversFootnotes: 'levers_footnotes',
  leversHeader: 'levers_header',
  leversIntro: 'levers_intro',
  mathFootnotes: 'math_footnotes',
  mathHeader: 'math_header',
  mathLegend: 'math_legend',
  offerRetryActions: 'offer_retry_actions',
  offerRetryText: 'offer_retry_text',
  premiumsFootnotes: 'premiums_footnotes',
  premiumsHeader: 'premiums_header',
  premiumsTotal: 'premiums_total',
  problem: 'problem',
  regionActions: 'region_actions',
  regionFootnotes: 'region_footnotes',
  regionGuideFigures: 'region_guide_figures',
  regionHeader: 'region_header',
  regionIntro: 'region_intro',
  regionPlan: 'region_plan',
  regionTarget: 'region_target',
  regionThreadHint: 'region_thread_hint',
  rehearseInvite: 'rehearse_invite',
  rehearseScript: 'rehearse_script',
  sourcesHeader: 'sources_header',
  sourcesList: 'sources_list',
} as const;

/** Block ids that carry a suffix: the prep card's step, a premium, a lever (and its math), a math chunk. */
export const BLOCK_PREFIXES = {
  coachStep: 'coach_step_',
  premium: 'premium_',
  lever: 'lever',
  math: 'math',
} as const;
