import type { OfferDraft } from '../offer/collector.js';
import type { Confirmation } from './types.js';

/**
 * The offer as the person typed it, with one "did you mean …?" reading applied and everything else kept: a total
 * comp candidate scales every dollar figure they gave by the same factor (a slipped "k" slips them all); an equity
 * candidate reads the equity as a year's worth or as a grant vesting evenly over 4 years; a base candidate replaces
 * the base alone (a bonus given as a % of base follows it); a bonus or sign-on candidate replaces that part alone.
 */
export function applyCandidate(
  draft: OfferDraft,
  field: Confirmation['field'],
  candidate: Confirmation['candidates'][number],
  typedTc: number,
): OfferDraft {
  if (field === 'equity') {
    const dollars = draft.equity?.dollars ?? candidate.value;
    return {
      ...draft,
      equity: candidate.typed.startsWith('--grant')
        ? { kind: 'grant', dollars, vesting: { kind: 'even', years: 4 } }
        : { kind: 'annual', dollars, statedYearly: true, confirmed: true },
    };
  }
  // A base reading corrects the base alone: the other parts were plausible as typed.
  if (field === 'base') return { ...draft, base: candidate.value };
  if (field === 'bonus') return { ...draft, bonus: { kind: 'dollars', dollars: candidate.value } };
  // The figure as typed, confirmed: it is not asked about again.
  if (field === 'signOn')
    return {
      ...draft,
      signOn: candidate.value,
      ...(candidate.value === draft.signOn ? { signOnConfirmed: true } : {}),
    };
  if (draft.base === undefined) return { ...draft, totalComp: candidate.value };
  const factor = candidate.value / typedTc;
  const scale = (dollars: number) => Math.round(dollars * factor);
  return {
    ...draft,
    base: scale(draft.base),
    ...(draft.totalComp !== undefined ? { totalComp: scale(draft.totalComp) } : {}),
    ...(draft.equity ? { equity: { ...draft.equity, dollars: scale(draft.equity.dollars) } } : {}),
    ...(draft.bonus?.kind === 'dollars' ? { bonus: { kind: 'dollars', dollars: scale(draft.bonus.dollars) } } : {}),
    ...(draft.signOn !== undefined ? { signOn: scale(draft.signOn) } : {}),
  };
}
