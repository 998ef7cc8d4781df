import type { ServerResponse } from 'node:http';
import { type CustomRoute, LogLevel } from '@slack/bolt';
import type { AppLogger } from '../logging.js';
import { VERSION } from '../version.js';

export interface Readiness {
  ready: boolean;
  auth: 'unchecked' | 'ok' | 'rejected';
  /** The Web API error that rejected the token, e.g. token_revoked. */
  reason?: string;
}

/** What the request log keeps up to date: requests in flight, and whether Slack still takes the token. */
export interface RequestTracker {
  /**
   * A request's handling starts; call the returned function when it ends. `responseUrl` is kept in memory only, to
   * tell the person if the process stops before their answer is done: never logged.
   */
  begin(responseUrl: string | undefined): () => void;
  onTokenError(code: string): void;
}

/** The process's health: requests in flight and the token's state, served on /healthz and /readyz. */
export class AppHealth implements RequestTracker {
  private readonly running = new Set<{ responseUrl: string | undefined }>();
  private state: Readiness;

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
  ) {
    this.state = tokenKnownGood ? { ready: true, auth: 'ok' } : { ready: false, auth: 'unchecked' };
  }

  readiness(): Readiness {
    return this.state;
  }

  /** Slack accepted the token (auth.test at start). */
  tokenAccepted(): void {
    this.state = { ready: true, auth: 'ok' };
  }

  onTokenError(code: string): void {
    if (this.state.auth === 'rejected') return;
    this.state = { ready: false, auth: 'rejected', reason: code };
    // Logged once: every later request would fail the same way until the token is replaced.
    this.logger.event(LogLevel.ERROR, 'token_rejected', {
      code,
      action: 'replace SLACK_BOT_TOKEN (OAuth & Permissions → Bot User OAuth Token) and restart',
    });
  }

  /** `GET /healthz` (always 200, `degraded` once the token is rejected) and `GET /readyz` (503 then). */
  routes(about: { mode: string; guideId: string }): CustomRoute[] {
    return [
      {
        path: '/healthz',
        method: ['GET'],
        handler: (_req, res) =>
          json(res, 200, {
            status: this.state.auth === 'rejected' ? 'degraded' : 'ok',
            version: VERSION,
            mode: about.mode,
            guide: about.guideId,
            auth: this.state.auth,
            ...(this.state.reason ? { reason: this.state.reason } : {}),
          }),
      },
      {
        path: '/readyz',
        method: ['GET'],
        handler: (_req, res) => json(res, this.state.ready ? 200 : 503, this.state),
      },
    ];
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
