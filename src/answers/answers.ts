import type { ChartInput } from '../chart/model.js';
import { buildAskPackage } from '../engine/ask/index.js';
import { compareRegions, regionBand } from '../engine/bands.js';
import type { ParsedCommand } from '../engine/parse-command.js';
import { regionById } from '../engine/regions.js';
import type { LoadedGuide } from '../guide/load.js';
import type { Region } from '../guide/schema.js';
import type { SlackMessage } from '../views/blocks.js';
import { buildCompareMessage } from '../views/compare.js';
import { buildErrorMessage } from '../views/error-messages.js';
import {
  buildLevelsMessage,
  buildLeversMessage,
  buildPremiumsMessage,
  buildSourcesMessage,
} from '../views/guide-parts.js';
import { buildHelpMessage } from '../views/help.js';
import { buildMathMessage } from '../views/math.js';
import { buildLeversReply, buildRegionMessage } from '../views/region.js';
import { regionChartInput } from './chart-input.js';

/**
 * The answer to a command, independent of how it is delivered.
 * - `message` is what goes to the channel (or to the person alone when `onlyToRequester`);
 * - `thread` are replies under it when it could be posted as a real message;
 * - `standalone` is the same answer in one message, for when a thread is impossible
 *   (a private answer, or a channel the bot cannot post in).
 */
export interface CommandAnswer {
  message: SlackMessage;
  thread: SlackMessage[];
  standalone: SlackMessage;
  /** Errors and `private` answers are only ever shown to the person who asked. */
  onlyToRequester: boolean;
  /** A chart to upload into the thread, when the answer is posted as a message. */
  chart?: ChartInput;
}

function single(message: SlackMessage, onlyToRequester: boolean): CommandAnswer {
  return { message, thread: [], standalone: message, onlyToRequester };
}

export function regionAnswer(loaded: LoadedGuide, region: Region, onlyToRequester = false): CommandAnswer {
  const { guide } = loaded;
  const band = regionBand(loaded, region);
  const pkg = buildAskPackage(guide, region);
  return {
    message: buildRegionMessage(guide, band, pkg),
    thread: [buildLeversReply(guide, pkg)],
    standalone: buildRegionMessage(guide, band, pkg, { inlineLevers: true }),
    onlyToRequester,
    chart: regionChartInput(guide),
  };
}

/** Public region answers are the same for everyone: built once per guide and region, shared by every delivery. */
const publicRegionAnswers = new WeakMap<LoadedGuide, Map<string, CommandAnswer>>();

export function sharedRegionAnswer(loaded: LoadedGuide, region: Region): CommandAnswer {
  let answers = publicRegionAnswers.get(loaded);
  if (!answers) {
    answers = new Map();
    publicRegionAnswers.set(loaded, answers);
  }
  let answer = answers.get(region.id);
  if (!answer) {
    answer = regionAnswer(loaded, region);
    answers.set(region.id, answer);
  }
  return answer;
}

export function mathAnswer(loaded: LoadedGuide, region: Region): SlackMessage {
  return buildMathMessage(regionBand(loaded, region), buildAskPackage(loaded.guide, region));
}

/** Help, "show the math", errors and anything asked with `private` are for the person who asked alone. */
export function isPrivateAnswer(parsed: ParsedCommand): boolean {
  return parsed.private || ['help', 'math', 'error'].includes(parsed.intent.kind);
}

/**
 * Answers for every intent that needs no Slack state. Offer, chart and coach intents are handled by their
 * own flows (modal, upload, card); here they return undefined.
 */
export function answerCommand(loaded: LoadedGuide, parsed: ParsedCommand): CommandAnswer | undefined {
  const { guide } = loaded;
  const { intent } = parsed;
  const quiet = isPrivateAnswer(parsed);
  switch (intent.kind) {
    case 'help':
      return single(buildHelpMessage(guide), quiet);
    case 'region':
      return quiet ? regionAnswer(loaded, intent.region, true) : sharedRegionAnswer(loaded, intent.region);
    case 'compare':
      return single(buildCompareMessage(loaded, compareRegions(guide)), quiet);
    case 'levers': {
      const region = intent.region ?? regionById(guide, guide.example.region);
      return single(buildLeversMessage(loaded, buildAskPackage(guide, region)), quiet);
    }
    case 'levels':
      return single(buildLevelsMessage(guide), quiet);
    case 'premiums':
      return single(buildPremiumsMessage(loaded), quiet);
    case 'sources':
      return single(buildSourcesMessage(guide), quiet);
    case 'math':
      return single(mathAnswer(loaded, intent.region), quiet);
    case 'error':
      return single(buildErrorMessage(intent.error), quiet);
    default:
      return undefined;
  }
}
