/**
 * Helpers for the offer modal in tests: read its initial values the way a person sees them, and turn them into
 * the `view.state.values` Slack sends on submit (block_id → action_id "value" → the element's state).
 */
import type { InputBlock, KnownBlock, ModalView } from '@slack/types';
import { OFFER_BLOCKS } from '../../src/views/ids.js';
import type { ViewStateValues } from '../../src/views/offer-form.js';

type Element = {
  type: string;
  action_id?: string;
  initial_value?: string;
  initial_option?: { value?: string; text?: { text?: string } };
  initial_options?: Array<{ value?: string }>;
};

export type OfferFieldName = keyof typeof OFFER_BLOCKS;

function inputs(view: ModalView | { blocks: unknown[] }): InputBlock[] {
  return (view.blocks as KnownBlock[]).filter((block): block is InputBlock => block.type === 'input');
}

/** Each field's initial value: the typed text, or the chosen option's value; undefined when empty. */
export function initialValues(view: ModalView | { blocks: unknown[] }): Partial<Record<OfferFieldName, string>> {
  const names = Object.fromEntries(Object.entries(OFFER_BLOCKS).map(([name, id]) => [id, name as OfferFieldName]));
  const out: Partial<Record<OfferFieldName, string>> = {};
  for (const block of inputs(view)) {
    const name = names[block.block_id ?? ''];
    const element = block.element as Element;
    if (!name || name === 'premiums' || name === 'delivery') continue;
    const value = element.initial_value ?? element.initial_option?.value;
    if (value !== undefined) out[name] = value;
  }
  return out;
}

/** What Slack would send on submit if the person changed nothing, with `typed` and `picked` on top. */
export function submittedValues(
  view: ModalView | { blocks: unknown[] },
  changes: {
    typed?: Partial<Record<OfferFieldName, string | null>>;
    picked?: Partial<Record<OfferFieldName, string | null>>;
    ticked?: string[];
  } = {},
): ViewStateValues {
  const values: ViewStateValues = {};
  const idOf = (name: OfferFieldName) => OFFER_BLOCKS[name];
  for (const block of inputs(view)) {
    const element = block.element as Element;
    const id = block.block_id ?? '';
    if (element.type === 'plain_text_input') values[id] = { value: { value: element.initial_value ?? null } };
    else if (element.type === 'checkboxes') {
      values[id] = { value: { selected_options: (element.initial_options ?? []).map((o) => ({ value: o.value })) } };
    } else {
      const initial = element.initial_option?.value;
      values[id] = { value: { selected_option: initial === undefined ? null : { value: initial } } };
    }
  }
  for (const [name, value] of Object.entries(changes.typed ?? {})) {
    values[idOf(name as OfferFieldName)] = { value: { value: value ?? null } };
  }
  for (const [name, value] of Object.entries(changes.picked ?? {})) {
    values[idOf(name as OfferFieldName)] = { value: { selected_option: value == null ? null : { value } } };
  }
  if (changes.ticked) {
    values[OFFER_BLOCKS.premiums] = { value: { selected_options: changes.ticked.map((value) => ({ value })) } };
  }
  return values;
}

/** A submission made from scratch: only what is given is filled in (delivery defaults to "Just me"). */
export function formValues(
  typed: Partial<Record<OfferFieldName, string>>,
  picked: Partial<Record<OfferFieldName, string>> = {},
  ticked: string[] = [],
): ViewStateValues {
  const values: ViewStateValues = {};
  for (const [name, value] of Object.entries(typed)) {
    values[OFFER_BLOCKS[name as OfferFieldName]] = { value: { value } };
  }
  for (const [name, value] of Object.entries({ delivery: 'dm', ...picked })) {
    values[OFFER_BLOCKS[name as OfferFieldName]] = { value: { selected_option: { value } } };
  }
  values[OFFER_BLOCKS.premiums] = { value: { selected_options: ticked.map((value) => ({ value })) } };
  return values;
}
