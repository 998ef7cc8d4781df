import { join } from 'node:path';
import type { Installation, InstallationQuery } from '@slack/bolt';
import { readJson, writeJsonAtomically } from './atomic-file.js';
import type { TokenCipher } from './cipher.js';
import { keyHash } from './hash.js';
import {
  answerQuery,
  type InstallationRow,
  installKeyOf,
  notInstalled,
  openRow,
  resealRow,
  rowsFor,
  withoutUserToken,
} from './installations.js';
import { KeyedQueue } from './keyed-queue.js';
import {
  CARD_STATE_TTL_MS,
  type CardUpdate,
  type ChartRef,
  type ClaimResult,
  type Store,
  type TeamRef,
} from './store.js';

interface ChartFileRow extends ChartRef {
  fileId: string;
}

/** Duplicate keys and card states held at most; the oldest go first. Ids only, a few MB at most. */
const MAX_IN_MEMORY = 50_000;

/**
 * The embedded default: installations and chart file ids in two JSON files under ALLYCOMP_STATE_DIR, each
 * rewritten whole and atomically; duplicate keys and card states in memory. SINGLE PROCESS ONLY: two processes on
 * one directory would overwrite each other's writes and could each answer the same retry. Run one replica, or
 * set DATABASE_URL.
 */
export class FileStore implements Store {
  readonly kind = 'file' as const;
  private readonly writes = new KeyedQueue();
  private readonly cards = new KeyedQueue();
  private readonly claims = new Map<string, number>();
  private readonly cardStates = new Map<string, { state: unknown; expiresAt: number }>();

  private constructor(
    /** Undefined: nothing is written to disk (tests, and the single-workspace mode's in-process default). */
    private readonly dir: string | undefined,
    private readonly cipher: TokenCipher | undefined,
    private installations: InstallationRow[],
    private chartFiles: ChartFileRow[],
  ) {}

  static async open(dir: string, cipher: TokenCipher | undefined): Promise<FileStore> {
    const installations = await readJson<InstallationRow[]>(join(dir, 'installations.json'), []);
    const chartFiles = await readJson<ChartFileRow[]>(join(dir, 'chart-files.json'), []);
    return new FileStore(dir, cipher, installations, chartFiles);
  }

  /** The same store held in memory only: what createApp uses when it is given no store. */
  static inMemory(cipher?: TokenCipher): FileStore {
    return new FileStore(undefined, cipher, [], []);
  }

  async reencryptInstallations(): Promise<number> {
    let count = 0;
    await this.rewriteInstallations((rows) =>
      rows.map((row) => {
        if (!this.cipher?.isStale(row.sealed)) return row;
        count += 1;
        return resealRow(this.cipher, row, openRow(this.cipher, row));
      }),
    );
    return count;
  }

  private async rewriteInstallations(change: (rows: InstallationRow[]) => InstallationRow[]): Promise<void> {
    await this.writes.run('installations', async () => {
      const next = change(this.installations);
      if (this.dir) await writeJsonAtomically(join(this.dir, 'installations.json'), next);
      this.installations = next;
    });
  }

  private async rewriteChartFiles(change: (rows: ChartFileRow[]) => ChartFileRow[]): Promise<void> {
    await this.writes.run('chart-files', async () => {
      const next = change(this.chartFiles);
      if (this.dir) await writeJsonAtomically(join(this.dir, 'chart-files.json'), next);
      this.chartFiles = next;
    });
  }

  async storeInstallation<AuthVersion extends 'v1' | 'v2'>(
    installation: Installation<AuthVersion, boolean>,
  ): Promise<void> {
    const fresh = rowsFor(this.cipher, installation);
    await this.rewriteInstallations((rows) => [
      ...rows.filter((row) => !fresh.some((f) => f.installKey === row.installKey && f.userId === row.userId)),
      ...fresh,
    ]);
  }

  async fetchInstallation(query: InstallationQuery<boolean>) {
    const installKey = installKeyOf(query);
    const find = (userId: string) => this.installations.find((r) => r.installKey === installKey && r.userId === userId);
    const workspace = find('');
    if (!workspace) throw notInstalled(query);
    const user = query.userId ? find(query.userId) : undefined;
    return answerQuery(openRow(this.cipher, workspace), user && openRow(this.cipher, user), query);
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    const installKey = installKeyOf(query);
    const { userId } = query;
    await this.rewriteInstallations((rows) => {
      if (!userId) return rows.filter((row) => row.installKey !== installKey);
      return rows
        .filter((row) => !(row.installKey === installKey && row.userId === userId))
        .map((row) =>
          row.installKey === installKey && row.userId === ''
            ? resealRow(this.cipher, row, withoutUserToken(openRow(this.cipher, row), userId))
            : row,
        );
    });
  }

  async forgetTeam(team: TeamRef): Promise<void> {
    const installKey = installKeyOf(team);
    await this.rewriteInstallations((rows) => rows.filter((row) => row.installKey !== installKey));
    const teamIds = [team.teamId, team.enterpriseId].filter((id): id is string => Boolean(id));
    await this.rewriteChartFiles((rows) => rows.filter((row) => !teamIds.includes(row.teamId)));
  }

  async claim(key: string, ttlMs: number): Promise<ClaimResult> {
    const hash = keyHash('claim', key).toString('base64');
    const now = Date.now();
    const expiresAt = this.claims.get(hash);
    if (expiresAt !== undefined && expiresAt > now) return 'duplicate';
    this.claims.delete(hash);
    this.claims.set(hash, now + ttlMs);
    trim(this.claims, now, (expiry) => expiry);
    return 'first';
  }

  withCard<State, Result>(
    cardKey: string,
    update: (latest: State | undefined) => Promise<CardUpdate<State, Result>>,
    ttlMs = CARD_STATE_TTL_MS,
  ): Promise<Result> {
    const hash = keyHash('card', cardKey).toString('base64');
    return this.cards.run(hash, async () => {
      const now = Date.now();
      const kept = this.cardStates.get(hash);
      const latest = kept && kept.expiresAt > now ? (kept.state as State) : undefined;
      const { state, result } = await update(latest);
      if (state !== undefined) {
        this.cardStates.delete(hash);
        this.cardStates.set(hash, { state, expiresAt: Date.now() + ttlMs });
        trim(this.cardStates, now, (entry) => entry.expiresAt);
      }
      return result;
    });
  }

  async getChartFile(chart: ChartRef): Promise<string | undefined> {
    return this.chartFiles.find((row) => sameChart(row, chart))?.fileId;
  }

  async putChartFile(chart: ChartRef, fileId: string): Promise<void> {
    await this.rewriteChartFiles((rows) => [
      ...rows.filter((row) => !sameChart(row, chart)),
      { teamId: chart.teamId, chart: chart.chart, version: chart.version, fileId },
    ]);
  }

  async close(): Promise<void> {
    await Promise.all([
      this.writes.run('installations', async () => {}),
      this.writes.run('chart-files', async () => {}),
    ]);
  }
}

function sameChart(a: ChartRef, b: ChartRef): boolean {
  return a.teamId === b.teamId && a.chart === b.chart && a.version === b.version;
}

/** Drops expired entries once the map is full, then the oldest written if it still is. */
function trim<V>(map: Map<string, V>, now: number, expiryOf: (value: V) => number): void {
  if (map.size <= MAX_IN_MEMORY) return;
  for (const [key, value] of map) if (expiryOf(value) <= now) map.delete(key);
  for (const key of map.keys()) {
    if (map.size <= MAX_IN_MEMORY) break;
    map.delete(key);
  }
}
