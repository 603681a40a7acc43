import { addCalendarDays, calendarDaysBetween } from '../../../domain/calendar';
import { formatDayMonth } from '../../../domain/format';
import { mondayOf } from '../../../domain/weekly-updates';

/** Week labels of the weekly-update screens (R25); weeks run Monday to Sunday. */

export { addCalendarDays, mondayOf };

/** "Mon 16 Nov – Sun 22 Nov" */
export function weekRange(weekStart: string): string {
  return `${formatDayMonth(weekStart)} – ${formatDayMonth(addCalendarDays(weekStart, 6))}`;
}

/** "this week", "last week", "3 weeks ago", "next week". */
export function weekDistance(weekStart: string, today: string): string {
  const weeks = Math.round(calendarDaysBetween(mondayOf(today), weekStart) / 7);
  if (weeks === 0) return 'this week';
  if (weeks === -1) return 'last week';
  if (weeks === 1) return 'next week';
  return weeks < 0 ? `${-weeks} weeks ago` : `in ${weeks} weeks`;
}
