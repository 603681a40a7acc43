import type { ScorecardReport, ScorecardRow } from '../../../contracts/reports';
import type { Executor } from '../../db';
import { notFound } from '../../errors';
import { loadRateEntries, ratesForContractor } from '../rates';
import { num, rate, round1 } from './math';
import * as q from './scorecard-queries';

type Scope = q.ScorecardScope;

type Punctuality = {
  contractor_id: string;
  month: string;
  due: number;
  on_time: number;
  finals: number;
  finals_on_time: number;
};
type Quality = {
  contractor_id: string;
  month: string;
  tasks: number;
  rounds: number;
  qa_reviewed: number;
  qa_first_pass: number;
};
type Cost = { contractor_id: string; amount: number; quantity: number };

/**
 * One source's sums: per contractor and month and per contractor (the report's scope), and per
 * contractor on the bargaining type's tasks (every contractor).
 */
interface Views<F> {
  byMonth: F[];
  total: Map<string, F>;
  typed: Map<string, F>;
}

/** R32: one scorecard per contractor, a monthly trend and the "calculated bargaining" view. */
export async function scorecardReport(db: Executor, s: Scope): Promise<ScorecardReport> {
  const contractors = await q.listContractors(db, s);
  if (s.contractorId && contractors.length === 0) throw notFound('Contractor');
  const items = await q.itemTotals(db, s);
  const type = await q.findDeliverableType(db, s, busiestType(items));
  if (s.deliverableTypeId && !type) throw notFound('Deliverable type');

  // Each source is read once for every contractor: the scorecards, their trend and the
  // bargaining view (which compares all contractors) are sums of the same grouped rows.
  const [subtasks, tasks, escalations, recognition] = await Promise.all([
    q.subtaskPunctuality(db, s, type?.id ?? null),
    q.taskQuality(db, s, type?.id ?? null),
    q.escalationCounts(db, s),
    q.recognitionCounts(db, s),
  ]);
  const P = punctuality(subtasks, s.contractorId);
  const Q = quality(tasks, s.contractorId);
  const by = <T extends { contractor_id: string | null }>(rows: T[]) =>
    new Map(rows.map((r) => [r.contractor_id ?? '', r]));
  const C = by(acceptedCost(items, contractors, s.deliverableTypeId));
  const E = by(escalations);
  const R = by(recognition);
  const rows: ScorecardRow[] = contractors
    .map((c) => {
      const p = P.total.get(c.id);
      const t = Q.total.get(c.id);
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
    trend: trend(P.byMonth, Q.byMonth),
    bargaining: await bargaining(db, s, type ?? null, contractors, P.typed, Q.typed),
  };
}

/** The type with the most task items in the range; ties go to the smallest id. */
function busiestType(items: Awaited<ReturnType<typeof q.itemTotals>>): string | null {
  const counts = new Map<string, number>();
  for (const r of items) {
    counts.set(r.deliverable_type_id, (counts.get(r.deliverable_type_id) ?? 0) + num(r.items));
  }
  let best: string | null = null;
  for (const [id, n] of counts) {
    const top = best === null ? -1 : (counts.get(best) ?? 0);
    if (n > top || (n === top && best !== null && id < best)) best = id;
  }
  return best;
}

/** Accepted work at its item amounts in the contractor's own currency (optionally one type). */
function acceptedCost(
  items: Awaited<ReturnType<typeof q.itemTotals>>,
  contractors: Awaited<ReturnType<typeof q.listContractors>>,
  typeId: string | undefined,
): Cost[] {
  const currency = new Map(contractors.map((c) => [c.id, c.currency]));
  const totals = new Map<string, Cost>();
  for (const r of items) {
    if (currency.get(r.contractor_id) !== r.currency) continue;
    if (typeId && r.deliverable_type_id !== typeId) continue;
    const t = totals.get(r.contractor_id) ?? {
      contractor_id: r.contractor_id,
      amount: 0,
      quantity: 0,
    };
    t.amount += num(r.amount);
    t.quantity += num(r.quantity);
    totals.set(r.contractor_id, t);
  }
  return [...totals.values()];
}

/** The subtask rows summed into the three views (finals are the rows with `final` = 1). */
function punctuality(
  rows: Awaited<ReturnType<typeof q.subtaskPunctuality>>,
  contractorId: string | undefined,
): Views<Punctuality> {
  const zero = (contractor_id: string, month: string): Punctuality => ({
    contractor_id,
    month,
    due: 0,
    on_time: 0,
    finals: 0,
    finals_on_time: 0,
  });
  return sumViews(rows, contractorId, zero, (into, r) => {
    const due = num(r.due);
    const onTime = num(r.on_time);
    into.due += due;
    into.on_time += onTime;
    if (num(r.final) === 1) {
      into.finals += due;
      into.finals_on_time += onTime;
    }
  });
}

/** The task rows summed into the three views (first passes are the reviewed clean tasks). */
function quality(
  rows: Awaited<ReturnType<typeof q.taskQuality>>,
  contractorId: string | undefined,
): Views<Quality> {
  const zero = (contractor_id: string, month: string): Quality => ({
    contractor_id,
    month,
    tasks: 0,
    rounds: 0,
    qa_reviewed: 0,
    qa_first_pass: 0,
  });
  return sumViews(rows, contractorId, zero, (into, r) => {
    const reviewed = num(r.qa_reviewed);
    into.tasks += num(r.tasks);
    into.rounds += num(r.rounds);
    into.qa_reviewed += reviewed;
    if (num(r.clean) === 1) into.qa_first_pass += reviewed;
  });
}

function sumViews<R extends { contractor_id: string; month: string; typed: unknown }, F>(
  rows: R[],
  contractorId: string | undefined,
  zero: (contractorId: string, month: string) => F,
  add: (into: F, row: R) => void,
): Views<F> {
  const byMonth = new Map<string, F>();
  const total = new Map<string, F>();
  const typed = new Map<string, F>();
  const into = (sums: Map<string, F>, key: string, c: string, month: string) => {
    let f = sums.get(key);
    if (!f) {
      f = zero(c, month);
      sums.set(key, f);
    }
    return f;
  };
  for (const r of rows) {
    const c = r.contractor_id;
    if (num(r.typed) === 1) add(into(typed, c, c, ''), r);
    if (contractorId && c !== contractorId) continue;
    add(into(byMonth, `${c}|${r.month}`, c, r.month), r);
    add(into(total, c, c, ''), r);
  }
  return { byMonth: [...byMonth.values()], total, typed };
}

function trend(punctual: Punctuality[], quality: Quality[]): ScorecardReport['trend'] {
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
  P: Map<string, Punctuality>,
  Q: Map<string, Quality>,
): Promise<ScorecardReport['bargaining']> {
  if (!type) return { deliverableType: null, asOf: s.today, rows: [] };
  const all = s.contractorId ? await q.listContractors(db, { workspaceId: s.workspaceId }) : scoped;
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
