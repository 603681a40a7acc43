import {
  type ChannelChoice,
  NOTIFICATION_KIND_INFO,
  type NotificationKind,
} from '../../../contracts/notifications';
import type { Role } from '../../../contracts/roles';
import type { Executor } from '../../db';
import { requestRun } from '../../jobs/kick';
import { newId, nowIso } from '../../lib/ids';
import { publishNotificationsCreated } from '../../live';

/** The job that sends queued e-mail and Slack messages. */
export const DELIVER_OUTBOUND_JOB = 'deliver-outbound';

export interface NotifyInput {
  workspaceId: string;
  /** User ids; people who are not members of the workspace are skipped. */
  recipients: readonly (string | null | undefined)[];
  kind: NotificationKind;
  title: string;
  body: string;
  /** The SPA path of the place to act, e.g. /board?task=<id>. */
  link: string;
  /** Unique per person: the same key never notifies the same person twice. */
  dedupeKey: string;
  /** Slack goes to this client's channel when it has its own webhook. */
  clientId?: string | null;
  /**
   * The recipients' names and e-mails when the caller has just read them from this workspace's
   * memberships (as the @mention list does): saves reading them again.
   */
  members?: readonly Member[];
}

interface Member {
  id: string;
  name: string;
  email: string;
}

export interface EmailPayload {
  to: string;
  subject: string;
  text: string;
  link: string;
}

export interface SlackPayload {
  text: string;
  link: string;
  /** Names of the people this is for, shown in the message. */
  people: string[];
  clientId: string | null;
}

/** Where a task opens for a person: contractors work from "My work", staff from the board. */
export function taskLink(taskId: string, role: Role | string | null | undefined): string {
  const base = role === 'contractor' ? '/my-work' : '/board';
  return `${base}?task=${encodeURIComponent(taskId)}`;
}

export function requestLink(requestId: string): string {
  return `/requests?request=${encodeURIComponent(requestId)}`;
}

/** Each person's channel choice for one kind: their saved row, or the kind's defaults. */
export async function preferencesFor(
  db: Executor,
  scope: { workspaceId: string; userIds: readonly string[]; kind: NotificationKind },
): Promise<Map<string, ChannelChoice>> {
  const defaults = NOTIFICATION_KIND_INFO[scope.kind].defaults;
  const out = new Map<string, ChannelChoice>(scope.userIds.map((id) => [id, { ...defaults }]));
  if (scope.userIds.length === 0) return out;
  const rows = await db
    .selectFrom('notification_preferences')
    .select(['user_id', 'in_app', 'email', 'slack'])
    .where('workspace_id', '=', scope.workspaceId)
    .where('kind', '=', scope.kind)
    .where('user_id', 'in', [...scope.userIds])
    .execute();
  for (const r of rows) {
    out.set(r.user_id, { inApp: r.in_app === 1, email: r.email === 1, slack: r.slack === 1 });
  }
  return out;
}

/**
 * R31: tells people about something, in the caller's transaction. Writes one in-app row per
 * person (a second call with the same dedupe key changes nothing) and queues e-mail and one
 * Slack message for the people told now, by their preferences. Returns who was told now.
 */
export async function notify(tx: Executor, input: NotifyInput): Promise<{ notified: string[] }> {
  const ids = [...new Set(input.recipients.filter((r): r is string => Boolean(r)))];
  if (ids.length === 0) return { notified: [] };
  const people: readonly Member[] =
    input.members?.filter((m) => ids.includes(m.id)) ??
    (await tx
      .selectFrom('memberships')
      .innerJoin('user', 'user.id', 'memberships.user_id')
      .select(['user.id', 'user.name', 'user.email'])
      .where('memberships.workspace_id', '=', input.workspaceId)
      .where('memberships.user_id', 'in', ids)
      .execute());
  if (people.length === 0) return { notified: [] };
  const prefs = await preferencesFor(tx, {
    workspaceId: input.workspaceId,
    userIds: people.map((p) => p.id),
    kind: input.kind,
  });
  const now = nowIso();
  const inserted = await tx
    .insertInto('notifications')
    .values(
      people.map((p) => ({
        id: newId(),
        workspace_id: input.workspaceId,
        user_id: p.id,
        kind: input.kind,
        title: input.title.slice(0, 300),
        body: input.body.slice(0, 4000),
        link: input.link,
        dedupe_key: input.dedupeKey,
        in_app: prefs.get(p.id)?.inApp ? 1 : 0,
        read_at: null,
        created_at: now,
      })),
    )
    .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
    .returning('user_id')
    .execute();
  const fresh = new Set(inserted.map((r) => r.user_id));
  const told = people.filter((p) => fresh.has(p.id));
  // The bell updates live: a hint per new recipient, delivered when this transaction commits.
  await publishNotificationsCreated(tx, {
    workspaceId: input.workspaceId,
    userIds: told.filter((p) => prefs.get(p.id)?.inApp).map((p) => p.id),
    dedupeKey: input.dedupeKey,
  });

  const messages: { channel: 'email' | 'slack'; payload: EmailPayload | SlackPayload }[] = [];
  for (const p of told) {
    if (!prefs.get(p.id)?.email) continue;
    messages.push({
      channel: 'email',
      payload: { to: p.email, subject: input.title, text: input.body, link: input.link },
    });
  }
  const slackPeople = told.filter((p) => prefs.get(p.id)?.slack).map((p) => p.name);
  if (slackPeople.length > 0) {
    messages.push({
      channel: 'slack',
      payload: {
        text: `${input.title}\n${input.body}`,
        link: input.link,
        people: slackPeople,
        clientId: input.clientId ?? null,
      },
    });
  }
  if (messages.length > 0) {
    await tx
      .insertInto('outbound_messages')
      .values(
        messages.map((m) => ({
          id: newId(),
          workspace_id: input.workspaceId,
          channel: m.channel,
          payload: JSON.stringify(m.payload),
          attempts: 0,
          next_attempt_at: now,
          sent_at: null,
          error: null,
          created_at: now,
        })),
      )
      .execute();
    requestRun(DELIVER_OUTBOUND_JOB);
  }
  return { notified: told.map((p) => p.id) };
}

/** The admins and coordinators of a workspace: who triages requests and handles escalations. */
export async function triagers(db: Executor, workspaceId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships')
    .select('user_id')
    .where('workspace_id', '=', workspaceId)
    .where('role', 'in', ['admin', 'coordinator'])
    .execute();
  return rows.map((r) => r.user_id);
}
