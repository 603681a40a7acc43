const DAY_MS = 86_400_000;

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * One formatter per locale and options, made once: building an Intl formatter costs ~0.1 ms, and
 * a month's board or a long list formats a thousand dates.
 */
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

/** Today's calendar date in a time zone, as YYYY-MM-DD. */
export function todayIn(timeZone: string, now = new Date()): string {
  return dateFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

function epochDay(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

/** "in 9 days", "tomorrow", "today", "yesterday", "3 days ago". */
export function relativeDays(date: string, today: string): string {
  const diff = epochDay(date) - epochDay(today);
  if (diff === 0) return 'today';
  if (diff === 1) return 'tomorrow';
  if (diff === -1) return 'yesterday';
  return diff > 0 ? `in ${diff} days` : `${-diff} days ago`;
}

/** A due date the way every screen shows it: "Fri 12 Dec · in 9 days". */
export function formatDue(date: string, timeZone: string, now = new Date()): string {
  const d = new Date(epochDay(date) * DAY_MS);
  const label = dateFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
    ...(d.getUTCFullYear() !== new Date().getUTCFullYear() ? { year: 'numeric' } : {}),
  }).format(d);
  return `${label.replace(',', '')} · ${relativeDays(date, todayIn(timeZone, now))}`;
}

/** An instant in a person's time zone: "Wed 25 Nov, 16:30". */
export function formatInstant(iso: string, timeZone: string): string {
  return dateFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  })
    .format(new Date(iso))
    .replace(',', '');
}

export function formatMoney(minor: number, currency: string): string {
  const fmt = new Intl.NumberFormat('en-US', { style: 'currency', currency });
  const digits = fmt.resolvedOptions().maximumFractionDigits ?? 2;
  return fmt.format(minor / 10 ** digits);
}

/**
 * A due date is the end of a calendar day in the workspace's zone; this says when that is for the
 * viewer ("Sat 5 Dec, 12:59 your time"), so a contractor in Manila knows the real deadline.
 */
export function dueInViewerZone(
  date: string,
  workspaceTimeZone: string,
  viewerTimeZone: string,
): string | null {
  if (workspaceTimeZone === viewerTimeZone) return null;
  const [y, m, d] = date.split('-').map(Number);
  // Find the UTC instant of 23:59 on that day in the workspace zone by correcting a first guess
  // with the zone's offset (twice, so a DST change on that day is handled).
  let guess = Date.UTC(y, m - 1, d, 23, 59);
  for (let i = 0; i < 2; i++)
    guess = Date.UTC(y, m - 1, d, 23, 59) - offsetMs(guess, workspaceTimeZone);
  return `${formatInstant(new Date(guess).toISOString(), viewerTimeZone)} your time`;
}

function offsetMs(instant: number, timeZone: string): number {
  const parts = dateFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(new Date(instant));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return (
    Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute')) -
    Math.floor(instant / 60_000) * 60_000
  );
}
