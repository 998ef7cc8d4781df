/** The submitted offer modal, read and checked: every problem on its own field, with an example. Pure. */
import { parseAmount, parseAmountOrPercent } from '../engine/money.js';
import {
  checkOffer,
  guessCompanyKind,
  type OfferDraft,
  type OfferField,
  type Vesting,
  vestingProblem,
} from '../engine/offer/index.js';
import { regionIfKnown } from '../engine/regions.js';
import type { CompanyKind, Guide } from '../guide/schema.js';
import { truncate } from './blocks.js';
import { OFFER_BLOCKS, OFFER_VALUE as VALUE } from './ids.js';
import { COMPANY_KIND_LABELS, type DeliveryChoice } from './offer-modal.js';

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
    const guessed = guessCompanyKind(guide, draft.company);
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
