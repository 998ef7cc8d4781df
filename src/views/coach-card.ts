import type { KnownBlock } from '@slack/types';
import { type CoachCardState, coachSteps } from '../engine/coach.js';
import { formatRange } from '../engine/money.js';
import { regionById } from '../engine/regions.js';
import type { Guide } from '../guide/schema.js';
import { actions, button, context, escapeMrkdwn, quote, type SlackMessage, section } from './blocks.js';
import { ACTIONS, BLOCK_PREFIXES, BLOCKS, COACH_ACTIONS, withSuffix } from './ids.js';

/** The card's state, compact enough for a button value (2,000 characters). */
export function encodeCardState(state: CoachCardState): string {
  const ticks = Object.fromEntries(Object.entries(state.ticks).map(([step, tick]) => [step, [tick.by, tick.at]]));
  return JSON.stringify({
    r: state.regionId,
    c: state.coachId,
    ...(state.teammateId ? { m: state.teammateId } : {}),
    t: ticks,
  });
}

export function decodeCardState(value: string | undefined): CoachCardState | undefined {
  try {
    const raw = JSON.parse(value ?? '') as { r?: unknown; c?: unknown; m?: unknown; t?: unknown };
    if (typeof raw.r !== 'string' || typeof raw.c !== 'string') return undefined;
    const ticks: CoachCardState['ticks'] = {};
    for (const [step, tick] of Object.entries((raw.t ?? {}) as Record<string, unknown>)) {
      if (Array.isArray(tick) && typeof tick[0] === 'string' && typeof tick[1] === 'number')
        ticks[step] = { by: tick[0], at: tick[1] };
    }
    return { regionId: raw.r, coachId: raw.c, ...(typeof raw.m === 'string' ? { teammateId: raw.m } : {}), ticks };
  } catch {
    return undefined;
  }
}

function when(at: number): string {
  // Slack renders this in each reader's own time zone; the text after | is the fallback.
  return `<!date^${at}^{date_short_pretty} at {time}|${new Date(at * 1000).toISOString().slice(0, 16).replace('T', ' ')} UTC>`;
}

export function whoMayTick(state: CoachCardState): string {
  return state.teammateId ? `<@${state.coachId}> or <@${state.teammateId}>` : 'anyone in this channel';
}

export function buildCoachCard(guide: Guide, state: CoachCardState): SlackMessage {
  const region = regionById(guide, state.regionId);
  const steps = coachSteps(guide, region);
  const value = encodeCardState(state);
  const done = steps.filter((step) => state.ticks[step.id]).length;
  const who = state.teammateId ? `<@${state.teammateId}>` : 'this channel (group session)';
  const blocks: KnownBlock[] = [
    section(
      `*Negotiation prep for ${who}* · ${escapeMrkdwn(region.name)} · coached by <@${state.coachId}>\n` +
        `*Target:* ${formatRange(region.strategy.target)} total comp. _${escapeMrkdwn(region.strategy.text)}_`,
      BLOCKS.coachIntro,
    ),
    ...steps.map((step): KnownBlock => {
      const tick = state.ticks[step.id];
      const status = tick
        ? `:white_check_mark: ~${escapeMrkdwn(step.title)}~ — ticked by <@${tick.by}> ${when(tick.at)}`
        : `:white_large_square: *${escapeMrkdwn(step.title)}*`;
      return {
        type: 'section',
        block_id: `${BLOCK_PREFIXES.coachStep}${step.id}`,
        text: { type: 'mrkdwn', text: `${status}\n${escapeMrkdwn(step.hint)}` },
        accessory: tick
          ? button('Untick', withSuffix(COACH_ACTIONS.untick, step.id), value, undefined, `Untick ${step.title}`)
          : button('Tick', withSuffix(COACH_ACTIONS.tick, step.id), value, 'primary', `Tick ${step.title}`),
      };
    }),
    actions(BLOCKS.coachActions, [
      ...guide.levers.map((lever) =>
        button(
          `Rehearse lever ${lever.number}`,
          withSuffix(COACH_ACTIONS.rehearse, String(lever.number)),
          value,
          undefined,
          `Rehearse ${lever.name}`,
        ),
      ),
      button('Prep my offer', ACTIONS.openOffer, region.id, 'primary'),
    ]),
    context(
      [
        `${done} of ${steps.length} done. ${state.teammateId ? `Only ${whoMayTick(state)} can` : 'Anyone in this channel can'} tick steps. The band and the ${guide.levers.length} levers are in this thread.`,
      ],
      BLOCKS.coachFooter,
    ),
  ];
  return {
    text: `Negotiation prep for ${state.teammateId ? `<@${state.teammateId}>` : 'this channel'} (${region.shortName}): ${done} of ${steps.length} steps done.`,
    blocks,
  };
}

export function buildRehearsal(
  guide: Guide,
  state: CoachCardState,
  leverNumber: number,
  script: string,
): SlackMessage | undefined {
  const lever = guide.levers.find((candidate) => candidate.number === leverNumber);
  if (!lever) return undefined;
  const invite = state.teammateId
    ? `<@${state.teammateId}>, reply in this thread with how you would say it.`
    : 'Reply in this thread with how you would say it.';
  return {
    text: `Rehearse lever ${lever.number}: ${lever.name}. ${script}`.slice(0, 3000),
    blocks: [
      section(
        `*Rehearse lever ${lever.number} · ${escapeMrkdwn(lever.name)}*\n${quote(escapeMrkdwn(script))}`,
        BLOCKS.rehearseScript,
      ),
      context([`${invite} _Why it works:_ ${escapeMrkdwn(lever.rationale)}`], BLOCKS.rehearseInvite),
    ],
  };
}
