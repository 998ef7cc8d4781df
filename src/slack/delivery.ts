/**
 * Every post allycomp makes goes through here: one request's delivery, in its lane of the per-channel queue (a
 * channel, or for a DM the person it is with), each post paced under Slack's per-channel rate and a 429 waited out
 * in the background. Past ~10 s the person is told privately, once, that their answer is queued; if the response
 * URL's 30 minutes run out before the first post, they get the answer privately instead. What the job posts (an
 * answer with its thread and chart, a card, one message) is the caller's.
 */
import { LogLevel, type RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { AppLogger } from '../logging.js';
import type { SlackMessage } from '../views/blocks.js';
import { buildHeldBackAnswer, buildQueuedNote } from '../views/queue-notes.js';
import type { BusyScope, ChannelQueue, Reservation, Send } from './channel-queue.js';
import { isNoAccessError, slackErrorCode } from './errors.js';
import type { MessagePoster } from './message-poster.js';
import { attemptSlackCall } from './post-attempt.js';
import type { SharedCharts } from './shared-chart.js';

/** Where a message landed: a post to a user id lands in the DM, whose id Slack returns. */
export interface Posted {
  channel: string;
  ts?: string;
}

/** What delivery needs besides Bolt's arguments: the per-channel queue, the shared chart, what posts. */
export interface DeliveryServices {
  queue: ChannelQueue;
  charts: SharedCharts;
  logger: AppLogger;
  poster: MessagePoster;
}

/** A private word to the person who asked (their request's response_url). */
export type Notify = (message: SlackMessage) => Promise<unknown>;

/** One request's way to deliver. */
export interface DeliveryContext {
  services: DeliveryServices;
  /** Bolt's client for the request: its token picks the queue's client, and uploads go through it. */
  client: WebClient;
  /** The workspace whose shared chart may be reused; without one a chart is uploaded each time. */
  teamId?: string;
  /** Without a response_url (events, App Home) the person gets no queue notes. */
  notify?: Notify;
}

/** The delivery context of a listener's request: Bolt's client, its workspace, its response_url if it has one. */
export function deliveryContext(
  services: DeliveryServices,
  request: { client: WebClient; context: { teamId?: string }; respond?: RespondFn },
): DeliveryContext {
  const { respond } = request;
  return {
    services,
    client: request.client,
    ...(request.context.teamId ? { teamId: request.context.teamId } : {}),
    // Bolt gives `respond` only to requests with a response_url (not App Home clicks), whatever the types say.
    ...(typeof respond === 'function'
      ? {
          notify: (message: SlackMessage) =>
            respond({
              response_type: 'ephemeral',
              replace_original: false,
              text: message.text,
              blocks: message.blocks,
            }),
        }
      : {}),
  };
}

/** The same delivery without queue notes: for a post to someone other than the requester (a teammate, the coach). */
export function forSomeoneElse(ctx: DeliveryContext): DeliveryContext {
  return { services: ctx.services, client: ctx.client, ...(ctx.teamId ? { teamId: ctx.teamId } : {}) };
}

/** What a delivery's job posts with. */
export interface DeliveryRun {
  /** One chat.postMessage, paced in the lane; a 429 is waited out and the post retried. */
  post(channel: string, message: SlackMessage, threadTs?: string): Promise<Posted>;
  /** Uploads are not chat.postMessage (Slack's Tier 4): Bolt's client, not the lane's pace. */
  uploader: WebClient;
  charts: SharedCharts;
  teamId?: string;
}

export type DeliveryResult<R> =
  | { kind: 'delivered'; value: R }
  /** Beyond the queue's caps: nothing was posted. */
  | { kind: 'busy'; scope: BusyScope }
  /** The deadline passed; `posts` had landed. */
  | { kind: 'expired'; posts: number };

export interface DeliverOptions {
  /** Given to the person privately if the deadline passes before the first post: the answer, never "try again". */
  heldBack?: SlackMessage;
}

/**
 * Run `job` in `lane` (a channel id, or the user id of the person whose DM it posts in), or in a slot already
 * reserved at the ack. A post that fails for good throws out of here, as the Web API's error.
 */
export async function deliver<R>(
  ctx: DeliveryContext,
  lane: string | Reservation,
  job: (run: DeliveryRun) => Promise<R>,
  options: DeliverOptions = {},
): Promise<DeliveryResult<R>> {
  const { services, notify } = ctx;
  let reservation: Reservation;
  if (typeof lane === 'string') {
    const admission = services.queue.reserve(lane);
    if (admission.kind === 'busy') return admission;
    reservation = admission.reservation;
  } else {
    reservation = lane;
  }
  const outcome = await reservation.submit((send) => job(runOf(ctx, send)), {
    ...(notify ? { onWaiting: () => void notify(buildQueuedNote()).catch(() => undefined) } : {}),
  });
  if (outcome.kind === 'delivered') return { kind: 'delivered', value: outcome.value };
  if (outcome.kind === 'failed') throw outcome.error;
  services.logger.event(LogLevel.WARN, 'delivery_expired', { posts: outcome.posts, rate_limited: outcome.rateLimited });
  if (outcome.posts === 0 && options.heldBack && notify) {
    await notify(buildHeldBackAnswer(options.heldBack)).catch(() => undefined);
  }
  return { kind: 'expired', posts: outcome.posts };
}

function runOf(ctx: DeliveryContext, send: Send): DeliveryRun {
  const { token } = ctx.client;
  return {
    post: async (channel, message, threadTs) => {
      const target = { channel, ...(threadTs ? { threadTs } : {}) };
      const result = await send(() =>
        attemptSlackCall(() =>
          // With the request's token, straight to Slack (429s come back to the queue); Bolt's client otherwise.
          token
            ? ctx.services.poster.post(token, target, message)
            : ctx.client.chat.postMessage({
                channel,
                text: message.text,
                blocks: message.blocks,
                ...(threadTs ? { thread_ts: threadTs } : {}),
              }),
        ),
      );
      return { channel: result.channel ?? channel, ts: result.ts };
    },
    uploader: ctx.client,
    charts: ctx.services.charts,
    ...(ctx.teamId ? { teamId: ctx.teamId } : {}),
  };
}

/** The first post of an answer: where it landed, or that the bot may not post there (so answer another way). */
export type FirstPost = { kind: 'posted'; posted: Posted } | { kind: 'no_access'; code: string };

export async function postFirst(
  run: DeliveryRun,
  channel: string,
  message: SlackMessage,
  threadTs?: string,
): Promise<FirstPost> {
  try {
    return { kind: 'posted', posted: await run.post(channel, message, threadTs) };
  } catch (error) {
    if (!isNoAccessError(error)) throw error;
    return { kind: 'no_access', code: slackErrorCode(error) ?? 'not_in_channel' };
  }
}

/** One message on its own (a note, a rehearsal, a consent request), through `lane`. */
export function deliverMessage(
  ctx: DeliveryContext,
  lane: string,
  target: { channel: string; threadTs?: string },
  message: SlackMessage,
): Promise<DeliveryResult<FirstPost>> {
  return deliver(ctx, lane, (run) => postFirst(run, target.channel, message, target.threadTs), { heldBack: message });
}

/**
 * A person's DM with the bot. Its lane is the person (a click in App Home knows only them, a message event also the
 * DM's id), so every answer in one DM shares one lane.
 */
export interface DmTarget {
  userId: string;
  /** The DM's own id, when the request came from it; else posts go to the user id and land there. */
  channel?: string;
}

export function dmChannel(target: DmTarget): string {
  return target.channel ?? target.userId;
}
