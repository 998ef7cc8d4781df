/**
 * Applies updates to one prep card one at a time, so two clicks arriving together both land: each update
 * starts from the card as the previous update left it, not from the (possibly stale) copy in its payload.
 * Only the latest written state of a card with updates in flight is held in memory; it is dropped as soon
 * as its queue drains. Works within one process: see README → "Prep cards with several replicas".
 */
export class CardQueue<State> {
  private readonly tails = new Map<string, Promise<unknown>>();
  private readonly latest = new Map<string, State>();
  private readonly pending = new Map<string, number>();

  /** Run `update` for `key` after every earlier update of the same key has finished. */
  async run<T>(key: string, update: (latest: State | undefined) => Promise<{ state?: State; result: T }>): Promise<T> {
    this.pending.set(key, (this.pending.get(key) ?? 0) + 1);
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.then(async () => {
      const { state, result } = await update(this.latest.get(key));
      if (state !== undefined) this.latest.set(key, state);
      return result;
    });
    const settled = next
      .catch(() => undefined)
      .finally(() => {
        const left = (this.pending.get(key) ?? 1) - 1;
        if (left === 0) {
          this.pending.delete(key);
          this.tails.delete(key);
          this.latest.delete(key);
        } else {
          this.pending.set(key, left);
        }
      });
    this.tails.set(key, settled);
    return next;
  }

  /** Cards with updates in flight (for tests and health reporting). */
  get size(): number {
    return this.tails.size;
  }
}
