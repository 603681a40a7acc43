/**
 * Tables of requests (R10–R12), parent tasks, their priced items and planned subtasks (R13–R17),
 * and the parent task's comments (R17 system comments; R18/R19 extend them). Same conventions as
 * schema.ts: text UUID ids, ISO text timestamps, 'YYYY-MM-DD' dates, integer money, 0/1 flags.
 */

export interface RequestsTable {
  id: string;
  workspace_id: string;
  client_id: string;
  /** 'YYYY-MM': the month the work is for. */
  month: string;
  due_date: string;
  collateral_ready: number;
  preferred_contractor_id: string | null;
  notes: string;
  /** 'submitted' | 'assigned' | 'declined' | 'cancelled' */
  status: string;
  /** Calendar days of notice (R11), counted in the workspace time zone when submitted. */
  lead_days: number;
  /** 'ok' | 'warning' | 'refused' (refused is only stored with a coordinator override). */
  lead_status: string;
  lead_message: string;
  override_reason: string | null;
  override_by: string | null;
  override_at: string | null;
  decline_reason: string | null;
  /** Unique per (workspace, submitter): a double submit returns the first request. */
  idempotency_key: string | null;
  submitted_by: string;
  submitted_at: string;
  assigned_at: string | null;
  task_id: string | null;
  version: number;
}

export interface RequestItemsTable {
  id: string;
  workspace_id: string;
  request_id: string;
  deliverable_type_id: string;
  quantity: number;
}

export interface TasksTable {
  id: string;
  workspace_id: string;
  request_id: string;
  client_id: string;
  contractor_id: string;
  strategist_user_id: string;
  title: string;
  /** A TaskStatus of domain/task-status.ts. */
  status: string;
  due_date: string;
  month: string;
  brief_acknowledged_at: string | null;
  /** The one-sheeter version the contractor acknowledged (R17). */
  brief_version: number | null;
  /** Copied from the contractor's agreement at assignment (R21). */
  included_rounds: number;
  rounds_used: number;
  /** Times QA failed this task: the QA first-pass rate of suggestions (R13) reads it. */
  qa_fail_count: number;
  /** Sum of the task's items at the rates in force on the assignment day (R7, R27). */
  committed_minor: number;
  currency: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface TaskItemsTable {
  id: string;
  workspace_id: string;
  task_id: string;
  deliverable_type_id: string;
  quantity: number;
  /** 'item' | 'hour' | 'calendar' */
  unit: string;
  unit_amount_minor: number;
  currency: string;
  /** 'negotiated' | 'default' */
  rate_source: string;
  rate_effective_from: string;
  amount_minor: number;
}

export interface SubtasksTable {
  id: string;
  workspace_id: string;
  task_id: string;
  /** A SubtaskKind of domain/planner.ts. */
  kind: string;
  title: string;
  /** 'contractor' | 'strategist' | 'qa' */
  assignee_role: string;
  /** null for QA (the QA pool) or a contractor without a sign-in yet. */
  assignee_user_id: string | null;
  start_date: string;
  due_date: string;
  /** 'todo' | 'done' */
  status: string;
  completed_at: string | null;
  completed_by: string | null;
  sort: number;
}

export interface CommentsTable {
  id: string;
  workspace_id: string;
  task_id: string;
  /** null = written by Handoff itself (system comments). */
  author_user_id: string | null;
  body: string;
  /** 'all' | 'internal' (hidden from the contractor, R19) */
  visibility: string;
  /** 'comment' | 'system' | 'client_feedback' */
  kind: string;
  created_at: string;
}

export interface TasksTables {
  requests: RequestsTable;
  request_items: RequestItemsTable;
  tasks: TasksTable;
  task_items: TaskItemsTable;
  subtasks: SubtasksTable;
  comments: CommentsTable;
}
