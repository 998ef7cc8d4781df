import { buildProblemMessage } from '../views/error-messages.js';
import { postToResponseUrl } from './respond-url.js';

/** What a person whose answer was cut short by a restart is told: what happened and what to do. */
export const UNFINISHED_NOTICE =
  'allycomp was restarted before it finished your answer, so part of it may be missing. Nothing you typed was kept: please ask again in a minute.';

/**
 * Tells each person whose request was still being handled when the process stopped, privately, through the
 * request's response_url (no token needed). Resolves with how many Slack took; never throws.
 */
export async function tellUnfinished(responseUrls: string[]): Promise<number> {
  const notice = {
    response_type: 'ephemeral' as const,
    replace_original: false,
    ...buildProblemMessage(UNFINISHED_NOTICE),
  };
  const results = await Promise.all(responseUrls.map((url) => postToResponseUrl(url, notice)));
  return results.filter(Boolean).length;
}
