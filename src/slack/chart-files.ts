/**
 * Where the ids of uploaded shared charts are kept, per workspace and chart version: the two calls of the shared
 * store (src/store) so it can be plugged in as it is, and an in-memory default for one process.
 */
import type { ChartRef, Store } from '../store/store.js';

export type ChartFiles = Pick<Store, 'getChartFile' | 'putChartFile'>;

export class MemoryChartFiles implements ChartFiles {
  private readonly ids = new Map<string, string>();

  private static key(chart: ChartRef): string {
    return `${chart.teamId}\u0000${chart.chart}\u0000${chart.version}`;
  }

  async getChartFile(chart: ChartRef): Promise<string | undefined> {
    return this.ids.get(MemoryChartFiles.key(chart));
  }

  async putChartFile(chart: ChartRef, fileId: string): Promise<void> {
    this.ids.set(MemoryChartFiles.key(chart), fileId);
  }
}
