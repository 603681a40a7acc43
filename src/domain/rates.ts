/**
 * Rate card (R7): department defaults per deliverable type and negotiated rates per contractor,
 * each with history. Work is priced at the rate in force on the date it was assigned.
 */

import type { IsoDate } from './calendar';
import { assertMinor, roundHalfAwayFromZero } from './money';

export type RateUnit = 'item' | 'hour' | 'calendar';

export interface RateEntry {
  deliverableTypeId: string;
  /** null = the department default for the deliverable type. */
  contractorId: string | null;
  amountMinor: number;
  currency: string;
  unit: RateUnit;
  effectiveFrom: IsoDate;
}

export interface RateInForce extends RateEntry {
  source: 'negotiated' | 'default';
}

export interface RateQuery {
  contractorId: string;
  deliverableTypeId: string;
  date: IsoDate;
}

// Latest effectiveFrom on or before `date`; `>=` lets a later array entry win a same-day tie,
// because entries are stored in the order they were recorded.
function latestInForce(entries: readonly RateEntry[], date: IsoDate): RateEntry | null {
  let best: RateEntry | null = null;
  for (const e of entries) {
    if (e.effectiveFrom > date) continue;
    if (best === null || e.effectiveFrom >= best.effectiveFrom) best = e;
  }
  return best;
}

/** R7: the contractor's negotiated rate in force on `date`, else the default, else null. */
export function rateInForce(entries: readonly RateEntry[], q: RateQuery): RateInForce | null {
  const ofType = entries.filter((e) => e.deliverableTypeId === q.deliverableTypeId);
  const negotiated = latestInForce(
    ofType.filter((e) => e.contractorId === q.contractorId),
    q.date,
  );
  if (negotiated) return { ...negotiated, source: 'negotiated' };
  const fallback = latestInForce(
    ofType.filter((e) => e.contractorId === null),
    q.date,
  );
  return fallback ? { ...fallback, source: 'default' } : null;
}

/** R7: price of `quantity` units (hours may be fractional) in minor units, half away from zero. */
export function priceLine(rate: RateInForce, quantity: number): number {
  assertMinor(rate.amountMinor, 'rate');
  if (!Number.isFinite(quantity) || quantity < 0) {
    throw new RangeError(`A quantity must be a finite number of zero or more, got ${quantity}`);
  }
  return roundHalfAwayFromZero(rate.amountMinor * quantity);
}
