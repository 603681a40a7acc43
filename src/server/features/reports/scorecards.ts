import type { ScorecardReport, ScorecardRow } from '../../../contracts/reports';
import type { Executor } from '../../db';
import { notFound } from '../../errors';
import { loadRateEntries, ratesForContractor } from '../rates';
import { num, rate, round1 } from './math';
import * as q from './scorecard-queries';

type Scope = q.ScorecardScope;

/** R32: one scorecard per contractor, a monthly trend and the "calculated bargaining" view. */
export async function scorecardReport(db: Executor, s: Scope): Promise<ScorecardReport> {
  const contractors = await q.listContractors(db, s);
  if (s.contractorId && contractors.length === 0) throw notFound('Contractor');
  const type = await q.findDeliverableType(db, s);
  if (s.deliverableTypeId && !type) throw notFound('Deliverable type');

  // The monthly figures are read once: the trend shows them and the totals are their sums.
  const [punctualByMonth, qualityByMonth, cost, escalations, recognition] = await Promise.all([
    q.subtaskPunctuality(db, s, true),
    q.taskQuality(db, s, true),
    q.acceptedCost(db, s),
    q.escalationCounts(db, s),
    q.recognitionCounts(db, s),
  ]);
  const by = <T extends { contractor_id: string | null }>(rows: T[]) =>
    new Map(rows.map((r) => [r.contractor_id ?? '', r]));
  const P = by(sumByContractor(punctualByMonth));
  const Q = by(sumByContractor(qualityByMonth));
  const C = by(cost);
  const E = by(escalations);
  const R = by(recognition);

  const rows: ScorecardRow[] = contractors
    .map((c) => {
      const p = P.get(c.id);
      const t = Q.get(c.id);
      const k = C.get(c.id);
      const r = R.get(c.id);
      const tasks = num(t?.tasks);
      const qaReviewed = num(t?.qa_reviewed);
      const qaFirstPass = num(t?.qa_first_pass);
      const acceptedQuantity = num(k?.quantity);
      const acceptedAmountMinor = num(k?.amount);
      return {
        contractorId: c.id,
        name: c.name,
        currency: c.currency,
        subtasksDue: num(p?.due),
        subtasksOnTime: num(p?.on_time),
        onTimeRate: rate(num(p?.on_time), num(p?.due)),
        finalsDue: num(p?.finals),
        finalsOnTime: num(p?.finals_on_time),
        finalOnTimeRate: rate(num(p?.finals_on_time), num(p?.finals)),
        tasks,
        avgRevisionRounds: tasks > 0 ? round1(num(t?.rounds) / tasks) : null,
        qaReviewed,
        qaFirstPass,
        qaFirstPassRate: rate(qaFirstPass, qaReviewed),
        escalations: num(E.get(c.id)?.n),
        kudos: num(r?.kudos),
        feedback: num(r?.feedback),
        acceptedQuantity,
        acceptedAmountMinor,
        costPerAcceptedMinor:
          acceptedQuantity > 0 ? Math.round(acceptedAmountMinor / acceptedQuantity) : null,
      };
    })
    .filter(
      (r) =>
        s.contractorId ||
        r.subtasksDue + r.tasks + r.escalations + r.kudos + r.feedback > 0 ||
        contractors.find((c) => c.id === r.contractorId)?.status === 'active',
    );

  return {
    from: s.from,
    to: s.to,
    rows,
    trend: trend(punctualByMonth, qualityByMonth),
    bargaining: await bargaining(db, s, type ?? null, contractors),
  };
}

/** Per contractor, the sum of each numeric figure over the months. */
function sumByContractor<T extends { contractor_id: string; month: string }>(rows: T[]): T[] {
  const totals = new Map<string, T>();
  for (const row of rows) {
    const seen = totals.get(row.contractor_id);
    if (!seen) {
      totals.set(row.contractor_id, { ...row, month: '' });
      continue;
    }
    const sum = seen as Record<string, unknown>;
    for (const [key, value] of Object.entries(row)) {
      if (key !== 'contractor_id' && key !== 'month') sum[key] = num(sum[key]) + num(value);
    }
  }
  return [...totals.values()];
}

function trend(
  punctual: Awaited<ReturnType<typeof q.subtaskPunctuality>>,
  quality: Awaited<ReturnType<typeof q.taskQuality>>,
): ScorecardReport['trend'] {
  const points = new Map<string, ScorecardReport['trend'][number]>();
  const point = (contractorId: string, month: string) => {
    const key = `${contractorId}|${month}`;
    let p = points.get(key);
    if (!p) {
      p = {
        contractorId,
        month,
        onTimeRate: null,
        qaFirstPassRate: null,
        avgRevisionRounds: null,
        tasks: 0,
      };
      points.set(key, p);
    }
    return p;
  };
  for (const r of punctual)
    point(r.contractor_id, r.month).onTimeRate = rate(num(r.on_time), num(r.due));
  for (const r of quality) {
    const p = point(r.contractor_id, r.month);
    p.tasks = num(r.tasks);
    p.qaFirstPassRate = rate(num(r.qa_first_pass), num(r.qa_reviewed));
    p.avgRevisionRounds = p.tasks > 0 ? round1(num(r.rounds) / p.tasks) : null;
  }
  return [...points.values()].sort(
    (a, b) => a.month.localeCompare(b.month) || a.contractorId.localeCompare(b.contractorId),
  );
}

/**
 * "Calculated bargaining": every contractor who offers (or delivered) one deliverable type, with
 * the rate in force today against QA first pass and on-time rate on that type's tasks.
 */
async function bargaining(
  db: Executor,
  s: Scope,
  type: { id: string; name: string; unit: string } | null,
  scoped: Awaited<ReturnType<typeof q.listContractors>>,
): Promise<ScorecardReport['bargaining']> {
  if (!type) return { deliverableType: null, asOf: s.today, rows: [] };
  const ts: Scope = { ...s, contractorId: undefined, deliverableTypeId: type.id };
  const all = s.contractorId ? await q.listContractors(db, { workspaceId: s.workspaceId }) : scoped;
  const [punctual, quality] = await Promise.all([
    q.subtaskPunctuality(db, ts, false),
    q.taskQuality(db, ts, false),
  ]);
  const P = new Map(punctual.map((r) => [r.contractor_id, r]));
  const Q = new Map(quality.map((r) => [r.contractor_id, r]));
  const skilled = (json: string) => {
    try {
      return (JSON.parse(json) as unknown[]).includes(type.id);
    } catch {
      return false;
    }
  };
  const candidates = all.filter(
    (c) => Q.has(c.id) || (c.status === 'active' && skilled(c.skills_json)),
  );
  const entries = await loadRateEntries(db, {
    workspaceId: s.workspaceId,
    deliverableTypeIds: [type.id],
    contractorIds: candidates.map((c) => c.id),
  });
  return {
    deliverableType: type,
    asOf: s.today,
    rows: candidates.map((c) => {
      const inForce = ratesForContractor(entries, c.id, type.id, s.today).inForce;
      const p = P.get(c.id);
      const t = Q.get(c.id);
      return {
        contractorId: c.id,
        name: c.name,
        rateMinor: inForce?.amountMinor ?? null,
        currency: inForce?.currency ?? null,
        rateSource: inForce?.source ?? null,
        qaFirstPassRate: rate(num(t?.qa_first_pass), num(t?.qa_reviewed)),
        onTimeRate: rate(num(p?.on_time), num(p?.due)),
        tasks: num(t?.tasks),
      };
    }),
  };
}
