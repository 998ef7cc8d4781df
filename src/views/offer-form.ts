/** The submitted offer modal, read and checked: every problem on its own field, with an example. Pure. */
import { parseAmount, parseAmountOrPercent } from '../engine/money.js';
import {
  checkOffer,
  DEFAULT_VEST_YEARS,
  guessCompanyKind,
  type OfferDraft,
  type OfferField,
  readEquityField,
  readVestingField,
  type Vesting,
  vestingPercents,
} from '../engine/offer/index.js';
import { regionIfKnown } from '../engine/regions.js';
import type { CompanyKind, Guide } from '../guide/schema.js';
import { OFFER_BLOCKS, OFFER_VALUE as VALUE } from './ids.js';
import { COMPANY_KIND_LABELS, type DeliveryChoice, EQUITY_KIND_LABELS } from './offer-modal.js';

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

/** How the equity box's own words say each kind of the equity picker. */
const EQUITY_KIND_WORDS = { annual: 'a yearly value', grant: 'a total grant' } as const;

function withExample(reason: string, example: string): string {
  const sentence = /[.!?]$/.test(reason) ? reason : `${reason}.`;
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)} Example: ${example}.`;
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
  const signOn = amount(OFFER_BLOCKS.signOn, 'Sign-on', 0, FIELD_EXAMPLES.signOn);
  if (signOn !== undefined) draft.signOn = signOn;
  if (draft.base !== undefined && draft.totalComp !== undefined) {
    readAs.push('Total comp: not used, because the answer adds up the parts you gave (base, bonus, equity)');
  }

  // The equity box says "40k a year, or 160k as a total grant": its own words decide the kind and the years (the
  // engine's reader for that box); the pickers decide what the words leave open, and a contradiction is an error.
  const equityRaw = text(OFFER_BLOCKS.equity);
  const equity = equityRaw === undefined ? undefined : readEquityField(equityRaw, { min: 0 });
  if (equity && !equity.ok) errors[OFFER_BLOCKS.equity] = withExample(equity.reason, FIELD_EXAMPLES.equity);
  if (equity?.ok && equity.readAs) readAs.push(`Equity: ${equity.readAs}`);
  const equityDollars = equity?.ok ? equity.dollars : undefined;
  const typedKind = equity?.ok ? equity.kind : undefined;
  const typedYears = equity?.ok ? equity.years : undefined;
  const pickedKind = picked(OFFER_BLOCKS.equityKind);
  if (typedKind && (pickedKind === 'annual' || pickedKind === 'grant') && typedKind !== pickedKind) {
    errors[OFFER_BLOCKS.equityKind] = withExample(
      `The equity box says ${EQUITY_KIND_WORDS[typedKind]}, but '${EQUITY_KIND_LABELS[pickedKind]}' is picked: change one`,
      FIELD_EXAMPLES.equity,
    );
  }
  const equityKind = typedKind ?? pickedKind;

  // The schedule is checked whenever equity was typed as a grant, even if the amount itself needs fixing, so
  // the person sees every problem at once.
  if (equityRaw !== undefined && equityKind === 'grant') {
    const pick = picked(OFFER_BLOCKS.vesting);
    // No schedule picked: the years the equity box gives, else the default even vest ('even-4' is that default too).
    let vesting: Vesting | undefined = {
      kind: 'even',
      years: (pick === undefined ? typedYears : undefined) ?? DEFAULT_VEST_YEARS,
    };
    if (pick === undefined && typedYears === undefined) {
      readAs.push(`Vesting: none chosen, read as evenly over ${DEFAULT_VEST_YEARS} years`);
    }
    if (pick === 'front-loaded') vesting = { kind: 'front-loaded-5-15-40-40' };
    if (pick === 'custom') {
      const raw = text(OFFER_BLOCKS.vestingCustom);
      const custom = raw === undefined ? undefined : readVestingField(guide, raw);
      if (custom?.ok) {
        readAs.push(...custom.readAs);
        vesting = custom.vesting;
      } else {
        errors[OFFER_BLOCKS.vestingCustom] = withExample(
          custom ? custom.reason : 'Custom vesting needs the yearly percentages',
          FIELD_EXAMPLES.vesting,
        );
        vesting = undefined;
      }
    }
    const pickedYears = vesting && pick !== undefined ? vestingPercents(vesting).length : undefined;
    if (typedYears !== undefined && pickedYears !== undefined && pickedYears !== typedYears) {
      errors[OFFER_BLOCKS.vesting] = withExample(
        `The equity box says over ${typedYears} years, but the vesting picked is over ${pickedYears}: change one`,
        FIELD_EXAMPLES.vesting,
      );
    }
    if (equityDollars !== undefined && vesting) draft.equity = { kind: 'grant', dollars: equityDollars, vesting };
  } else if (equityDollars !== undefined) {
    // Typed as a year in the box, or the yearly kind picked: the person said which.
    draft.equity = {
      kind: 'annual',
      dollars: equityDollars,
      ...(equityKind === 'annual' ? { statedYearly: true } : {}),
    };
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
