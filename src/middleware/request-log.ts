import { type AnyMiddlewareArgs, LogLevel, type Middleware } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { AppLogger } from '../logging.js';
import type { AckIfNobodyDid } from '../slack/ack-net.js';
import { type DeliveryServices, deliverMessage } from '../slack/delivery.js';
import { CLIENT_ERROR, isLoggableCode, isTokenError, slackErrorCode } from '../slack/errors.js';
import { type RequestTracker, workspaceOf } from '../slack/health.js';
import { isOutcome, type Outcome, outcomeLabel } from '../slack/outcome.js';
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

/**
 * When a handler fails after its ack (Slack kept answering 5xx, a rate limit too long to wait, a timeout, a
 * revoked token), the person is told privately instead of getting silence: through response_url, which needs no
 * token, or else in their DM (not when the token is the problem), in the DM's lane of the delivery queue like every
 * other post there: after the answers already waiting in it, paced, a 429 waited out.
 */
async function tellThePerson(
  request: { body: Body; client: WebClient; teamId: string | undefined },
  delivery: DeliveryServices,
  code: string | undefined,
): Promise<void> {
  const notice = buildProblemMessage(failureNotice(code));
  const url = responseUrlOf(request.body);
  if (url) {
    await postToResponseUrl(url, { response_type: 'ephemeral', replace_original: false, ...notice });
    return;
  }
  const user = userOf(request.body);
  if (!user || isTokenError(code)) return;
  const ctx = { services: delivery, client: request.client, ...(request.teamId ? { teamId: request.teamId } : {}) };
  const result = await deliverMessage(ctx, user, { channel: user }, notice);
  if (result.kind === 'busy') delivery.logger.event(LogLevel.WARN, 'failure_notice_dropped', { reason: 'busy' });
}

/** One structured log line per request, a count of requests in flight, and a private word when one fails. */
export function requestLog(
  logger: AppLogger,
  tracker: RequestTracker,
  delivery: DeliveryServices,
): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next, context, client }) => {
    const started = performance.now();
    const described = describeRequest(body as Body);
    const retry = typeof context.retryNum === 'number' ? context.retryNum : undefined;
    // Acknowledge once handling ends if no listener did (none matched, or one failed before its ack), before the
    // slower work of telling the person: set up by the ack net (slack/ack-net.ts), which tracks the request's ack.
    const ackIfNobodyDid: AckIfNobodyDid =
      typeof context.ackIfNobodyDid === 'function' ? (context.ackIfNobodyDid as AckIfNobodyDid) : async () => false;
    const done = tracker.begin(responseUrlOf(body as Body));
    try {
      await next();
      const unacked = await ackIfNobodyDid();
      const outcome: Outcome = isOutcome(context.outcome) ? context.outcome : { kind: unacked ? 'unacked' : 'ok' };
      logger.request({
        ...described,
        outcome: outcomeLabel(outcome),
        ms: Math.round(performance.now() - started),
        ...(retry ? { retry } : {}),
      });
    } catch (error) {
      await ackIfNobodyDid();
      const found = slackErrorCode(error);
      // Error codes come from Slack or its client (not_in_channel, slack_webapi_request_error): logged when id-like.
      const code = isLoggableCode(found) ? found : undefined;
      logger.request({
        ...described,
        outcome: outcomeLabel({ kind: 'error', code }),
        ms: Math.round(performance.now() - started),
      });
      if (isTokenError(code)) tracker.onTokenError(code, workspaceOf(context));
      await tellThePerson({ body: body as Body, client, teamId: context.teamId }, delivery, code).catch(
        () => undefined,
      );
    } finally {
      done();
    }
  };
}
