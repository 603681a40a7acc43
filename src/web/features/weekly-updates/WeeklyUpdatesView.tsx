import { useQuery } from '@tanstack/react-query';
import { ChevronLeft, ChevronRight } from 'lucide-react';
import type { WeeklyUpdate, WeeklyUpdatesForWeek } from '../../../contracts/community';
import { Badge, Button, EmptyState, ErrorNotice, Spinner } from '../../components/ui';
import { api } from '../../lib/api';
import { formatInstant } from '../../lib/format';
import { useMe } from '../../lib/session';
import { useUrlState } from '../../lib/url-state';
import { addCalendarDays, mondayOf, weekDistance, weekRange } from './weeks';

/**
 * R25, the staff side: one week of contractors' updates, with the missing ones in red from the
 * Monday after the week (workspace time zone). `?week=<Monday>` in the URL; last week by default.
 */
export function WeeklyUpdatesView() {
  const me = useMe();
  const tz = me.data?.current?.timeZone ?? 'UTC';
  const [week, setWeek] = useUrlState('week');
  const q = useQuery({
    queryKey: ['weekly-updates', 'week', week],
    queryFn: () => api<WeeklyUpdatesForWeek>(`/api/weekly-updates${week ? `?week=${week}` : ''}`),
    placeholderData: (prev) => prev,
  });
  if (q.isPending)
    return (
      <div className="p-5">
        <Spinner label="Loading weekly updates" />
      </div>
    );
  if (q.isError) return <ErrorNotice error={q.error} />;
  const w = q.data;
  const thisWeek = mondayOf(w.today);
  const go = (days: number) => setWeek(addCalendarDays(w.week, days));
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-5 p-5">
      <div className="flex flex-wrap items-center gap-2">
        <Button size="sm" aria-label="Previous week" onClick={() => go(-7)}>
          <ChevronLeft size={14} />
        </Button>
        <h2 className="text-sm font-semibold">
          Week of {weekRange(w.week)}{' '}
          <span className="font-normal text-muted">· {weekDistance(w.week, w.today)}</span>
        </h2>
        <Button
          size="sm"
          aria-label="Next week"
          onClick={() => go(7)}
          disabled={w.week >= thisWeek}
        >
          <ChevronRight size={14} />
        </Button>
        <span className="ml-auto flex gap-1">
          <Button size="sm" variant="ghost" onClick={() => setWeek(addCalendarDays(thisWeek, -7))}>
            Last week
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setWeek(thisWeek)}>
            This week
          </Button>
        </span>
      </div>

      {w.missing.length > 0 ? (
        <section
          aria-labelledby="wu-missing"
          className="rounded-md border border-bad/40 bg-bad/5 p-3"
        >
          <h3 id="wu-missing" className="text-sm font-semibold text-bad">
            Missing ({w.missing.length})
          </h3>
          <p className="mb-2 text-xs text-muted">
            Active contractors who have not posted an update for this week. Reach out: a missing
            update is often the first sign of a blocker.
          </p>
          <ul className="flex flex-wrap gap-2">
            {w.missing.map((p) => (
              <li key={p.id}>
                <Badge tone="bad">{p.name}</Badge>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {w.pending.length > 0 ? (
        <p className="text-sm text-muted">
          <span className="font-medium text-ink">Not posted yet:</span>{' '}
          {w.pending.map((p) => p.name).join(', ')}. Updates are due by Sunday; missing ones are
          flagged from Monday.
        </p>
      ) : null}

      {w.submitted.length === 0 ? (
        <EmptyState title="No updates for this week">
          {w.over
            ? 'Nobody posted an update for this week.'
            : 'Contractors post their weekly update from My work: progress, blockers and changes to their availability.'}
        </EmptyState>
      ) : (
        <section aria-labelledby="wu-posted" className="flex flex-col gap-3">
          <h3 id="wu-posted" className="text-sm font-semibold">
            Posted ({w.submitted.length})
          </h3>
          <ul className="grid gap-3 md:grid-cols-2">
            {w.submitted.map((u) => (
              <UpdateCard key={u.id} u={u} tz={tz} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function UpdateCard({ u, tz }: { u: WeeklyUpdate; tz: string }) {
  return (
    <li className="flex flex-col gap-2 rounded-md border border-line bg-panel p-3 text-sm">
      <div className="flex items-center gap-2">
        <span className="font-medium">{u.contractor.name}</span>
        {u.late ? <Badge tone="warn">Late</Badge> : null}
        <time dateTime={u.submittedAt} className="ml-auto text-xs text-muted">
          {formatInstant(u.submittedAt, tz)}
        </time>
      </div>
      <UpdateFields u={u} />
    </li>
  );
}

/** Progress, blockers (highlighted) and availability changes of one update. */
export function UpdateFields({ u }: { u: WeeklyUpdate }) {
  return (
    <dl className="flex flex-col gap-1.5">
      <div>
        <dt className="text-xs text-muted">Progress</dt>
        <dd className="whitespace-pre-wrap">{u.progress}</dd>
      </div>
      {u.blockers ? (
        <div>
          <dt className="text-xs font-medium text-warn">Blockers</dt>
          <dd className="whitespace-pre-wrap">{u.blockers}</dd>
        </div>
      ) : null}
      {u.availabilityChanges ? (
        <div>
          <dt className="text-xs text-muted">Availability changes</dt>
          <dd className="whitespace-pre-wrap">{u.availabilityChanges}</dd>
        </div>
      ) : null}
    </dl>
  );
}
