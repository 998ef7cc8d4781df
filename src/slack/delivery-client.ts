/**
 * The Web API clients the delivery queue posts with: the app's settings (API URL, timeout, transient retries), but
 * 429s handed straight back, so the queue hears of every one and paces the channel by it. The app's own client
 * waits a short Retry-After inside the call (rateLimitedFetch), which would hide the 429 from the queue and let it
 * send a fresh burst straight after.
 */
import { webApi } from '@slack/bolt';
import type { WebClient, WebClientOptions } from '@slack/web-api';

/** Workspaces whose clients are kept (one per bot token); the oldest goes first beyond it. */
const MAX_CLIENTS = 200;

export class DeliveryClients {
  private readonly clients = new Map<string, WebClient>();

  constructor(private readonly options: WebClientOptions) {}

  /** The queue's client for this bot token (the one Bolt's own client for the request carries). */
  for(token: string): WebClient {
    let client = this.clients.get(token);
    if (!client) {
      client = new webApi.WebClient(token, { ...this.options, rejectRateLimitedCalls: true });
      if (this.clients.size >= MAX_CLIENTS) {
        const oldest = this.clients.keys().next().value;
        if (oldest !== undefined) this.clients.delete(oldest);
      }
      this.clients.set(token, client);
    }
    return client;
  }
}
