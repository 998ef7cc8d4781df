/**
 * Slack's per-channel pace for chat.postMessage as the fake enforces it: a generic cell-rate check (GCRA), so a
 * quiet channel may take `burst` posts at once and then one every `intervalMs`. Written apart from the bot's own
 * token bucket on purpose: the fake must not share a bug with the code it tests.
 */
export interface RateRule {
  burst: number;
  intervalMs: number;
}

export type RateDecision = { allowed: true } | { allowed: false; waitMs: number };

export class GcraLimiter {
  /** Per key: the theoretical time the next post would be due at the steady rate. */
  private readonly due = new Map<string, number>();

  constructor(private readonly rule: RateRule) {}

  check(key: string, now: number): RateDecision {
    const { burst, intervalMs } = this.rule;
    const due = Math.max(this.due.get(key) ?? now, now);
    const allowedFrom = due - (burst - 1) * intervalMs;
    if (now < allowedFrom) return { allowed: false, waitMs: allowedFrom - now };
    this.due.set(key, due + intervalMs);
    return { allowed: true };
  }
}
