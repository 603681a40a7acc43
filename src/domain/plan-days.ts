/**
 * Business-day and contractor-availability arithmetic on epoch days (integers), for the planner.
 *
 * The planner walks day by day, up to hundreds of times per request, so weekends, holidays and
 * unavailability become array and Set lookups once instead of ISO-date parsing on every step.
 */
import { toEpochDay, type WorkCalendar } from './calendar';

/** Epoch day 0 (1970-01-01) was a Thursday. */
export function weekdayOfEpoch(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export type EpochRange = [start: number, end: number];

/** Business-day and availability arithmetic over epoch days, built once per planning call. */
export class PlanDays {
  private readonly weekend: boolean[] = new Array<boolean>(7).fill(false);
  private readonly holidays = new Set<number>();
  private readonly away = new Set<number>();

  constructor(
    cal: WorkCalendar,
    readonly awayRanges: readonly EpochRange[],
    lo: number,
    hi: number,
  ) {
    for (const d of cal.weekendDays) this.weekend[d] = true;
    // Without a single working weekday every backward walk would loop forever.
    if (this.weekend.every(Boolean)) throw new RangeError('A work calendar needs a working day');
    for (const h of cal.holidays) this.holidays.add(toEpochDay(h));
    // Only days the plan can use matter: earlier ones make the plan infeasible anyway, and
    // treating them as available keeps the walk into the past short.
    for (const [s, e] of awayRanges) {
      for (let d = Math.max(s, lo); d <= Math.min(e, hi); d++) this.away.add(d);
    }
  }

  /** Not a weekend day and not a workspace holiday. */
  isBusiness(day: number): boolean {
    return !this.weekend[weekdayOfEpoch(day)] && !this.holidays.has(day);
  }

  /** A business day on which the contractor is not away. */
  isAvailable(day: number): boolean {
    return this.isBusiness(day) && !this.away.has(day);
  }

  /** `count` business days before `day` (`day` itself not counted; 0 returns `day`). */
  back(day: number, count: number): number {
    let d = day;
    for (let left = count; left > 0; ) if (this.isBusiness(--d)) left--;
    return d;
  }

  /** The nearest business day on or before `day`. */
  onOrBeforeBusiness(day: number): number {
    let d = day;
    while (!this.isBusiness(d)) d--;
    return d;
  }

  /** The nearest day on or before `day` the contractor can work. */
  onOrBeforeAvailable(day: number): number {
    let d = day;
    while (!this.isAvailable(d)) d--;
    return d;
  }

  /** Business days in [from, to], both included. */
  countBusiness(from: number, to: number): number {
    let n = 0;
    for (let d = from; d <= to; d++) if (this.isBusiness(d)) n++;
    return n;
  }

  /** Holidays in [from, to] that fall on working weekdays, in order. */
  holidaysIn(from: number, to: number): number[] {
    const found: number[] = [];
    for (const h of this.holidays) {
      if (h >= from && h <= to && !this.weekend[weekdayOfEpoch(h)]) found.push(h);
    }
    return found.sort((a, b) => a - b);
  }
}
