import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';

/** A workspace (or, for an org-wide install on Enterprise Grid, an organisation) as Slack names it. */
export interface TeamRef {
  teamId?: string;
  enterpriseId?: string;
  /** True for an org-wide install: it is then keyed by the enterprise id alone. */
  isEnterpriseInstall?: boolean;
}

/** One chart image uploaded to one workspace, reusable while the chart it shows is unchanged. */
export interface ChartRef {
  teamId: string;
  /** Which chart, e.g. a region id. */
  chart: string;
  /** The chart's version (guide version and renderer version): a new version is a new file. */
  version: string;
}

export type ClaimResult = 'first' | 'duplicate';

/** What one update of a card returns: the card's new state (omit it to leave the state as it was) and a result. */
export interface CardUpdate<State, Result> {
  state?: State;
  result: Result;
}

/**
 * Everything allycomp keeps between requests, behind one interface: an embedded default (files, one process)
 * and PostgreSQL (several replicas). Nothing here ever holds a compensation figure: installations (tokens
 * encrypted), hashed duplicate keys, card states (ids and tick times) and chart file ids.
 */
export interface Store extends Required<InstallationStore> {
  readonly kind: 'file' | 'postgres';

  storeInstallation<AuthVersion extends 'v1' | 'v2'>(installation: Installation<AuthVersion, boolean>): Promise<void>;
  /** Bolt's contract: throws when the workspace has no installation. */
  fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation<'v1' | 'v2', boolean>>;
  /** With a userId only that user's token goes; without one, the whole installation. */
  deleteInstallation(query: InstallationQuery<boolean>): Promise<void>;

  /** app_uninstalled, or tokens_revoked for the bot: forget every installation and chart file of the team. */
  forgetTeam(team: TeamRef): Promise<void>;

  /**
   * The duplicate drop: 'first' the first time a key is claimed within ttlMs, 'duplicate' afterwards, across every
   * process sharing the store. Keys are hashed (sha256) before they are kept.
   */
  claim(key: string, ttlMs: number): Promise<ClaimResult>;

  /**
   * Runs `update` for one card exclusively and in arrival order, across every process sharing the store, with the
   * state the previous update left (undefined when none within ttlMs). A throwing update leaves the state unchanged.
   */
  withCard<State, Result>(
    cardKey: string,
    update: (latest: State | undefined) => Promise<CardUpdate<State, Result>>,
    ttlMs?: number,
  ): Promise<Result>;

  getChartFile(chart: ChartRef): Promise<string | undefined>;
  putChartFile(chart: ChartRef, fileId: string): Promise<void>;

  /** Rewrites every installation still encrypted with an old key (ALLYCOMP_STORE_OLD_KEYS) with the current one. */
  reencryptInstallations(): Promise<number>;

  close(): Promise<void>;
}

/**
 * How long a card's last state is kept when withCard is not told. The card carries its own state (button values);
 * the stored copy only has to outlive a click whose payload predates the previous update, which is seconds.
 */
export const CARD_STATE_TTL_MS = 60 * 60_000;
