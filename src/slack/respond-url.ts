import type { SlackMessage } from '../views/blocks.js';

/** How long a response_url post may take: the person is waiting, and Slack answers these fast. */
const RESPONSE_URL_TIMEOUT_MS = 5_000;

export interface ResponseUrlMessage extends SlackMessage {
  response_type: 'in_channel' | 'ephemeral';
  replace_original?: boolean;
}

/**
 * The one poster to a response_url (needs no token). True when Slack took it; false when it did not or could not be
 * reached (expired after 30 minutes or 5 posts, or unreachable): the caller says so another way. Never throws.
 */
export async function postToResponseUrl(url: string, message: ResponseUrlMessage): Promise<boolean> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(message),
      signal: AbortSignal.timeout(RESPONSE_URL_TIMEOUT_MS),
    });
    return response.ok;
  } catch {
    return false;
  }
}
