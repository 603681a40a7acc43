import { sql } from 'kysely';
import type { ProcessHealthReport } from '../../../contracts/reports';
import { addCalendarDays } from '../../../domain/calendar';
import { normalizeOneSheeter, oneSheeterCompleteness } from '../../../domain/one-sheeter';
import { mondayOf } from '../../../domain/weekly-updates';
import type { Executor } from '../../db';
import { notFound } from '../../errors';
import { listMissingWeeklyUpdates } from '../weekly-updates';
import { average, dayRangeInstants, median, num, round1, share } from './math';

/**
 * R32 process health: lead time of requests (R11), notice of revisions (R22), feedback with the
 * why (R19), request-to-assignment time, one-sheeter completeness (R4) and missing weekly
 * updates (R25). Days are the UTC calendar day of the instant recorded.
 */

export interface HealthScope {
  workspaceId: string;
  from: string;
  to: string;
  today: string;
  /** The workspace's zone: "submitted on the 31st" means the 31st there. */
  timeZone: string;
  clientId?: string;
}

/** The range's days in the workspace's zone, as stored instants. */
const daysOf = (s: HealthScope) => dayRangeInstants(s.from, s.to, s.timeZone);

async function requestLead(db: Executor, s: HealthScope) {
  let q = db
    .selectFrom('requests')
    .select([
      (eb) => eb.fn.countAll<number>().as('total'),
      sql<number>`sum(case when lead_days >= 14 then 1 else 0 end)`.as('lead14'),
      sql<number>`sum(case when lead_days >= 7 and lead_days < 14 then 1 else 0 end)`.as('lead7'),
      sql<number>`sum(case when lead_days < 7 then 1 else 0 end)`.as('under7'),
      sql<number>`sum(case when override_at is not null then 1 else 0 end)`.as('overrides'),
    ])
    .where('workspace_id', '=', s.workspaceId)
    .where('submitted_at', '>=', daysOf(s).start)
    .where('submitted_at', '<', daysOf(s).end);
  if (s.clientId) q = q.where('client_id', '=', s.clientId);
  return q.executeTakeFirstOrThrow();
}

/** Revision requests (not strategist tweaks) made in range, with at least 3 business days notice. */
async function revisionNotice(db: Executor, s: HealthScope) {
  let q = db
    .selectFrom('revision_requests as r')
    .innerJoin('tasks as t', 't.id', 'r.task_id')
    .select([
      (eb) => eb.fn.countAll<number>().as('total'),
      sql<number>`sum(case when r.notice_business_days >= 3 then 1 else 0 end)`.as('notice'),
      sql<number>`sum(case when r.late = 1 then 1 else 0 end)`.as('late'),
    ])
    .where('r.workspace_id', '=', s.workspaceId)
    .where('r.strategist_tweak', '=', 0)
    .where('r.created_at', '>=', daysOf(s).start)
    .where('r.created_at', '<', daysOf(s).end);
  if (s.clientId) q = q.where('t.client_id', '=', s.clientId);
  return q.executeTakeFirstOrThrow();
}

/** Feedback items of revision requests made in range, and those that say why (R19). */
async function feedbackWhy(db: Executor, s: HealthScope) {
  let q = db
    .selectFrom('revision_items as i')
    .innerJoin('revision_requests as r', 'r.id', 'i.request_id')
    .innerJoin('tasks as t', 't.id', 'r.task_id')
    .select([
      (eb) => eb.fn.countAll<number>().as('total'),
      sql<number>`sum(case when trim(i.why) <> '' then 1 else 0 end)`.as('why'),
    ])
    .where('i.workspace_id', '=', s.workspaceId)
    .where('r.created_at', '>=', daysOf(s).start)
    .where('r.created_at', '<', daysOf(s).end);
  if (s.clientId) q = q.where('t.client_id', '=', s.clientId);
  return q.executeTakeFirstOrThrow();
}

/**
 * Hours from submission to assignment. ISO text instants have no portable SQL difference, so the
 * two columns of the range's assigned requests are read (bounded) and measured here.
 */
async function assignmentHours(db: Executor, s: HealthScope) {
  let q = db
    .selectFrom('requests')
    .select(['submitted_at', 'assigned_at'])
    .where('workspace_id', '=', s.workspaceId)
    .where('assigned_at', 'is not', null)
    .where('submitted_at', '>=', daysOf(s).start)
    .where('submitted_at', '<', daysOf(s).end);
  if (s.clientId) q = q.where('client_id', '=', s.clientId);
  const rows = await q.limit(20000).execute();
  const hours = rows.map(
    (r) => (Date.parse(r.assigned_at ?? r.submitted_at) - Date.parse(r.submitted_at)) / 3_600_000,
  );
  const med = median(hours);
  const avg = average(hours);
  return {
    count: hours.length,
    medianHours: med === null ? null : round1(med),
    avgHours: avg === null ? null : round1(avg),
  };
}

/** Active clients' current one-sheeter versions, judged complete by the R4 rule. */
async function oneSheeters(db: Executor, s: HealthScope) {
  let q = db
    .selectFrom('clients as c')
    .leftJoin('one_sheeters as o', 'o.client_id', 'c.id')
    .leftJoin('one_sheeter_versions as v', (j) =>
      j.onRef('v.client_id', '=', 'c.id').onRef('v.version', '=', 'o.current_version'),
    )
    .select(['c.id', 'c.name', 'v.content_json'])
    .where('c.workspace_id', '=', s.workspaceId)
    .where('c.archived', '=', 0);
  if (s.clientId) q = q.where('c.id', '=', s.clientId);
  const rows = await q.orderBy('c.name_key').limit(2000).execute();
  const judged = rows.map((r) => {
    let raw: unknown = {};
    try {
      raw = r.content_json ? JSON.parse(r.content_json) : {};
    } catch {
      raw = {};
    }
    const c = oneSheeterCompleteness(normalizeOneSheeter(raw));
    return {
      clientId: r.id,
      name: r.name,
      complete: c.complete,
      missing: c.missingRequired.length,
    };
  });
  const incomplete = judged.filter((j) => !j.complete);
  return {
    complete: share(judged.length - incomplete.length, judged.length),
    incomplete: incomplete.map(({ clientId, name, missing }) => ({ clientId, name, missing })),
  };
}

/** Missing weekly updates of the last four finished weeks (R25), newest first. */
async function missingUpdates(db: Executor, s: HealthScope) {
  const monday = mondayOf(s.today);
  const out: ProcessHealthReport['weeklyUpdates'] = [];
  for (let k = 0; k < 4; k++) {
    const today = k === 0 ? s.today : addCalendarDays(monday, -7 * k);
    const week = await listMissingWeeklyUpdates(db, { workspaceId: s.workspaceId, today });
    out.push({
      weekStart: week.weekStart,
      missing: week.missing.map((m) => ({ contractorId: m.contractorId, name: m.name })),
    });
  }
  return out;
}

export async function processHealthReport(
  db: Executor,
  s: HealthScope,
): Promise<ProcessHealthReport> {
  if (s.clientId) {
    const client = await db
      .selectFrom('clients')
      .select('id')
      .where('workspace_id', '=', s.workspaceId)
      .where('id', '=', s.clientId)
      .executeTakeFirst();
    if (!client) throw notFound('Client');
  }
  const [lead, notice, why, assign, sheets, weekly] = await Promise.all([
    requestLead(db, s),
    revisionNotice(db, s),
    feedbackWhy(db, s),
    assignmentHours(db, s),
    oneSheeters(db, s),
    missingUpdates(db, s),
  ]);
  const total = num(lead.total);
  return {
    from: s.from,
    to: s.to,
    requests: {
      total,
      lead14Plus: share(num(lead.lead14), total),
      lead7to13: share(num(lead.lead7), total),
      leadUnder7: share(num(lead.under7), total),
      overrides: share(num(lead.overrides), total),
    },
    revisions: { withNotice: share(num(notice.notice), num(notice.total)), late: num(notice.late) },
    feedbackWithWhy: share(num(why.why), num(why.total)),
    requestToAssignment: assign,
    oneSheeters: sheets,
    weeklyUpdates: weekly,
  };
}
