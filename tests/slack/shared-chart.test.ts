import { describe, expect, it } from 'vitest';
import { regionChartInput } from '../../src/answers/chart-input.js';
import { MemoryChartFiles } from '../../src/slack/chart-files.js';
import { SharedCharts } from '../../src/slack/shared-chart.js';
import { guide } from '../support/slack.js';

const input = regionChartInput(guide().guide);

describe('SharedCharts', () => {
  it('one upload per workspace and version; later deliveries reuse it once settled; the store keeps the id', async () => {
    const store = new MemoryChartFiles();
    const charts = new SharedCharts(store, { settleMs: 20 });
    const first = await charts.plan('T1', input);
    if (first.kind !== 'upload') throw new Error(`expected an upload, got ${first.kind}`);
    // Meanwhile another channel does not wait for this upload: it uploads a copy of its own.
    expect((await charts.plan('T1', input)).kind).toBe('upload_own');
    first.uploaded('F1');
    // Settling: the next delivery waits the few milliseconds, then reuses.
    expect(await charts.plan('T1', input)).toMatchObject({ kind: 'reuse', fileId: 'F1' });
    expect(await store.getChartFile(SharedCharts.ref('T1', input))).toBe('F1');
    // Another workspace, or another process reading the same store.
    expect((await charts.plan('T2', input)).kind).toBe('upload');
    expect(await new SharedCharts(store).plan('T1', input)).toMatchObject({ kind: 'reuse', fileId: 'F1' });
  });

  it('a failed upload lets the next delivery try again; a refused id long after its upload is not used again', async () => {
    const charts = new SharedCharts(new MemoryChartFiles(), { settleMs: 1 });
    const first = await charts.plan('T1', input);
    if (first.kind !== 'upload') throw new Error('expected an upload');
    first.failed();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await charts.plan('T1', input);
    if (second.kind !== 'upload') throw new Error('expected a second upload');
    second.uploaded('F2');
    const reuse = await charts.plan('T1', input);
    if (reuse.kind !== 'reuse') throw new Error('expected reuse');
    await new Promise((resolve) => setTimeout(resolve, 30));
    charts.refused(reuse.key, reuse.fileId);
    expect((await charts.plan('T1', input)).kind).toBe('upload');
  });

  it('a chart with a person’s figures is never planned for reuse, nor recorded', async () => {
    const store = new MemoryChartFiles();
    const charts = new SharedCharts(store, { settleMs: 0 });
    const offer = { ...input, offer: { label: 'Your offer (SoFi)', dollars: 245_000 } };
    expect(await charts.plan('T1', offer)).toEqual({ kind: 'upload_own' });
    expect(
      await charts.plan('T1', { ...input, ask: { regionId: 'detroit', range: { low: 255_000, high: 262_000 } } }),
    ).toEqual({ kind: 'upload_own' });
    expect(await charts.plan('T1', offer)).toEqual({ kind: 'upload_own' });
    expect(await store.getChartFile(SharedCharts.ref('T1', offer))).toBeUndefined();
  });

  it('the version follows the chart: a changed figure is a new file', () => {
    const changed = { ...input, title: `${input.title}!` };
    expect(SharedCharts.ref('T1', changed).version).not.toBe(SharedCharts.ref('T1', input).version);
  });
});
