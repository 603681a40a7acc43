/**
 * R11 lead time: how much notice a task request gives before its due date.
 *
 * Days are counted on the workspace's calendar, not in hours: a request submitted at 23:30 on
 * Monday in Los Angeles is a Monday request even though it is already Tuesday in UTC.
 */
import { calendarDayIn, calendarDaysBetween, type IsoDate, isTimeZone } from './calendar';
import { formatDayMonthNear } from './format';

export interface LeadTimeInput {
  submittedAt: Date;
  dueDate: IsoDate;
  /** The workspace's IANA time zone; the submission's calendar day is taken there. */
  timeZone: string;
  includesContentCalendar: boolean;
  /** Below this many calendar days the request is refused (default 7). */
  minDays?: number;
  /** Below this many calendar days the request is accepted with a warning (default 14). */
  preferredDays?: number;
  /** Calendar days of production a content calendar needs (default 14). */
  calendarProductionDays?: number;
}

export interface LeadTimeVerdict {
  status: 'ok' | 'warning' | 'refused';
  /** Calendar days from the submission day (workspace time zone) to the due date. */
  leadDays: number;
  rule: 'R11';
  message: string;
  /** True when a coordinator may still accept the request with a written reason. */
  needsOverride: boolean;
}

export const DEFAULT_MIN_LEAD_DAYS = 7;
export const DEFAULT_PREFERRED_LEAD_DAYS = 14;
export const DEFAULT_CALENDAR_PRODUCTION_DAYS = 14;

const OVERRIDE = 'A coordinator can override with a reason.';

function checkDays(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`${what} must be a whole number of days, got ${value}`);
  }
  return value;
}

function daysAway(days: number): string {
  return days === 1 ? 'tomorrow' : `${days} days away`;
}

/** Judges a request's notice against R11 (7 days minimum, 14 preferred, 14 for calendars). */
export function leadTimeVerdict(input: LeadTimeInput): LeadTimeVerdict {
  if (!isTimeZone(input.timeZone)) {
    throw new RangeError(`Not an IANA time zone: ${input.timeZone}`);
  }
  if (Number.isNaN(input.submittedAt.getTime())) {
    throw new RangeError('submittedAt is not a valid instant');
  }
  const minDays = checkDays(input.minDays ?? DEFAULT_MIN_LEAD_DAYS, 'minDays');
  const preferredDays = checkDays(
    input.preferredDays ?? DEFAULT_PREFERRED_LEAD_DAYS,
    'preferredDays',
  );
  const calendarDays = checkDays(
    input.calendarProductionDays ?? DEFAULT_CALENDAR_PRODUCTION_DAYS,
    'calendarProductionDays',
  );

  const submittedOn = calendarDayIn(input.submittedAt, input.timeZone);
  const leadDays = calendarDaysBetween(submittedOn, input.dueDate);
  // The year only matters to the reader when the due date is in a different one (Dec → Jan).
  const due = formatDayMonthNear(input.dueDate, submittedOn);
  const verdict = (
    status: LeadTimeVerdict['status'],
    message: string,
    needsOverride: boolean,
  ): LeadTimeVerdict => ({ status, leadDays, rule: 'R11', message, needsOverride });

  // No reason makes a past due date workable, so this is not overridable: the date must change.
  if (leadDays <= 0) {
    const when = leadDays === 0 ? 'is today' : 'has already passed';
    return verdict(
      'refused',
      `Due ${due} ${when}: choose a due date at least ${minDays} calendar days away.`,
      false,
    );
  }

  const tooShort = leadDays < minDays;
  const calendarTooShort = input.includesContentCalendar && leadDays < calendarDays;
  if (tooShort && calendarTooShort) {
    return verdict(
      'refused',
      `Due ${due} is ${daysAway(leadDays)}: requests need at least ${minDays} calendar days' ` +
        `notice, and content calendars need ${calendarDays} days of production. ${OVERRIDE}`,
      true,
    );
  }
  if (tooShort) {
    return verdict(
      'refused',
      `Due ${due} is ${daysAway(leadDays)}: requests need at least ${minDays} calendar days' ` +
        `notice. ${OVERRIDE}`,
      true,
    );
  }
  if (calendarTooShort) {
    return verdict(
      'refused',
      `Due ${due} is ${daysAway(leadDays)}: content calendars need ${calendarDays} days of ` +
        `production. ${OVERRIDE}`,
      true,
    );
  }
  if (leadDays < preferredDays) {
    return verdict(
      'warning',
      `Due ${due} is ${daysAway(leadDays)}: accepted, but ${preferredDays} days' notice is ` +
        'preferred.',
      false,
    );
  }
  return verdict('ok', `Due ${due} is ${daysAway(leadDays)}: enough notice.`, false);
}
