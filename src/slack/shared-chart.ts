/**
 * The band chart without an offer is the same for everyone: it is uploaded once per workspace and chart version
 * and later region messages show it with an image block `slack_file: { id }`. This decides, per delivery, whether
 * to reuse the file, to be the one delivery that uploads it, or (while another channel's delivery is still
 * uploading it, and waiting would tie this channel to that one) to upload a copy of its own. Offer charts never come here.
 */
import { createHash } from 'node:crypto';
import { type ChartInput, hasPersonalFigures } from '../chart/model.js';
import type { ChartRef } from '../store/store.js';
import { type ChartFiles, MemoryChartFiles } from './chart-files.js';
import { SharedImageFiles } from './shared-files.js';
import { systemTimers, type Timers } from './timers.js';

/** Bump when the chart's drawing changes, so workspaces get the new picture (a new version is a new file). */
export const CHART_RENDER_VERSION = 'r2';

export type ChartPlan =
  | { kind: 'reuse'; fileId: string; key: string }
  /** This delivery uploads the shared file: report the id (`uploaded`) or the failure (`failed`), always one. */
  | { kind: 'upload'; key: string; uploaded(fileId: string): void; failed(): void }
  /** Another delivery's upload is not usable yet: upload a copy here, without sharing its id. */
  | { kind: 'upload_own' };

export interface SharedChartsOptions {
  /** How long after an upload Slack is given to process the file before its id is used. */
  settleMs: number;
  /** The longest a delivery waits for a finished upload to settle before uploading its own copy. */
  maxWaitMs: number;
  timers: Timers;
}

export class SharedCharts {
  private readonly files: SharedImageFiles;
  private readonly options: SharedChartsOptions;
  /** Ids Slack refused long after their upload (deleted files): the store may still name them. */
  private readonly stale = new Set<string>();

  constructor(
    private readonly store: ChartFiles = new MemoryChartFiles(),
    options: Partial<SharedChartsOptions> = {},
  ) {
    this.options = { settleMs: 1_000, maxWaitMs: 5_000, timers: systemTimers, ...options };
    this.files = new SharedImageFiles(this.options.settleMs, this.options.timers);
  }

  static ref(teamId: string, input: ChartInput): ChartRef {
    const version = createHash('sha256')
      .update(`${CHART_RENDER_VERSION}\u0000${JSON.stringify(input)}`)
      .digest('hex')
      .slice(0, 16);
    return { teamId, chart: 'bands', version };
  }

  async plan(teamId: string, input: ChartInput): Promise<ChartPlan> {
    // A person's own figures are theirs alone: never recorded, never offered to anyone else.
    if (hasPersonalFigures(input)) return { kind: 'upload_own' };
    const ref = SharedCharts.ref(teamId, input);
    const key = SharedImageFiles.key(teamId, `${ref.chart}:${ref.version}`);
    const ready = this.files.usable(key);
    if (ready) return { kind: 'reuse', fileId: ready, key };
    if (!this.files.known(key)) {
      const kept = await this.store.getChartFile(ref).catch(() => undefined);
      if (kept && !this.stale.has(kept)) this.files.adopt(key, kept);
    }
    if (!this.files.known(key)) return this.claim(key, ref);
    const fileId = await this.waitUsable(key);
    return fileId ? { kind: 'reuse', fileId, key } : { kind: 'upload_own' };
  }

  /** Slack refused the id in an image block: let it settle again, or (long after its upload) forget it. */
  refused(key: string, fileId: string): void {
    if (this.files.refused(key) === 'forgotten') this.stale.add(fileId);
  }

  private claim(key: string, ref: ChartRef): ChartPlan {
    let settle: (id: string | undefined) => void = () => undefined;
    const upload = new Promise<string | undefined>((resolve) => {
      settle = resolve;
    });
    void this.files.ensure(key, () =>
      upload.then((id) => {
        if (id === undefined) throw new Error('upload failed');
        return id;
      }),
    );
    let reported = false;
    return {
      kind: 'upload',
      key,
      uploaded: (fileId) => {
        if (reported) return;
        reported = true;
        this.files.record(key, fileId);
        settle(fileId);
        this.store.putChartFile(ref, fileId).catch(() => undefined);
      },
      failed: () => {
        if (reported) return;
        reported = true;
        settle(undefined);
      },
    };
  }

  /**
   * Wait for a finished upload to settle (at most `maxWaitMs`). An upload still running belongs to a delivery in
   * another channel's queue, which may itself be waiting out a 429: never wait for it, upload a copy instead.
   */
  private async waitUsable(key: string): Promise<string | undefined> {
    const { timers, maxWaitMs } = this.options;
    const until = timers.now() + maxWaitMs;
    for (;;) {
      const wait = this.files.usableIn(key);
      if (wait === undefined || timers.now() + wait > until) return undefined;
      // A timer may fire a millisecond before the clock says it is due: look again rather than give up.
      if (wait === 0) return this.files.usable(key);
      await new Promise<void>((resolve) => timers.setTimeout(resolve, wait));
    }
  }
}
