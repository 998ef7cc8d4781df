import type { IncomingMessage, ServerResponse } from 'node:http';
import { LogLevel } from '@slack/bolt';
import type { CallbackOptions } from '@slack/oauth';
import type { AppLogger } from '../logging.js';
import { COMMAND } from '../views/ids.js';
import { workspaceOf } from './health.js';

type Installed = Parameters<NonNullable<CallbackOptions['success']>>[0];

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(res: ServerResponse, status: number, title: string, body: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
  });
  res.end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · allycomp</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1d1c1d}
h1{font-size:1.5rem}code{background:#f4ede4;padding:0 .25rem;border-radius:3px}a{color:#1264a3}</style>
</head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`);
}

/** What to tell the person for each way the install can fail: what happened, then what to do. */
function failureAdvice(code: string): { status: number; what: string } {
  switch (code) {
    case 'slack_oauth_installer_authorization_error':
      return { status: 400, what: 'The install was cancelled in Slack, so nothing was installed.' };
    case 'slack_oauth_missing_code':
      return {
        status: 400,
        what: 'Slack did not confirm the install: it was cancelled, or needs an admin’s approval first.',
      };
    case 'slack_oauth_missing_state':
    case 'slack_oauth_invalid_state':
      return { status: 400, what: 'This install link has expired or was opened in another browser.' };
    default:
      return { status: 500, what: 'Slack did not accept the install, or allycomp could not save it.' };
  }
}

/**
 * The pages Bolt's installer shows after /slack/oauth_redirect: each says what happened and what to do next. Nothing
 * secret is shown (no token, no raw error text: the failure's code only).
 */
export function installPages(hooks: { onInstalled(workspace: string): void; logger: AppLogger }): CallbackOptions {
  return {
    success: (installation: Installed, _options, _req: IncomingMessage, res: ServerResponse) => {
      const isOrg = Boolean(installation.isEnterpriseInstall);
      const workspace = workspaceOf({
        teamId: installation.team?.id,
        enterpriseId: installation.enterprise?.id,
        isEnterpriseInstall: isOrg,
      });
      if (workspace) hooks.onInstalled(workspace);
      hooks.logger.event(LogLevel.INFO, 'installed', { scope: isOrg ? 'org' : 'workspace' });
      const name = escapeHtml((isOrg ? installation.enterprise?.name : installation.team?.name) ?? 'your workspace');
      const open = installation.team?.id
        ? `<p><a href="https://app.slack.com/client/${escapeHtml(installation.team.id)}">Open Slack</a></p>`
        : '';
      page(
        res,
        200,
        'allycomp is installed',
        `<p>allycomp is now in <strong>${name}</strong>.</p>
<p>What next: in any channel, type <code>${COMMAND} ny</code> (or <code>${COMMAND} help</code>), or open allycomp’s
Home tab. To get answers in a channel, invite it there first: <code>/invite @allycomp</code>.</p>${
          isOrg
            ? '<p>This was an org-wide install: an org admin now adds allycomp to the workspaces that need it.</p>'
            : ''
        }${open}`,
      );
    },
    failure: (error, _options, _req: IncomingMessage, res: ServerResponse) => {
      const code = typeof error.code === 'string' ? error.code : 'slack_oauth_unknown_error';
      hooks.logger.event(LogLevel.WARN, 'install_failed', { code });
      const { status, what } = failureAdvice(code);
      page(
        res,
        status,
        'allycomp was not installed',
        `<p>${escapeHtml(what)}</p>
<p>What to do: <a href="/slack/install">start the install again</a>. If your workspace needs approval for new apps,
ask a Slack admin to approve allycomp, then try again. (Code for whoever runs allycomp: <code>${escapeHtml(code)}</code>.)</p>`,
      );
    },
  };
}
