import { calendarDayIn, type IsoDate } from '../../../domain/calendar';
import { type LeadTimeVerdict, leadTimeVerdict } from '../../../domain/lead-time';
import { priceLine, rateInForce } from '../../../domain/rates';
import { RuleViolation } from '../../../domain/rule-violation';
import type { Actor } from '../../auth/access';
import type { Executor } from '../../db';
import { AppError } from '../../errors';
import { loadRateEntries, workspaceCurrency } from '../rates';
import { findWorkspace } from '../workspaces/queries';
import * as q from './queries';

/** The parts of intake shared by submitting and editing a request (R10, R11). */

export const OVERRIDERS = ['coordinator', 'admin'] as const;

export function mayOverrideLeadTime(role: Actor['role']): boolean {
  return (OVERRIDERS as readonly string[]).includes(role);
}

export interface ItemInput {
  deliverableTypeId: string;
  quantity: number;
}

export type TypeRow = Awaited<ReturnType<typeof q.findDeliverableTypes>>[number];

/** The items' deliverable types: each from this workspace's rate card, not archived, listed once. */
export async function loadItemTypes(
  db: Executor,
  workspaceId: string,
  items: readonly ItemInput[],
): Promise<TypeRow[]> {
  const ids = items.map((i) => i.deliverableTypeId);
  const fields: Record<string, string> = {};
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) fields[`body.items.${i}.deliverableTypeId`] = 'Listed twice';
  });
  const rows = await q.findDeliverableTypes(db, { workspaceId, ids: [...new Set(ids)] });
  const byId = new Map(rows.map((r) => [r.id, r]));
  ids.forEach((id, i) => {
    const row = byId.get(id);
    if (!row)
      fields[`body.items.${i}.deliverableTypeId`] = 'Not a deliverable type of this rate card';
    else if (row.archived === 1)
      fields[`body.items.${i}.deliverableTypeId`] = `${row.name} is archived`;
  });
  if (Object.keys(fields).length > 0) {
    throw new AppError(
      'VALIDATION',
      'Check the deliverables: pick each type once from the rate card',
      {
        fields,
      },
    );
  }
  return ids.map((id) => byId.get(id)!);
}

/** R11: the verdict for a due date given `now`, on the workspace's calendar (and that zone). */
export async function judgeLeadTime(
  db: Executor,
  workspaceId: string,
  input: { dueDate: IsoDate; types: readonly TypeRow[]; now: Date },
): Promise<LeadTimeVerdict & { timeZone: string }> {
  const ws = await findWorkspace(db, workspaceId);
  const timeZone = ws?.time_zone ?? 'UTC';
  const verdict = leadTimeVerdict({
    submittedAt: input.now,
    dueDate: input.dueDate,
    timeZone,
    includesContentCalendar: input.types.some((t) => t.is_content_calendar === 1),
  });
  return { ...verdict, timeZone };
}

/**
 * R11: accepts the verdict, or throws. Too little notice is refused unless a coordinator (or
 * admin) gives a reason; a due date already past cannot be overridden at all.
 */
export function acceptLeadTime(
  actor: Pick<Actor, 'role'>,
  verdict: LeadTimeVerdict,
  overrideReason: string | undefined,
): { overrideReason: string | null } {
  if (verdict.status !== 'refused') return { overrideReason: null };
  const details = { leadDays: verdict.leadDays, overridable: verdict.needsOverride };
  if (!verdict.needsOverride) throw new RuleViolation('R11', verdict.message, details);
  if (!overrideReason) throw new RuleViolation('R11', verdict.message, details);
  if (!mayOverrideLeadTime(actor.role)) {
    throw new AppError(
      'FORBIDDEN',
      'R11: only a coordinator can override R11; submit with a later due date or ask a coordinator',
      { rule: 'R11', details },
    );
  }
  return { overrideReason };
}

export interface Estimate {
  perItem: (number | null)[];
  totalMinor: number;
  incomplete: boolean;
  currency: string;
}

/** Cost at the department default rates in force on `date` (contractor rates come at assignment). */
export async function estimateAtDefaults(
  db: Executor,
  workspaceId: string,
  items: readonly { deliverable_type_id: string; quantity: number }[],
  date: IsoDate,
): Promise<Estimate> {
  const entries = await loadRateEntries(db, {
    workspaceId,
    deliverableTypeIds: [...new Set(items.map((i) => i.deliverable_type_id))],
  });
  const defaults = entries.filter((e) => e.contractorId === null);
  let currency: string | null = null;
  const perItem = items.map((i) => {
    // No entry has an empty contractor id, so this finds the department default only.
    const rate = rateInForce(defaults, {
      contractorId: '',
      deliverableTypeId: i.deliverable_type_id,
      date,
    });
    if (!rate) return null;
    currency ??= rate.currency;
    return priceLine(rate, i.quantity);
  });
  return {
    perItem,
    totalMinor: perItem.reduce<number>((sum, v) => sum + (v ?? 0), 0),
    incomplete: perItem.some((v) => v === null),
    currency: currency ?? (await workspaceCurrency(db, workspaceId)),
  };
}

/** Today in the workspace time zone for `now`. */
export async function workspaceDay(db: Executor, workspaceId: string, now: Date): Promise<IsoDate> {
  const ws = await findWorkspace(db, workspaceId);
  return calendarDayIn(now, ws?.time_zone ?? 'UTC');
}
