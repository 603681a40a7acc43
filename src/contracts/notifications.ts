import { z } from 'zod';
import { ROLES, type Role } from './roles';

/** R31 notifications, iCal feeds, API tokens and webhooks: shapes shared by server and web. */

export const NOTIFICATION_KINDS = [
  'assigned',
  'due_tomorrow',
  'overdue',
  'revision_requested',
  'qa_failed',
  'qa_passed',
  'escalation_opened',
  'invoice_submitted',
  'invoice_approved',
  'invoice_paid',
  'weekly_update_missing',
  'request_waiting_triage',
  'weekly_digest',
  'mentioned',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const NotificationKindSchema = z.enum(NOTIFICATION_KINDS);

export interface ChannelChoice {
  inApp: boolean;
  email: boolean;
  slack: boolean;
}

interface KindInfo {
  label: string;
  description: string;
  defaults: ChannelChoice;
  /** Channels that make sense for this kind (the digest is an e-mail only). */
  channels: readonly (keyof ChannelChoice)[];
  /** Roles that receive this kind: the settings screen offers only these. */
  audience: readonly Role[];
}

const WORKERS: readonly Role[] = ['admin', 'coordinator', 'strategist', 'contractor'];
const TRIAGE: readonly Role[] = ['admin', 'coordinator'];

const ALL = ['inApp', 'email', 'slack'] as const;
const on = (inApp: boolean, email: boolean, slack: boolean): ChannelChoice => ({
  inApp,
  email,
  slack,
});

/** What each kind is and what a person gets until they choose otherwise. */
export const NOTIFICATION_KIND_INFO: Record<NotificationKind, KindInfo> = {
  assigned: {
    label: 'New work assigned',
    description: 'A task was assigned to you or to a contractor you scrub for',
    defaults: on(true, true, false),
    channels: ALL,
    audience: WORKERS,
  },
  due_tomorrow: {
    label: 'Due next business day',
    description: 'A subtask of yours is due on the next business day',
    defaults: on(true, true, false),
    channels: ALL,
    audience: WORKERS,
  },
  overdue: {
    label: 'Overdue',
    description: 'A subtask of yours is past its due date',
    defaults: on(true, true, true),
    channels: ALL,
    audience: WORKERS,
  },
  revision_requested: {
    label: 'Revision requested',
    description: 'Feedback with a what and a why arrived on your work',
    defaults: on(true, true, false),
    channels: ALL,
    audience: WORKERS,
  },
  qa_failed: {
    label: 'QA failed',
    description: 'QA sent work back with reasons',
    defaults: on(true, true, true),
    channels: ALL,
    audience: [...WORKERS, 'qa'],
  },
  qa_passed: {
    label: 'QA passed',
    description: 'Work is client-ready',
    defaults: on(true, false, false),
    channels: ALL,
    audience: [...WORKERS, 'qa'],
  },
  escalation_opened: {
    label: 'Escalation opened',
    description: 'Someone escalated a contractor-related issue',
    defaults: on(true, true, true),
    channels: ALL,
    audience: TRIAGE,
  },
  invoice_submitted: {
    label: 'Invoice submitted',
    description: 'An invoice waits for approval',
    defaults: on(true, true, false),
    channels: ALL,
    audience: ['admin', 'coordinator', 'finance'],
  },
  invoice_approved: {
    label: 'Invoice approved',
    description: 'An invoice was approved',
    defaults: on(true, true, false),
    channels: ALL,
    audience: ['admin', 'finance', 'contractor'],
  },
  invoice_paid: {
    label: 'Invoice paid',
    description: 'An invoice was paid',
    defaults: on(true, true, false),
    channels: ALL,
    audience: ['admin', 'finance', 'contractor'],
  },
  weekly_update_missing: {
    label: 'Weekly update missing',
    description: 'A weekly update was not posted',
    defaults: on(true, true, false),
    channels: ALL,
    audience: ['admin', 'coordinator', 'contractor'],
  },
  request_waiting_triage: {
    label: 'Request waiting for triage',
    description: 'A request has waited more than a business day',
    defaults: on(true, true, true),
    channels: ALL,
    audience: TRIAGE,
  },
  weekly_digest: {
    label: 'Weekly digest',
    description: 'Monday 08:00 in your time zone: due this week, late, waiting on you',
    defaults: on(false, true, false),
    channels: ['email'],
    audience: ROLES,
  },
  mentioned: {
    label: 'Mentioned',
    description: 'Someone wrote @your name in a task thread',
    defaults: on(true, true, false),
    channels: ALL,
    audience: ROLES,
  },
};

export const Notification = z.object({
  id: z.string(),
  kind: NotificationKindSchema,
  title: z.string(),
  body: z.string(),
  link: z.string(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationsQuery = z.object({
  unread: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  /** Keyset cursor from the previous page's `nextCursor`. */
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const NotificationList = z.object({
  items: z.array(Notification),
  unreadCount: z.number().int(),
  nextCursor: z.string().nullable(),
});
export type NotificationList = z.infer<typeof NotificationList>;

export const PreferenceItem = z.object({
  kind: NotificationKindSchema,
  inApp: z.boolean(),
  email: z.boolean(),
  slack: z.boolean(),
});
export type PreferenceItem = z.infer<typeof PreferenceItem>;

export const Preferences = z.object({
  items: z.array(PreferenceItem),
  /** Whether Slack messages can go anywhere (a workspace or fallback webhook is set). */
  slackConfigured: z.boolean(),
});
export type Preferences = z.infer<typeof Preferences>;

export const UpdatePreferencesBody = z.object({ items: z.array(PreferenceItem).min(1).max(50) });

const WebhookUrl = z
  .string()
  .trim()
  .max(2000)
  .url('A full https:// URL')
  .refine((u) => /^https?:\/\//i.test(u), 'An http(s) URL');

export const SlackSettings = z.object({
  /** Shown shortened: the URL itself is a credential. */
  workspaceWebhook: z.string().nullable(),
  fallbackConfigured: z.boolean(),
  clients: z.array(z.object({ id: z.string(), name: z.string(), webhook: z.string().nullable() })),
});
export type SlackSettings = z.infer<typeof SlackSettings>;

export const SlackWebhookBody = z.object({ webhookUrl: WebhookUrl.nullable() });

export const FEED_KINDS = ['person', 'team'] as const;
export const FeedKindSchema = z.enum(FEED_KINDS);
export const FeedKindParam = z.object({ kind: FeedKindSchema });

export const FeedStatus = z.object({
  kind: FeedKindSchema,
  active: z.boolean(),
  createdAt: z.string().nullable(),
});
export const FeedList = z.object({ items: z.array(FeedStatus) });
export type FeedList = z.infer<typeof FeedList>;
export const FeedCreated = z.object({ kind: FeedKindSchema, url: z.string() });

export const ApiToken = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  lastUsedAt: z.string().nullable(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof ApiToken>;
export const CreateTokenBody = z.object({ name: z.string().trim().min(1, 'Required').max(80) });
export const TokenCreated = ApiToken.extend({
  /** The whole token, shown this once: only its hash is kept. */
  token: z.string(),
});
export type TokenCreated = z.infer<typeof TokenCreated>;

export const WEBHOOK_EVENTS = [
  'task.assigned',
  'subtask.due_tomorrow',
  'subtask.overdue',
  'request.waiting_triage',
  'revision.requested',
  'qa.failed',
  'qa.passed',
  'escalation.opened',
  'invoice.submitted',
  'invoice.approved',
  'invoice.paid',
  'ping',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
export const WebhookEventSchema = z.enum(WEBHOOK_EVENTS);

export const Webhook = z.object({
  id: z.string(),
  url: z.string(),
  /** ["*"] = every event. */
  events: z.array(z.string()),
  active: z.boolean(),
  createdAt: z.string(),
});
export type Webhook = z.infer<typeof Webhook>;
export const CreateWebhookBody = z.object({
  url: WebhookUrl,
  events: z.array(z.union([WebhookEventSchema, z.literal('*')])).min(1, 'Pick at least one event'),
});
export const WebhookCreated = Webhook.extend({
  /** Verify X-Handoff-Signature with it; shown this once. */
  secret: z.string(),
});

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export const WebhookDelivery = z.object({
  id: z.string(),
  webhookId: z.string(),
  event: z.string(),
  attempt: z.number().int(),
  statusCode: z.number().int().nullable(),
  error: z.string().nullable(),
  status: z.enum(DELIVERY_STATUSES),
  nextAttemptAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
});
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;
