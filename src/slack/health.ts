import type { ServerResponse } from 'node:http';
import { type CustomRoute, LogLevel } from '@slack/bolt';
import type { AppLogger } from '../logging.js';
import { VERSION } from '../version.js';

export interface Readiness {
  ready: boolean;
  /** 'per_workspace' in OAuth mode: each workspace's token is its own (see `/healthz?team=`). */
  auth: 'unchecked' | 'ok' | 'rejected' | 'per_workspace';
  /** The Web API error that rejected the token, e.g. token_revoked. */
  reason?: string;
  /** Socket Mode only: the connection's phase; ready needs `connected` (Slack said hello). */
  socket?: string;
}

/** The Socket Mode connection as readiness sees it (src/slack/socket-status.ts). */
export interface SocketGate {
  readonly ready: boolean;
  readonly phase: string;
}

/** What the request log keeps up to date: requests in flight, and whether Slack still takes the token. */
export interface RequestTracker {
  /**
   * A request's handling starts; call the returned function when it ends. `responseUrl` is kept in memory only, to
   * tell the person if the process stops before their answer is done: never logged.
   */
  begin(responseUrl: string | undefined): () => void;
  /** `workspace`: the team (or org, for an org-wide install) whose token failed; OAuth mode tracks each apart. */
  onTokenError(code: string, workspace?: string): void;
}

/** The id a workspace's installation is known by: the org for an org-wide install, else the team. */
export function workspaceOf(context: {
  teamId?: string;
  enterpriseId?: string;
  isEnterpriseInstall?: boolean;
}): string | undefined {
  return context.isEnterpriseInstall ? context.enterpriseId : (context.teamId ?? context.enterpriseId);
}

/** Whether a workspace is installed, for `/healthz?team=` (the store's lookup). */
export type InstalledCheck = (workspace: string) => Promise<boolean>;

/** The process's health: requests in flight and the token's state, served on /healthz and /readyz. */
export class AppHealth implements RequestTracker {
  private readonly running = new Set<{ responseUrl: string | undefined }>();
  private state: Readiness;
  /** OAuth mode: workspaces whose token Slack rejected, with the code (cleared on reinstall or uninstall). */
  private readonly rejected = new Map<string, string>();

  /** Requests whose handlers are still running (their ack has usually been sent already). */
  get inFlight(): number {
    return this.running.size;
  }

  begin(responseUrl: string | undefined): () => void {
    const entry = { responseUrl };
    this.running.add(entry);
    return () => this.running.delete(entry);
  }

  /** Where the people whose requests are still running can be told (those with a response_url). */
  unfinishedResponseUrls(): string[] {
    return [...this.running].flatMap((entry) => (entry.responseUrl ? [entry.responseUrl] : []));
  }

  constructor(
    private readonly logger: AppLogger,
    tokenKnownGood: boolean,
    private readonly perWorkspace = false,
  ) {
    this.state = perWorkspace
      ? { ready: true, auth: 'per_workspace' }
      : tokenKnownGood
        ? { ready: true, auth: 'ok' }
        : { ready: false, auth: 'unchecked' };
  }

  /** A workspace installed again or uninstalled: its old token's failure no longer says anything. */
  forgetWorkspace(workspace: string): void {
    this.rejected.delete(workspace);
  }

  private socket: SocketGate | undefined;

  /** Socket Mode: not ready until the socket has said hello, and again while it is down. */
  watchSocket(socket: SocketGate): void {
    this.socket = socket;
  }

  readiness(): Readiness {
    if (!this.socket) return this.state;
    return { ...this.state, ready: this.state.ready && this.socket.ready, socket: this.socket.phase };
  }

  /** Slack accepted the token (auth.test at start). */
  tokenAccepted(): void {
    this.state = { ready: true, auth: 'ok' };
  }

  onTokenError(code: string, workspace?: string): void {
    if (this.perWorkspace) {
      // One workspace's revoked token says nothing about the others: the process stays ready.
      if (workspace && !this.rejected.has(workspace)) {
        this.rejected.set(workspace, code);
        this.logger.event(LogLevel.WARN, 'workspace_token_rejected', { code, action: 'reinstall in that workspace' });
      }
      return;
    }
    if (this.state.auth === 'rejected') return;
    this.state = { ready: false, auth: 'rejected', reason: code };
    // Logged once: every later request would fail the same way until the token is replaced.
    this.logger.event(LogLevel.ERROR, 'token_rejected', {
      code,
      action: 'replace SLACK_BOT_TOKEN (OAuth & Permissions → Bot User OAuth Token) and restart',
    });
  }

  /**
   * `GET /healthz` (always 200, `degraded` once the token is rejected) and `GET /readyz` (503 then). In OAuth mode
   * /healthz gives counts only; `/healthz?team=T…` answers for that one workspace, so a caller learns about a
   * workspace only by already knowing its id: no workspace is ever listed.
   */
  routes(about: { mode: string; guideId: string }, installed?: InstalledCheck): CustomRoute[] {
    return [
      {
        path: '/healthz',
        method: ['GET'],
        handler: (req, res) => {
          if (!this.perWorkspace) {
            this.healthz(res, about);
            return;
          }
          const team = new URL(req.url ?? '/', 'http://localhost').searchParams.get('team');
          if (!team) {
            json(res, 200, {
              status: 'ok',
              version: VERSION,
              mode: about.mode,
              install: 'oauth',
              guide: about.guideId,
              workspaces: { rejected: this.rejected.size },
            });
            return;
          }
          void this.workspaceHealth(res, team, installed);
        },
      },
      {
        path: '/readyz',
        method: ['GET'],
        handler: (_req, res) => {
          const readiness = this.readiness();
          json(res, readiness.ready ? 200 : 503, readiness);
        },
      },
    ];
  }

  private async workspaceHealth(res: ServerResponse, team: string, installed?: InstalledCheck): Promise<void> {
    if (!/^[TE][A-Z0-9]{2,20}$/.test(team))
      return json(res, 400, { error: 'team must be a Slack team id (T…) or org id (E…)' });
    const isInstalled = installed ? await installed(team).catch(() => undefined) : undefined;
    if (isInstalled === undefined) return json(res, 503, { team, ready: false, reason: 'store_unavailable' });
    const reason = this.rejected.get(team);
    const ready = isInstalled && !reason;
    json(res, ready ? 200 : 503, {
      team,
      ready,
      installed: isInstalled,
      auth: reason ? 'rejected' : isInstalled ? 'ok' : 'unchecked',
      ...(reason ? { reason } : {}),
    });
  }

  private healthz(res: ServerResponse, about: { mode: string; guideId: string }): void {
    json(res, 200, {
      status: this.state.auth === 'rejected' ? 'degraded' : 'ok',
      version: VERSION,
      mode: about.mode,
      guide: about.guideId,
      auth: this.state.auth,
      ...(this.state.reason ? { reason: this.state.reason } : {}),
    });
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
