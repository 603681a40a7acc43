import type { AppContext } from '../../context';
import type { EmailPayload, SlackPayload } from './notify';
import { postToSlack, slackEscape, slackUrlFor } from './slack';

/** Retries of a failed e-mail or Slack message: 1 min, 5 min, 30 min, then it is given up. */
export const OUTBOUND_RETRY_MINUTES = [1, 5, 30] as const;
const BATCH = 50;
const MAX_BATCHES = 20;

class GiveUp extends Error {}

/** Plain-text e-mail: the message, a link to act, and where to change what one receives. */
export function emailText(p: EmailPayload, publicUrl: string): string {
  return [
    p.text,
    '',
    `Open in Handoff: ${publicUrl}${p.link}`,
    '',
    '—',
    `You get this e-mail because of your notification settings: ${publicUrl}/me/settings`,
  ].join('\n');
}

export function slackText(p: SlackPayload, publicUrl: string): string {
  const [title, ...rest] = p.text.split('\n');
  const lines = [`*${slackEscape(title)}*`];
  if (rest.length > 0) lines.push(slackEscape(rest.join('\n')));
  lines.push(`For ${slackEscape(p.people.join(', '))} · <${publicUrl}${p.link}|Open in Handoff>`);
  return lines.join('\n');
}

/**
 * The deliver-outbound job: sends queued e-mail and Slack messages whose time has come, in
 * batches. A message is marked sent right after it leaves, so a second run sends nothing twice
 * (a crash between the two can repeat one message: at least once, never silently lost).
 */
export async function deliverOutbound(
  ctx: AppContext,
  now = new Date(),
): Promise<{ sent: number; failed: number }> {
  const db = ctx.database.db;
  let sent = 0;
  let failed = 0;
  for (let round = 0; round < MAX_BATCHES; round++) {
    const due = await db
      .selectFrom('outbound_messages')
      .selectAll()
      .where('sent_at', 'is', null)
      .where('next_attempt_at', 'is not', null)
      .where('next_attempt_at', '<=', now.toISOString())
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(BATCH)
      .execute();
    for (const m of due) {
      const attempts = m.attempts + 1;
      try {
        await sendOne(ctx, m);
        sent++;
        await db
          .updateTable('outbound_messages')
          .set({ attempts, sent_at: new Date().toISOString(), next_attempt_at: null, error: null })
          .where('id', '=', m.id)
          .execute();
      } catch (err) {
        failed++;
        const retryIn = err instanceof GiveUp ? undefined : OUTBOUND_RETRY_MINUTES[attempts - 1];
        await db
          .updateTable('outbound_messages')
          .set({
            attempts,
            error: String((err as Error).message ?? err).slice(0, 1000),
            next_attempt_at:
              retryIn === undefined
                ? null
                : new Date(now.getTime() + retryIn * 60_000).toISOString(),
          })
          .where('id', '=', m.id)
          .execute();
      }
    }
    if (due.length < BATCH) break;
  }
  return { sent, failed };
}

async function sendOne(
  ctx: AppContext,
  m: { workspace_id: string; channel: string; payload: string },
): Promise<void> {
  const publicUrl = ctx.config.publicUrl;
  if (m.channel === 'email') {
    const p = JSON.parse(m.payload) as EmailPayload;
    await ctx.mailer.send(ctx.database.db, {
      to: p.to,
      subject: p.subject,
      text: emailText(p, publicUrl),
      workspaceId: m.workspace_id,
    });
    return;
  }
  if (m.channel === 'slack') {
    const p = JSON.parse(m.payload) as SlackPayload;
    const url = await slackUrlFor(ctx.database.db, {
      workspaceId: m.workspace_id,
      clientId: p.clientId,
      fallback: ctx.config.slackWebhookUrl,
    });
    if (!url) throw new GiveUp('No Slack webhook is set for this workspace');
    await postToSlack(url, slackText(p, publicUrl));
    return;
  }
  throw new GiveUp(`Unknown channel ${m.channel}`);
}
