import { type PlannedSubtask, planSubtasks } from '../../src/domain/planner';
import type { Rng } from './prng';
import { prose } from './prng';
import {
  AS_OF,
  addDays,
  BOARD_MONTH,
  type ClientInfo,
  daysBetween,
  instantOn,
  MONTHS,
  monthAt,
  notAfter,
  type World,
} from './world';
import type { Row, TableName } from './writer';

/**
 * Requests, parent tasks, items, planned subtasks, comments and the workflow records of each task
 * (versions, scrub and QA reviews, revision rounds, time logs), month by month: one transaction
 * per month, rows bulk-inserted parents first.
 */

const ORDER = [
  'requests',
  'request_items',
  'tasks',
  'task_items',
  'subtasks',
  'comments',
  'comment_mentions',
  'deliverable_versions',
  'revision_requests',
  'revision_items',
  'revision_rounds',
  'reviews',
  'time_logs',
  'audit_log',
] as const satisfies readonly TableName[];

type Batch = { [T in (typeof ORDER)[number]]: Row<T>[] };

const STAGE: Record<string, number> = {
  scheduled: 1,
  in_production: 2,
  internal_review: 3,
  revision: 4,
  qa: 5,
  ready: 6,
  closed: 7,
  cancelled: 0,
};

const CALENDAR = { weekendDays: [0, 6], holidays: new Set<string>() };

function statusFor(rng: Rng, due: string): string {
  const d = daysBetween(AS_OF, due);
  if (d < -21) return rng.chance(0.04) ? 'cancelled' : 'closed';
  if (d < 0)
    return rng.weighted([
      ['ready', 5],
      ['closed', 4],
      ['qa', 1],
    ]);
  if (d < 10)
    return rng.weighted([
      ['qa', 2],
      ['revision', 2],
      ['internal_review', 2.5],
      ['in_production', 3.5],
    ]);
  if (d < 25)
    return rng.weighted([
      ['in_production', 6],
      ['scheduled', 4],
    ]);
  return rng.weighted([
    ['scheduled', 7],
    ['in_production', 3],
  ]);
}

function businessDayIn(rng: Rng, month: string): string {
  for (;;) {
    const day = `${month}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    const wd = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (wd !== 0 && wd !== 6) return day;
  }
}

/** Which subtask kinds a task in this status has already done. */
function doneKinds(status: string): Set<string> {
  switch (status) {
    case 'closed':
    case 'ready':
      return new Set(['brand_training', 'draft', 'scrub', 'revision', 'final', 'qa']);
    case 'qa':
      return new Set(['brand_training', 'draft', 'scrub', 'revision', 'final']);
    case 'revision':
      return new Set(['brand_training', 'draft', 'scrub']);
    case 'internal_review':
      return new Set(['brand_training', 'draft']);
    case 'in_production':
      return new Set(['brand_training']);
    default:
      return new Set();
  }
}

function rateFactor(date: string): number {
  return date >= '2025-12-01' ? 1 : date >= '2023-12-01' ? 0.92 : 0.85;
}

function pickClient(w: World, cumulative: number[]): ClientInfo {
  const r = w.rng.next() * cumulative[cumulative.length - 1];
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] > r) hi = mid;
    else lo = mid + 1;
  }
  return w.clients[lo];
}

export async function writeWork(
  w: World,
  onMonth?: (month: string, rows: number) => void,
): Promise<void> {
  const cumulative: number[] = [];
  let sum = 0;
  for (const c of w.clients) {
    sum += c.weight;
    cumulative.push(sum);
  }
  const perMonth = Math.ceil(w.size.tasks / MONTHS);
  for (let mi = 0; mi < MONTHS; mi++) {
    const month = monthAt(mi);
    const batch = Object.fromEntries(ORDER.map((t) => [t, []])) as unknown as Batch;
    for (let i = 0; i < perMonth && mi * perMonth + i < w.size.tasks; i++) {
      // A few tasks of the board month carry long threads: the task page reads the latest 50.
      const hot = month === BOARD_MONTH && i < 5;
      oneTask(w, batch, month, pickClient(w, cumulative), hot);
    }
    if (mi === MONTHS - 1) triageQueue(w, batch);
    let rows = 0;
    await w.db.transaction().execute(async (tx) => {
      for (const table of ORDER) rows += await w.writer.insert(tx, table, batch[table] as never[]);
    });
    onMonth?.(month, rows);
  }
}

function oneTask(w: World, b: Batch, month: string, client: ClientInfo, hot: boolean): void {
  const { rng, ids, workspaceId } = w;
  const ci = rng.pick(client.pool);
  const contractor = w.contractors[ci];
  const due = businessDayIn(rng, month);
  const status = statusFor(rng, due);
  const stage = STAGE[status];
  const submittedDay = addDays(due, -rng.int(18, 45));
  const submittedAt = instantOn(rng, submittedDay < AS_OF ? submittedDay : addDays(AS_OF, -1));
  const assignedDay = addDays(submittedDay, rng.int(1, 3));
  const assignedAt = instantOn(rng, notAfter(assignedDay, AS_OF));
  const requestId = ids.next();
  const taskId = ids.next();
  const pairKey = `${client.id}|${contractor.id}`;
  const firstPairing = !w.pairings.has(pairKey);
  if (firstPairing) w.pairings.set(pairKey, assignedAt);

  // Items: one to three of the contractor's skills at his rate in force on the assignment day.
  const itemTypes = rng.sample(
    contractor.skills,
    rng.int(1, Math.min(3, contractor.skills.length)),
  );
  const items = itemTypes.map((k) => {
    const t = w.types[k];
    const quantity = t.unit === 'hour' ? rng.int(4, 20) : t.unit === 'calendar' ? 1 : rng.int(1, 8);
    const negotiated = contractor.negotiated.get(k);
    const unit = negotiated ?? Math.round(t.amountMinor * rateFactor(assignedDay));
    return {
      id: ids.next(),
      k,
      t,
      quantity,
      unit,
      amount: unit * quantity,
      negotiated: negotiated !== undefined,
    };
  });
  const committed = items.reduce((s, i) => s + i.amount, 0);
  const title = `${client.name}: ${items.map((i) => `${i.quantity}× ${i.t.name}`).join(', ')}`;
  const leadDays = daysBetween(submittedDay, due);

  b.requests.push({
    id: requestId,
    workspace_id: workspaceId,
    client_id: client.id,
    month,
    due_date: due,
    collateral_ready: 1,
    preferred_contractor_id: null,
    notes: '',
    status: 'assigned',
    lead_days: leadDays,
    lead_status: leadDays >= 14 ? 'ok' : 'warning',
    lead_message: leadDays >= 14 ? '' : 'Less than 14 days of notice',
    override_reason: null,
    override_by: null,
    override_at: null,
    decline_reason: null,
    idempotency_key: null,
    submitted_by: client.strategist,
    submitted_at: submittedAt,
    assigned_at: assignedAt,
    task_id: taskId,
    version: 2,
  });
  for (const i of items) {
    b.request_items.push({
      id: ids.next(),
      workspace_id: workspaceId,
      request_id: requestId,
      deliverable_type_id: i.t.id,
      quantity: i.quantity,
    });
    b.task_items.push({
      id: i.id,
      workspace_id: workspaceId,
      task_id: taskId,
      deliverable_type_id: i.t.id,
      quantity: i.quantity,
      unit: i.t.unit,
      unit_amount_minor: i.unit,
      currency: contractor.currency,
      rate_source: i.negotiated ? 'negotiated' : 'default',
      rate_effective_from: i.negotiated ? '2021-12-01' : '2021-12-01',
      amount_minor: i.amount,
    });
  }

  const reachedRevision = stage >= STAGE.revision;
  const roundsUsed =
    status === 'revision'
      ? rng.int(1, 2)
      : reachedRevision
        ? rng.weighted([
            [0, 30],
            [1, 45],
            [2, 20],
            [3, 5],
          ])
        : 0;
  const qaFails = stage >= STAGE.ready && rng.chance(0.1) ? 1 : 0;
  b.tasks.push({
    id: taskId,
    workspace_id: workspaceId,
    request_id: requestId,
    client_id: client.id,
    contractor_id: contractor.id,
    strategist_user_id: client.strategist,
    title,
    status,
    due_date: due,
    month,
    brief_acknowledged_at: stage >= STAGE.in_production ? assignedAt : null,
    brief_version: stage >= STAGE.in_production ? client.oneSheeterVersion : null,
    included_rounds: 1,
    rounds_used: roundsUsed,
    qa_fail_count: qaFails,
    committed_minor: committed,
    currency: contractor.currency,
    created_at: assignedAt,
    updated_at: assignedAt,
    version: 1 + Math.max(0, stage),
  });

  const plan = planSubtasks({
    dueDate: due,
    today: addDays(due, -70),
    productionDays: Math.max(...items.map((i) => i.t.days)),
    firstPairing,
    calendar: CALENDAR,
    unavailable: [],
  });
  const done = doneKinds(status);
  const assigneeOf = (s: PlannedSubtask) =>
    s.assignee === 'contractor'
      ? contractor.userId
      : s.assignee === 'strategist'
        ? client.strategist
        : null;
  plan.subtasks.forEach((s, sort) => {
    const isDone = done.has(s.kind);
    b.subtasks.push({
      id: ids.next(),
      workspace_id: workspaceId,
      task_id: taskId,
      kind: s.kind,
      title: s.title,
      assignee_role: s.assignee,
      assignee_user_id: assigneeOf(s),
      start_date: s.startDate,
      due_date: s.dueDate,
      status: isDone ? 'done' : 'todo',
      completed_at: isDone ? instantOn(rng, notAfter(s.dueDate, AS_OF)) : null,
      completed_by: isDone ? (assigneeOf(s) ?? w.users.qa) : null,
      sort,
    });
  });
  const finalDue = plan.subtasks.find((s) => s.kind === 'final')?.dueDate ?? due;
  const draftDue = plan.subtasks.find((s) => s.kind === 'draft')?.dueDate ?? due;

  comments(w, b, { taskId, client, contractorUser: contractor.userId, assignedAt, due, hot });
  workflow(w, b, {
    taskId,
    stage,
    roundsUsed,
    qaFails,
    draftDue,
    finalDue,
    contractorUser: contractor.userId ?? client.strategist,
    strategist: client.strategist,
    currency: contractor.currency,
  });

  for (const i of items) {
    if (i.t.unit !== 'hour' || stage < STAGE.in_production) continue;
    for (let k = rng.int(1, 3); k > 0; k--) {
      const date = addDays(draftDue, -rng.int(0, 6));
      b.time_logs.push({
        id: ids.next(),
        workspace_id: workspaceId,
        task_id: taskId,
        task_item_id: i.id,
        subtask_id: null,
        contractor_id: contractor.id,
        date,
        minutes: rng.int(2, 16) * 15,
        note: '',
        status: stage >= STAGE.ready ? 'approved' : 'pending',
        reviewed_by: stage >= STAGE.ready ? client.strategist : null,
        reviewed_at: stage >= STAGE.ready ? instantOn(rng, notAfter(date, AS_OF)) : null,
        reject_reason: null,
        created_by: contractor.userId,
        created_at: instantOn(rng, notAfter(date, AS_OF)),
        version: 1,
      });
    }
  }
  b.audit_log.push(
    {
      workspace_id: workspaceId,
      actor_user_id: client.strategist,
      entity_type: 'request',
      entity_id: requestId,
      task_id: null,
      action: 'submitted',
      before_json: null,
      after_json: JSON.stringify({ month, due_date: due }),
      created_at: submittedAt,
    },
    {
      workspace_id: workspaceId,
      actor_user_id: w.users.coordinator,
      entity_type: 'task',
      entity_id: taskId,
      task_id: taskId,
      action: 'assigned',
      before_json: null,
      after_json: JSON.stringify({ contractor_id: contractor.id, committed_minor: committed }),
      created_at: assignedAt,
    },
  );
  if (stage >= STAGE.ready) {
    w.billable.push({
      taskId,
      contractor: w.contractors.indexOf(contractor),
      due,
      items: items.map((i) => ({
        id: i.id,
        name: i.t.name,
        quantity: i.quantity,
        unit: i.unit,
        amount: i.amount,
        unitName: i.t.unit,
      })),
    });
  }
}

function comments(
  w: World,
  b: Batch,
  t: {
    taskId: string;
    client: ClientInfo;
    contractorUser: string | null;
    assignedAt: string;
    due: string;
    hot: boolean;
  },
): void {
  const { rng, ids, workspaceId } = w;
  const start = Date.parse(t.assignedAt);
  const end = Math.min(
    Date.parse(`${addDays(t.due, 5)}T18:00:00Z`),
    Date.parse(`${AS_OF}T12:00:00Z`),
  );
  const full = Date.parse(`${addDays(t.due, 5)}T18:00:00Z`) - start;
  let n = t.hot ? 120 : rng.int(0, w.size.commentsPerTask * 2);
  // Work not finished yet has only the part of its thread written so far.
  if (!t.hot && end < start + full) n = Math.round((n * Math.max(0, end - start)) / full);
  const span = Math.max(1, end - start);
  const authors = [
    t.client.strategist,
    w.users.coordinator,
    t.contractorUser ?? t.client.strategist,
    w.users.qa,
  ];
  for (let k = 0; k < n; k++) {
    const kind = rng.weighted([
      ['comment', 62],
      ['system', 30],
      ['client_feedback', 8],
    ]);
    const internal = kind === 'client_feedback' || (kind === 'comment' && rng.chance(0.2));
    const id = ids.next();
    b.comments.push({
      id,
      workspace_id: workspaceId,
      task_id: t.taskId,
      author_user_id: kind === 'system' ? null : rng.pick(authors),
      body: prose(rng, kind === 'system' ? 60 : rng.int(40, 320)),
      visibility: internal ? 'internal' : 'all',
      kind,
      created_at: new Date(
        start + Math.floor((span * (k + rng.next())) / Math.max(1, n)),
      ).toISOString(),
    });
    if (kind === 'comment' && rng.chance(0.05)) {
      b.comment_mentions.push({
        comment_id: id,
        workspace_id: workspaceId,
        user_id: t.client.strategist,
      });
    }
  }
}

function workflow(
  w: World,
  b: Batch,
  t: {
    taskId: string;
    stage: number;
    roundsUsed: number;
    qaFails: number;
    draftDue: string;
    finalDue: string;
    contractorUser: string;
    strategist: string;
    currency: string;
  },
): void {
  const { rng, ids, workspaceId } = w;
  if (t.stage < STAGE.internal_review) return;
  const at = (d: string) => instantOn(rng, notAfter(d, AS_OF));
  const versions = 1 + t.roundsUsed + (t.stage >= STAGE.qa ? 1 : 0);
  for (let v = 1; v <= versions; v++) {
    b.deliverable_versions.push({
      id: ids.next(),
      workspace_id: workspaceId,
      task_id: t.taskId,
      number: v,
      note: prose(rng, 60),
      links_json: JSON.stringify([
        { url: `https://drive.example.com/${t.taskId}/v${v}`, label: `Version ${v}` },
      ]),
      submitted_by: t.contractorUser,
      submitted_at: at(v === 1 ? t.draftDue : t.finalDue),
    });
  }
  if (t.stage >= STAGE.revision) {
    b.reviews.push({
      id: ids.next(),
      workspace_id: workspaceId,
      task_id: t.taskId,
      kind: 'scrub',
      result: 'pass',
      checklist_json: '[]',
      reasons: null,
      note: prose(rng, 50),
      deliverable_version: 1,
      reviewer_id: t.strategist,
      created_at: at(addDays(t.draftDue, 1)),
    });
  }
  for (let r = 1; r <= t.roundsUsed; r++) {
    const requestId = ids.next();
    const roundId = ids.next();
    const billable = r > 1 && rng.chance(0.5) ? 1 : 0;
    b.revision_requests.push({
      id: requestId,
      workspace_id: workspaceId,
      task_id: t.taskId,
      round_id: roundId,
      round_number: r,
      counts: 1,
      strategist_tweak: 0,
      status: 'active',
      deliverable_version: r,
      affected_due_date: t.finalDue,
      notice_business_days: rng.int(2, 6),
      late: rng.chance(0.05) ? 1 : 0,
      override_reason: null,
      override_by: null,
      moved_due_date_to: null,
      created_by: t.strategist,
      created_at: at(addDays(t.draftDue, 1 + r)),
    });
    for (let k = 0; k < rng.int(1, 3); k++) {
      b.revision_items.push({
        id: ids.next(),
        workspace_id: workspaceId,
        request_id: requestId,
        sort: k,
        what: prose(rng, 60),
        why: prose(rng, 60),
        client_feedback_raw: rng.chance(0.5) ? prose(rng, 80) : null,
        scrubbed_text: prose(rng, 70),
      });
    }
    b.revision_rounds.push({
      id: roundId,
      workspace_id: workspaceId,
      task_id: t.taskId,
      number: r,
      source: 'revision_request',
      request_id: requestId,
      review_id: null,
      needs_approval: r > 1 ? 1 : 0,
      approval_status: r > 1 ? (billable ? 'approved_billable' : 'rejected') : 'not_needed',
      billable,
      amount_minor: billable ? 5000 : 0,
      currency: t.currency,
      decided_by: r > 1 ? w.users.coordinator : null,
      decided_at: r > 1 ? at(addDays(t.draftDue, 2 + r)) : null,
      reason: null,
      created_at: at(addDays(t.draftDue, 1 + r)),
    });
  }
  if (t.stage >= STAGE.ready) {
    for (let f = 0; f < t.qaFails; f++) {
      b.reviews.push({
        id: ids.next(),
        workspace_id: workspaceId,
        task_id: t.taskId,
        kind: 'qa',
        result: 'fail',
        checklist_json: '[]',
        reasons: prose(rng, 60),
        note: null,
        deliverable_version: versions - 1,
        reviewer_id: w.users.qa,
        created_at: at(t.finalDue),
      });
    }
    b.reviews.push({
      id: ids.next(),
      workspace_id: workspaceId,
      task_id: t.taskId,
      kind: 'qa',
      result: 'pass',
      checklist_json: '[]',
      reasons: null,
      note: null,
      deliverable_version: versions,
      reviewer_id: w.users.qa,
      created_at: at(addDays(t.finalDue, 1)),
    });
  }
}

/** Requests waiting for triage (the coordinator's queue), due next month. */
function triageQueue(w: World, b: Batch): void {
  const { rng, ids, workspaceId } = w;
  const n = Math.max(3, Math.round(w.size.tasks / 300));
  for (let i = 0; i < n; i++) {
    const client = rng.pick(w.clients);
    const due = businessDayIn(rng, '2027-01');
    const id = ids.next();
    b.requests.push({
      id,
      workspace_id: workspaceId,
      client_id: client.id,
      month: '2027-01',
      due_date: due,
      collateral_ready: 1,
      preferred_contractor_id: null,
      notes: prose(rng, 80),
      status: 'submitted',
      lead_days: daysBetween(AS_OF, due),
      lead_status: 'ok',
      lead_message: '',
      override_reason: null,
      override_by: null,
      override_at: null,
      decline_reason: null,
      idempotency_key: null,
      submitted_by: client.strategist,
      submitted_at: instantOn(rng, addDays(AS_OF, -rng.int(0, 6))),
      assigned_at: null,
      task_id: null,
      version: 1,
    });
    b.request_items.push({
      id: ids.next(),
      workspace_id: workspaceId,
      request_id: id,
      deliverable_type_id: rng.pick(w.types).id,
      quantity: rng.int(1, 6),
    });
  }
}
