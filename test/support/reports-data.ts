import { addCalendarDays } from '../../src/domain/calendar';
import { emptyOneSheeter } from '../../src/domain/one-sheeter';
import { lastWeekStart, mondayOf } from '../../src/domain/weekly-updates';
import type { Executor } from '../../src/server/db';

/**
 * A small fixed data set for the R32 report tests, in a fresh workspace, March–April 2025 (far
 * from the demo data). Every expected figure in test/reports.test.ts is computed by hand from it.
 */

const T = '2025-01-01T00:00:00.000Z';
let seq = 0;
const id = (p: string) => `${p}-${++seq}-${Math.random().toString(36).slice(2, 8)}`;

export interface ReportData {
  reel: string;
  carousel: string;
  ana: string;
  ben: string;
  acme: string;
  bolt: string;
  cora: string;
  nextWeek: string;
  lastWeek: string;
}

export async function seedReportData(
  db: Executor,
  ws: string,
  userId: string,
  today: string,
): Promise<ReportData> {
  const type = async (name: string) => {
    const tid = id('type');
    await db
      .insertInto('deliverable_types')
      .values({
        id: tid,
        workspace_id: ws,
        name,
        group_name: 'organic',
        unit: 'item',
        default_production_days: 2,
        qa_checklist_json: '[]',
        is_content_calendar: 0,
        archived: 0,
        sort: seq,
        version: 1,
        created_at: T,
      })
      .execute();
    return tid;
  };
  const reel = await type('Reel');
  const carousel = await type('Carousel');

  const contractor = async (name: string, capacity: number, skills: string[]) => {
    const cid = id('con');
    await db
      .insertInto('contractors')
      .values({
        id: cid,
        workspace_id: ws,
        user_id: null,
        name,
        email: `${name.toLowerCase()}@reports.test`,
        time_zone: 'UTC',
        country: 'US',
        skills_json: JSON.stringify(skills),
        weekly_capacity: capacity,
        capacity_unit: 'items',
        portfolio_links_json: '[]',
        included_revision_rounds: 2,
        payment_terms: 'net 30',
        currency: 'USD',
        status: 'active',
        scorecard_json: '{}',
        trial_outcome: '',
        notes: '',
        version: 1,
        created_at: T,
        updated_at: T,
      })
      .execute();
    return cid;
  };
  const ana = await contractor('Ana', 10, [reel]);
  const ben = await contractor('Ben', 4, [reel, carousel]);

  const rate = (type: string, con: string | null, amount: number, from: string) =>
    db
      .insertInto('rates')
      .values({
        id: id('rate'),
        workspace_id: ws,
        deliverable_type_id: type,
        contractor_id: con,
        amount_minor: amount,
        currency: 'USD',
        effective_from: from,
        note: '',
        created_by: null,
        created_at: T,
      })
      .execute();
  await rate(reel, null, 9000, '2024-01-01');
  await rate(reel, ana, 10000, '2024-06-01');

  const client = async (name: string, content: unknown) => {
    const cid = id('cli');
    await db
      .insertInto('clients')
      .values({
        id: cid,
        workspace_id: ws,
        name,
        name_key: name.toLowerCase(),
        strategist_user_id: null,
        company_category: 'core',
        department_tier: 1,
        typical_revision_rounds: 2,
        collateral_ready: 1,
        fit_status: 'fit',
        contacts_json: '[]',
        notes: '',
        archived: 0,
        fit_override_reason: null,
        fit_override_by: null,
        fit_override_at: null,
        version: 1,
        created_at: T,
        updated_at: T,
        slack_webhook_url: null,
      })
      .execute();
    if (content) {
      await db
        .insertInto('one_sheeters')
        .values({
          client_id: cid,
          workspace_id: ws,
          current_version: 1,
          updated_at: T,
          updated_by: null,
        })
        .execute();
      await db
        .insertInto('one_sheeter_versions')
        .values({
          id: id('osv'),
          workspace_id: ws,
          client_id: cid,
          version: 1,
          content_json: JSON.stringify(content),
          author_user_id: null,
          created_at: T,
        })
        .execute();
    }
    return cid;
  };
  const full = {
    ...emptyOneSheeter(),
    brandVoice: 'Warm',
    audience: 'Runners',
    productsServices: 'Shoes',
    goals: 'Sales',
    dosAndDonts: 'No puns',
    visualIdentityLinks: ['https://example.com/brand'],
    contentPillars: ['Race day'],
    communityManagement: {
      customerServiceInquiries: 'DM',
      positiveComments: 'Thank',
      negativeComments: 'Escalate',
      escalationContact: 'Kim',
    },
  };
  const acme = await client('Acme', full);
  const bolt = await client('+Bolt', { ...emptyOneSheeter(), brandVoice: 'Loud' });
  const cora = await client('Cora', null);

  const request = async (
    clientId: string,
    leadDays: number,
    submitted: string,
    assigned: string | null,
    override = false,
  ) => {
    const rid = id('req');
    await db
      .insertInto('requests')
      .values({
        id: rid,
        workspace_id: ws,
        client_id: clientId,
        month: submitted.slice(0, 7),
        due_date: addCalendarDays(submitted.slice(0, 10), leadDays),
        collateral_ready: 1,
        preferred_contractor_id: null,
        notes: '',
        status: assigned ? 'assigned' : 'submitted',
        lead_days: leadDays,
        lead_status: leadDays >= 7 ? 'ok' : 'refused',
        lead_message: '',
        override_reason: override ? 'Launch' : null,
        override_by: override ? userId : null,
        override_at: override ? submitted : null,
        decline_reason: null,
        idempotency_key: null,
        submitted_by: userId,
        submitted_at: submitted,
        assigned_at: assigned,
        task_id: null,
        version: 1,
      })
      .execute();
    return rid;
  };
  await request(acme, 20, '2025-03-01T10:00:00.000Z', '2025-03-01T14:00:00.000Z');
  await request(acme, 14, '2025-03-02T09:00:00.000Z', '2025-03-03T09:00:00.000Z');
  await request(acme, 10, '2025-03-03T08:00:00.000Z', '2025-03-03T10:00:00.000Z');
  await request(acme, 5, '2025-03-04T00:00:00.000Z', null, true);
  await request(bolt, 8, '2025-03-05T00:00:00.000Z', '2025-03-05T10:00:00.000Z');
  await request(acme, 3, '2025-05-01T00:00:00.000Z', '2025-05-02T00:00:00.000Z');

  const task = async (
    con: string,
    cli: string,
    due: string,
    status: string,
    rounds: number,
    qaFails: number,
    items: { type: string; qty: number; unit: number }[],
  ) => {
    const tid = id('task');
    // Each task has its own request, submitted long before the ranges the tests read.
    const rid = await request(cli, 30, '2024-12-01T00:00:00.000Z', '2024-12-01T01:00:00.000Z');
    const committed = items.reduce((s, i) => s + i.qty * i.unit, 0);
    await db
      .insertInto('tasks')
      .values({
        id: tid,
        workspace_id: ws,
        request_id: rid,
        client_id: cli,
        contractor_id: con,
        strategist_user_id: userId,
        title: `Task ${due}`,
        status,
        due_date: due,
        month: due.slice(0, 7),
        brief_acknowledged_at: null,
        brief_version: null,
        included_rounds: 2,
        rounds_used: rounds,
        qa_fail_count: qaFails,
        committed_minor: committed,
        currency: 'USD',
        created_at: T,
        updated_at: T,
        version: 1,
      })
      .execute();
    const itemIds: string[] = [];
    for (const i of items) {
      const iid = id('item');
      itemIds.push(iid);
      await db
        .insertInto('task_items')
        .values({
          id: iid,
          workspace_id: ws,
          task_id: tid,
          deliverable_type_id: i.type,
          quantity: i.qty,
          unit: 'item',
          unit_amount_minor: i.unit,
          currency: 'USD',
          rate_source: 'default',
          rate_effective_from: '2024-01-01',
          amount_minor: i.qty * i.unit,
        })
        .execute();
    }
    return { id: tid, items: itemIds };
  };
  const ta1 = await task(ana, acme, '2025-03-10', 'closed', 1, 0, [
    { type: reel, qty: 2, unit: 10000 },
  ]);
  const ta2 = await task(ana, acme, '2025-03-20', 'ready', 2, 1, [
    { type: reel, qty: 1, unit: 10000 },
  ]);
  const ta3 = await task(ana, bolt, '2025-03-25', 'in_production', 0, 0, [
    { type: carousel, qty: 3, unit: 5000 },
  ]);
  const ta4 = await task(ana, acme, '2025-03-28', 'cancelled', 5, 3, [
    { type: reel, qty: 9, unit: 10000 },
  ]);
  const tb1 = await task(ben, bolt, '2025-03-15', 'closed', 1, 0, [
    { type: reel, qty: 4, unit: 8000 },
  ]);
  const tb2 = await task(ben, acme, '2025-04-10', 'ready', 0, 0, [
    { type: reel, qty: 1, unit: 8000 },
  ]);
  const nextWeek = addCalendarDays(mondayOf(today), 7);
  await task(ben, cora, addCalendarDays(nextWeek, 2), 'scheduled', 0, 0, [
    { type: reel, qty: 5, unit: 8000 },
  ]);

  const sub = (
    taskId: string,
    kind: string,
    due: string,
    done: string | null,
    role = 'contractor',
  ) =>
    db
      .insertInto('subtasks')
      .values({
        id: id('sub'),
        workspace_id: ws,
        task_id: taskId,
        kind,
        title: kind,
        assignee_role: role,
        assignee_user_id: null,
        start_date: due,
        due_date: due,
        status: done ? 'done' : 'todo',
        completed_at: done,
        completed_by: null,
        sort: seq,
      })
      .execute();
  await sub(ta1.id, 'draft', '2025-03-05', '2025-03-05T23:00:00.000Z');
  await sub(ta1.id, 'scrub', '2025-03-07', null, 'strategist');
  await sub(ta1.id, 'final', '2025-03-10', '2025-03-10T12:00:00.000Z');
  await sub(ta2.id, 'draft', '2025-03-12', '2025-03-13T01:00:00.000Z');
  await sub(ta2.id, 'final', '2025-03-20', '2025-03-20T09:00:00.000Z');
  await sub(ta3.id, 'draft', '2025-03-22', null);
  await sub(ta3.id, 'final', '2025-03-25', null);
  await sub(ta4.id, 'draft', '2025-03-26', '2025-03-29T00:00:00.000Z');
  await sub(tb1.id, 'draft', '2025-03-10', '2025-03-09T10:00:00.000Z');
  await sub(tb1.id, 'final', '2025-03-15', '2025-03-16T10:00:00.000Z');

  const review = (taskId: string, result: string, at: string) =>
    db
      .insertInto('reviews')
      .values({
        id: id('rev'),
        workspace_id: ws,
        task_id: taskId,
        kind: 'qa',
        result,
        checklist_json: '[]',
        reasons: null,
        note: null,
        deliverable_version: 1,
        reviewer_id: userId,
        created_at: at,
      })
      .execute();
  await review(ta1.id, 'pass', '2025-03-09T10:00:00.000Z');
  await review(ta2.id, 'fail', '2025-03-18T10:00:00.000Z');
  await review(ta2.id, 'pass', '2025-03-19T10:00:00.000Z');
  await review(tb1.id, 'pass', '2025-03-14T10:00:00.000Z');
  await review(tb2.id, 'pass', '2025-04-09T10:00:00.000Z');

  return {
    reel,
    carousel,
    ana,
    ben,
    acme,
    bolt,
    cora,
    nextWeek,
    lastWeek: lastWeekStart(today),
    ...(await more(db, ws, userId, { ana, ben, acme, bolt, ta1, ta2, tb1, tb2, today })),
  } as ReportData;
}

async function more(
  db: Executor,
  ws: string,
  userId: string,
  d: {
    ana: string;
    ben: string;
    acme: string;
    bolt: string;
    ta1: { id: string; items: string[] };
    ta2: { id: string; items: string[] };
    tb1: { id: string; items: string[] };
    tb2: { id: string; items: string[] };
    today: string;
  },
) {
  const esc = (con: string | null, taskId: string | null, at: string) =>
    db
      .insertInto('escalations')
      .values({
        id: id('esc'),
        workspace_id: ws,
        task_id: taskId,
        contractor_id: con,
        category: 'other',
        severity: 'low',
        description: 'x',
        status: 'open',
        opened_by: userId,
        opened_at: at,
        acknowledged_by: null,
        acknowledged_at: null,
        resolved_by: null,
        resolved_at: null,
        resolution_notes: null,
        version: 1,
      })
      .execute();
  await esc(d.ana, null, '2025-03-11T10:00:00.000Z');
  await esc(null, d.ta2.id, '2025-03-21T10:00:00.000Z');
  await esc(d.ben, null, '2025-06-01T10:00:00.000Z');

  const rec = (con: string, kind: string, at: string) =>
    db
      .insertInto('recognitions')
      .values({
        id: id('rec'),
        workspace_id: ws,
        contractor_id: con,
        task_id: null,
        kind,
        body: 'x',
        author_id: userId,
        created_at: at,
      })
      .execute();
  await rec(d.ana, 'kudos', '2025-03-12T10:00:00.000Z');
  await rec(d.ana, 'kudos', '2025-03-18T10:00:00.000Z');
  await rec(d.ana, 'feedback', '2025-03-19T10:00:00.000Z');
  await rec(d.ben, 'kudos', '2025-03-02T10:00:00.000Z');
  await rec(d.ben, 'kudos', '2025-05-01T10:00:00.000Z');

  const revision = async (
    taskId: string,
    at: string,
    notice: number,
    tweak: boolean,
    whys: string[],
  ) => {
    const rid = id('rr');
    await db
      .insertInto('revision_requests')
      .values({
        id: rid,
        workspace_id: ws,
        task_id: taskId,
        round_id: null,
        round_number: null,
        counts: tweak ? 0 : 1,
        strategist_tweak: tweak ? 1 : 0,
        status: tweak ? 'tweak' : 'active',
        deliverable_version: 1,
        affected_due_date: '2025-03-20',
        notice_business_days: notice,
        late: notice < 3 ? 1 : 0,
        override_reason: null,
        override_by: null,
        moved_due_date_to: null,
        created_by: userId,
        created_at: at,
      })
      .execute();
    let sort = 0;
    for (const why of whys) {
      await db
        .insertInto('revision_items')
        .values({
          id: id('ri'),
          workspace_id: ws,
          request_id: rid,
          sort: sort++,
          what: 'Change',
          why,
          client_feedback_raw: null,
          scrubbed_text: null,
        })
        .execute();
    }
  };
  await revision(d.ta1.id, '2025-03-08T10:00:00.000Z', 5, false, ['Off brand', 'Too long']);
  await revision(d.ta2.id, '2025-03-16T10:00:00.000Z', 1, false, ['Wrong product']);
  await revision(d.ta2.id, '2025-03-17T10:00:00.000Z', 0, true, ['Typo']);

  await db
    .insertInto('revision_rounds')
    .values({
      id: id('round'),
      workspace_id: ws,
      task_id: d.ta2.id,
      number: 3,
      source: 'revision_request',
      request_id: null,
      review_id: null,
      needs_approval: 1,
      approval_status: 'approved_billable',
      billable: 1,
      amount_minor: 2500,
      currency: 'USD',
      decided_by: userId,
      decided_at: T,
      reason: null,
      created_at: T,
    })
    .execute();

  const invoice = async (
    con: string,
    status: string,
    lines: { task: string; src: string; type: string; amount: number }[],
  ) => {
    const iid = id('inv');
    const total = lines.reduce((s, l) => s + l.amount, 0);
    await db
      .insertInto('invoices')
      .values({
        id: iid,
        workspace_id: ws,
        contractor_id: con,
        number: null,
        period_start: '2025-03-01',
        period_end: '2025-04-30',
        currency: 'USD',
        status,
        reject_reason: null,
        subtotal_minor: total,
        total_minor: total,
        submitted_at: null,
        approved_by: null,
        approved_at: null,
        paid_at: null,
        payment_reference: null,
        created_by: userId,
        created_at: T,
        updated_at: T,
        version: 1,
      })
      .execute();
    let sort = 0;
    for (const l of lines) {
      await db
        .insertInto('invoice_lines')
        .values({
          id: id('line'),
          workspace_id: ws,
          invoice_id: iid,
          kind: l.type === 'revision_round' ? 'revision_round' : 'item',
          description: 'x',
          quantity: 1,
          unit_amount_minor: l.amount,
          amount_minor: l.amount,
          source_type: l.type,
          source_id: l.src,
          task_id: l.task,
          reason: null,
          added_by: null,
          sort: sort++,
          created_at: T,
        })
        .execute();
    }
  };
  await invoice(d.ana, 'approved', [
    { task: d.ta1.id, src: d.ta1.items[0], type: 'task_item', amount: 20000 },
    { task: d.ta2.id, src: 'round-x', type: 'revision_round', amount: 2500 },
  ]);
  await invoice(d.ben, 'draft', [
    { task: d.tb1.id, src: d.tb1.items[0], type: 'task_item', amount: 32000 },
  ]);
  await invoice(d.ben, 'paid', [
    { task: d.tb2.id, src: d.tb2.items[0], type: 'task_item', amount: 8000 },
  ]);

  const budget = (cli: string, month: string, planned: number) =>
    db
      .insertInto('budgets')
      .values({
        id: id('bud'),
        workspace_id: ws,
        client_id: cli,
        month,
        planned_minor: planned,
        emergency_max_minor: 0,
        currency: 'USD',
        updated_by: null,
        created_at: T,
        updated_at: T,
        version: 1,
      })
      .execute();
  await budget(d.acme, '2025-03', 40000);
  await budget(d.bolt, '2025-03', 30000);
  await budget(d.acme, '2025-04', 10000);

  await db
    .insertInto('unavailability')
    .values({
      id: id('off'),
      workspace_id: ws,
      contractor_id: d.ben,
      start_date: '2025-03-13',
      end_date: '2025-03-14',
      kind: 'time_off',
      note: '',
      created_by: null,
      created_at: T,
    })
    .execute();
  await db
    .insertInto('weekly_updates')
    .values({
      id: id('wu'),
      workspace_id: ws,
      contractor_id: d.ana,
      week_start: lastWeekStart(d.today),
      progress: 'ok',
      blockers: '',
      availability_changes: '',
      submitted_at: new Date().toISOString(),
      submitted_by: userId,
      updated_at: new Date().toISOString(),
    })
    .execute();
  return {};
}
