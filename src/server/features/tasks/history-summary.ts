import type { HistoryEntry } from '../../../contracts/workflow';
import { formatDayMonth } from '../../../domain/format';
import { formatMoney } from '../../../domain/money';
import {
  TASK_ACTION_LABELS,
  TASK_STATUS_LABELS,
  type TaskAction,
  type TaskStatus,
} from '../../../domain/task-status';

/**
 * R30: one audit row → one line of the task's history in plain English. Raw before/after JSON never
 * leaves the server: a contractor gets only entries that say nothing internal (client feedback,
 * internal comments, overrides, scrub notes) and nothing about money (R5, R19).
 */

export interface AuditRowForHistory {
  id: number;
  entity_type: string;
  action: string;
  before_json: string | null;
  after_json: string | null;
  created_at: string;
  actor_user_id: string | null;
  actor_name: string | null;
}

type Obj = Record<string, unknown>;
type Change = HistoryEntry['changes'][number];
type Summary = { summary: string; changes: Change[] } | null;

/** Entity types a contractor may see at all (the SQL filter); each is then judged row by row. */
export const CONTRACTOR_HISTORY_TYPES = [
  'task',
  'subtask',
  'comment',
  'deliverable_version',
  'revision_request',
  'revision_round',
  'review',
];

const SUBTASK_KINDS: Record<string, string> = {
  brand_training: 'Brand training',
  draft: 'First draft',
  scrub: 'Strategist scrub',
  revision: 'Revision window',
  final: 'Final version',
  qa: 'QA review',
};

const parse = (json: string | null): Obj => {
  if (!json) return {};
  try {
    const v = JSON.parse(json) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {};
  } catch {
    return {};
  }
};
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const status = (v: unknown) => TASK_STATUS_LABELS[str(v) as TaskStatus] ?? str(v);
const day = (v: unknown) => (str(v) ? formatDayMonth(str(v)) : '—');
const excerpt = (s: string, n = 140) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

function taskEntry(row: AuditRowForHistory, who: string, a: Obj, b: Obj, staff: boolean): Summary {
  switch (row.action) {
    case 'created':
      return { summary: `${who} assigned the task and planned its subtasks`, changes: [] };
    case 'brief_acknowledged':
      return {
        summary: `${who} acknowledged the brief (one-sheeter v${num(a.brief_version) ?? '?'})`,
        changes: [{ label: 'Status', from: status(b.status), to: status(a.status) }],
      };
    case 'demo_status_set':
      return { summary: `Status set to ${status(a.status)} (demo data)`, changes: [] };
    case 'status_changed': {
      const label = TASK_ACTION_LABELS[str(a.action) as TaskAction] ?? str(a.action);
      const reason = staff && str(a.reason) ? `: “${excerpt(str(a.reason))}”` : '';
      return {
        summary: `${who}: ${label}${reason}`,
        changes: [{ label: 'Status', from: status(b.status), to: status(a.status) }],
      };
    }
    case 'replanned': {
      const changes: Change[] = [];
      for (const [key, label] of [
        ['finalDue', 'Final version due'],
        ['qaDue', 'QA due'],
        ['taskDue', 'Task due'],
      ] as const) {
        if (str(a[key]) && a[key] !== b[key])
          changes.push({ label, from: day(b[key]), to: day(a[key]) });
      }
      return { summary: `${who} moved the due dates for a late revision request (R22)`, changes };
    }
    default:
      return staff
        ? { summary: `${who}: task ${row.action.replace(/_/g, ' ')}`, changes: [] }
        : null;
  }
}

function commentEntry(row: AuditRowForHistory, who: string, a: Obj, staff: boolean): Summary {
  if (row.action === 'system_comment') {
    return { summary: `Handoff posted: ${excerpt(str(a.body))}`, changes: [] };
  }
  const internal = a.visibility !== 'all' || a.kind === 'client_feedback';
  if (internal && !staff) return null;
  const what =
    a.kind === 'client_feedback'
      ? 'recorded client feedback (internal)'
      : internal
        ? 'posted an internal comment'
        : 'commented';
  return { summary: `${who} ${what}`, changes: [] };
}

function revisionEntry(who: string, a: Obj, staff: boolean): Summary {
  const items = num(a.items) ?? 0;
  if (a.strategistTweak === true) {
    if (!staff) return null; // the strategist's own work on the copy, not the contractor's
    return {
      summary: `${who} made a copy tweak themself (${plural(items, 'item')}, no revision round)`,
      changes: [],
    };
  }
  const parts = [
    `${who} requested revision round ${num(a.roundNumber) ?? '?'} (${plural(items, 'item')})`,
  ];
  if (a.status === 'pending_approval') parts.push("waiting for a coordinator's approval");
  if (str(a.movedDueDateTo)) parts.push(`final due moved to ${day(a.movedDueDateTo)}`);
  if (staff && str(a.overrideReason))
    parts.push(`notice overridden: “${excerpt(str(a.overrideReason))}”`);
  return { summary: parts.join(' · '), changes: [] };
}

const DECISIONS: Record<string, string> = {
  approved_billable: 'approved',
  escalated: 'escalated',
  rejected: 'rejected',
};

function roundEntry(row: AuditRowForHistory, who: string, a: Obj, staff: boolean): Summary {
  const n = num(a.number) ?? '?';
  if (row.action === 'opened') {
    // A request's round is told by the request's own entry; a QA failure's round is new news.
    return a.source === 'qa_fail'
      ? { summary: `The QA failure counts as revision round ${n}`, changes: [] }
      : null;
  }
  if (row.action === 'created') {
    const src = a.source === 'qa_fail' ? 'QA failure' : 'revision request';
    return {
      summary: `Revision round ${n} (from a ${src}) needs a coordinator's approval (R21)`,
      changes: [],
    };
  }
  if (row.action !== 'decided')
    return staff ? { summary: `${who}: round ${row.action}`, changes: [] } : null;
  const verb = DECISIONS[str(a.decision)] ?? str(a.decision);
  const amount = num(a.amountMinor);
  const money =
    staff && a.decision === 'approved_billable' && amount !== null && str(a.currency)
      ? ` as billable (${formatMoney(amount, str(a.currency))})`
      : '';
  const reason = staff && str(a.reason) ? `: “${excerpt(str(a.reason))}”` : '';
  return { summary: `${who} ${verb} revision round ${n}${money}${reason}`, changes: [] };
}

function reviewEntry(who: string, a: Obj): Summary {
  const checklist = Array.isArray(a.checklist) ? (a.checklist as { ok?: unknown }[]) : [];
  const ok = checklist.filter((c) => c.ok === true).length;
  const counted = checklist.length ? ` (${ok}/${checklist.length} checks)` : '';
  if (a.kind === 'scrub')
    return { summary: `${who} passed the strategist scrub${counted}`, changes: [] };
  if (a.result === 'pass')
    return { summary: `${who} passed QA${counted}: client-ready`, changes: [] };
  return { summary: `${who} failed QA${counted}: “${excerpt(str(a.reasons), 200)}”`, changes: [] };
}

/** The history line for one audit row as `viewer` may see it, or null to leave it out. */
export function summarizeAudit(row: AuditRowForHistory, viewer: { staff: boolean }): Summary {
  const who = row.actor_name ?? (row.actor_user_id ? 'Someone' : 'Handoff');
  const a = parse(row.after_json);
  const b = parse(row.before_json);
  const { staff } = viewer;
  switch (row.entity_type) {
    case 'task':
      return taskEntry(row, who, a, b, staff);
    case 'subtask': {
      const kind = SUBTASK_KINDS[str(a.kind)] ?? 'a subtask';
      const verb = row.action === 'completed' ? 'marked done' : 'reopened';
      return {
        summary: `${who} ${verb}: ${kind}`,
        changes: [{ label: 'Subtask', from: str(b.status) || '—', to: str(a.status) || '—' }],
      };
    }
    case 'comment':
      return commentEntry(row, who, a, staff);
    case 'deliverable_version': {
      const links = num(a.links) ?? 0;
      const files = num(a.files) ?? 0;
      return {
        summary: `${who} submitted version ${num(a.number) ?? '?'} (${plural(links, 'link')}, ${plural(files, 'file')})`,
        changes: [],
      };
    }
    case 'revision_request':
      return revisionEntry(who, a, staff);
    case 'revision_round':
      return roundEntry(row, who, a, staff);
    case 'review':
      return reviewEntry(who, a);
    default:
      // Other features' entries (escalations, time logs…): staff see that something happened.
      return staff
        ? {
            summary: `${who}: ${row.entity_type.replace(/_/g, ' ')} ${row.action.replace(/_/g, ' ')}`,
            changes: [],
          }
        : null;
  }
}
