import type { Installation, InstallationQuery } from '@slack/bolt';
import type pg from 'pg';
import type { TokenCipher } from '../cipher.js';
import { keyHash } from '../hash.js';
import {
  answerQuery,
  type InstallationRow,
  installKeyOf,
  notInstalled,
  openRow,
  resealRow,
  rowsFor,
  withoutUserToken,
} from '../installations.js';
import { KeyedQueue } from '../keyed-queue.js';
import {
  CARD_STATE_TTL_MS,
  type CardUpdate,
  type ChartRef,
  type ClaimResult,
  type Store,
  type TeamRef,
} from '../store.js';

/** Expired duplicate keys and card states are deleted every this many claims. */
const PRUNE_EVERY = 500;

const ROW_COLUMNS = `install_key AS "installKey", user_id AS "userId", team_id AS "teamId",
  enterprise_id AS "enterpriseId", sealed`;

/** The store for several replicas: every method is safe with any number of processes on one database. */
export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  private readonly cards = new KeyedQueue();
  private claimsSincePrune = 0;

  constructor(
    readonly pool: pg.Pool,
    private readonly cipher: TokenCipher | undefined,
  ) {}

  async storeInstallation<AuthVersion extends 'v1' | 'v2'>(
    installation: Installation<AuthVersion, boolean>,
  ): Promise<void> {
    const rows = rowsFor(this.cipher, installation);
    await this.inTransaction(async (client) => {
      for (const row of rows) await upsertRow(client, row, this.cipher?.keyId ?? '');
    });
  }

  async fetchInstallation(query: InstallationQuery<boolean>) {
    const installKey = installKeyOf(query);
    const { rows } = await this.pool.query<InstallationRow>(
      `SELECT ${ROW_COLUMNS} FROM allycomp_installations WHERE install_key = $1 AND user_id = ANY($2)`,
      [installKey, ['', query.userId ?? '']],
    );
    const workspace = rows.find((row) => row.userId === '');
    if (!workspace) throw notInstalled(query);
    const user = query.userId ? rows.find((row) => row.userId === query.userId) : undefined;
    return answerQuery(openRow(this.cipher, workspace), user && openRow(this.cipher, user), query);
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    const installKey = installKeyOf(query);
    const { userId } = query;
    if (!userId) {
      await this.pool.query('DELETE FROM allycomp_installations WHERE install_key = $1', [installKey]);
      return;
    }
    await this.inTransaction(async (client) => {
      await client.query('DELETE FROM allycomp_installations WHERE install_key = $1 AND user_id = $2', [
        installKey,
        userId,
      ]);
      const { rows } = await client.query<InstallationRow>(
        `SELECT ${ROW_COLUMNS} FROM allycomp_installations WHERE install_key = $1 AND user_id = '' FOR UPDATE`,
        [installKey],
      );
      const workspace = rows[0];
      if (!workspace) return;
      const installation = openRow(this.cipher, workspace);
      const kept = withoutUserToken(installation, userId);
      if (kept !== installation)
        await upsertRow(client, resealRow(this.cipher, workspace, kept), this.cipher?.keyId ?? '');
    });
  }

  async forgetTeam(team: TeamRef): Promise<void> {
    const teamIds = [team.teamId, team.enterpriseId].filter((id): id is string => Boolean(id));
    await this.inTransaction(async (client) => {
      await client.query('DELETE FROM allycomp_installations WHERE install_key = $1', [installKeyOf(team)]);
      await client.query('DELETE FROM allycomp_chart_files WHERE team_id = ANY($1)', [teamIds]);
    });
  }

  async claim(key: string, ttlMs: number): Promise<ClaimResult> {
    // A new key is inserted; an expired one is taken over; a live one is left alone and returns no row.
    const { rowCount } = await this.pool.query(
      `INSERT INTO allycomp_claims AS c (key_hash, expires_at)
       VALUES ($1, now() + make_interval(secs => $2::double precision / 1000))
       ON CONFLICT (key_hash) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE c.expires_at <= now()`,
      [keyHash('claim', key), ttlMs],
    );
    this.claimsSincePrune += 1;
    if (this.claimsSincePrune >= PRUNE_EVERY) {
      this.claimsSincePrune = 0;
      void this.prune().catch(() => undefined);
    }
    return rowCount === 1 ? 'first' : 'duplicate';
  }

  async prune(): Promise<void> {
    await this.pool.query('DELETE FROM allycomp_claims WHERE expires_at <= now()');
    await this.pool.query('DELETE FROM allycomp_card_states WHERE expires_at <= now()');
  }

  /**
   * One process queues a card's updates itself (one connection per card, not per click), then the transaction
   * takes the card's advisory lock: Postgres grants it to waiting replicas in the order they asked. A replica that
   * dies mid-update loses its connection, which rolls back and releases the lock.
   */
  withCard<State, Result>(
    cardKey: string,
    update: (latest: State | undefined) => Promise<CardUpdate<State, Result>>,
    ttlMs = CARD_STATE_TTL_MS,
  ): Promise<Result> {
    const hash = keyHash('card', cardKey);
    return this.cards.run(hash.toString('base64'), () =>
      this.inTransaction(async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [hash.readBigInt64BE(0).toString()]);
        const { rows } = await client.query<{ state: State }>(
          'SELECT state FROM allycomp_card_states WHERE key_hash = $1 AND expires_at > now()',
          [hash],
        );
        const { state, result } = await update(rows[0]?.state);
        if (state !== undefined) {
          await client.query(
            `INSERT INTO allycomp_card_states (key_hash, state, expires_at)
             VALUES ($1, $2, now() + make_interval(secs => $3::double precision / 1000))
             ON CONFLICT (key_hash) DO UPDATE SET state = EXCLUDED.state, expires_at = EXCLUDED.expires_at`,
            [hash, JSON.stringify(state), ttlMs],
          );
        }
        return result;
      }),
    );
  }

  async getChartFile(chart: ChartRef): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ file_id: string }>(
      'SELECT file_id FROM allycomp_chart_files WHERE team_id = $1 AND chart = $2 AND version = $3',
      [chart.teamId, chart.chart, chart.version],
    );
    return rows[0]?.file_id;
  }

  async putChartFile(chart: ChartRef, fileId: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO allycomp_chart_files (team_id, chart, version, file_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (team_id, chart, version) DO UPDATE SET file_id = EXCLUDED.file_id, updated_at = now()`,
      [chart.teamId, chart.chart, chart.version, fileId],
    );
  }

  /** Every installation row with a stale key, re-encrypted with the current one; returns how many. */
  async reencryptInstallations(): Promise<number> {
    return this.inTransaction(async (client) => {
      const { rows } = await client.query<InstallationRow>(
        `SELECT ${ROW_COLUMNS} FROM allycomp_installations WHERE key_id <> $1 FOR UPDATE`,
        [this.cipher?.keyId ?? ''],
      );
      for (const row of rows) {
        await upsertRow(client, resealRow(this.cipher, row, openRow(this.cipher, row)), this.cipher?.keyId ?? '');
      }
      return rows.length;
    });
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      // A connection that cannot even roll back is closed rather than handed to the next caller.
      await client.query('ROLLBACK').catch((rollbackError: Error) => {
        broken = rollbackError;
      });
      throw error;
    } finally {
      client.release(broken);
    }
  }
}

async function upsertRow(client: pg.PoolClient, row: InstallationRow, keyId: string): Promise<void> {
  await client.query(
    `INSERT INTO allycomp_installations (install_key, user_id, team_id, enterprise_id, sealed, key_id)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (install_key, user_id) DO UPDATE SET team_id = EXCLUDED.team_id,
       enterprise_id = EXCLUDED.enterprise_id, sealed = EXCLUDED.sealed, key_id = EXCLUDED.key_id, updated_at = now()`,
    [row.installKey, row.userId, row.teamId, row.enterpriseId, row.sealed, keyId],
  );
}
