import type { Executor } from '../../db';

/**
 * Slack incoming webhooks. A message goes to the client's own channel when that client has a
 * webhook, else to the workspace's, else to the install-wide SLACK_WEBHOOK_URL; none → no Slack.
 */
export async function slackUrlFor(
  db: Executor,
  scope: { workspaceId: string; clientId: string | null; fallback: string | undefined },
): Promise<string | null> {
  if (scope.clientId) {
    const client = await db
      .selectFrom('clients')
      .select('slack_webhook_url')
      .where('workspace_id', '=', scope.workspaceId)
      .where('id', '=', scope.clientId)
      .executeTakeFirst();
    if (client?.slack_webhook_url) return client.slack_webhook_url;
  }
  const ws = await db
    .selectFrom('workspaces')
    .select('slack_webhook_url')
    .where('id', '=', scope.workspaceId)
    .executeTakeFirst();
  return ws?.slack_webhook_url || scope.fallback || null;
}

/** Posts `{ text }` to an incoming webhook; throws with Slack's answer when it is not 2xx. */
export async function postToSlack(url: string, text: string): Promise<void> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) {
    const answer = (await res.text().catch(() => '')).slice(0, 200);
    throw new Error(`Slack answered ${res.status}${answer ? `: ${answer}` : ''}`);
  }
}

/** Slack's mrkdwn needs &, < and > escaped; links are written as <url|label>. */
export function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A webhook URL is a credential: show its host and the start of its path only. */
export function maskUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    const path = u.pathname.length > 12 ? `${u.pathname.slice(0, 12)}…` : u.pathname;
    return `${u.protocol}//${u.host}${path}`;
  } catch {
    return '…';
  }
}

export async function slackSettings(db: Executor, workspaceId: string) {
  const ws = await db
    .selectFrom('workspaces')
    .select('slack_webhook_url')
    .where('id', '=', workspaceId)
    .executeTakeFirst();
  const clients = await db
    .selectFrom('clients')
    .select(['id', 'name', 'slack_webhook_url'])
    .where('workspace_id', '=', workspaceId)
    .where('archived', '=', 0)
    .orderBy('name_key')
    .limit(1000)
    .execute();
  return { workspaceUrl: ws?.slack_webhook_url ?? null, clients };
}
