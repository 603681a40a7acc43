/**
 * Tables of escalations (R24), weekly updates and recognition (R25) and announcements (R26).
 * Same conventions as schema.ts: text UUID ids, ISO text timestamps, 'YYYY-MM-DD' dates, 0/1 flags.
 */

export interface EscalationsTable {
  id: string;
  workspace_id: string;
  task_id: string | null;
  contractor_id: string | null;
  /** An EscalationCategory of contracts/community.ts. */
  category: string;
  /** 'low' | 'medium' | 'high' */
  severity: string;
  description: string;
  /** 'open' | 'acknowledged' | 'resolved': stays unresolved until resolved with notes. */
  status: string;
  opened_by: string;
  opened_at: string;
  acknowledged_by: string | null;
  acknowledged_at: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
  resolution_notes: string | null;
  version: number;
}

/** One per contractor and week (unique): a second post for the week edits the first. */
export interface WeeklyUpdatesTable {
  id: string;
  workspace_id: string;
  contractor_id: string;
  /** The Monday of the week reported on, in the workspace calendar. */
  week_start: string;
  progress: string;
  blockers: string;
  availability_changes: string;
  /** First posted; an update posted from the week's next Monday on is late. */
  submitted_at: string;
  submitted_by: string;
  updated_at: string;
}

export interface RecognitionsTable {
  id: string;
  workspace_id: string;
  contractor_id: string;
  task_id: string | null;
  /** 'kudos' | 'feedback' */
  kind: string;
  body: string;
  author_id: string | null;
  created_at: string;
}

export interface AnnouncementsTable {
  id: string;
  workspace_id: string;
  title: string;
  body: string;
  /** 'everyone' (contractors included, R26) | 'staff' */
  audience: string;
  pinned: number;
  author_id: string | null;
  published_at: string;
  updated_at: string;
  version: number;
}

export interface AnnouncementReadsTable {
  announcement_id: string;
  user_id: string;
  read_at: string;
}

export interface CommunityTables {
  escalations: EscalationsTable;
  weekly_updates: WeeklyUpdatesTable;
  recognitions: RecognitionsTable;
  announcements: AnnouncementsTable;
  announcement_reads: AnnouncementReadsTable;
}

// The process owner (R24) is a workspace setting, a column on a table the foundation owns;
// declared here so its file stays untouched.
declare module '../schema' {
  interface WorkspacesTable {
    /** Who escalations reach at once; null = every admin of the workspace. */
    process_owner_user_id: string | null;
  }
}
