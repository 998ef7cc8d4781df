/**
 * How a request ended, as one typed union: listeners set it on Bolt's `context.outcome`, the request log writes
 * it as one short label (`posted+chart_failed:missing_scope`). The label is built here and nowhere else.
 */

/** Whether the band chart reached the thread; if not, why (a Slack code, `http_500`, `render_failed`, …). */
export type ChartOutcome = { attached: true } | { attached: false; code: string };

/** Ends that one word says in full. */
export type PlainOutcome =
  // the request as a whole
  | 'ok'
  | 'unacked'
  | 'unroutable'
  | 'duplicate'
  | 'unknown_id'
  | 'ignored'
  | 'ignored_tab'
  // the person's words or a button's value
  | 'invalid'
  | 'unknown_region'
  | 'unknown_lever'
  | 'bad_card'
  // where an answer went
  | 'thread'
  | 'private'
  | 'fallback'
  | 'ephemeral'
  | 'dm_failed'
  // the delivery queue: beyond its caps (answered privately at the ack), or out of time (30 minutes)
  | 'busy'
  | 'queue_expired'
  // the offer form
  | 'modal'
  | 'expired'
  // prep cards
  | 'refused'
  | 'ticked'
  | 'unticked'
  | 'bot'
  | 'deleted'
  | 'not_member'
  | 'not_in_channel'
  | 'consent_asked'
  | 'declined'
  // installs (app_uninstalled, tokens_revoked): what the workspace stored is gone
  | 'forgotten';

/** An answer posted as a message; `chart` when a chart went with it. */
export type PostedOutcome = { kind: 'posted' | 'dm' | 'card' | 'group_card'; chart?: ChartOutcome };

/** The quick offer form (`offer SoFi 245k detroit`): what is missing, or the answer in the DM (or ephemeral). */
export type QuickOfferOutcome = { kind: 'invalid' } | { kind: 'ephemeral' } | { kind: 'dm'; chart: ChartOutcome };

/** The person's own copy of an offer answer. */
export type OwnCopyOutcome = { kind: 'dm'; chart: ChartOutcome } | { kind: 'private' } | { kind: 'dm_failed' };

/** The copy shared in the thread, when the person chose to share. */
export type ShareOutcome =
  | { kind: 'no_channel' }
  | { kind: 'failed' }
  | { kind: 'shared'; form: 'share-figures' | 'share-positions'; via: 'thread'; chart: ChartOutcome }
  | { kind: 'shared'; form: 'share-figures' | 'share-positions'; via: 'response_url' };

export type Outcome =
  | { kind: PlainOutcome }
  | { kind: 'error'; code?: string }
  | PostedOutcome
  /** `/allycomp chart`: the chart alone. */
  | { kind: 'chart'; chart: ChartOutcome }
  /** `/allycomp chart detroit SoFi 245k`: the quick offer form's answer. */
  | { kind: 'offer_chart'; offer: QuickOfferOutcome }
  | { kind: 'offer_submitted'; own: OwnCopyOutcome; share?: ShareOutcome };

export function isOutcome(value: unknown): value is Outcome {
  return typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string';
}

function chartLabel(chart: ChartOutcome): string {
  return chart.attached ? 'chart' : `chart_failed:${chart.code}`;
}

function withChart(kind: string, chart: ChartOutcome | undefined): string {
  return chart ? `${kind}+${chartLabel(chart)}` : kind;
}

function shareLabel(share: ShareOutcome): string {
  if (share.kind === 'no_channel') return 'share_no_channel';
  if (share.kind === 'failed') return 'share_failed';
  return `${share.form}+${share.via === 'thread' ? chartLabel(share.chart) : 'response_url'}`;
}

/** The outcome as the request log writes it. */
export function outcomeLabel(outcome: Outcome): string {
  switch (outcome.kind) {
    case 'error':
      return `error:${outcome.code ?? 'unexpected'}`;
    case 'posted':
    case 'dm':
    case 'card':
    case 'group_card':
      return withChart(outcome.kind, 'chart' in outcome ? outcome.chart : undefined);
    case 'chart':
      return chartLabel(outcome.chart);
    case 'offer_chart':
      return `offer_${outcomeLabel(outcome.offer)}`;
    case 'offer_submitted': {
      const own = outcomeLabel(outcome.own);
      return outcome.share ? `${own}+${shareLabel(outcome.share)}` : own;
    }
    default:
      return outcome.kind;
  }
}

/** Records how the request ended, for the request log (Bolt's context is untyped: this keeps the value typed). */
export function setOutcome(context: Record<string, unknown>, outcome: Outcome): void {
  context.outcome = outcome;
}

/**
 * The request is answered and its listener done, but its answer is still on its way (waiting in the delivery queue):
 * the request log writes the outcome when `pending` settles. The listener returns at once, so Bolt's request (its
 * middleware chain, the HTTP request and response, the payload) is let go while the delivery waits: measured, a
 * queued delivery holds ~8 KB instead of ~32 KB (bench/queued-delivery-cost.ts).
 */
export function setOutcomeWhenDelivered(context: Record<string, unknown>, pending: Promise<Outcome>): void {
  // Handled from now on: a delivery that fails before the request log takes it over is not an unhandled rejection.
  pending.catch(() => undefined);
  context.pendingOutcome = pending;
}

/** The outcome still on its way, if the listener left one (setOutcomeWhenDelivered). */
export function pendingOutcomeOf(context: Record<string, unknown>): Promise<Outcome> | undefined {
  const pending = context.pendingOutcome;
  return pending instanceof Promise ? (pending as Promise<Outcome>) : undefined;
}
