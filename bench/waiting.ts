/** Waiting in the bench: a plain sleep, and "until a counter stops moving" (an app's work after its acks). */

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves with `read`'s last value once it has not moved for `quietMs` (or at `timeoutMs`), polling every `pollMs`. */
export async function waitForQuiet(
  read: () => Promise<number>,
  options: { quietMs: number; timeoutMs: number; pollMs: number },
): Promise<number> {
  const deadline = performance.now() + options.timeoutMs;
  let last = await read();
  let since = performance.now();
  while (performance.now() - since < options.quietMs && performance.now() < deadline) {
    await sleep(options.pollMs);
    const now = await read();
    if (now !== last) {
      last = now;
      since = performance.now();
    }
  }
  return last;
}
