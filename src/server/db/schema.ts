import type { Generated } from 'kysely';
import type { ClientsTables } from './tables/clients';
import type { CommunityTables } from './tables/community';
import type { ContractorTables } from './tables/contractors';
import type { MoneyTables } from './tables/money';
import type { NotificationTables } from './tables/notifications';
import type { TasksTables } from './tables/tasks';
import type { WorkflowTables } from './tables/workflow';

/**
 * Table types for Kysely. Conventions shared by both databases: text UUID ids, timestamps as
 * ISO-8601 UTC text, due dates as ISO calendar dates, money as integer minor units, flags as 0/1.
 */
export interface WorkspacesTable {
  id: string;
  name: string;
  time_zone: string;
  currency: string;
  /** JSON array of weekday numbers (0 = Sunday). */
  weekend_days: string;
  /** JSON object of planner and revision policy. */
  policy: string;
  created_at: string;
  version: number;
}

export interface MembershipsTable {
  id: string;
  workspace_id: string;
  user_id: string;
  role: string;
  time_zone: string | null;
  created_at: string;
}

export interface InvitationsTable {
  id: string;
  workspace_id: string;
  email: string;
  role: string;
  token_hash: string;
  invited_by: string;
  expires_at: string;
  accepted_at: string | null;
  revoked_at: string | null;
  created_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  workspace_id: string;
  actor_user_id: string | null;
  entity_type: string;
  entity_id: string;
  /** The parent task a change belongs to, so the task page can show its history. */
  task_id: string | null;
  action: string;
  before_json: string | null;
  after_json: string | null;
  created_at: string;
}

export interface OutboxTable {
  id: string;
  workspace_id: string | null;
  to_address: string;
  subject: string;
  text_body: string;
  created_at: string;
}

export interface HolidaysTable {
  workspace_id: string;
  date: string;
  name: string;
}

/** better-auth's user table, read for names and e-mails. */
export interface UserTable {
  id: string;
  name: string;
  email: string;
}

/**
 * The whole database. Each feature keeps its table types in db/tables/<feature>.ts and adds its
 * interface to this list.
 */
export interface DB
  extends FoundationTables,
    ClientsTables,
    ContractorTables,
    TasksTables,
    NotificationTables,
    CommunityTables,
    MoneyTables,
    WorkflowTables {}

export interface FoundationTables {
  workspaces: WorkspacesTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;
  holidays: HolidaysTable;
  user: UserTable;
}
