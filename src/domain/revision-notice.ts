/**
 * R15/R22 revision notice: a revision request must leave the contractor at least 3 business days
 * before the due date it affects; later than that, the due date moves or a coordinator overrides.
 */
import { addBusinessDays, businessDaysBetween, type IsoDate, type WorkCalendar } from './calendar';
import { formatDayMonthNear } from './format';

export interface RevisionNoticeInput {
  requestedOn: IsoDate;
  affectedDueDate: IsoDate;
  calendar: WorkCalendar;
  /** Business days of notice required (default 3; never below 3, per R15). */
  minBusinessDays?: number;
}

export interface RevisionNoticeVerdict {
  status: 'ok' | 'late';
  /** Business days strictly after the request up to and including the due date (<= 0 if past). */
  noticeBusinessDays: number;
  rule: 'R22';
  message: string;
  /** The first due date that would give enough notice for a request made on `requestedOn`. */
  earliestCompliantDueDate: IsoDate;
}

export const MIN_REVISION_NOTICE_BUSINESS_DAYS = 3;

function businessDays(n: number): string {
  return n === 1 ? '1 business day' : `${n} business days`;
}

/** Judges whether a revision request gives enough notice before the due date it affects. */
export function revisionNoticeVerdict(input: RevisionNoticeInput): RevisionNoticeVerdict {
  const asked = input.minBusinessDays ?? MIN_REVISION_NOTICE_BUSINESS_DAYS;
  if (!Number.isInteger(asked)) {
    throw new RangeError(`minBusinessDays must be a whole number, got ${asked}`);
  }
  // A workspace may ask for more notice than R15, never less.
  const min = Math.max(MIN_REVISION_NOTICE_BUSINESS_DAYS, asked);
  const { requestedOn, affectedDueDate, calendar } = input;
  // businessDaysBetween answers -0 for the same day; 0 is what callers and JSON expect.
  const notice = businessDaysBetween(requestedOn, affectedDueDate, calendar) || 0;
  const earliest = addBusinessDays(requestedOn, min, calendar);
  // Years appear only when a date is in another year than the request (Dec → Jan).
  const fmt = (date: IsoDate) => formatDayMonthNear(date, requestedOn);
  const due = fmt(affectedDueDate);
  const askedOn = fmt(requestedOn);
  const base = {
    noticeBusinessDays: notice,
    rule: 'R22' as const,
    earliestCompliantDueDate: earliest,
  };

  if (notice >= min) {
    return {
      ...base,
      status: 'ok',
      message:
        `A revision requested ${askedOn} leaves ${businessDays(notice)} before the due date ` +
        `${due}: enough notice.`,
    };
  }
  const fix =
    `Move the due date to ${fmt(earliest)} or later, or have a coordinator ` +
    'override with a reason.';
  const isPast = affectedDueDate < requestedOn;
  const problem = isPast
    ? `The due date ${due} had already passed when the revision was requested (${askedOn})`
    : `A revision requested ${askedOn} leaves only ${businessDays(Math.max(notice, 0))} ` +
      `before the due date ${due}`;
  return {
    ...base,
    status: 'late',
    message: `${problem}: revisions need at least ${businessDays(min)}' notice. ${fix}`,
  };
}
