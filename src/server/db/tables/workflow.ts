/**
 * Tables of the work between assignment and client-ready (R18–R23): @mentions in the thread,
 * deliverable versions with their attachments, revision requests, items and rounds, the scrub
 * and QA reviews, and the workspace's scrub checklist. Same conventions as schema.ts.
 */

/** R18: who a comment mentions (resolved from `@Name` when it was posted). */
export interface CommentMentionsTable {
  comment_id: string;
  workspace_id: string;
  user_id: string;
}

export interface DeliverableVersionsTable {
  id: string;
  workspace_id: string;
  task_id: string;
  /** 1, 2, 3… per task. */
  number: number;
  note: string;
  /** JSON array of { url, label } (http/https only). */
  links_json: string;
  submitted_by: string;
  submitted_at: string;
}

export interface AttachmentsTable {
  id: string;
  workspace_id: string;
  task_id: string;
  /** null while uploaded but not yet part of a submitted version. */
  version_id: string | null;
  filename: string;
  /** From the whitelist, decided by the file's magic bytes, never by the uploader. */
  content_type: string;
  size: number;
  /** 'blob' on SQLite, 'bytea' on PostgreSQL; a Buffer on both drivers. */
  data: Buffer;
  uploaded_by: string;
  created_at: string;
}

export interface RevisionRequestsTable {
  id: string;
  workspace_id: string;
  task_id: string;
  /** The round this request opened (null for a strategist's tweak). */
  round_id: string | null;
  round_number: number | null;
  counts: number;
  strategist_tweak: number;
  /** 'tweak' | 'pending_approval' | 'active' | 'rejected' */
  status: string;
  /** The deliverable version the feedback is about, when there was one. */
  deliverable_version: number | null;
  /** R22: the task's final subtask due date when the request was made. */
  affected_due_date: string;
  notice_business_days: number;
  late: number;
  override_reason: string | null;
  override_by: string | null;
  moved_due_date_to: string | null;
  created_by: string;
  created_at: string;
}

export interface RevisionItemsTable {
  id: string;
  workspace_id: string;
  request_id: string;
  sort: number;
  what: string;
  why: string;
  /** R19/R5: the client's own words, internal; never sent to a contractor. */
  client_feedback_raw: string | null;
  /** The strategist's scrubbed version the contractor reads. */
  scrubbed_text: string | null;
}

export interface RevisionRoundsTable {
  id: string;
  workspace_id: string;
  task_id: string;
  number: number;
  /** 'revision_request' | 'qa_fail' */
  source: string;
  request_id: string | null;
  review_id: string | null;
  needs_approval: number;
  /** 'not_needed' | 'pending' | 'approved_billable' | 'escalated' | 'rejected' */
  approval_status: string;
  /** R29: invoices bill approved billable rounds at this amount. */
  billable: number;
  amount_minor: number;
  currency: string;
  decided_by: string | null;
  decided_at: string | null;
  reason: string | null;
  created_at: string;
}

export interface ReviewsTable {
  id: string;
  workspace_id: string;
  task_id: string;
  /** 'scrub' | 'qa' */
  kind: string;
  /** 'pass' | 'fail' */
  result: string;
  /** JSON array of { item, ok, note? }. */
  checklist_json: string;
  reasons: string | null;
  /** The strategist's note on a scrub (staff only). */
  note: string | null;
  deliverable_version: number | null;
  reviewer_id: string;
  created_at: string;
}

/** A workspace-level checklist (the strategist scrub, R23), edited by an admin in Settings. */
export interface ReviewChecklistsTable {
  workspace_id: string;
  /** 'scrub' */
  kind: string;
  /** JSON array of strings. */
  items_json: string;
  version: number;
  updated_by: string | null;
  updated_at: string;
}

export interface WorkflowTables {
  comment_mentions: CommentMentionsTable;
  deliverable_versions: DeliverableVersionsTable;
  attachments: AttachmentsTable;
  revision_requests: RevisionRequestsTable;
  revision_items: RevisionItemsTable;
  revision_rounds: RevisionRoundsTable;
  reviews: ReviewsTable;
  review_checklists: ReviewChecklistsTable;
}
