import type { Role } from '../../contracts/roles';
import { DEFAULT_SCRUB_CHECKLIST } from '../../contracts/workflow';
import { recordAudit } from '../audit';
import type { AppContext } from '../context';
import type { Executor } from '../db';
import { newId } from '../lib/ids';

/**
 * Demo work between assigned and client-ready (R18–R23): versions, revision requests with the
 * why (and the client's raw words kept internal), scrubs, QA verdicts — matching each task's
 * status as the request seed left it — and one extra round waiting for a coordinator (R21).
 */

interface Demo {
  workspaceId: string;
  users: Record<Role, string>;
}

const FEEDBACK = [
  {
    what: 'Tighten the opening line of posts 2 and 5',
    why: 'Instagram cuts captions after about 125 characters; the hook must come first',
    raw: 'Client (email): “these openings drag, nobody reads past line one”',
    scrubbed: 'Lead with the benefit in the first 8–10 words.',
  },
  {
    what: 'Replace the stock photo on slide 3',
    why: 'The one-sheeter asks for real customers and staff, never stock imagery',
    raw: 'Client (call): “that photo looks fake, we hate stock”',
    scrubbed: 'Use a photo from the October customer shoot folder.',
  },
];

type TaskRow = {
  id: string;
  status: string;
  qa_fail_count: number;
  contractor_user_id: string | null;
  contractor_name: string;
};

interface Seeder {
  tx: Executor;
  demo: Demo;
  task: TaskRow;
  at: () => string;
}

const actor = (demo: Demo, userId: string) => ({ workspaceId: demo.workspaceId, userId });

async function version(s: Seeder, n: number) {
  const by = s.task.contractor_user_id ?? s.demo.users.coordinator;
  const id = newId();
  const links = [`https://drive.google.com/drive/folders/demo-${s.task.id.slice(0, 8)}-v${n}`];
  await s.tx
    .insertInto('deliverable_versions')
    .values({
      id,
      workspace_id: s.demo.workspaceId,
      task_id: s.task.id,
      number: n,
      note:
        n === 1
          ? 'First draft: captions in the doc, visuals in the folder.'
          : `Version ${n}: feedback applied.`,
      links_json: JSON.stringify(links),
      submitted_by: by,
      submitted_at: s.at(),
    })
    .execute();
  await recordAudit(s.tx, actor(s.demo, by), {
    entityType: 'deliverable_version',
    entityId: id,
    taskId: s.task.id,
    action: 'submitted',
    after: { number: n, links: 1, files: 0 },
  });
}

async function revision(s: Seeder, round: number, status: 'active' | 'pending_approval') {
  const strategist = s.demo.users.strategist;
  const requestId = newId();
  const roundId = newId();
  const at = s.at();
  const pending = status === 'pending_approval';
  await s.tx
    .insertInto('revision_rounds')
    .values({
      id: roundId,
      workspace_id: s.demo.workspaceId,
      task_id: s.task.id,
      number: round,
      source: 'revision_request',
      request_id: requestId,
      review_id: null,
      needs_approval: pending ? 1 : 0,
      approval_status: pending ? 'pending' : 'not_needed',
      billable: 0,
      amount_minor: 0,
      currency: 'USD',
      decided_by: null,
      decided_at: null,
      reason: null,
      created_at: at,
    })
    .execute();
  await s.tx
    .insertInto('revision_requests')
    .values({
      id: requestId,
      workspace_id: s.demo.workspaceId,
      task_id: s.task.id,
      round_id: roundId,
      round_number: round,
      counts: 1,
      strategist_tweak: 0,
      status,
      deliverable_version: round,
      affected_due_date: at.slice(0, 10),
      notice_business_days: 5,
      late: 0,
      override_reason: null,
      override_by: null,
      moved_due_date_to: null,
      created_by: strategist,
      created_at: at,
    })
    .execute();
  const items = round === 1 ? FEEDBACK : FEEDBACK.slice(1);
  await s.tx
    .insertInto('revision_items')
    .values(
      items.map((f, sort) => ({
        id: newId(),
        workspace_id: s.demo.workspaceId,
        request_id: requestId,
        sort,
        what: f.what,
        why: f.why,
        client_feedback_raw: f.raw,
        scrubbed_text: f.scrubbed,
      })),
    )
    .execute();
  await s.tx
    .insertInto('comments')
    .values({
      id: newId(),
      workspace_id: s.demo.workspaceId,
      task_id: s.task.id,
      author_user_id: strategist,
      body: items.map((f) => f.raw).join('\n'),
      visibility: 'internal',
      kind: 'client_feedback',
      created_at: at,
    })
    .execute();
  await recordAudit(s.tx, actor(s.demo, strategist), {
    entityType: 'revision_request',
    entityId: requestId,
    taskId: s.task.id,
    action: 'created',
    after: { status, roundNumber: round, strategistTweak: false, items: items.length },
  });
  if (pending) {
    await recordAudit(s.tx, actor(s.demo, strategist), {
      entityType: 'revision_round',
      entityId: roundId,
      taskId: s.task.id,
      action: 'created',
      after: { number: round, source: 'revision_request', approvalStatus: 'pending' },
    });
  }
}

async function review(s: Seeder, kind: 'scrub' | 'qa', result: 'pass' | 'fail', reasons?: string) {
  const reviewer = kind === 'scrub' ? s.demo.users.strategist : s.demo.users.qa;
  const checklist =
    kind === 'scrub' ? DEFAULT_SCRUB_CHECKLIST.map((item) => ({ item, ok: true, note: '' })) : [];
  const id = newId();
  await s.tx
    .insertInto('reviews')
    .values({
      id,
      workspace_id: s.demo.workspaceId,
      task_id: s.task.id,
      kind,
      result,
      checklist_json: JSON.stringify(checklist),
      reasons: reasons ?? null,
      note: null,
      deliverable_version: null,
      reviewer_id: reviewer,
      created_at: s.at(),
    })
    .execute();
  await recordAudit(s.tx, actor(s.demo, reviewer), {
    entityType: 'review',
    entityId: id,
    taskId: s.task.id,
    action: 'created',
    after: { kind, result, checklist, reasons: reasons ?? null },
  });
}

const AFTER_REVIEW = ['revision', 'qa', 'ready', 'closed'];

/** Seeds the workflow records each demo task's status implies. */
export async function seedWorkflow(ctx: AppContext, demo: Demo): Promise<void> {
  const db = ctx.database.db;
  const tasks = await db
    .selectFrom('tasks')
    .innerJoin('contractors', 'contractors.id', 'tasks.contractor_id')
    .select([
      'tasks.id',
      'tasks.status',
      'tasks.qa_fail_count',
      'tasks.created_at',
      'contractors.user_id as contractor_user_id',
      'contractors.name as contractor_name',
    ])
    .where('tasks.workspace_id', '=', demo.workspaceId)
    .where('tasks.status', 'in', ['internal_review', ...AFTER_REVIEW])
    .orderBy('tasks.due_date')
    .orderBy('tasks.id')
    .execute();
  let waitingShown = false;
  for (const task of tasks) {
    let clock = Date.parse(task.created_at) + 86_400_000;
    // Each step a few hours after the one before, from the day after assignment.
    const at = () => {
      clock += 3 * 3_600_000;
      return new Date(clock).toISOString();
    };
    await db.transaction().execute(async (tx) => {
      const s: Seeder = { tx, demo, task, at };
      await version(s, 1);
      // One review task of another contractor shows an extra round waiting for a coordinator.
      const waiting =
        task.status === 'internal_review' && !waitingShown && task.contractor_user_id === null;
      if (waiting) {
        waitingShown = true;
        await revision(s, 1, 'active');
        await version(s, 2);
        await revision(s, 2, 'pending_approval');
        await tx.updateTable('tasks').set({ rounds_used: 1 }).where('id', '=', task.id).execute();
        return;
      }
      if (!AFTER_REVIEW.includes(task.status)) return;
      await revision(s, 1, 'active');
      if (task.status === 'revision') return;
      await version(s, 2);
      await review(s, 'scrub', 'pass');
      if (task.status === 'qa') return;
      if (task.qa_fail_count > 0) {
        await review(s, 'qa', 'fail', 'Two captions miss the campaign hashtag from the brief.');
        await version(s, 3);
        await review(s, 'scrub', 'pass');
      }
      await review(s, 'qa', 'pass');
    });
  }
}
