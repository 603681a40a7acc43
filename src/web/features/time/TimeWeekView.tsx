import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ChevronLeft, ChevronRight, Clock } from 'lucide-react';
import type { TimeWeek } from '../../../contracts/money';
import { Button, EmptyState, ErrorNotice, Select, Spinner } from '../../components/ui';
import { api } from '../../lib/api';
import { useUrlState } from '../../lib/url-state';
import { formatPeriodShort } from './dates';
import { TimeLogItem } from './TimeLogItem';
import { WeekLoad } from './WeekLoad';

const addDays = (iso: string, n: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/** R28: a week of time, Monday to Sunday, with each contractor's total against capacity. */
export function TimeWeekView() {
  const qc = useQueryClient();
  const [week, setWeek] = useUrlState('week');
  const [status, setStatus] = useUrlState('timeStatus');
  const params = new URLSearchParams();
  if (week) params.set('week', week);
  if (status) params.set('status', status);
  const q = useQuery({
    queryKey: ['time-week', week, status],
    queryFn: () => api<TimeWeek>(`/api/time-logs?${params}`),
    placeholderData: (prev) => prev,
  });
  const changed = () => qc.invalidateQueries({ queryKey: ['time-week'] });
  return (
    <div className="flex flex-col gap-3 p-4">
      <div className="flex flex-wrap items-center gap-2">
        <Button
          size="sm"
          aria-label="Previous week"
          onClick={() => q.data && setWeek(addDays(q.data.weekStart, -7))}
        >
          <ChevronLeft size={14} />
        </Button>
        <span className="text-sm font-medium">
          {q.data ? formatPeriodShort(q.data.weekStart, q.data.weekEnd) : '…'}
        </span>
        <Button
          size="sm"
          aria-label="Next week"
          onClick={() => q.data && setWeek(addDays(q.data.weekStart, 7))}
        >
          <ChevronRight size={14} />
        </Button>
        {week ? (
          <Button size="sm" variant="ghost" onClick={() => setWeek(null)}>
            This week
          </Button>
        ) : null}
        <label className="sr-only" htmlFor="time-status">
          Status
        </label>
        <div className="ml-auto w-44">
          <Select id="time-status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">Any status</option>
            <option value="pending">Waiting for review</option>
            <option value="approved">Approved</option>
            <option value="rejected">Rejected</option>
          </Select>
        </div>
      </div>
      {q.isPending ? (
        <Spinner label="Loading time" />
      ) : q.isError ? (
        <ErrorNotice error={q.error} />
      ) : (
        <>
          {q.data.totals.length ? (
            <div className="flex flex-col gap-1.5 rounded-md border border-line p-3">
              {q.data.totals.map((t) => (
                <WeekLoad key={t.contractor.id} total={t} />
              ))}
            </div>
          ) : null}
          {q.data.items.length ? (
            <ul
              className="divide-y divide-line rounded-md border border-line"
              aria-label="Time entries this week"
            >
              {q.data.items.map((l) => (
                <TimeLogItem key={l.id} log={l} onChanged={changed} showTask />
              ))}
            </ul>
          ) : (
            <EmptyState icon={<Clock size={24} />} title="No time this week">
              Hourly work (community management, outreach) is logged on its task; approved time is
              billed on the contractor’s invoice.
            </EmptyState>
          )}
        </>
      )}
    </div>
  );
}
