/** "Mon 23 Nov – Sun 29 Nov 2026" */
export function formatPeriodShort(start: string, end: string): string {
  const fmt = (d: string, year: boolean) =>
    new Intl.DateTimeFormat('en-GB', {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      ...(year ? { year: 'numeric' } : {}),
      timeZone: 'UTC',
    })
      .format(new Date(`${d}T00:00:00Z`))
      .replace(',', '');
  return `${fmt(start, false)} – ${fmt(end, true)}`;
}
