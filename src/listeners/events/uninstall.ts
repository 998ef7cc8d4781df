import type { AllMiddlewareArgs, InstallationQuery, SlackEventMiddlewareArgs } from '@slack/bolt';
import { setOutcome } from '../../slack/outcome.js';
import type { TeamRef } from '../../store/store.js';
import type { ListenerDeps } from '../deps.js';

type EventArgs<Name extends 'app_uninstalled' | 'tokens_revoked'> = AllMiddlewareArgs & SlackEventMiddlewareArgs<Name>;

/** The workspace (or org, for an org-wide install) the event is about, as the store keys it. */
function teamOf(context: AllMiddlewareArgs['context']): TeamRef {
  return {
    teamId: context.teamId,
    enterpriseId: context.enterpriseId,
    isEnterpriseInstall: context.isEnterpriseInstall,
  };
}

/** The app was removed from a workspace: its installation (tokens) and its chart file ids are deleted. */
export function appUninstalled(deps: ListenerDeps) {
  return async ({ context }: EventArgs<'app_uninstalled'>) => {
    await deps.store.forgetTeam(teamOf(context));
    setOutcome(context, { kind: 'forgotten' });
  };
}

/**
 * Tokens were revoked: the bot's (everything the workspace stored goes, as on uninstall) or some people's user
 * tokens (only theirs go).
 */
export function tokensRevoked(deps: ListenerDeps) {
  return async ({ event, context }: EventArgs<'tokens_revoked'>) => {
    const team = teamOf(context);
    if ((event.tokens.bot ?? []).length > 0) await deps.store.forgetTeam(team);
    for (const userId of event.tokens.oauth ?? []) {
      await deps.store.deleteInstallation({ ...team, userId } as InstallationQuery<boolean>);
    }
    setOutcome(context, { kind: 'forgotten' });
  };
}
