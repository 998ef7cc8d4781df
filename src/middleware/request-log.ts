import { type AnyMiddlewareArgs, LogLevel, type Middleware } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { AppLogger } from '../logging.js';
import type { AckIfNobodyDid } from '../slack/ack-net.js';
import { type DeliveryServices, deliverMessage } from '../slack/delivery.js';
import { CLIENT_ERROR, isLoggableCode, isTokenError, slackErrorCode } from '../slack/errors.js';
import { type RequestTracker, workspaceOf } from '../slack/health.js';
import { isOutcome, type Outcome, outcomeLabel, pendingOutcomeOf } from '../slack/outcome.js';
import { type Body, describeRequest, responseUrlOf, userOf } from '../slack/payload.js';
import { postToResponseUrl } from '../slack/respond-url.js';
import { buildProblemMessage } from '../views/error-messages.js';

/** What the person is told when their answer could not be posted, by the Web API's error code. */
export function failureNotice(code: string | undefined): string {
  if (isTokenError(code)) {
    return `I cannot post right now: Slack no longer accepts allycomp's access (${code}). Whoever runs allycomp has to reinstall it; trying again will not help until then.`;
  }
  if (code === CLIENT_ERROR.rateLimited) {
    return 'Slack asked me to slow down (ratelimited), so your answer was not posted. Nothing was lost: please try again in a minute.';
  }
  return `Slack did not accept my answer just now${code ? ` (${code})` : ''}. Nothing was lost: please try again in a minute.`;
}

/** Who to tell when a request fails after its ack, taken from the request at its start. */
interface Person {
  responseUrl: string | undefined;
  userId: string | undefined;
  teamId: string | undefined;
  client: WebClient;
}

/**
 * When a handler fails after its ack (Slack kept answering 5xx, a timeout, a revoked token), the person is told
 * privately instead of getting silence: through response_url, which needs no token, or else in their DM (not when
 * the token is the problem), in the DM's lane of the delivery queue like every other post there: after the answers
 * already waiting in it, paced, a 429 waited out.
 */
async function tellThePerson(person: Person, delivery: DeliveryServices, code: string | undefined): Promise<void> {
  const notice = buildProblemMessage(failureNotice(code));
  if (person.responseUrl) {
    await postToResponseUrl(person.responseUrl, { response_type: 'ephemeral', replace_original: false, ...notice });
    return;
  }
  if (!person.userId || isTokenError(code)) return;
  const ctx = { services: delivery, client: person.client, ...(person.teamId ? { teamId: person.teamId } : {}) };
  const result = await deliverMessage(ctx, person.userId, { channel: person.userId }, notice);
  if (result.kind === 'busy') delivery.logger.event(LogLevel.WARN, 'failure_notice_dropped', { reason: 'busy' });
}

/**
 * One request from its start to its end, which may come after its handler returned (an answer waiting in the
 * delivery queue): only what its log line and a failure notice need, never the payload.
 */
interface HandledRequest {
  described: ReturnType<typeof describeRequest>;
  retry: number | undefined;
  started: number;
  person: Person;
  workspace: string | undefined;
  /** The in-flight count's end (the shutdown waits for it). */
  done: () => void;
}

interface RequestLogDeps {
  logger: AppLogger;
  tracker: RequestTracker;
  delivery: DeliveryServices;
}

function logEnded(deps: RequestLogDeps, request: HandledRequest, outcome: Outcome): void {
  try {
    deps.logger.request({
      ...request.described,
      outcome: outcomeLabel(outcome),
      ms: Math.round(performance.now() - request.started),
      ...(request.retry ? { retry: request.retry } : {}),
    });
  } finally {
    request.done();
  }
}

async function logFailed(deps: RequestLogDeps, request: HandledRequest, error: unknown): Promise<void> {
  try {
    const found = slackErrorCode(error);
    // Error codes come from Slack or its client (not_in_channel, slack_webapi_request_error): logged when id-like.
    const code = isLoggableCode(found) ? found : undefined;
    deps.logger.request({
      ...request.described,
      outcome: outcomeLabel({ kind: 'error', code }),
      ms: Math.round(performance.now() - request.started),
    });
    if (isTokenError(code)) deps.tracker.onTokenError(code, request.workspace);
    await tellThePerson(request.person, deps.delivery, code).catch(() => undefined);
  } finally {
    request.done();
  }
}

/** One structured log line per request, a count of requests in flight, and a private word when one fails. */
export function requestLog(
  logger: AppLogger,
  tracker: RequestTracker,
  delivery: DeliveryServices,
): Middleware<AnyMiddlewareArgs> {
  const deps: RequestLogDeps = { logger, tracker, delivery };
  return async ({ body, next, context, client }) => {
    const payload = body as Body;
    const responseUrl = responseUrlOf(payload);
    const request: HandledRequest = {
      described: describeRequest(payload),
      retry: typeof context.retryNum === 'number' ? context.retryNum : undefined,
      started: performance.now(),
      person: { responseUrl, userId: userOf(payload), teamId: context.teamId, client },
      workspace: workspaceOf(context),
      done: tracker.begin(responseUrl),
    };
    // Acknowledge once handling ends if no listener did (none matched, or one failed before its ack), before the
    // slower work of telling the person: set up by the ack net (slack/ack-net.ts), which tracks the request's ack.
    const ackIfNobodyDid: AckIfNobodyDid =
      typeof context.ackIfNobodyDid === 'function' ? (context.ackIfNobodyDid as AckIfNobodyDid) : async () => false;
    try {
      await next();
    } catch (error) {
      await ackIfNobodyDid();
      await logFailed(deps, request, error);
      return;
    }
    const unacked = await ackIfNobodyDid();
    const pending = pendingOutcomeOf(context);
    if (pending) {
      // Not awaited: Bolt's handling of the request ends here, and the delivery goes on holding only `request`.
      pending
        .then(
          (outcome) => logEnded(deps, request, outcome),
          (error: unknown) => logFailed(deps, request, error),
        )
        // The log line itself failing must not become an unhandled rejection; done() has run either way.
        .catch(() => undefined);
      return;
    }
    logEnded(deps, request, isOutcome(context.outcome) ? context.outcome : { kind: unacked ? 'unacked' : 'ok' });
  };
}
