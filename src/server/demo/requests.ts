import type { Role } from '../../contracts/roles';
import { addCalendarDays, calendarDayIn, type IsoDate } from '../../domain/calendar';
import type { TaskStatus } from '../../domain/task-status';
import { recordAudit } from '../audit';
import type { Actor } from '../auth/access';
import type { AppContext } from '../context';
import type { Executor } from '../db';
import { getClientForAssignment } from '../features/clients';
import { assignRequest, cancelRequest, declineRequest, submitRequest } from '../features/requests';
import { addSystemComment } from '../features/tasks';
import { findWorkspace } from '../features/workspaces/queries';

/**
 * Demo requests and tasks (R10–R17) in every state. Requests are submitted and assigned through
 * the real services with a clock set back in time, so lead times, plans and prices are real; the
 * later workflow steps (issue 5) are then set directly, with the subtasks done that they imply.
 */

type Key = string;
type Stage = 'submitted' | 'declined' | 'cancelled' | TaskStatus;

interface Scenario {
  stage: Stage;
  /** Days before today the request was submitted (and assigned). */
  ago: number;
  /** Due date, in days from today. */
  due: number;
  items: [Key, number][];
  /** Index into PEOPLE order of the contractor seed (0 = Lina, the demo contractor login). */
  contractor?: number;
  /** Pick a client that is not fit (R1) or has no complete one-sheeter (R4). */
  blockedClient?: 'unfit' | 'no-brief';
  override?: boolean;
  late?: boolean;
  qaFailed?: boolean;
  notes?: string;
}

/** 'calendar 1, captions 12' → [['calendar', 1], ['captions', 12]] */
const parseItems = (text: string): [Key, number][] =>
  text.split(', ').map((part) => {
    const [key, n] = part.split(' ');
    return [key, Number(n)];
  });

// stage, days ago, due in days, items, contractor (PEOPLE index), extras
type Row = [Stage, number, number, string, number | null, Partial<Scenario>?];

const ROWS: Row[] = [
  ['closed', 55, -28, 'calendar 1, captions 12', 0],
  ['closed', 52, -24, 'reel 4', 1, { late: true }],
  ['closed', 48, -20, 'shortlist 1, outreach 6', 2, { qaFailed: true }],
  ['closed', 45, -16, 'static 8, stories 2', 3],
  ['ready', 30, 2, 'community 20', 4],
  ['ready', 28, 3, 'captions 10, static 6', 0, { qaFailed: true }],
  ['ready', 27, 4, 'reel 3', 5],
  ['qa', 24, 3, 'carousel 4', 0],
  ['qa', 23, 4, 'report 1', 2, { late: true }],
  ['qa', 22, 5, 'captions 8', 6],
  ['revision', 21, 7, 'calendar 1', 0],
  ['revision', 20, 8, 'static 10', 3],
  ['revision', 19, 8, 'reel 2, carousel 2', 1],
  ['internal_review', 18, 10, 'stories 4', 0],
  ['internal_review', 17, 11, 'community 15', 4],
  ['internal_review', 16, 12, 'captions 6', 5],
  ['in_production', 12, 15, 'carousel 3, captions 3', 0],
  ['in_production', 11, 16, 'shortlist 1', 2],
  ['in_production', 10, 18, 'static 5', 3],
  ['in_production', 9, 19, 'reel 3', 1],
  ['scheduled', 2, 22, 'calendar 1, captions 10', 0],
  ['scheduled', 1, 25, 'community 12', 4],
  ['scheduled', 1, 28, 'captions 5', 6],
  ['scheduled', 0, 30, 'outreach 8, report 1', 2],
  [
    'submitted',
    1,
    18,
    'static 6, carousel 2',
    null,
    { notes: 'Spring launch; shots in the drive.' },
  ],
  ['submitted', 0, 26, 'calendar 1, captions 12', null, { notes: 'Same pillars as last month.' }],
  ['submitted', 2, 21, 'reel 4', null],
  ['submitted', 0, 16, 'shortlist 1, outreach 10', null],
  ['submitted', 1, 10, 'captions 8', null, { notes: 'Tight: holiday promo copy.' }],
  ['submitted', 0, 9, 'stories 3', null],
  ['submitted', 0, 12, 'static 4', null],
  ['submitted', 0, 5, 'community 10', null, { override: true, notes: 'Crisis response month.' }],
  ['submitted', 0, 24, 'carousel 3', null, { blockedClient: 'unfit' }],
  ['submitted', 1, 20, 'captions 6', null, { blockedClient: 'no-brief' }],
  ['declined', 6, 20, 'reel 12', null, { notes: 'Twelve reels in a week.' }],
  ['declined', 4, 25, 'report 2', null],
  ['declined', 3, 30, 'static 30', null],
  ['cancelled', 5, 23, 'captions 4', null],
  ['cancelled', 2, 27, 'stories 2', null],
];

const SCENARIOS: Scenario[] = ROWS.map(([stage, ago, due, items, contractor, more]) => ({
  stage,
  ago,
  due,
  items: parseItems(items),
  contractor: contractor ?? undefined,
  ...more,
}));

const DONE_BY_STAGE: Partial<Record<Stage, string[]>> = {
  in_production: ['brand_training'],
  internal_review: ['brand_training', 'draft'],
  revision: ['brand_training', 'draft', 'scrub'],
  qa: ['brand_training', 'draft', 'scrub', 'revision', 'final'],
  ready: ['brand_training', 'draft', 'scrub', 'revision', 'final', 'qa'],
  closed: ['brand_training', 'draft', 'scrub', 'revision', 'final', 'qa'],
};

export interface DemoRequestInput {
  workspaceId: string;
  users: Record<Role, string>;
  clientIds: string[];
  contractorIds: string[];
  deliverableTypeIds: Record<string, string>;
}

function actorFor(demo: DemoRequestInput, role: Role, timeZone: string): Actor {
  const userId = demo.users[role];
  return {
    userId,
    name: '',
    email: '',
    workspaceId: demo.workspaceId,
    role,
    membershipId: '',
    timeZone,
  };
}

/** A clock `ago` days back, at 15:00 UTC (daytime in the Americas and Europe). */
function clockAt(today: IsoDate, ago: number): Date {
  return new Date(`${addCalendarDays(today, -ago)}T15:00:00.000Z`);
}

/** The content month: the due date's month, kept to this month or the next. */
function monthFor(today: IsoDate, due: IsoDate): string {
  const current = today.slice(0, 7);
  const next = addCalendarDays(`${current}-28`, 7).slice(0, 7);
  const month = due.slice(0, 7);
  if (month < current) return current;
  return [month, next].sort()[0];
}

async function sortClients(db: Executor, demo: DemoRequestInput) {
  const ready: string[] = [];
  let unfit: string | null = null;
  let noBrief: string | null = null;
  for (const clientId of demo.clientIds) {
    const c = await getClientForAssignment(db, { workspaceId: demo.workspaceId, clientId });
    if (!c.assignable) unfit ??= clientId;
    else if (!c.oneSheeter.completeness.complete) noBrief ??= clientId;
    else ready.push(clientId);
  }
  return { ready, unfit: unfit ?? ready[0], noBrief: noBrief ?? ready[0] };
}

/** Moves an assigned task on to its scenario's stage, with the subtasks done it implies. */
async function advance(db: Executor, demo: DemoRequestInput, taskId: string, sc: Scenario) {
  const done = DONE_BY_STAGE[sc.stage] ?? [];
  const coordinator = actorFor(demo, 'coordinator', 'UTC');
  await db.transaction().execute(async (tx) => {
    const task = await tx
      .selectFrom('tasks')
      .innerJoin('contractors', 'contractors.id', 'tasks.contractor_id')
      .select(['tasks.client_id', 'tasks.contractor_id', 'tasks.created_at', 'contractors.name'])
      .where('tasks.id', '=', taskId)
      .executeTakeFirstOrThrow();
    const subtasks = await tx
      .selectFrom('subtasks')
      .selectAll()
      .where('task_id', '=', taskId)
      .execute();
    for (const st of subtasks.filter((x) => done.includes(x.kind))) {
      const lateBy = sc.late && (st.kind === 'draft' || st.kind === 'final') ? 1 : 0;
      const by =
        st.assignee_role === 'qa' ? demo.users.qa : (st.assignee_user_id ?? demo.users.coordinator);
      await tx
        .updateTable('subtasks')
        .set({
          status: 'done',
          completed_at: `${addCalendarDays(st.due_date, lateBy)}T16:00:00.000Z`,
          completed_by: by,
        })
        .where('id', '=', st.id)
        .execute();
    }
    const acknowledged = sc.stage !== 'scheduled';
    const client = await getClientForAssignment(tx, {
      workspaceId: demo.workspaceId,
      clientId: task.client_id,
    });
    const briefVersion = client.oneSheeter.version;
    const ackAt = new Date(Date.parse(task.created_at) + 3 * 3_600_000).toISOString();
    await tx
      .updateTable('tasks')
      .set({
        status: sc.stage,
        brief_acknowledged_at: acknowledged ? ackAt : null,
        brief_version: acknowledged ? briefVersion : null,
        rounds_used: ['revision', 'qa', 'ready', 'closed'].includes(sc.stage) ? 1 : 0,
        qa_fail_count: sc.qaFailed ? 1 : 0,
      })
      .where('id', '=', taskId)
      .execute();
    if (done.includes('brand_training')) {
      await tx
        .updateTable('client_contractor_pairings')
        .set({ brand_training_done_at: ackAt })
        .where('client_id', '=', task.client_id)
        .where('contractor_id', '=', task.contractor_id)
        .where('brand_training_done_at', 'is', null)
        .execute();
    }
    if (acknowledged) {
      await addSystemComment(
        tx,
        coordinator,
        taskId,
        `${task.name} acknowledged the brief (one-sheeter v${briefVersion}).`,
        ackAt,
      );
    }
    await recordAudit(tx, coordinator, {
      entityType: 'task',
      entityId: taskId,
      taskId,
      action: 'demo_status_set',
      after: { status: sc.stage, subtasksDone: done },
    });
  });
}

/** Seeds ~40 requests for this month and next, in every request and task state. */
export async function seedRequests(ctx: AppContext, demo: DemoRequestInput): Promise<void> {
  const db = ctx.database.db;
  const ws = await findWorkspace(db, demo.workspaceId);
  const tz = ws?.time_zone ?? 'UTC';
  const today = calendarDayIn(new Date(), tz);
  const strategist = actorFor(demo, 'strategist', tz);
  const coordinator = actorFor(demo, 'coordinator', tz);
  const clients = await sortClients(db, demo);
  let turn = 0;
  for (const sc of SCENARIOS) {
    const now = clockAt(today, sc.ago);
    const dueDate = addCalendarDays(today, sc.due);
    const clientId =
      sc.blockedClient === 'unfit'
        ? clients.unfit
        : sc.blockedClient === 'no-brief'
          ? clients.noBrief
          : clients.ready[turn++ % clients.ready.length];
    const submitter = sc.override ? coordinator : strategist;
    const { id } = await submitRequest(
      db,
      submitter,
      {
        clientId,
        items: sc.items.map(([key, quantity]) => ({
          deliverableTypeId: demo.deliverableTypeIds[key],
          quantity,
        })),
        month: monthFor(today, dueDate),
        dueDate,
        collateralReady: turn % 3 !== 0,
        preferredContractorId:
          sc.contractor !== undefined && turn % 2 === 0 ? demo.contractorIds[sc.contractor] : null,
        notes: sc.notes ?? '',
        overrideReason: sc.override
          ? 'Client crisis: the CEO approved a rush; the contractor confirmed availability.'
          : undefined,
      },
      now,
    );
    if (sc.stage === 'submitted') continue;
    if (sc.stage === 'declined') {
      await declineRequest(db, coordinator, id, {
        reason:
          'No contractor has capacity for this volume in the window; resubmit split over two months.',
      });
      continue;
    }
    if (sc.stage === 'cancelled') {
      await cancelRequest(db, strategist, id, 1);
      continue;
    }
    const { taskId } = await assignRequest(
      db,
      coordinator,
      id,
      {
        contractorId: demo.contractorIds[sc.contractor ?? 0],
        strategistUserId: demo.users.strategist,
        version: 1,
      },
      now,
    );
    if (sc.stage !== 'scheduled') await advance(db, demo, taskId, sc);
  }
}
