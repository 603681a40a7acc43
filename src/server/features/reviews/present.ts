import type { ReviewView } from '../../../contracts/workflow';
import type { Role } from '../../../domain/roles';
import type { ReviewRow } from './queries';

/** Review rows → API shapes; the strategist's scrub note stays with staff. */

type Item = ReviewView['checklist'][number];

function parseChecklist(json: string): Item[] {
  try {
    const v = JSON.parse(json) as unknown;
    if (!Array.isArray(v)) return [];
    return v.map((x) => {
      const o = (x ?? {}) as Record<string, unknown>;
      return {
        item: typeof o.item === 'string' ? o.item : '',
        ok: o.ok === true,
        note: typeof o.note === 'string' ? o.note : '',
      };
    });
  } catch {
    return [];
  }
}

export function presentReview(r: ReviewRow, viewer: { role: Role }): ReviewView {
  return {
    id: r.id,
    kind: r.kind === 'qa' ? 'qa' : 'scrub',
    result: r.result === 'pass' ? 'pass' : 'fail',
    checklist: parseChecklist(r.checklist_json),
    reasons: r.reasons,
    note: viewer.role === 'contractor' ? null : r.note,
    deliverableVersion: r.deliverable_version,
    reviewer: { userId: r.reviewer_id, name: r.reviewer_name ?? null },
    createdAt: r.created_at,
  };
}
