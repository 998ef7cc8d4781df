import type { ChartInput } from '../chart/model.js';
import { buildAskPackage } from '../engine/ask/index.js';
import { type CoachCardState, readCoachTarget } from '../engine/coach.js';
import { findRegion, primaryAlias, regionIfKnown } from '../engine/regions.js';
import type { LoadedGuide } from '../guide/load.js';
import type { Guide, Region } from '../guide/schema.js';
import { escapeMrkdwn, type SlackMessage } from '../views/blocks.js';
import { buildCoachCard, buildRehearsal } from '../views/coach-card.js';
import { commandErrorText } from '../views/error-messages.js';
import { COMMAND } from '../views/ids.js';
import { regionAnswer } from './answers.js';

/** `/allycomp coach …` read before Slack is asked anything: a region and maybe a teammate, or a specific problem. */
export type CoachRequest =
  | { ok: true; region: Region; teammateId?: string }
  /** Mrkdwn, for the person who typed it alone; anything they typed is escaped. */
  | { ok: false; problem: string };

export function readCoachRequest(loaded: LoadedGuide, words: string[]): CoachRequest {
  const { guide } = loaded;
  const { target, rest } = readCoachTarget(words);
  const firstRegion = guide.regions.map(primaryAlias)[0] ?? 'ny';
  const example = `${COMMAND} coach @teammate ${firstRegion}`;
  if (target.kind === 'usergroup') {
    return {
      ok: false,
      problem: `${escapeMrkdwn(target.handle)} is a group: coach one person at a time (\`${example}\`), or the whole channel with \`${COMMAND} coach ${firstRegion}\`.`,
    };
  }
  if (target.kind === 'unresolved') {
    return {
      ok: false,
      problem: `I could not tell who ${escapeMrkdwn(target.text)} is: pick the person from Slack's @-mention list so it becomes a mention, e.g. \`${example}\`.`,
    };
  }
  if (rest.length === 0) return { ok: false, problem: `Which region? For example \`${example}\`.` };
  const lookup = findRegion(guide, rest.join(' '));
  if (!lookup.ok) return { ok: false, problem: commandErrorText(lookup.error) };
  return { ok: true, region: lookup.region, ...(target.kind === 'person' ? { teammateId: target.userId } : {}) };
}

/** A prep card with what goes in its thread: the region's band and levers, and the band chart. */
export interface CoachCardAnswer {
  card: SlackMessage;
  thread: SlackMessage[];
  chart?: ChartInput;
}

export function coachCardAnswer(loaded: LoadedGuide, state: CoachCardState): CoachCardAnswer {
  const region = regionIfKnown(loaded.guide, state.regionId);
  const card = buildCoachCard(loaded.guide, state);
  if (!region) return { card, thread: [] };
  const answer = regionAnswer(loaded, region);
  return { card, thread: [answer.message, ...answer.thread], ...(answer.chart ? { chart: answer.chart } : {}) };
}

/** Why a named teammate gets no card, for the coach alone. */
export function teammateProblemText(
  problem: 'bot' | 'deleted' | 'not_member',
  teammateId: string,
  region: Region,
): string {
  switch (problem) {
    case 'bot':
      return `<@${teammateId}> is a bot: a prep card is for a person. Try \`${COMMAND} coach @teammate ${primaryAlias(region)}\`.`;
    case 'deleted':
      return `<@${teammateId}> has left the workspace, so there is nobody to prepare.`;
    case 'not_member':
      return `<@${teammateId}> is not in this channel. Invite them first (\`/invite @…\`), or prep them where they are.`;
  }
}

/** The coach's own answer to a message in the bot's DM: a card needs a channel, so say exactly what to type. */
export function coachInDmProblem(loaded: LoadedGuide): string {
  const firstRegion = loaded.guide.regions.map(primaryAlias)[0] ?? 'ny';
  return (
    `A prep card is posted in a channel, so \`coach\` works there: in the channel, type \`${COMMAND} coach @teammate ${firstRegion}\` ` +
    `(they are asked first) or \`${COMMAND} coach ${firstRegion}\` for the whole channel.`
  );
}

/** "Rehearse lever N": that lever's script from the region's ask package, the same words the levers reply shows. */
export function rehearsalMessage(guide: Guide, state: CoachCardState, leverNumber: number): SlackMessage | undefined {
  const region = regionIfKnown(guide, state.regionId);
  const script = region && buildAskPackage(guide, region).scripts.find((lever) => lever.number === leverNumber);
  return script && buildRehearsal(guide, state, leverNumber, script.text);
}
