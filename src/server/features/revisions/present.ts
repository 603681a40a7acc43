import type { RevisionRequestView, RevisionRoundView } from '../../../contracts/workflow';
import type { Role } from '../../../domain/roles';
import type { ItemRow, RequestRow, RoundRow } from './queries';

/**
 * Revision rows → API shapes. A contractor's shape has no raw client feedback and no override
 * reason (R5, R19: the keys are absent, not just empty) and no money.
 */

type Viewer = { role: Role };
const isStaff = (v: Viewer) => v.role !== 'contractor';

const REQUEST_STATUSES = ['tweak', 'pending_approval', 'active', 'rejected'] as const;
const APPROVAL = ['not_needed', 'pending', 'approved_billable', 'escalated', 'rejected'] as const;

export function presentRequest(
  r: RequestRow,
  items: ItemRow[],
  viewer: Viewer,
): RevisionRequestView {
  const staff = isStaff(viewer);
  return {
    id: r.id,
    status: REQUEST_STATUSES.find((s) => s === r.status) ?? 'active',
    strategistTweak: r.strategist_tweak === 1,
    counts: r.counts === 1,
    roundNumber: r.round_number,
    deliverableVersion: r.deliverable_version,
    affectedDueDate: r.affected_due_date,
    noticeBusinessDays: r.notice_business_days,
    late: r.late === 1,
    movedDueDateTo: r.moved_due_date_to,
    ...(staff ? { overrideReason: r.override_reason } : {}),
    createdBy: { userId: r.created_by, name: r.author_name ?? null },
    createdAt: r.created_at,
    items: items
      .filter((i) => i.request_id === r.id)
      .map((i) => ({
        id: i.id,
        what: i.what,
        why: i.why,
        scrubbedText: i.scrubbed_text,
        ...(staff ? { clientFeedbackRaw: i.client_feedback_raw } : {}),
      })),
  };
}

export function presentRound(r: RoundRow, viewer: Viewer): RevisionRoundView {
  const staff = isStaff(viewer);
  const status = APPROVAL.find((s) => s === r.approval_status) ?? 'pending';
  return {
    id: r.id,
    number: r.number,
    source: r.source === 'qa_fail' ? 'qa_fail' : 'revision_request',
    needsApproval: r.needs_approval === 1,
    approvalStatus: status,
    billable: r.billable === 1,
    amountMinor: staff ? r.amount_minor : null,
    currency: r.currency,
    decidedBy: r.decided_by ? { userId: r.decided_by, name: r.decider_name ?? null } : null,
    decidedAt: r.decided_at,
    reason: staff ? r.reason : null,
    createdAt: r.created_at,
    abilities: {
      decide: status === 'pending' && (viewer.role === 'coordinator' || viewer.role === 'admin'),
    },
  };
}
