import type { InputBlock, KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { peerTitles } from '../engine/levels.js';
import { formatMoney, formatPercent, parseAmount, parseAmountOrPercent } from '../engine/money.js';
import { guessCompanyKind, type OfferDraft } from '../engine/offer-text.js';
import { checkOffer, FRONT_LOADED_SCHEDULE, type OfferField, type Vesting, vestingProblem } from '../engine/offers.js';
import { regionIfKnown } from '../engine/regions.js';
import type { CompanyKind, Guide } from '../guide/schema.js';
import { context, escapeMrkdwn, truncate } from './blocks.js';
import { CALLBACKS } from './ids.js';

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
const VALUE = 'value';

export const COMPANY_KIND_LABELS: Record<CompanyKind, string> = {
  'traditional-bank': 'Traditional bank',
  'digital-bank-or-fintech': 'Digital bank or fintech',
  'big-tech': 'Big tech',
  other: 'Other',
};

export type DeliveryChoice = 'dm' | 'share-positions' | 'share-figures';

const DELIVERY_LABELS: Record<DeliveryChoice, string> = {
  dm: 'Just me — a DM from allycomp',
  'share-positions': "Share in this channel's thread: positions and % only",
  'share-figures': "Share in this channel's thread, with my dollar figures",
};

/** Where the modal was opened from: enough to share the answer there later. Travels in private_metadata. */
export interface OfferOrigin {
  channelId?: string;
  threadTs?: string;
  responseUrl?: string;
}

function option(text: string, value: string, description?: string): PlainTextOption {
  return {
    text: { type: 'plain_text', text: truncate(text, 75) },
    value,
    ...(description ? { description: { type: 'plain_text', text: truncate(description, 75) } } : {}),
  };
}

function textInput(
  blockId: string,
  label: string,
  options: { placeholder?: string; hint?: string; optional?: boolean; initial?: string; maxLength?: number },
): InputBlock {
  const maxLength = options.maxLength ?? 40;
  return {
    type: 'input',
    block_id: blockId,
    optional: options.optional ?? true,
    label: { type: 'plain_text', text: label },
    ...(options.hint ? { hint: { type: 'plain_text', text: options.hint } } : {}),
    element: {
      type: 'plain_text_input',
      action_id: VALUE,
      max_length: maxLength,
      ...(options.placeholder ? { placeholder: { type: 'plain_text', text: options.placeholder } } : {}),
      // Slack rejects an initial_value longer than max_length; a value cut short would be a different value.
      ...(options.initial && options.initial.length <= maxLength ? { initial_value: options.initial } : {}),
    },
  };
}

function selectInput(
  blockId: string,
  label: string,
  options: PlainTextOption[],
  settings: { optional?: boolean; initial?: string; placeholder: string },
): InputBlock {
  const initial = options.find((candidate) => candidate.value === settings.initial);
  return {
    type: 'input',
    block_id: blockId,
    optional: settings.optional ?? true,
    label: { type: 'plain_text', text: label },
    element: {
      type: 'static_select',
      action_id: VALUE,
      placeholder: { type: 'plain_text', text: settings.placeholder },
      options,
      ...(initial ? { initial_option: initial } : {}),
    },
  };
}

function vestingValue(vesting: Vesting | undefined): { pick?: string; custom?: string } {
  if (!vesting) return {};
  if (vesting.kind === 'front-loaded-5-15-40-40') return { pick: 'front-loaded' };
  if (vesting.kind === 'even' && vesting.years === 4) return { pick: 'even-4' };
  const percents =
    vesting.kind === 'even' ? Array.from({ length: vesting.years }, () => 100 / vesting.years) : vesting.percents;
  return { pick: 'custom', custom: percents.map((p) => formatPercent(p).replace('%', '')).join('/') };
}

export interface OfferModalOptions {
  origin: OfferOrigin;
  initial?: OfferDraft;
  /** Sharing needs a conversation; from the App Home or a global shortcut there is none. */
  canShare: boolean;
  /** Read from a message: say so at the top, and what could not be read. */
  prefillNote?: string;
}

export function buildOfferModal(guide: Guide, options: OfferModalOptions): ModalView {
  const initial = options.initial ?? {};
  const titles = peerTitles(guide);
  const titleMatch = titles.find(
    (entry) => entry.title === initial.title && (!initial.company || initial.company.includes(entry.peer)),
  );
  const equity = initial.equity;
  const vesting = vestingValue(equity?.kind === 'grant' ? equity.vesting : undefined);
  const bonus = initial.bonus;
  const deliveryOptions = (
    options.canShare ? (['dm', 'share-positions', 'share-figures'] as const) : (['dm'] as const)
  ).map((choice) => option(DELIVERY_LABELS[choice], choice));
  const blocks: KnownBlock[] = [
    ...(options.prefillNote ? [context([escapeMrkdwn(options.prefillNote)], 'offer_prefill_note')] : []),
    textInput(OFFER_BLOCKS.company, 'Competing company', {
      placeholder: 'SoFi',
      initial: initial.company,
      maxLength: 80,
    }),
    selectInput(
      OFFER_BLOCKS.kind,
      'What kind of company is it?',
      (Object.keys(COMPANY_KIND_LABELS) as CompanyKind[]).map((kind) => option(COMPANY_KIND_LABELS[kind], kind)),
      { placeholder: 'Traditional bank, fintech, big tech…', initial: initial.companyKind },
    ),
    selectInput(
      OFFER_BLOCKS.titlePick,
      'Their title (from the guide’s level map)',
      titles.map((entry) => option(`${entry.peer}: ${entry.title}`, `${entry.peer}|${entry.title}`)),
      {
        placeholder: 'Capital One: Senior Product Manager',
        initial: titleMatch ? `${titleMatch.peer}|${titleMatch.title}` : undefined,
      },
    ),
    textInput(OFFER_BLOCKS.titleText, '…or type their title', {
      placeholder: 'Staff Product Manager',
      initial: titleMatch ? undefined : initial.title,
      maxLength: 80,
    }),
    selectInput(
      OFFER_BLOCKS.region,
      `${guide.company} region to compare with`,
      guide.regions.map((region) => option(region.name, region.id)),
      { optional: false, placeholder: 'Choose a region', initial: initial.regionId },
    ),
    textInput(OFFER_BLOCKS.base, 'Base salary', {
      placeholder: '170k',
      hint: 'A year, in US dollars: 170k, $170,000 or 170000.',
      initial: initial.base !== undefined ? formatMoney(initial.base) : undefined,
    }),
    textInput(OFFER_BLOCKS.totalComp, '…or only their total comp, if that is all you know', {
      placeholder: '245k',
      initial:
        initial.totalComp !== undefined && initial.base === undefined ? formatMoney(initial.totalComp) : undefined,
    }),
    textInput(OFFER_BLOCKS.equity, 'Equity (RSU / stock)', {
      placeholder: '40k a year, or 160k as a total grant',
      initial: equity ? formatMoney(equity.dollars) : undefined,
    }),
    selectInput(
      OFFER_BLOCKS.equityKind,
      'That equity figure is…',
      [option('Per year', 'annual'), option('A total grant, vesting over years', 'grant')],
      { placeholder: 'Per year', initial: equity?.kind },
    ),
    selectInput(
      OFFER_BLOCKS.vesting,
      'Vesting of a total grant',
      [
        option('Evenly over 4 years (25% a year)', 'even-4'),
        option(`${FRONT_LOADED_SCHEDULE.join('/')} over 4 years`, 'front-loaded'),
        option('Custom percentages (below)', 'custom'),
      ],
      { placeholder: 'Evenly over 4 years', initial: vesting.pick },
    ),
    textInput(OFFER_BLOCKS.vestingCustom, 'Custom vesting, % per year', {
      placeholder: '10/20/30/40',
      hint: 'Yearly percentages separated by /, adding up to 100.',
      initial: vesting.custom,
    }),
    textInput(OFFER_BLOCKS.bonus, 'Bonus', {
      placeholder: '15% or 25k',
      hint: 'A % of base or an amount a year.',
      initial: bonus
        ? bonus.kind === 'percent'
          ? formatPercent(bonus.percent, 4)
          : formatMoney(bonus.dollars)
        : undefined,
    }),
    textInput(OFFER_BLOCKS.signOn, 'Sign-on bonus (one-time)', {
      placeholder: '20k',
      initial: initial.signOn !== undefined ? formatMoney(initial.signOn) : undefined,
    }),
    {
      type: 'input',
      block_id: OFFER_BLOCKS.premiums,
      optional: true,
      label: { type: 'plain_text', text: 'Ally.ai premiums that apply to you' },
      element: {
        type: 'checkboxes',
        action_id: VALUE,
        options: guide.premiums.slice(0, 10).map((premium) => option(premium.name, premium.id, premium.case)),
      },
    },
    {
      type: 'input',
      block_id: OFFER_BLOCKS.delivery,
      label: { type: 'plain_text', text: 'Who sees the answer?' },
      element: {
        type: 'radio_buttons',
        action_id: VALUE,
        options: deliveryOptions,
        initial_option: deliveryOptions[0],
      },
    },
    context(['Your figures are used for this answer only: never logged, never stored.'], 'offer_privacy'),
  ];
  return {
    type: 'modal',
    callback_id: CALLBACKS.offerModal,
    title: { type: 'plain_text', text: 'Prep a negotiation' },
    submit: { type: 'plain_text', text: 'Show my numbers' },
    close: { type: 'plain_text', text: 'Cancel' },
    private_metadata: encodeOrigin(options.origin),
    blocks,
  };
}

export function encodeOrigin(origin: OfferOrigin): string {
  const compact = { c: origin.channelId, t: origin.threadTs, r: origin.responseUrl };
  const text = JSON.stringify(compact);
  // private_metadata holds 3,000 characters: a response_url that would not fit is dropped, never truncated.
  return text.length <= 3000 ? text : JSON.stringify({ c: origin.channelId, t: origin.threadTs });
}

export function decodeOrigin(metadata: string | undefined): OfferOrigin {
  try {
    const parsed = JSON.parse(metadata || '{}') as { c?: unknown; t?: unknown; r?: unknown };
    const text = (value: unknown) => (typeof value === 'string' && value.length <= 3000 ? value : undefined);
    return { channelId: text(parsed.c), threadTs: text(parsed.t), responseUrl: text(parsed.r) };
  } catch {
    return {};
  }
}

/** What Slack sends back in view.state.values, reduced to the shapes this modal uses. */
export type ViewStateValues = Record<
  string,
  Record<
    string,
    {
      value?: string | null;
      selected_option?: { value?: string } | null;
      selected_options?: Array<{ value?: string }> | null;
    }
  >
>;

export interface OfferForm {
  draft: OfferDraft;
  premiumIds: string[];
  delivery: DeliveryChoice;
  /** Errors keyed by block_id, ready for `response_action: 'errors'`. */
  errors: Record<string, string>;
  /** Interpretations to echo back ("170 read as $170,000"). */
  readAs: string[];
}

const OFFER_FIELD_BLOCK: Record<OfferField, string> = {
  company: OFFER_BLOCKS.company,
  base: OFFER_BLOCKS.base,
  totalComp: OFFER_BLOCKS.totalComp,
  equity: OFFER_BLOCKS.equity,
  vesting: OFFER_BLOCKS.vestingCustom,
  bonus: OFFER_BLOCKS.bonus,
  signOn: OFFER_BLOCKS.signOn,
};

/** The input block on which a problem with an offer field is shown. */
export function blockForField(field: OfferField): string {
  return OFFER_FIELD_BLOCK[field];
}

/** What to type in each amount field, for error messages. */
const FIELD_EXAMPLES = {
  base: '170k or $170,000',
  totalComp: '245k or $245,000',
  equity: '40k a year, or 160k as a total grant',
  signOn: '20k, or 0 for none',
  bonus: '15% or 25k',
  vesting: '10/20/30/40 or 25/25/25/25',
} as const;

function withExample(reason: string, example: string): string {
  const sentence = /[.!?]$/.test(reason) ? reason : `${reason}.`;
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)} Example: ${example}.`;
}

/**
 * Custom yearly percentages, kept as typed. Equal years that only miss 100% by the rounding of their display
 * (33.3/33.3/33.3, which the modal itself prefills for a 3-year even vest) are read as the even vest they are.
 */
function customVesting(raw: string): { vesting: Vesting } | { error: string } {
  const parts = raw
    .split(/[/,\s]+/)
    .filter(Boolean)
    .map((part) => part.replace(/%$/, ''));
  if (raw === '') return { error: withExample('Custom vesting needs the yearly percentages', FIELD_EXAMPLES.vesting) };
  if (parts.length === 0 || parts.some((part) => !/^\d+(\.\d+)?$/.test(part))) {
    return {
      error: withExample(
        `'${truncate(raw, 30)}' is not a list of yearly percentages separated by /`,
        FIELD_EXAMPLES.vesting,
      ),
    };
  }
  const percents = parts.map(Number);
  const vesting: Vesting = { kind: 'custom', percents };
  const problem = vestingProblem(vesting);
  if (!problem) return { vesting };
  const first = percents[0] ?? 0;
  if (percents.every((p) => p === first) && Math.abs(first - 100 / percents.length) < 0.05) {
    return { vesting: { kind: 'even', years: percents.length } };
  }
  return { error: withExample(problem.message, FIELD_EXAMPLES.vesting) };
}

/** Read and validate the submitted modal: every problem goes on its own field, with an example. */
export function readOfferForm(guide: Guide, values: ViewStateValues): OfferForm {
  const text = (blockId: string) => values[blockId]?.[VALUE]?.value?.trim() || undefined;
  const picked = (blockId: string) => values[blockId]?.[VALUE]?.selected_option?.value || undefined;
  const errors: Record<string, string> = {};
  const readAs: string[] = [];
  const draft: OfferDraft = {};

  const amount = (blockId: string, label: string, min: number, example: string) => {
    const raw = text(blockId);
    if (raw === undefined) return undefined;
    const parsed = parseAmount(raw, { min });
    if (!parsed.ok) {
      errors[blockId] = withExample(parsed.reason, example);
      return undefined;
    }
    if (parsed.readAs) readAs.push(`${label}: ${parsed.readAs}`);
    return parsed.value;
  };

  draft.company = text(OFFER_BLOCKS.company);
  const kind = picked(OFFER_BLOCKS.kind);
  if (kind && kind in COMPANY_KIND_LABELS) draft.companyKind = kind as CompanyKind;
  const titlePick = picked(OFFER_BLOCKS.titlePick);
  draft.title = text(OFFER_BLOCKS.titleText) ?? titlePick?.split('|')[1];
  if (!draft.company && titlePick) draft.company = titlePick.split('|')[0];
  if (draft.company && !draft.companyKind) {
    // A known name (Capital One, SoFi, Google…) brings its kind, so a traditional bank still gets the branchless
    // premium when the person skipped the picker. Said in the answer, so they can correct it.
    const guessed = guessCompanyKind(draft.company);
    if (guessed) {
      draft.companyKind = guessed;
      readAs.push(`Kind of company: not picked, read as ${COMPANY_KIND_LABELS[guessed].toLowerCase()} from its name`);
    }
  }

  const regionId = picked(OFFER_BLOCKS.region);
  if (!regionIfKnown(guide, regionId)) {
    errors[OFFER_BLOCKS.region] =
      `Choose the ${guide.company} region to compare with, for example ${guide.regions[0]?.name ?? 'Detroit'}.`;
  } else {
    draft.regionId = regionId;
  }

  draft.base = amount(OFFER_BLOCKS.base, 'Base', 1_000, FIELD_EXAMPLES.base);
  draft.totalComp = amount(OFFER_BLOCKS.totalComp, 'Total comp', 1_000, FIELD_EXAMPLES.totalComp);
  const equityDollars = amount(OFFER_BLOCKS.equity, 'Equity', 0, FIELD_EXAMPLES.equity);
  const signOn = amount(OFFER_BLOCKS.signOn, 'Sign-on', 0, FIELD_EXAMPLES.signOn);
  if (signOn !== undefined) draft.signOn = signOn;
  if (draft.base !== undefined && draft.totalComp !== undefined) {
    readAs.push('Total comp: not used, because the answer adds up the parts you gave (base, bonus, equity)');
  }

  // The schedule is checked whenever equity was typed as a grant, even if the amount itself needs fixing, so
  // the person sees every problem at once.
  if (text(OFFER_BLOCKS.equity) !== undefined && picked(OFFER_BLOCKS.equityKind) === 'grant') {
    const pick = picked(OFFER_BLOCKS.vesting);
    let vesting: Vesting | undefined = { kind: 'even', years: 4 };
    if (pick === undefined) readAs.push('Vesting: none chosen, read as evenly over 4 years');
    if (pick === 'front-loaded') vesting = { kind: 'front-loaded-5-15-40-40' };
    if (pick === 'custom') {
      const custom = customVesting(text(OFFER_BLOCKS.vestingCustom) ?? '');
      if ('error' in custom) {
        errors[OFFER_BLOCKS.vestingCustom] = custom.error;
        vesting = undefined;
      } else {
        vesting = custom.vesting;
      }
    }
    if (equityDollars !== undefined && vesting) draft.equity = { kind: 'grant', dollars: equityDollars, vesting };
  } else if (equityDollars !== undefined) {
    draft.equity = { kind: 'annual', dollars: equityDollars };
  }

  const bonusRaw = text(OFFER_BLOCKS.bonus);
  if (bonusRaw !== undefined) {
    const parsed = parseAmountOrPercent(bonusRaw, { min: 0 });
    if (!parsed.ok) errors[OFFER_BLOCKS.bonus] = withExample(parsed.reason, FIELD_EXAMPLES.bonus);
    else {
      if (parsed.readAs) readAs.push(`Bonus: ${parsed.readAs}`);
      draft.bonus =
        parsed.value.kind === 'percent'
          ? { kind: 'percent', percent: parsed.value.percent }
          : { kind: 'dollars', dollars: parsed.value.dollars };
    }
  }

  // Whole-offer checks, reported on the field that has to change; never over a field's own parse error.
  const parsedFine = (blockId: string) => errors[blockId] === undefined && text(blockId) !== undefined;
  for (const problem of checkOffer(draft)) {
    const blockId = OFFER_FIELD_BLOCK[problem.field];
    if (problem.field === 'base' && (errors[OFFER_BLOCKS.base] || errors[OFFER_BLOCKS.totalComp])) continue;
    if (problem.field === 'bonus' && !parsedFine(OFFER_BLOCKS.bonus)) continue;
    errors[blockId] ??= withExample(problem.message, problem.example);
  }

  const premiumIds = (values[OFFER_BLOCKS.premiums]?.[VALUE]?.selected_options ?? [])
    .map((selected) => selected.value ?? '')
    .filter((id) => guide.premiums.some((premium) => premium.id === id));
  const deliveryValue = picked(OFFER_BLOCKS.delivery);
  const delivery: DeliveryChoice =
    deliveryValue === 'share-positions' || deliveryValue === 'share-figures' ? deliveryValue : 'dm';
  return { draft, premiumIds, delivery, errors, readAs };
}
