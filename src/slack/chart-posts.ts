/**
 * Posting an answer with its band chart, inside a delivery. The chart without anyone's figures is the same for the
 * whole workspace: once uploaded it is reused as an image inside the message itself (no upload, no extra post). The
 * first time, or while Slack is still processing the upload, the message goes out without it and the chart is
 * uploaded into its thread. A chart with a person's figures is uploaded for them every time and never reused.
 */
import { describeBandChart } from '../chart/alt-text.js';
import type { ChartInput } from '../chart/model.js';
import type { SlackMessage } from '../views/blocks.js';
import { buildChartMessage, chartImageBlock, withChartImage } from '../views/shared-chart.js';
import { attachChart, type ChartFailureNote, prepareChart } from './chart-upload.js';
import { type DeliveryRun, type FirstPost, postFirst } from './delivery.js';
import { isNoAccessError, slackErrorCode } from './errors.js';
import type { ChartOutcome } from './outcome.js';
import type { ChartPlan } from './shared-chart.js';
import { isSlackFileRefusal } from './shared-files.js';

export interface AnswerPost {
  /** A channel id, or a user id (the post lands in the DM with them). */
  channel: string;
  message: SlackMessage;
  /** Replies under the message, in order. */
  replies?: SlackMessage[];
  chart?: ChartInput;
  /** Post the message itself as a reply in this thread (a prep card's); replies and the chart go there too. */
  inThreadTs?: string;
  /** Once the message itself has landed, before its replies and chart (to say where it went). */
  onPosted?: () => Promise<unknown>;
}

/** Where the answer landed and, when it had a chart, whether the chart went with it. */
export type PostedAnswer<C extends ChartOutcome | undefined = ChartOutcome | undefined> =
  | { kind: 'posted'; channel: string; ts?: string; chart: C }
  /** The bot may not post there: nothing was posted. */
  | { kind: 'no_access'; code: string };

/** How this delivery gets the chart: reuse the workspace's file, be the one that uploads it, or upload its own. */
async function planFor(run: DeliveryRun, input: ChartInput): Promise<ChartPlan> {
  if (!run.teamId) return { kind: 'upload_own' };
  const plan = await run.charts.plan(run.teamId, input);
  // Drawn while the posts go out, so the upload need not wait for it.
  if (plan.kind !== 'reuse') prepareChart(input);
  return plan;
}

/** The last message made with the shared chart's image, per message: the same object (and JSON) for every post. */
const withChartCache = new WeakMap<SlackMessage, { fileId: string; message: SlackMessage }>();

function withSharedChart(message: SlackMessage, fileId: string, chart: ChartInput): SlackMessage {
  const cached = withChartCache.get(message);
  if (cached?.fileId === fileId) return cached.message;
  const made = withChartImage(message, chartImageBlock(fileId, describeBandChart(chart)));
  withChartCache.set(message, { fileId, message: made });
  return made;
}

/** The message (with the shared chart as its own image when the workspace has it), its replies, then the chart. */
export function postAnswer(
  run: DeliveryRun,
  answer: AnswerPost & { chart: ChartInput },
): Promise<PostedAnswer<ChartOutcome>>;
export function postAnswer(run: DeliveryRun, answer: AnswerPost): Promise<PostedAnswer>;
export async function postAnswer(run: DeliveryRun, answer: AnswerPost): Promise<PostedAnswer> {
  const { channel, message, chart, inThreadTs } = answer;
  const plan = chart ? await planFor(run, chart) : undefined;
  try {
    let first: FirstPost | undefined;
    let reused = false;
    if (plan?.kind === 'reuse' && chart) {
      try {
        first = await postFirst(run, channel, withSharedChart(message, plan.fileId, chart), inThreadTs);
        reused = true;
      } catch (error) {
        // Still processing (or gone): post as before, upload into the thread, try the reuse again later.
        if (!isSlackFileRefusal(error)) throw error;
        run.charts.refused(plan.key, plan.fileId);
      }
    }
    first ??= await postFirst(run, channel, message, inThreadTs);
    if (first.kind === 'no_access') return first;
    const { posted } = first;
    await answer.onPosted?.();
    const threadTs = inThreadTs ?? posted.ts;
    for (const reply of answer.replies ?? []) await run.post(posted.channel, reply, threadTs);
    if (!chart) return { kind: 'posted', ...posted, chart: undefined };
    if (reused) return { kind: 'posted', ...posted, chart: { attached: true } };
    const { fileId, ...outcome } = await attachChart(run, { channelId: posted.channel, threadTs }, chart);
    if (plan?.kind === 'upload' && fileId) plan.uploaded(fileId);
    return { kind: 'posted', ...posted, chart: outcome };
  } finally {
    // Without a file id the next delivery uploads it (a no-op once the upload was reported).
    if (plan?.kind === 'upload') plan.failed();
  }
}

/**
 * The chart on its own (`/allycomp chart ny`): the workspace's file as an image, or uploaded into `channel`. Nothing
 * else went out, so a failure is said in `channel` only as `failureNote` says (null: the caller tells the person).
 */
export async function postChartAlone(
  run: DeliveryRun,
  channel: string,
  chart: ChartInput,
  failureNote: ChartFailureNote,
): Promise<ChartOutcome> {
  const plan = await planFor(run, chart);
  try {
    if (plan.kind === 'reuse') {
      try {
        await run.post(channel, buildChartMessage(plan.fileId, chart.title, describeBandChart(chart)));
        return { attached: true };
      } catch (error) {
        if (isNoAccessError(error)) return { attached: false, code: slackErrorCode(error) ?? 'not_in_channel' };
        if (!isSlackFileRefusal(error)) throw error;
        // Still processing (or gone): the chart is the whole answer, so a copy is uploaded instead.
        run.charts.refused(plan.key, plan.fileId);
      }
    }
    const { fileId, ...outcome } = await attachChart(run, { channelId: channel }, chart, failureNote);
    if (plan.kind === 'upload' && fileId) plan.uploaded(fileId);
    return outcome;
  } finally {
    if (plan.kind === 'upload') plan.failed();
  }
}
