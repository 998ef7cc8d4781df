/**
 * Ids of uploaded images that are the same for everyone (the region band charts), per workspace and chart
 * version, so later messages show the chart with an image block `slack_file: { id }` instead of uploading it
 * again. Slack processes an upload asynchronously and refuses the id until then (`invalid_blocks`, "invalid slack
 * file"), so an id is offered only `settleMs` after its upload, and a refusal puts it back to settling. Offer
 * charts carry a person's figures and must never come through here.
 */
import { errorField, platformErrorCode } from './errors.js';
import { systemTimers, type Timers } from './timers.js';

interface Entry {
  id: string;
  usableFrom: number;
}

export class SharedImageFiles {
  private readonly files = new Map<string, Entry>();
  private readonly uploading = new Map<string, Promise<string | undefined>>();

  constructor(
    private readonly settleMs = 2_000,
    private readonly timers: Pick<Timers, 'now'> = systemTimers,
  ) {}

  static key(teamId: string, chartVersion: string): string {
    return `${teamId}:${chartVersion}`;
  }

  /** The id to put in an image block now, or undefined: upload (or post without the image) instead. */
  usable(key: string): string | undefined {
    const entry = this.files.get(key);
    return entry && this.timers.now() >= entry.usableFrom ? entry.id : undefined;
  }

  /** How long until the id may be used (0: now), or undefined when no upload has finished. */
  usableIn(key: string): number | undefined {
    const entry = this.files.get(key);
    return entry ? Math.max(0, entry.usableFrom - this.timers.now()) : undefined;
  }

  /** An upload just finished: its id settles from now (set at once, so the very next caller sees it). */
  record(key: string, id: string): void {
    this.files.set(key, { id, usableFrom: this.timers.now() + this.settleMs });
  }

  /** An id uploaded earlier (kept by the store): Slack processed it long ago, so it is usable at once. */
  adopt(key: string, id: string): void {
    if (!this.known(key)) this.files.set(key, { id, usableFrom: this.timers.now() });
  }

  /** Whether an upload exists or is under way (so a second caller need not upload it again). */
  known(key: string): boolean {
    return this.files.has(key) || this.uploading.has(key);
  }

  /**
   * Upload once per key: callers arriving while an upload runs share it. Resolves with the id, or undefined if
   * the upload failed (the next caller tries again).
   */
  ensure(key: string, upload: () => Promise<string>): Promise<string | undefined> {
    const existing = this.files.get(key);
    if (existing) return Promise.resolve(existing.id);
    let running = this.uploading.get(key);
    if (!running) {
      running = upload().then(
        (id) => {
          if (!this.files.has(key)) this.record(key, id);
          return id;
        },
        () => undefined,
      );
      void running.finally(() => this.uploading.delete(key));
      this.uploading.set(key, running);
    }
    return running;
  }

  /**
   * Slack refused the id. Soon after the upload: still processing, settle again. Long after: the file is gone
   * (deleted, no access), forget it so the next caller uploads afresh.
   */
  refused(key: string): 'settling' | 'forgotten' | undefined {
    const entry = this.files.get(key);
    if (!entry) return undefined;
    if (this.timers.now() - entry.usableFrom > 10 * this.settleMs) {
      this.files.delete(key);
      return 'forgotten';
    }
    entry.usableFrom = this.timers.now() + this.settleMs;
    return 'settling';
  }
}

/** Whether a Web API error is Slack refusing a slack_file image (not ready, no access, deleted). */
export function isSlackFileRefusal(error: unknown): boolean {
  if (platformErrorCode(error) !== 'invalid_blocks') return false;
  const errors = errorField(errorField(error, 'data'), 'errors');
  return Array.isArray(errors) && errors.some((e) => typeof e === 'string' && e.includes('slack_file'));
}
