/** What a bench run measured, the issue's targets judged against it, and RESULTS.md rendered from both. */
import type { BurstRun } from './bursts.js';
import type { StartupLaps } from './child-control.js';
import type { AppKind } from './children.js';
import type { LoadOutcome } from './load.js';
import type { ProfileSummary, TimeSpent } from './profile.js';
import type { TransportCpuRow } from './transport-cpu.js';

export interface MachineInfo {
  date: string;
  os: string;
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  bolt: string;
  autocannon: string;
  allycomp: string;
  /** The commit, and how many files under src/ differed from it when the run started. */
  commit: string;
  /** What `npm start` passes to node, and so every allycomp child of the bench. */
  allycompNodeFlags: string;
  loadAverageBefore: number[];
  loadAverageAfter: number[];
}

export interface LoadStep {
  app: AppKind;
  rate: number;
  seconds: number;
  outcome: LoadOutcome;
  /** Child CPU time (user + system) per answered command, including the work after the ack. */
  cpuMsPerCommand: number;
  /** Share of the child's event loop spent busy during the step. */
  loopBusy: number;
  webApiCalls: number;
  /** The load generator's own event-loop delay: if high, the generator (not the app) was the bottleneck. */
  generatorLoopP99Ms: number;
}

/** The apps start-up and memory compare (the naive app is measured under load only). */
export type MeasuredApp = 'allycomp' | 'baseline';

export interface StartupResult {
  app: MeasuredApp;
  roundsMs: number[];
  medianMs: number;
  /** The child's own timing of its start-up steps, from the median round. */
  laps: StartupLaps;
}

export interface MemorySample {
  commands: number;
  rssMB: number;
  heapTotalMB: number;
  heapAfterGcMB: number;
  externalMB: number;
}

export interface MemoryResult {
  app: MeasuredApp;
  samples: MemorySample[];
  /** How many samples the trend was judged on (it needs at least two). */
  trendSamples: number;
  heapSlopeKBPer1000: number;
  rssSlopeKBPer1000: number;
  growing: boolean;
}

export interface MicroResult {
  group: string;
  name: string;
  meanMs: number;
  p99Ms: number;
  hz: number;
  samples: number;
}

export type TargetKind =
  | 'ack-ratio'
  | 'ack-at-200'
  | 'cpu-naive'
  | 'startup'
  | 'memory'
  | 'memory-trend'
  | 'burst-rss'
  | 'burst-growth'
  | 'chart';

export interface TargetResult {
  kind: TargetKind;
  target: string;
  measured: string;
  met: boolean;
}

export interface Results {
  mode: 'full' | 'smoke';
  machine: MachineInfo;
  steps: LoadStep[];
  /** chat.postMessage calls allycomp makes per `/allycomp ny` in the steady state, and its calls by method. */
  callsPerCommand: { total: number; methods: string };
  /** chat.postMessage calls the naive app makes per command (5). */
  naivePosts: number;
  startup: StartupResult[];
  memory: MemoryResult;
  /** The same commands sent to the baseline, for scale (full run only). */
  baselineMemory?: MemoryResult;
  /** Three bursts in a row, bare Bolt and allycomp. */
  bursts: BurstRun[];
  transportCpu: TransportCpuRow[];
  loadProfile?: ProfileSummary & { rate: number; seconds: number };
  startupProfiles?: Record<MeasuredApp, ProfileSummary>;
  micro: MicroResult[];
  targets: TargetResult[];
  /** What broke: the run fails. */
  problems: string[];
  /** What the load did to an app (timeouts when overloaded): reported, not a failure. */
  notes: string[];
}

export const TARGETS = {
  p99RatioToBaseline: 1.5,
  p99MsAt200: 50,
  startupRatioToBaseline: 1.5,
  /** allycomp's CPU per command against the naive app's (issue 13: at most the naive app's). */
  cpuRatioToNaive: 1,
  memoryMB: 150,
  /** RSS after each burst against the bare Bolt app's after the same burst (issue 13). */
  burstRssRatioToBaseline: 1.5,
  /** RSS after the last burst against after the first: more counts as growth (glibc keeps some freed memory). */
  burstRssGrowth: 1.1,
  chartMs: 50,
  /** Heap kept after a full GC growing faster than this counts as an upward trend (1 KB per command). */
  heapGrowthKBPer1000: 1024,
} as const;

export const CHART_BENCH = 'renderBandChart (SVG + PNG + alt text)';

const fixed = (value: number, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const ratio = (a: number, b: number) => (b > 0 ? a / b : Number.NaN);

export function stepFor(steps: LoadStep[], app: AppKind, rate: number): LoadStep | undefined {
  return steps.find((step) => step.app === app && step.rate === rate);
}

export function judgeTargets(results: Omit<Results, 'targets'>): TargetResult[] {
  const targets: TargetResult[] = [];
  const rates = [...new Set(results.steps.map((step) => step.rate))];
  for (const rate of rates) {
    const mine = stepFor(results.steps, 'allycomp', rate);
    const base = stepFor(results.steps, 'baseline', rate);
    if (!mine || !base) continue;
    const r = ratio(mine.outcome.latencyMs.p99, base.outcome.latencyMs.p99);
    targets.push({
      kind: 'ack-ratio',
      target: `Ack p99 ≤ ${TARGETS.p99RatioToBaseline}× baseline at ${rate} req/s`,
      measured: `${fixed(mine.outcome.latencyMs.p99)} ms vs ${fixed(base.outcome.latencyMs.p99)} ms (${fixed(r)}×)`,
      met: r <= TARGETS.p99RatioToBaseline,
    });
  }
  const at200 = stepFor(results.steps, 'allycomp', 200);
  if (at200) {
    targets.push({
      kind: 'ack-at-200',
      target: `Ack p99 < ${TARGETS.p99MsAt200} ms at 200 req/s`,
      measured: `${fixed(at200.outcome.latencyMs.p99)} ms (achieved ${fixed(at200.outcome.achievedRate, 0)} req/s)`,
      met: at200.outcome.latencyMs.p99 < TARGETS.p99MsAt200 && at200.outcome.achievedRate >= 0.95 * 200,
    });
  }
  for (const rate of rates) {
    const mine = stepFor(results.steps, 'allycomp', rate);
    const naive = stepFor(results.steps, 'naive', rate);
    if (!mine || !naive) continue;
    const r = ratio(mine.cpuMsPerCommand, naive.cpuMsPerCommand);
    targets.push({
      kind: 'cpu-naive',
      target: `CPU per command ≤ the naive 5-post app's at ${rate} req/s`,
      measured: `${fixed(mine.cpuMsPerCommand, 3)} ms vs ${fixed(naive.cpuMsPerCommand, 3)} ms (${fixed(r)}×)`,
      met: r <= TARGETS.cpuRatioToNaive,
    });
  }
  const start = (app: MeasuredApp) => results.startup.find((s) => s.app === app);
  const mineStart = start('allycomp');
  const baseStart = start('baseline');
  if (mineStart && baseStart) {
    const r = ratio(mineStart.medianMs, baseStart.medianMs);
    targets.push({
      kind: 'startup',
      target: `Start-up ≤ ${TARGETS.startupRatioToBaseline}× baseline`,
      measured: `${fixed(mineStart.medianMs, 0)} ms vs ${fixed(baseStart.medianMs, 0)} ms (${fixed(r)}×)`,
      met: r <= TARGETS.startupRatioToBaseline,
    });
  }
  const last = results.memory.samples.at(-1);
  if (last) {
    targets.push({
      kind: 'memory',
      target: `Memory < ${TARGETS.memoryMB} MB after ${last.commands} commands`,
      measured: `${fixed(last.rssMB, 1)} MB RSS`,
      met: last.rssMB < TARGETS.memoryMB,
    });
    if (results.memory.trendSamples >= 2) {
      targets.push({
        kind: 'memory-trend',
        target: 'Memory: no upward trend',
        measured: `heap after GC ${fixed(results.memory.heapSlopeKBPer1000, 0)} KB per 1,000 commands (RSS ${fixed(results.memory.rssSlopeKBPer1000, 0)} KB)`,
        met: !results.memory.growing,
      });
    }
  }
  targets.push(...judgeBursts(results.bursts));
  const chart = results.micro.find((m) => m.name === CHART_BENCH);
  if (chart) {
    targets.push({
      kind: 'chart',
      target: `Chart render < ${TARGETS.chartMs} ms`,
      measured: `${fixed(chart.meanMs, 1)} ms mean, ${fixed(chart.p99Ms, 1)} ms p99`,
      met: chart.meanMs < TARGETS.chartMs,
    });
  }
  return targets;
}

function judgeBursts(runs: BurstRun[]): TargetResult[] {
  const mine = runs.find((run) => run.app === 'allycomp');
  const base = runs.find((run) => run.app === 'baseline');
  if (!mine || !base || mine.bursts.length === 0) return [];
  const mb = (values: number[]) => values.map((v) => fixed(v, 0)).join(' / ');
  const ratios = mine.bursts.map((burst, i) => ratio(burst.rssAfterMB, base.bursts[i]?.rssAfterMB ?? Number.NaN));
  const worst = Math.max(...ratios);
  const settled = Math.max(
    ...mine.bursts.map((burst, i) => ratio(burst.rssSettledMB, base.bursts[i]?.rssSettledMB ?? Number.NaN)),
  );
  const targets: TargetResult[] = [
    {
      kind: 'burst-rss',
      target: `RSS after each ${mine.commands}-command burst ≤ ${TARGETS.burstRssRatioToBaseline}× bare Bolt's`,
      measured: `${mb(mine.bursts.map((b) => b.rssAfterMB))} MB vs ${mb(base.bursts.map((b) => b.rssAfterMB))} MB (at most ${fixed(worst)}×; settled, at most ${fixed(settled)}×)`,
      met: worst <= TARGETS.burstRssRatioToBaseline,
    },
  ];
  const first = mine.bursts[0];
  const last = mine.bursts.at(-1);
  if (first && last && last !== first) {
    const heapKBPer1000 =
      ((last.heapAfterGcMB - first.heapAfterGcMB) * 1024 * 1000) / (mine.commands * (last.burst - first.burst));
    const rssGrowth = ratio(last.rssAfterMB, first.rssAfterMB);
    targets.push({
      kind: 'burst-growth',
      target: `${mine.bursts.length} bursts in a row: no growth`,
      measured:
        `heap after GC ${mine.bursts.map((b) => fixed(b.heapAfterGcMB, 1)).join(' → ')} MB, ` +
        `RSS after ${mine.bursts.map((b) => fixed(b.rssAfterMB, 0)).join(' → ')} MB`,
      met: heapKBPer1000 <= TARGETS.heapGrowthKBPer1000 && rssGrowth <= TARGETS.burstRssGrowth,
    });
  }
  return targets;
}

const CHART_PARTS = [
  ['new Resvg: load the fonts, parse the SVG, shape the text', 'fonts, SVG parsing and text shaping'],
  ['render: rasterise', 'rasterising'],
  ['asPng: encode the PNG', 'PNG encoding'],
] as const;

/** One line per kind of missed target: what the measurements say costs the time. */
export function explainMisses(results: Results): string[] {
  const missed = new Set(results.targets.filter((t) => !t.met).map((t) => t.kind));
  const lines: string[] = [];
  if (missed.has('ack-ratio') || missed.has('ack-at-200')) {
    const loads = [...new Set(results.steps.map((step) => step.rate))].map((rate) => {
      const mine = stepFor(results.steps, 'allycomp', rate);
      const base = stepFor(results.steps, 'baseline', rate);
      return `${rate} req/s ${fixed(100 * (mine?.loopBusy ?? 0), 0)}% vs ${fixed(100 * (base?.loopBusy ?? 0), 0)}%`;
    });
    const cpu = results.steps.filter((step) => step.app === 'allycomp').map((step) => step.cpuMsPerCommand);
    const baseCpu = results.steps.filter((step) => step.app === 'baseline').map((step) => step.cpuMsPerCommand);
    const profile = results.loadProfile;
    lines.push(
      `**Ack latency:** the work before allycomp's ack is small (see \`parseCommand + answerCommand\` in the ` +
        'micro-benchmarks), but the answer it delivers after each ack shares the event loop with the next acks: ' +
        `${results.callsPerCommand.total} posts per command, ${fixed(Math.min(...cpu), 1)}–` +
        `${fixed(Math.max(...cpu), 1)} ms of CPU per command against the baseline's ${fixed(Math.min(...baseCpu), 2)}–` +
        `${fixed(Math.max(...baseCpu), 2)} ms. Event loop busy, allycomp vs baseline: ${loads.join(', ')}. Acks ` +
        'wait in line behind that work, more the busier the loop.' +
        (profile
          ? ` In the profile, allycomp's own code is ${fixed((100 * profile.ownSelfMs) / profile.busyMs, 0)}% of ` +
            `the busy time; the largest owners are ${profile.byOwner
              .slice(0, 4)
              .map((o) => `${o.name} (${fixed((100 * o.ms) / profile.busyMs, 0)}%)`)
              .join(', ')}.`
          : ''),
    );
  }
  if (missed.has('cpu-naive')) {
    const rows = [...new Set(results.steps.map((step) => step.rate))].map((rate) => {
      const mine = stepFor(results.steps, 'allycomp', rate);
      const naive = stepFor(results.steps, 'naive', rate);
      return `${rate} req/s ${fixed(mine?.cpuMsPerCommand ?? Number.NaN, 2)} vs ${fixed(naive?.cpuMsPerCommand ?? Number.NaN, 2)} ms`;
    });
    lines.push(
      `**CPU per command against the naive app:** ${rows.join(', ')}. allycomp posts ${results.callsPerCommand.total} ` +
        `messages per command to the naive app's ${results.naivePosts}, but adds the queue, the caps, the duplicate ` +
        'drop, the request log and the shared chart (see the profile).',
    );
  }
  if (missed.has('startup')) {
    const [mine, base] = (['allycomp', 'baseline'] as const).map((app) => results.startup.find((s) => s.app === app));
    const extra = (mine?.laps ?? [])
      .map((lap) => ({ ...lap, over: lap.ms - (base?.laps.find((l) => l.step === lap.step)?.ms ?? 0) }))
      .filter((lap) => lap.over >= 5)
      .sort((a, b) => b.over - a.over)
      .map((lap) => `${lap.step} +${fixed(lap.over, 0)} ms`);
    lines.push(`**Start-up:** allycomp's extra time by step: ${extra.join(', ')} (see the steps and the profile).`);
  }
  if (missed.has('memory') || missed.has('memory-trend')) {
    const last = results.memory.samples.at(-1);
    const baseLast = results.baselineMemory?.samples.at(-1);
    if (last) {
      lines.push(
        `**Memory:** ${fixed(last.rssMB, 0)} MB RSS${baseLast ? ` against the baseline's ${fixed(baseLast.rssMB, 0)} MB` : ''}: ` +
          `JS heap reserved ${fixed(last.heapTotalMB, 0)} MB (used after GC ${fixed(last.heapAfterGcMB, 1)} MB), external ` +
          `${fixed(last.externalMB, 0)} MB, the remaining ${fixed(last.rssMB - last.heapTotalMB - last.externalMB, 0)} MB native` +
          (baseLast
            ? ` (baseline ${fixed(baseLast.heapTotalMB, 0)}, ${fixed(baseLast.heapAfterGcMB, 1)}, ${fixed(baseLast.externalMB, 0)} and ${fixed(baseLast.rssMB - baseLast.heapTotalMB - baseLast.externalMB, 0)} MB).`
            : '.'),
      );
    }
  }
  if (missed.has('burst-rss') || missed.has('burst-growth')) {
    const [mine, base] = (['allycomp', 'baseline'] as const).map((app) => results.bursts.find((r) => r.app === app));
    const parts = (b: BurstRun['bursts'][number]) =>
      `${fixed(b.rssAfterGcMB, 0)} MB RSS after GC: heap reserved ${fixed(b.heapReservedAfterGcMB, 0)} MB (in use ` +
      `${fixed(b.heapAfterGcMB, 1)}), external ${fixed(b.externalAfterGcMB, 0)} MB, the remaining ` +
      `${fixed(b.rssAfterGcMB - b.heapReservedAfterGcMB - b.externalAfterGcMB, 0)} MB native`;
    const last = mine?.bursts.at(-1);
    const baseLast = base?.bursts.at(-1);
    if (last && baseLast) {
      lines.push(
        `**Bursts:** after the last burst allycomp ${parts(last)}; bare Bolt ${parts(baseLast)}. Settled ` +
          `(${(mine?.settleMs ?? 0) / 1000} s after a GC): ${fixed(last.rssSettledMB, 0)} MB against ` +
          `${fixed(baseLast.rssSettledMB, 0)} MB.`,
      );
    }
  }
  if (missed.has('chart')) {
    const parts = CHART_PARTS.map(([name, what]) => {
      const bench = results.micro.find((m) => m.name === name);
      return bench ? `${what} ${fixed(bench.meanMs, 1)} ms` : undefined;
    }).filter((part) => part !== undefined);
    lines.push(`**Chart:** inside resvg: ${parts.join(', ')}; building the SVG itself is under 1 ms.`);
  }
  return lines;
}

function table(header: string[], rows: Array<Array<string | number>>): string {
  const line = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function profileTables(summary: ProfileSummary): string {
  const share = (ms: number) => `${fixed((100 * ms) / summary.busyMs, 1)}%`;
  const rows = (spent: TimeSpent[], code = false) =>
    spent.map((s) => [code ? `\`${s.name}\`` : s.name, fixed(s.ms, 0), share(s.ms)]);
  return [
    "By who asked for the time (Node's own frames charged to the nearest package or allycomp file above them):",
    '',
    table(['Owner', 'ms', 'Share of busy time'], rows(summary.byOwner)),
    '',
    "allycomp's own functions, inclusive (the function and everything it calls):",
    '',
    table(['Function (file:line)', 'ms', 'Share of busy time'], rows(summary.topOwn, true)),
    '',
    'Self time (in the function itself):',
    '',
    table(['Function (where)', 'ms', 'Share of busy time'], rows(summary.topSelf, true)),
  ].join('\n');
}

function startupStepsTable(startup: StartupResult[]): string {
  const steps = [...new Set(startup.flatMap((s) => s.laps.map((lap) => lap.step)))];
  const apps = startup.map((s) => s.app);
  return table(
    ['Step', ...apps.map((app) => `${app} ms`)],
    steps.map((step) => [
      step,
      ...startup.map((s) => {
        const lap = s.laps.find((l) => l.step === step);
        return lap ? fixed(lap.ms, 0) : '—';
      }),
    ]),
  );
}

function renderBursts(runs: BurstRun[]): string {
  const [first] = runs;
  const outcomes = (record: Record<string, number>) =>
    Object.entries(record)
      .sort(([, a], [, b]) => b - a)
      .map(([outcome, count]) => `${outcome} ${count}`)
      .join(', ') || '—';
  return [
    '## Three bursts in a row',
    '',
    `A fresh child of each app (started with \`--expose-gc\`; bare Bolt first, then allycomp) takes ` +
      `${first?.commands ?? 0} signed \`/allycomp ny\` (each from its own channel) as fast as ` +
      `${first?.connections ?? 0} connections in a closed loop allow, three times in a row. After each burst ` +
      `allycomp's posts are left to drain (until the stub has seen none for ${(first?.quietMs ?? 0) / 1000} s); then ` +
      'the child reports its RSS as the burst left it ("RSS after", what the 1.5× target is judged on: what a memory ' +
      'limit must allow), after a full GC (with the JS heap in use and reserved, and the external memory), and ' +
      `${(first?.settleMs ?? 0) / 1000} s and another GC later ("settled": V8 hands the pages a GC freed back to the ` +
      'system a while later, not at once). The peak is sampled every 250 ms during the burst and the drain. A ' +
      "command past the delivery queue's caps is answered in the ack, privately (outcome `busy`), and posts nothing.",
    '',
    table(
      [
        'App',
        'Burst',
        'Acked',
        'Ack p50 ms',
        'Ack p99 ms',
        'Errors / non-2xx / timeouts',
        'Outcomes',
        'Posts',
        'Drained after s',
        'RSS peak MB',
        'RSS after MB',
        'RSS after GC MB',
        'RSS settled MB',
        'Heap after GC MB',
        'Heap reserved after GC MB',
        'External after GC MB',
      ],
      runs.flatMap((run) => [
        [
          run.app,
          'idle',
          ...Array<string>(8).fill('—'),
          fixed(run.idle.rssMB, 0),
          '—',
          '—',
          fixed(run.idle.heapAfterGcMB, 1),
          '—',
          '—',
        ],
        ...run.bursts.map((b) => [
          run.app,
          b.burst,
          b.outcome.answered,
          fixed(b.outcome.latencyMs.p50),
          fixed(b.outcome.latencyMs.p99),
          `${b.outcome.errors} / ${b.outcome.non2xx} / ${b.outcome.timeouts}`,
          outcomes(b.outcomes),
          b.posts,
          fixed(b.drainSeconds, 1),
          fixed(b.peakRssMB, 0),
          fixed(b.rssAfterMB, 0),
          fixed(b.rssAfterGcMB, 0),
          fixed(b.rssSettledMB, 0),
          fixed(b.heapAfterGcMB, 1),
          fixed(b.heapReservedAfterGcMB, 0),
          fixed(b.externalAfterGcMB, 1),
        ]),
      ]),
    ),
  ].join('\n');
}

function renderTransportCpu(rows: TransportCpuRow[]): string {
  const of = (transport: TransportCpuRow['transport'], wrapped: boolean) =>
    rows.find((row) => row.transport === transport && row.wrapped === wrapped);
  const saving = (wrapped: boolean) => {
    const undici = of('undici', wrapped);
    const fetch = of('fetch', wrapped);
    return undici && fetch ? `${fixed(100 * (1 - undici.msPerCall / fetch.msPerCall), 0)}%` : 'n/a';
  };
  return [
    '## Web API transport: undici against fetch',
    '',
    '`bench/transport-cpu.ts`: CPU of this process per `chat.postMessage` (the region message as body) made by a ' +
      'WebClient over each transport (`SLACK_HTTP_TRANSPORT`), 32 at a time, to the stub in its own process. Bare, and ' +
      'as the app wraps it (`withoutSlackMessages`, which reads every JSON answer). Rounds alternate between the four; ' +
      `each figure is the median of its rounds. undici saves ${saving(false)} bare and ${saving(true)} wrapped.`,
    '',
    table(
      ['Transport', 'As the app wraps it', 'CPU ms per call', 'Rounds ms'],
      rows.map((row) => [
        row.transport,
        row.wrapped ? 'yes' : 'no',
        fixed(row.msPerCall, 3),
        row.rounds.map((v) => fixed(v, 3)).join(', '),
      ]),
    ),
  ].join('\n');
}

export function renderMarkdown(results: Results): string {
  const { machine: m } = results;
  const rates = [...new Set(results.steps.map((step) => step.rate))];
  const out: string[] = [];
  out.push('# Benchmark results', '');
  out.push(
    `Written by \`npm run bench\` (${results.mode} run) on ${m.date}. Re-run it to refresh this file; it is overwritten.`,
    '',
  );

  out.push('## Machine', '');
  out.push(
    table(
      ['', ''],
      [
        ['OS', m.os],
        ['CPU', `${m.cpu}, ${m.cores} cores`],
        ['Memory', `${fixed(m.memoryGiB, 1)} GiB`],
        ['Node', m.node],
        ['@slack/bolt', m.bolt],
        ['autocannon', m.autocannon],
        ['allycomp', `${m.allycomp} (${m.commit})`],
        ['allycomp started as', `\`node ${m.allycompNodeFlags}\` (as \`npm start\`; Bolt's apps: plain \`node\`)`],
        [
          'Load average (1/5/15 min)',
          `before ${m.loadAverageBefore.map((n) => fixed(n)).join(' / ')}, after ${m.loadAverageAfter.map((n) => fixed(n)).join(' / ')}`,
        ],
      ],
    ),
    '',
    'The load generator, the Web API stub and the app under test share this machine: absolute numbers are ' +
      'pessimistic next to a dedicated server, ratios to the baseline are the fair comparison. A load average ' +
      'well above 0 before the run means other work was competing for the cores.',
    '',
  );

  out.push('## Targets', '');
  out.push(
    table(
      ['Target', 'Measured', 'Result'],
      results.targets.map((t) => [t.target, t.measured, t.met ? 'met' : '**missed**']),
    ),
    '',
  );
  const explanations = explainMisses(results);
  if (explanations.length > 0) {
    out.push('What costs the time where a target is missed (details in the sections below):', '');
    for (const line of explanations) out.push(`- ${line}`);
    out.push('');
  }
  if (results.problems.length > 0) {
    out.push('**The run found problems** (the numbers below may not mean much):', '');
    for (const problem of results.problems) out.push(`- ${problem}`);
    out.push('');
  }
  if (results.notes.length > 0) {
    out.push('Observed under load:', '');
    for (const note of results.notes) out.push(`- ${note}`);
    out.push('');
  }

  out.push('## Ack latency at fixed rates', '');
  out.push(
    'Signed `/allycomp ny` slash commands (a fresh timestamp and signature on every request, each from a channel of ' +
      'its own) sent with autocannon to each app in its own process. The rate is spread over up to 50 ' +
      'single-connection lanes started evenly through the second, so requests arrive spread out rather than in one ' +
      "burst per second. Latency is the ack's (request written to response read) and, like the achieved rate, counts " +
      'the steady state: from when the last lane started to when the first stopped. A server that falls behind shows ' +
      'as a lower achieved rate. After each ack allycomp delivers its answer to a Web API stub on loopback, in a ' +
      `process of its own: ${results.callsPerCommand.total} posts (\`chat.postMessage\`) per command in the steady ` +
      `state (the second warm-up round: ${results.callsPerCommand.methods || 'none'}; the shared chart is uploaded ` +
      'once, in the first), work that shares the event loop with the next acks. The baseline is a bare Bolt app with ' +
      "allycomp's HTTPReceiver settings whose `/allycomp` only acks; the naive app is the same bare Bolt app posting " +
      `the same New York answer the plain way, ${results.naivePosts} posts one after another with Bolt's own client ` +
      "(the region message, then the four levers as replies; no chart). CPU ms/command is the child process's CPU " +
      'time per answered command, including the posts its commands caused; Web API calls counts those posts.',
    '',
  );
  out.push(
    table(
      [
        'Rate',
        'App',
        'Achieved req/s',
        'p50 ms',
        'p90 ms',
        'p99 ms',
        'max ms',
        'Errors / non-2xx / timeouts',
        'CPU ms/command',
        'Event loop busy',
        'Web API calls',
        'Generator loop p99 ms',
      ],
      results.steps.map((s) => [
        s.rate,
        s.app,
        fixed(s.outcome.achievedRate, 1),
        fixed(s.outcome.latencyMs.p50),
        fixed(s.outcome.latencyMs.p90),
        fixed(s.outcome.latencyMs.p99),
        fixed(s.outcome.latencyMs.max),
        `${s.outcome.errors} / ${s.outcome.non2xx} / ${s.outcome.timeouts}`,
        fixed(s.cpuMsPerCommand, 3),
        `${fixed(100 * s.loopBusy, 0)}%`,
        s.webApiCalls,
        fixed(s.generatorLoopP99Ms, 1),
      ]),
    ),
    '',
  );
  out.push(
    table(
      [
        'Rate',
        'p50 allycomp / baseline',
        'p99 allycomp / baseline',
        'CPU per command allycomp / baseline',
        'CPU per command allycomp / naive',
      ],
      rates.map((rate) => {
        const mine = stepFor(results.steps, 'allycomp', rate);
        const base = stepFor(results.steps, 'baseline', rate);
        const naive = stepFor(results.steps, 'naive', rate);
        if (!mine || !base) return [rate, 'n/a', 'n/a', 'n/a', 'n/a'];
        return [
          rate,
          `${fixed(ratio(mine.outcome.latencyMs.p50, base.outcome.latencyMs.p50))}×`,
          `${fixed(ratio(mine.outcome.latencyMs.p99, base.outcome.latencyMs.p99))}×`,
          `${fixed(ratio(mine.cpuMsPerCommand, base.cpuMsPerCommand))}×`,
          naive ? `${fixed(ratio(mine.cpuMsPerCommand, naive.cpuMsPerCommand))}×` : 'n/a',
        ];
      }),
    ),
    '',
  );

  out.push('## Start-up', '');
  out.push(
    'From spawning `node <child>.js` (type-stripped JavaScript, as `npm start` runs `dist/`) to the first signed ' +
      "`/allycomp ny` answered 200, probing every 5 ms. Median of the rounds; the steps are the child's own timing.",
    '',
  );
  out.push(
    table(
      ['App', 'Median ms', 'Rounds ms'],
      results.startup.map((s) => [s.app, fixed(s.medianMs, 0), s.roundsMs.map((ms) => fixed(ms, 0)).join(', ')]),
    ),
    '',
    startupStepsTable(results.startup),
    '',
  );
  if (results.startupProfiles) {
    const { allycomp, baseline } = results.startupProfiles;
    out.push(
      'CPU profile of one start-up each, busy time by who asked for it (module loading is charged to the package ' +
        'whose code ran the import):',
      '',
    );
    const owners = [...new Set([...allycomp.byOwner, ...baseline.byOwner].map((s) => s.name))];
    const msOf = (summary: ProfileSummary, name: string) => summary.byOwner.find((s) => s.name === name)?.ms ?? 0;
    out.push(
      table(
        ['Owner', 'allycomp ms', 'baseline ms'],
        [
          ['(busy in all)', fixed(allycomp.busyMs, 0), fixed(baseline.busyMs, 0)],
          ...owners.map((name) => [name, fixed(msOf(allycomp, name), 0), fixed(msOf(baseline, name), 0)]),
        ],
      ),
      '',
    );
  }

  out.push('## Memory', '');
  out.push(
    'A fresh child of each app (started with `--expose-gc`) answers `/allycomp ny` in blocks sent at 50 req/s ' +
      '(a rate allycomp sustains: a burst would measure a backlog of unfinished posts); after each block ' +
      "allycomp's Web API calls are allowed to finish, a full GC runs and the child reports its memory. The trend " +
      'is the least-squares slope over the samples after the first block (the first includes warm-up); more than ' +
      `${TARGETS.heapGrowthKBPer1000} KB of JS heap kept per 1,000 commands counts as growing. RSS above the JS ` +
      'heap and external memory is native: code, malloc arenas and what native addons (resvg) hold.',
    '',
  );
  const trend = (memory: MemoryResult) =>
    memory.trendSamples < 2
      ? 'n/a (needs two samples after the first block)'
      : `heap after GC ${fixed(memory.heapSlopeKBPer1000, 0)} KB and RSS ${fixed(memory.rssSlopeKBPer1000, 0)} KB ` +
        `per 1,000 commands: ${memory.growing ? '**growing**' : 'flat'}`;
  out.push(
    table(
      ['App', 'Commands', 'RSS MB', 'JS heap reserved MB', 'JS heap used after GC MB', 'External MB'],
      [results.memory, ...(results.baselineMemory ? [results.baselineMemory] : [])].flatMap((memory) =>
        memory.samples.map((s) => [
          memory.app,
          s.commands,
          fixed(s.rssMB, 1),
          fixed(s.heapTotalMB, 1),
          fixed(s.heapAfterGcMB, 2),
          fixed(s.externalMB, 1),
        ]),
      ),
    ),
    '',
    `Trend, allycomp: ${trend(results.memory)}.` +
      (results.baselineMemory ? ` Baseline: ${trend(results.baselineMemory)}.` : ''),
    '',
  );

  if (results.bursts.length > 0) out.push(renderBursts(results.bursts), '');
  if (results.transportCpu.length > 0) out.push(renderTransportCpu(results.transportCpu), '');

  if (results.loadProfile) {
    const p = results.loadProfile;
    out.push(`## Where allycomp's time goes (CPU profile at ${p.rate} req/s)`, '');
    out.push(
      `A CPU profile (V8's sampling profiler, through node:inspector) of a fresh allycomp child, after its warm-up, ` +
        `while it answers ${p.seconds} s of signed \`/allycomp ny\` at ${p.rate} req/s and finishes their Web API ` +
        `calls: ${fixed(p.busyMs, 0)} ms busy of ${fixed(p.wallMs, 0)} ms, of which ` +
        `${fixed(p.ownSelfMs, 0)} ms (${fixed((100 * p.ownSelfMs) / p.busyMs, 1)}%) in allycomp's own code and the ` +
        'rest in what it calls: Bolt, the Web API client and the HTTP requests it makes.',
      '',
      profileTables(p),
      '',
    );
  }

  if (results.micro.length > 0) {
    out.push('## Micro-benchmarks', '');
    out.push('`npx vitest bench --run --config bench/vitest.bench.config.ts`, one file at a time.', '');
    out.push(
      table(
        ['Group', 'Benchmark', 'Mean ms', 'p99 ms', 'ops/s', 'Samples'],
        results.micro.map((b) => [b.group, b.name, fixed(b.meanMs, 4), fixed(b.p99Ms, 4), fixed(b.hz, 0), b.samples]),
      ),
      '',
    );
  }
  return `${out.join('\n').trimEnd()}\n`;
}
