import { useQuery } from '@tanstack/react-query';
import { ChevronLeft, ChevronRight } from 'lucide-react';
import type { z } from 'zod';
import type { CalendarResponse } from '../../../contracts/tasks';
import { Button, cx, ErrorNotice, PageHeader, Spinner } from '../../components/ui';
import { api } from '../../lib/api';
import { todayIn } from '../../lib/format';
import { useMe } from '../../lib/session';
import { useUrlState } from '../../lib/url-state';
import { TaskPanel } from '../tasks/TaskPanel';

type Cal = z.infer<typeof CalendarResponse>;
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ms = (d: string) => Date.parse(`${d}T00:00:00Z`);
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Due dates by month, with contractors' time away shaded on the days it covers (R8). */
export function CalendarPage() {
  const me = useMe();
  const today = todayIn(me.data?.current?.workspaceTimeZone ?? 'UTC');
  const [view, setView] = useUrlState('view', 'month');
  const [anchor, setAnchor] = useUrlState('day', today);
  const [openTask, setOpenTask] = useUrlState('task');
  const weekly = view === 'week';
  const month = anchor.slice(0, 7);
  const first = ms(`${month}-01`);
  const mondayOf = (t: number) => t - ((new Date(t).getUTCDay() + 6) % 7) * DAY;
  const gridStart = weekly ? mondayOf(ms(anchor)) : mondayOf(first);
  const days = Array.from({ length: weekly ? 7 : 42 }, (_, i) => iso(gridStart + i * DAY));
  const from = days[0];
  const to = days[days.length - 1];
  const q = useQuery({
    queryKey: ['calendar', from, to],
    queryFn: () => api<Cal>(`/api/calendar?from=${from}&to=${to}`),
  });
  const shift = (delta: number) => {
    if (weekly) return setAnchor(iso(ms(anchor) + delta * 7 * DAY));
    const d = new Date(first);
    d.setUTCMonth(d.getUTCMonth() + delta);
    setAnchor(iso(d.getTime()));
  };
  const fmt = (d: string, opts: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('en-GB', { ...opts, timeZone: 'UTC' }).format(new Date(ms(d)));
  const label = weekly
    ? `${fmt(from, { day: 'numeric', month: 'short' })} – ${fmt(to, { day: 'numeric', month: 'short', year: 'numeric' })}`
    : fmt(`${month}-01`, { month: 'long', year: 'numeric' });
  const perCell = weekly ? 50 : 4;

  return (
    <>
      <PageHeader title="Calendar" subtitle="Subtask due dates and contractor time away">
        <Button
          size="sm"
          variant="ghost"
          onClick={() => shift(-1)}
          aria-label={weekly ? 'Previous week' : 'Previous month'}
        >
          <ChevronLeft size={16} />
        </Button>
        <span className="w-36 text-center text-sm font-medium">{label}</span>
        <Button
          size="sm"
          variant="ghost"
          onClick={() => shift(1)}
          aria-label={weekly ? 'Next week' : 'Next month'}
        >
          <ChevronRight size={16} />
        </Button>
        <Button size="sm" onClick={() => setAnchor(today)}>
          Today
        </Button>
        <label className="sr-only" htmlFor="calendar-view">
          View
        </label>
        <select
          id="calendar-view"
          value={view}
          onChange={(e) => setView(e.target.value)}
          className="h-7 rounded-md border border-line bg-panel px-2 text-sm"
        >
          <option value="month">Month</option>
          <option value="week">Week</option>
        </select>
      </PageHeader>
      {q.isPending ? (
        <div className="p-5">
          <Spinner label="Loading calendar" />
        </div>
      ) : q.isError ? (
        <ErrorNotice error={q.error} />
      ) : (
        <table className="w-full table-fixed border-collapse">
          <caption className="sr-only">{label}</caption>
          <thead>
            <tr>
              {WEEKDAYS.map((d) => (
                <th
                  key={d}
                  scope="col"
                  className="border border-line bg-sunken px-2 py-1 text-left text-xs font-normal text-muted"
                >
                  {d}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {(weekly ? [0] : [0, 1, 2, 3, 4, 5]).map((week) => (
              <tr key={week}>
                {days.slice(week * 7, week * 7 + 7).map((d) => {
                  const dueHere = q.data.subtasks.filter((s) => s.dueDate === d);
                  const away = q.data.unavailability.filter((u) => u.start <= d && d <= u.end);
                  const weekend = [0, 6].includes(new Date(ms(d)).getUTCDay());
                  return (
                    <td
                      key={d}
                      className={cx(
                        weekly
                          ? 'h-96 border border-line p-1.5 align-top text-xs'
                          : 'h-28 border border-line p-1.5 align-top text-xs',
                        !weekly && d.slice(0, 7) !== month && 'opacity-50',
                        weekend && 'bg-sunken/60',
                      )}
                    >
                      <div
                        className={cx(
                          'mb-1 font-medium',
                          d === today && 'inline-block rounded bg-accent px-1 text-accent-ink',
                        )}
                      >
                        {Number(d.slice(8))}
                      </div>
                      {away.map((u) => (
                        <div
                          key={u.id}
                          className="mb-0.5 truncate rounded bg-bad/10 px-1 text-bad"
                          title={`${u.contractor.name} away (${u.kind})`}
                        >
                          {u.contractor.name} away
                        </div>
                      ))}
                      {dueHere.slice(0, perCell).map((s) => (
                        <button
                          key={s.id}
                          type="button"
                          onClick={() => setOpenTask(s.taskId)}
                          className={cx(
                            'mb-0.5 block w-full truncate rounded px-1 text-left hover:bg-accent/10',
                            s.status === 'done' ? 'text-muted line-through' : 'text-ink',
                          )}
                          title={`${s.title} — ${s.client.name} (${s.contractor.name})`}
                        >
                          {s.title} · {s.client.name}
                        </button>
                      ))}
                      {dueHere.length > perCell ? (
                        <div className="text-muted">+{dueHere.length - perCell} more</div>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {openTask ? <TaskPanel taskId={openTask} onClose={() => setOpenTask(null)} /> : null}
    </>
  );
}
