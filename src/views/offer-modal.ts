import type { InputBlock, KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { peerTitles } from '../engine/levels.js';
import { formatMoneyTyped, formatPercent } from '../engine/money.js';
import { FRONT_LOADED_SCHEDULE, type OfferDraft, type Vesting } from '../engine/offer/index.js';
import type { CompanyKind, Guide } from '../guide/schema.js';
import { context, escapeMrkdwn, truncate } from './blocks.js';
import { CALLBACKS, OFFER_BLOCKS, OFFER_VALUE as VALUE } from './ids.js';

export const COMPANY_KIND_LABELS: Record<CompanyKind, string> = {
  'traditional-bank': 'Traditional bank',
  'digital-bank-or-fintech': 'Digital bank or fintech',
  'big-tech': 'Big tech',
  other: 'Other',
};

export const EQUITY_KIND_LABELS = { annual: 'Per year', grant: 'A total grant, vesting over years' } as const;

export type DeliveryChoice = 'dm' | 'share-positions' | 'share-figures';

const DELIVERY_LABELS: Record<DeliveryChoice, string> = {
  dm: 'Just me — a DM from allycomp',
  'share-positions': "Share in this channel's thread, without my offer",
  'share-figures': "Share in this channel's thread, with my offer and figures",
};

/** What each share shows, said plainly under its label (Slack allows 75 characters). */
const DELIVERY_DESCRIPTIONS: Record<DeliveryChoice, string> = {
  dm: 'Nobody else sees it.',
  'share-positions': 'Band, target, scripts with blanks. No company, no figure, no position.',
  'share-figures': 'The whole answer: the company name, your figures and the ask.',
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
  ).map((choice) => option(DELIVERY_LABELS[choice], choice, DELIVERY_DESCRIPTIONS[choice]));
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
      initial: initial.base !== undefined ? formatMoneyTyped(initial.base) : undefined,
    }),
    textInput(OFFER_BLOCKS.totalComp, '…or only their total comp, if that is all you know', {
      placeholder: '245k',
      initial:
        initial.totalComp !== undefined && initial.base === undefined ? formatMoneyTyped(initial.totalComp) : undefined,
    }),
    textInput(OFFER_BLOCKS.equity, 'Equity (RSU / stock)', {
      placeholder: '40k a year, or 160k as a total grant',
      initial: equity ? formatMoneyTyped(equity.dollars) : undefined,
    }),
    selectInput(
      OFFER_BLOCKS.equityKind,
      'That equity figure is…',
      [option(EQUITY_KIND_LABELS.annual, 'annual'), option(EQUITY_KIND_LABELS.grant, 'grant')],
      // "Per year" is picked only when the person said so: a reading of ours stays a placeholder, still to confirm.
      {
        placeholder: 'Per year',
        initial:
          equity?.kind === 'grant' || (equity?.kind === 'annual' && equity.statedYearly) ? equity.kind : undefined,
      },
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
          : formatMoneyTyped(bonus.dollars)
        : undefined,
    }),
    textInput(OFFER_BLOCKS.signOn, 'Sign-on bonus (one-time)', {
      placeholder: '20k',
      initial: initial.signOn !== undefined ? formatMoneyTyped(initial.signOn) : undefined,
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
