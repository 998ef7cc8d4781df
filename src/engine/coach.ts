import type { Guide, Region } from '../guide/schema.js';
import { buildAskPackage } from './ask/index.js';
import { formatMoney, formatRange } from './money.js';
import { claimPremiums } from './premiums.js';

/** One step of a prep card's checklist, in the order a negotiation is prepared. */
export interface CoachStep {
  id: string;
  title: string;
  hint: string;
}

export interface StepTick {
  by: string;
  /** Unix seconds. */
  at: number;
}

/** Everything a prep card knows. It travels in the card itself (button values): nothing is stored. */
export interface CoachCardState {
  regionId: string;
  coachId: string;
  /** Absent for a group session: the whole channel is being prepared. */
  teammateId?: string;
  ticks: Record<string, StepTick>;
}

/** The checklist follows the guide's structure: bands, a competing offer, premiums, levers, scripts, the ask. */
export function coachSteps(guide: Guide, region: Region): CoachStep[] {
  const ask = buildAskPackage(guide, region).ask;
  const premiums = claimPremiums(
    guide,
    guide.premiums.map((premium) => premium.id),
  );
  return [
    {
      id: 'band',
      title: 'Know the band',
      hint: `${region.shortName} total comp runs ${formatRange(region.band.totalComp)}; base ${formatRange(region.band.base)}.`,
    },
    {
      id: 'offer',
      title: 'Bring a competing offer',
      hint:
        `Lever ${guide.levers.find((lever) => lever.asks === 'totalComp')?.number ?? 3} anchors on it: the ask becomes the ` +
        `offer + ${formatMoney(guide.askRules.competingUplift)} rounded up to $1K, never under the target's low ` +
        `(${formatMoney(region.strategy.target.low)}); above the band top (${formatMoney(region.band.totalComp.high)}) only on the strength of the offer.`,
    },
    {
      id: 'premiums',
      title: 'Claim the premiums that apply',
      hint: `${guide.premiums.length} ${guide.company} premiums (${formatRange(premiums.total.value)} between them): pick the ones you can back with examples; they are reasons to hold at the top of the range, never added to it.`,
    },
    {
      id: 'levers',
      title: 'Pick the levers',
      hint: guide.levers.map((lever) => `${lever.number}. ${lever.name.replace(/ Lever$/, '')}`).join(' · '),
    },
    {
      id: 'rehearse',
      title: 'Rehearse the scripts',
      hint: 'Use the Rehearse buttons: each posts a script in the thread for the person rehearsing to say in their own words.',
    },
    {
      id: 'number',
      title: 'Agree the number to ask for',
      hint: `The guide's target for ${region.shortName}: ${ask ? formatRange(ask.tc.value) : formatRange(region.strategy.target)} total comp.`,
    },
  ];
}

/**
 * A coach's request to prepare a named teammate: nothing is posted in the channel until the teammate accepts.
 * It travels in the accept / decline buttons (no store) and holds no figure of anyone's pay.
 */
export interface CoachConsent {
  regionId: string;
  coachId: string;
  teammateId: string;
  /** Where the card goes once the teammate accepts. */
  channelId: string;
}

export function canUpdateCard(state: CoachCardState, userId: string): boolean {
  if (!state.teammateId) return true;
  return userId === state.coachId || userId === state.teammateId;
}

/** Tick or untick a step. Setting (not toggling) makes a double click or a retried request harmless. */
export function setStep(
  state: CoachCardState,
  stepId: string,
  ticked: boolean,
  userId: string,
  at: number,
): CoachCardState {
  const ticks = { ...state.ticks };
  if (ticked) ticks[stepId] ??= { by: userId, at };
  else delete ticks[stepId];
  return { ...state, ticks };
}

/** Who a coach command is for: `<@U123|name>` (escaped mention), a user group, or nobody (group session). */
export type CoachTarget =
  | { kind: 'person'; userId: string }
  | { kind: 'group' }
  | { kind: 'usergroup'; handle: string }
  | { kind: 'unresolved'; text: string };

export function readCoachTarget(words: string[]): { target: CoachTarget; rest: string[] } {
  const rest: string[] = [];
  let target: CoachTarget = { kind: 'group' };
  for (const word of words) {
    const person = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(word);
    const usergroup = /^<!subteam\^([A-Z0-9]+)(?:\|([^>]*))?>$/.exec(word);
    if (person?.[1]) target = { kind: 'person', userId: person[1] };
    else if (usergroup) target = { kind: 'usergroup', handle: usergroup[2] ?? 'that group' };
    else if (/^<!(here|channel|everyone)/.test(word))
      target = { kind: 'usergroup', handle: `@${word.slice(2, -1).split('|')[0]}` };
    else if (word.startsWith('@')) target = { kind: 'unresolved', text: word };
    else rest.push(word);
  }
  return { target, rest };
}
