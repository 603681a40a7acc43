import type { z } from 'zod';
import type { Suggestion, SuggestionList } from '../../../contracts/requests';
import { addCalendarDays, type IsoDate } from '../../../domain/calendar';
import { priceLine, type RateEntry, rateInForce } from '../../../domain/rates';
import {
  clipToWindow,
  coveredTypeCount,
  rankSuggestions,
  type SuggestionCandidate,
  weekStartOf,
} from '../../../domain/suggestions';
import type { Actor } from '../../auth/access';
import type { Executor } from '../../db';
import { loadRateEntries, workspaceCurrency } from '../rates';
import {
  loadPlanningContext,
  loadRequestForPlanning,
  planHorizon,
  planWindow,
  planWith,
  type RequestForPlanning,
} from './planning';
import * as sq from './suggest-queries';

/** R13: contractors ranked for a request, each with reasons and a plan preview. */

function parseSkills(json: string): string[] {
  try {
    const raw: unknown = JSON.parse(json);
    return Array.isArray(raw) ? raw.filter((s): s is string => typeof s === 'string') : [];
  } catch {
    return [];
  }
}

/** The whole request at one contractor's rates in force on `date`; null if a type has none. */
function requestPrice(
  entries: readonly RateEntry[],
  contractorId: string,
  request: RequestForPlanning,
  date: IsoDate,
): { minor: number; currency: string } | null {
  let minor = 0;
  let currency: string | null = null;
  for (const item of request.items) {
    const rate = rateInForce(entries, {
      contractorId,
      deliverableTypeId: item.deliverable_type_id,
      date,
    });
    if (!rate || (currency !== null && rate.currency !== currency)) return null;
    currency = rate.currency;
    minor += priceLine(rate, item.quantity);
  }
  return currency === null ? null : { minor, currency };
}

/**
 * Capacity is counted in the week the first draft is due on a plan without time away or brand
 * training: the same week for every candidate, so their loads compare.
 */
function capacityWeek(ctx: Parameters<typeof planWith>[0], request: RequestForPlanning) {
  const nominal = planWith(ctx, request, { unavailable: [], firstPairing: false });
  const draft = nominal.subtasks.find((s) => s.kind === 'draft');
  const start = weekStartOf(draft?.dueDate ?? request.row.due_date);
  return { start, end: addCalendarDays(start, 6) };
}

export async function suggestContractors(
  db: Executor,
  actor: Actor,
  requestId: string,
  now: Date,
): Promise<z.infer<typeof SuggestionList>> {
  const workspaceId = actor.workspaceId;
  const ctx = await loadPlanningContext(db, workspaceId, now);
  const request = await loadRequestForPlanning(db, workspaceId, requestId);
  const { row } = request;
  const window = planWindow(ctx, row.due_date);
  const contractors = await sq.assignableContractors(db, { workspaceId });
  const ids = contractors.map((c) => c.id);
  const away = await sq.unavailabilityOf(db, {
    workspaceId,
    contractorIds: ids,
    from: ctx.today,
    to: planHorizon(ctx, row.due_date),
  });
  const paired = await sq.pairedContractorIds(db, { workspaceId, clientId: row.client_id });
  const week = capacityWeek(ctx, request);
  const load = await sq.loadInWeek(db, {
    workspaceId,
    contractorIds: ids,
    from: week.start,
    to: week.end,
  });
  const performance = await sq.performanceOf(db, { workspaceId, contractorIds: ids });
  const typeIds = [...new Set(request.items.map((i) => i.deliverable_type_id))];
  const entries = await loadRateEntries(db, { workspaceId, deliverableTypeIds: typeIds });
  const currency = await workspaceCurrency(db, workspaceId);

  const details = new Map<string, Omit<Suggestion, 'rank' | 'score' | 'reasons' | 'skills'>>();
  const candidates: SuggestionCandidate[] = contractors.map((c) => {
    const ranges = away
      .filter((a) => a.contractor_id === c.id)
      .map((a) => ({ start: a.start_date, end: a.end_date }));
    const plan = planWith(ctx, request, { unavailable: ranges, firstPairing: !paired.has(c.id) });
    const price = requestPrice(entries, c.id, request, ctx.today);
    const weekly = c.weekly_capacity;
    const unit = c.capacity_unit === 'items' ? 'items' : 'hours';
    const perf = performance.get(c.id) ?? { qaFirstPassRate: null, onTimeRate: null };
    const candidate: SuggestionCandidate = {
      id: c.id,
      name: c.name,
      trial: c.status === 'trial',
      coveredTypes: coveredTypeCount(parseSkills(c.skills_json), typeIds),
      awayInWindow: clipToWindow(ranges, window),
      capacity: { weekly, left: Math.max(0, weekly - (load.get(c.id) ?? 0)), unit },
      rateMinor: price?.minor ?? null,
      ...perf,
      workedWithClient: paired.has(c.id),
      preferred: row.preferred_contractor_id === c.id,
      plan: {
        feasible: plan.feasible,
        earliestFeasibleDueDate: plan.feasible ? null : plan.earliestFeasibleDueDate,
      },
    };
    details.set(c.id, {
      contractor: {
        id: c.id,
        name: c.name,
        status: c.status === 'trial' ? 'trial' : 'active',
        timeZone: c.time_zone,
      },
      coveredTypes: candidate.coveredTypes,
      requestedTypes: typeIds.length,
      freeInWindow: candidate.awayInWindow.length === 0,
      awayInWindow: [...candidate.awayInWindow],
      capacity: { weekStart: week.start, ...candidate.capacity },
      rateMinor: candidate.rateMinor,
      currency: price?.currency ?? currency,
      ...perf,
      workedWithClient: candidate.workedWithClient,
      preferred: candidate.preferred,
      trial: candidate.trial,
      plan: plan.feasible
        ? { feasible: true, earliestFeasibleDueDate: null, reason: null, warnings: plan.warnings }
        : {
            feasible: false,
            earliestFeasibleDueDate: plan.earliestFeasibleDueDate,
            reason: plan.reason,
            warnings: [],
          },
    });
    return candidate;
  });
  const demand = request.items.reduce((n, i) => n + i.quantity, 0);
  const ranked = rankSuggestions(candidates, { requestedTypes: typeIds.length, demand, currency });
  return {
    requestId,
    window,
    items: ranked.map(({ id, ...r }) => ({ ...details.get(id)!, ...r })),
  };
}
