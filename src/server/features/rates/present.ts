import type { DeliverableType, RateAmount, RateRow } from '../../../contracts/rates';
import type { RateEntry, RateUnit } from '../../../domain/rates';
import type { DeliverableTypeRow, RateRowWithUnit } from './queries';

/** Row → API shape of a deliverable type. */
export function presentDeliverableType(row: DeliverableTypeRow): DeliverableType {
  return {
    id: row.id,
    name: row.name,
    group: row.group_name === 'influencer' ? 'influencer' : 'organic',
    unit: asUnit(row.unit),
    defaultProductionDays: row.default_production_days,
    qaChecklist: parseStringArray(row.qa_checklist_json),
    isContentCalendar: row.is_content_calendar === 1,
    archived: row.archived === 1,
    sort: row.sort,
    version: row.version,
  };
}

/** Row → API shape of one recorded rate; `forContractor` hides the agency's internal notes. */
export function presentRateRow(row: RateRowWithUnit, forContractor = false): RateRow {
  return {
    id: row.id,
    deliverableTypeId: row.deliverable_type_id,
    contractorId: row.contractor_id,
    amountMinor: row.amount_minor,
    currency: row.currency,
    effectiveFrom: row.effective_from,
    note: forContractor ? '' : row.note,
    createdAt: row.created_at,
    createdByName: forContractor ? null : (row.created_by_name ?? null),
  };
}

export function toRateEntry(row: RateRowWithUnit): RateEntry {
  return {
    deliverableTypeId: row.deliverable_type_id,
    contractorId: row.contractor_id,
    amountMinor: row.amount_minor,
    currency: row.currency,
    unit: asUnit(row.unit),
    effectiveFrom: row.effective_from,
  };
}

export function toRateAmount(
  entry: { amountMinor: number; currency: string; effectiveFrom: string } | null,
): RateAmount | null {
  return entry
    ? {
        amountMinor: entry.amountMinor,
        currency: entry.currency,
        effectiveFrom: entry.effectiveFrom,
      }
    : null;
}

export function asUnit(unit: string): RateUnit {
  return unit === 'hour' || unit === 'calendar' ? unit : 'item';
}

export function parseStringArray(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
