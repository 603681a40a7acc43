import type { Executor } from '../../db';
import type { TaskScope } from '../tasks';

/** Scrub and QA reviews, and the QA checklist of a task's deliverable types (R23). */

export async function listReviews(db: Executor, scope: TaskScope, taskId: string) {
  return db
    .selectFrom('reviews')
    .leftJoin('user as reviewer', 'reviewer.id', 'reviews.reviewer_id')
    .selectAll('reviews')
    .select('reviewer.name as reviewer_name')
    .where('reviews.workspace_id', '=', scope.workspaceId)
    .where('reviews.task_id', '=', taskId)
    .orderBy('reviews.created_at', 'desc')
    .limit(100)
    .execute();
}

export type ReviewRow = Awaited<ReturnType<typeof listReviews>>[number];

function parseList(json: string): string[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v)
      ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '')
      : [];
  } catch {
    return [];
  }
}

/** The union of the QA checklists of the task's deliverable types, each item with its types. */
export async function qaChecklistFor(db: Executor, scope: TaskScope, taskId: string) {
  const rows = await db
    .selectFrom('task_items')
    .innerJoin('deliverable_types', 'deliverable_types.id', 'task_items.deliverable_type_id')
    .select(['deliverable_types.name', 'deliverable_types.qa_checklist_json'])
    .where('task_items.workspace_id', '=', scope.workspaceId)
    .where('task_items.task_id', '=', taskId)
    .orderBy('deliverable_types.sort')
    .orderBy('deliverable_types.name')
    .execute();
  const byItem = new Map<string, string[]>();
  for (const r of rows) {
    for (const item of parseList(r.qa_checklist_json)) {
      const key = item.trim();
      const types = byItem.get(key) ?? [];
      if (!types.includes(r.name)) types.push(r.name);
      byItem.set(key, types);
    }
  }
  return [...byItem].map(([item, types]) => ({ item, types }));
}
