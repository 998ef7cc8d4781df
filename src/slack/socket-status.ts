/**
 * What the Socket Mode connection is doing, from @slack/socket-mode's client events, for readiness and the log:
 * `connecting` (opening, or reconnecting after a drop), `connected` (Slack said hello: events flow), `down`.
 * Ready only while connected. Each failure is logged once as a short reason code (a Slack error such as
 * invalid_auth, a socket error code such as ECONNREFUSED, an HTTP status, or Slack's own disconnect reason):
 * never a message text, which could quote a URL or payload, and never a token.
 */
import {
  errorField,
  httpStatusCode,
  isLoggableCode,
  ownErrorCode,
  platformErrorCode,
  transportErrorCode,
} from './errors.js';

export type SocketPhase = 'starting' | 'connecting' | 'connected' | 'down';

export type SocketLogEvent = 'socket_connecting' | 'socket_connected' | 'socket_down' | 'socket_failed';

/** The part of SocketModeClient (EventEmitter) this needs. */
export interface SocketEvents {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
}

/** A short code for why a connection attempt failed, from the errors web-api and socket-mode throw. */
export function socketFailureReason(error: unknown): string {
  const slackError = platformErrorCode(error);
  if (isLoggableCode(slackError)) return slackError;
  const code = httpStatusCode(error) ?? transportErrorCode(error) ?? ownErrorCode(error);
  return isLoggableCode(code) ? code : 'unknown';
}

export class SocketStatus {
  private current: SocketPhase = 'starting';

  constructor(
    client: SocketEvents,
    private readonly log: (event: SocketLogEvent, fields?: { reason: string }) => void,
  ) {
    client.on('connecting', () => this.move('connecting'));
    client.on('reconnecting', () => this.move('connecting'));
    client.on('connected', () => this.move('connected'));
    client.on('close', () => this.move('down'));
    client.on('disconnected', () => this.move('down'));
    client.on('error', (error) => this.failed(error));
    // Slack's own `disconnect` message (refresh_requested, link_disabled, …) says why before the socket closes.
    client.on('ws_message', (data) => {
      if (typeof data !== 'string' || !data.includes('"disconnect"')) return;
      const reason = errorField(JSON.parse(data) as unknown, 'reason');
      if (isLoggableCode(reason)) this.log('socket_failed', { reason: `disconnect_${reason}` });
    });
  }

  get phase(): SocketPhase {
    return this.current;
  }

  get ready(): boolean {
    return this.current === 'connected';
  }

  /**
   * Log a failed attempt. Pass as `onFailedAttempt` in the Socket Mode client's retryConfig: apps.connections.open
   * retries transport and HTTP errors there (100 times by default) without any event.
   */
  failed(error: unknown): void {
    this.log('socket_failed', { reason: socketFailureReason(error) });
  }

  private move(next: SocketPhase): void {
    if (next === this.current) return;
    this.current = next;
    this.log(next === 'connected' ? 'socket_connected' : next === 'connecting' ? 'socket_connecting' : 'socket_down');
  }
}
