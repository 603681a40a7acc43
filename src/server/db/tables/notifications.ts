/**
 * Tables of reminders and notifications (R31), the scheduler, API tokens and webhooks. Same
 * conventions as schema.ts: text UUID ids, ISO text timestamps, 0/1 flags, JSON as text.
 */

export interface JobsTable {
  name: string;
  cron: string;
  time_zone: string;
  /** When the last claimed run started (scheduled tick time, or now for a kick). */
  last_run_at: string | null;
  /** 'running' | 'ok' | 'error' */
  last_status: string | null;
  last_error: string | null;
  /** The runner's lease: another process may claim the job once it has passed. */
  locked_until: string | null;
  locked_by: string | null;
}

export interface NotificationsTable {
  id: string;
  workspace_id: string;
  user_id: string;
  /** A NotificationKind of contracts/notifications.ts. */
  kind: string;
  title: string;
  body: string;
  /** An SPA path to the place to act, e.g. /board?task=<id>. */
  link: string;
  /** Unique per user: the same reminder is written (and sent) once, however often a job runs. */
  dedupe_key: string;
  in_app: number;
  read_at: string | null;
  created_at: string;
}

export interface NotificationPreferencesTable {
  workspace_id: string;
  user_id: string;
  kind: string;
  in_app: number;
  email: number;
  slack: number;
}

export interface OutboundMessagesTable {
  id: string;
  workspace_id: string;
  /** 'email' | 'slack' */
  channel: string;
  /** JSON: { to, subject, text, link } for e-mail; { text, link, clientId } for Slack. */
  payload: string;
  attempts: number;
  /** null once sent or given up. */
  next_attempt_at: string | null;
  sent_at: string | null;
  error: string | null;
  created_at: string;
}

export interface ApiTokensTable {
  id: string;
  workspace_id: string;
  user_id: string;
  name: string;
  /** sha256 of the whole token; the token itself is shown once and never stored. */
  token_hash: string;
  /** The first 8 characters, to tell tokens apart in a list. */
  prefix: string;
  last_used_at: string | null;
  created_at: string;
  revoked_at: string | null;
}

export interface WebhooksTable {
  id: string;
  workspace_id: string;
  url: string;
  /** JSON array of event names; ["*"] = every event. */
  events_json: string;
  /** HMAC key of the X-Handoff-Signature header (needed in clear to sign). */
  secret: string;
  active: number;
  created_at: string;
}

export interface WebhookDeliveriesTable {
  id: string;
  workspace_id: string;
  webhook_id: string;
  event: string;
  /** The exact JSON body sent (and signed). */
  payload: string;
  /** Attempts made so far. */
  attempt: number;
  status_code: number | null;
  error: string | null;
  /** null once delivered or given up. */
  next_attempt_at: string | null;
  delivered_at: string | null;
  created_at: string;
}

export interface NotificationTables {
  jobs: JobsTable;
  notifications: NotificationsTable;
  notification_preferences: NotificationPreferencesTable;
  outbound_messages: OutboundMessagesTable;
  api_tokens: ApiTokensTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
}

// The Slack settings are columns on tables other features own (added by the notifications
// migration); declared here so their files stay untouched.
declare module '../schema' {
  interface WorkspacesTable {
    /** The workspace's Slack incoming webhook (admin setting); null = config fallback. */
    slack_webhook_url: string | null;
  }
}
declare module './clients' {
  interface ClientsTable {
    /** Optional Slack incoming webhook of this client's channel. */
    slack_webhook_url: string | null;
  }
}
