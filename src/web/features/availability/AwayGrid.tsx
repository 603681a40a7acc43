import { useQuery } from '@tanstack/react-query';
import { CalendarOff } from 'lucide-react';
import { Fragment } from 'react';
import type { z } from 'zod';
import type { TeamAvailability } from '../../../contracts/contractors';
import { cx, EmptyState, ErrorNotice, Spinner } from '../../components/ui';
import { api } from '../../lib/api';
import { todayIn } from '../../lib/format';
import { useMe } from '../../lib/session';
import { StatusBadge, useSetSearch } from '../contractors/shared';
import { addDays, formatDay, formatRange, isWeekend, mondayOf } from './dates';
import { KIND_LABEL } from './UnavailabilityManager';

type Team = z.infer<typeof TeamAvailability>;
type Range = Team['items'][number]['ranges'][number];

const WEEKS = 6;
const KIND_FILL: Record<Range['kind'], string> = {
  time_off: 'bg-warn/35',
  travel: 'bg-accent/35',
  other: 'bg-muted/35',
};

/** R8 "Who's away": active, trial and paused contractors × the next six weeks, one cell a day. */
export function AwayGrid() {
  const me = useMe();
  const setSearch = useSetSearch();
  const today = todayIn(me.data?.current?.timeZone ?? 'UTC');
  const from = mondayOf(today);
  const to = addDays(from, WEEKS * 7 - 1);
  const days = Array.from({ length: WEEKS * 7 }, (_, i) => addDays(from, i));
  const q = useQuery({
    queryKey: ['team-availability', from, to],
    queryFn: () => api<Team>(`/api/availability?from=${from}&to=${to}`),
  });

  if (q.isPending)
    return (
      <div className="p-5">
        <Spinner label="Loading who's away" />
      </div>
    );
  if (q.isError) return <ErrorNotice error={q.error} />;
  if (q.data.items.length === 0)
    return (
      <EmptyState icon={<CalendarOff size={24} />} title="Nobody to plan yet">
        Contractors show up here once they reach the trial stage. Their time away is recorded on
        their Availability tab, or by themselves in the contractor portal.
      </EmptyState>
    );
  const awayCount = q.data.items.filter((i) => i.ranges.length > 0).length;

  return (
    <div className="flex flex-col gap-3 p-5">
      <div className="flex flex-wrap items-center gap-4 text-xs text-muted">
        <span>
          {formatRange(from, to)} · {awayCount} of {q.data.items.length} away at some point
        </span>
        {(Object.keys(KIND_FILL) as Range['kind'][]).map((k) => (
          <span key={k} className="flex items-center gap-1">
            <span className={cx('inline-block size-3 rounded-sm', KIND_FILL[k])} />
            {KIND_LABEL[k]}
          </span>
        ))}
        <span className="flex items-center gap-1">
          <span className="inline-block size-3 rounded-sm bg-sunken" /> Weekend
        </span>
        <span className="flex items-center gap-1">
          <span className="inline-block size-3 rounded-sm border-2 border-accent" /> Today
        </span>
      </div>
      <div className="overflow-x-auto rounded-md border border-line">
        <table className="w-full table-fixed border-collapse text-xs">
          <caption className="sr-only">
            Days away per contractor from {formatDay(from)} to {formatDay(to)}
          </caption>
          <colgroup>
            <col className="w-48" />
            {days.map((d) => (
              <col key={d} className="w-[22px]" />
            ))}
          </colgroup>
          <thead>
            <tr className="border-b border-line text-muted">
              <th scope="col" rowSpan={2} className="px-3 text-left font-medium">
                Contractor
              </th>
              {Array.from({ length: WEEKS }, (_, w) => (
                <th
                  key={w}
                  scope="colgroup"
                  colSpan={7}
                  className="border-l border-line px-1 py-1 text-left font-medium"
                >
                  Week of {formatDay(addDays(from, w * 7))}
                </th>
              ))}
            </tr>
            <tr className="border-b border-line text-muted">
              {days.map((d, i) => (
                <th
                  key={d}
                  scope="col"
                  title={formatDay(d)}
                  className={cx(
                    'py-1 text-center font-normal',
                    i % 7 === 0 && 'border-l border-line',
                    isWeekend(d) && 'bg-sunken',
                    d === today && 'bg-accent font-semibold text-accent-ink',
                  )}
                >
                  <span className="sr-only">{formatDay(d)}</span>
                  <span aria-hidden>{Number(d.slice(8))}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {q.data.items.map(({ contractor, ranges }) => (
              <tr key={contractor.id} className="border-b border-line/70 last:border-0">
                <th scope="row" className="truncate px-3 py-1 text-left font-normal">
                  <button
                    type="button"
                    className="flex w-full min-w-0 items-center gap-1.5 text-left hover:underline"
                    onClick={() => setSearch({ contractor: contractor.id, tab: 'availability' })}
                  >
                    <span className="truncate font-medium text-ink">{contractor.name}</span>
                    {contractor.status !== 'active' ? (
                      <StatusBadge status={contractor.status} />
                    ) : null}
                  </button>
                </th>
                {days.map((d, i) => (
                  <DayCell
                    key={d}
                    day={d}
                    range={ranges.find((r) => r.start <= d && d <= r.end)}
                    weekStart={i % 7 === 0}
                    firstOfWindow={i === 0}
                    today={d === today}
                  />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <AwayList
        items={q.data.items}
        onOpen={(id) => setSearch({ contractor: id, tab: 'availability' })}
      />
    </div>
  );
}

function DayCell({
  day,
  range,
  weekStart,
  firstOfWindow,
  today,
}: {
  day: string;
  range: Range | undefined;
  weekStart: boolean;
  firstOfWindow: boolean;
  today: boolean;
}) {
  const starts = range && (range.start === day || firstOfWindow);
  // The kind is written on runs of 3+ days; shorter ones keep it in the tooltip.
  const longEnough = range && range.end >= addDays(day, 2);
  const title = range
    ? `${KIND_LABEL[range.kind]} · ${formatRange(range.start, range.end)}${range.note ? ` · ${range.note}` : ''}`
    : undefined;
  return (
    <td
      title={title}
      className={cx(
        'relative h-8 p-0',
        weekStart && 'border-l border-line',
        !range && isWeekend(day) && 'bg-sunken',
        range && KIND_FILL[range.kind],
        today && 'outline-2 -outline-offset-2 outline-accent',
      )}
    >
      {range ? <span className="sr-only">{title}</span> : null}
      {starts && longEnough ? (
        <span
          aria-hidden
          className="pointer-events-none absolute left-1 top-1/2 z-10 -translate-y-1/2 whitespace-nowrap text-[10px] font-medium text-ink"
        >
          {KIND_LABEL[range.kind]}
        </span>
      ) : null}
    </td>
  );
}

/** The same ranges as a list: easier to read aloud, and the notes fit. */
function AwayList({ items, onOpen }: { items: Team['items']; onOpen: (id: string) => void }) {
  const rows = items.flatMap((i) => i.ranges.map((r) => ({ c: i.contractor, r })));
  if (rows.length === 0)
    return <p className="text-sm text-muted">Nobody has time away in these six weeks.</p>;
  rows.sort((a, b) => a.r.start.localeCompare(b.r.start));
  return (
    <section aria-labelledby="away-list-h" className="flex flex-col gap-1">
      <h2 id="away-list-h" className="text-xs font-semibold text-muted">
        Time away in these six weeks
      </h2>
      <dl className="grid grid-cols-[auto_auto_1fr] gap-x-4 gap-y-1 text-sm">
        {rows.map(({ c, r }) => (
          <Fragment key={r.id}>
            <dt>
              <button
                type="button"
                className="font-medium hover:underline"
                onClick={() => onOpen(c.id)}
              >
                {c.name}
              </button>
            </dt>
            <dd>{formatRange(r.start, r.end)}</dd>
            <dd className="text-muted">
              {KIND_LABEL[r.kind]}
              {r.note ? ` · ${r.note}` : ''}
            </dd>
          </Fragment>
        ))}
      </dl>
    </section>
  );
}
