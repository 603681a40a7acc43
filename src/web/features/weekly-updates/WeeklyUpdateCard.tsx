import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { toast } from 'sonner';
import type { MyWeeklyUpdates, WeeklyUpdate } from '../../../contracts/community';
import type { ContractorProfile } from '../../../contracts/contractors';
import { Badge, Button, Field, Textarea } from '../../components/ui';
import { ApiError, api, errorMessage, post } from '../../lib/api';
import { useMe } from '../../lib/session';
import { RecognitionList } from '../escalations/Recognition';
import { UpdateFields } from './WeeklyUpdatesView';
import { weekDistance, weekRange } from './weeks';

/**
 * R25 on a contractor's My work: this week's update (progress, blockers, availability changes),
 * a nudge when last week's is missing, past updates, and the kudos and feedback he received.
 * Renders nothing for staff.
 */
export function WeeklyUpdateCard() {
  const me = useMe();
  const contractor = me.data?.current?.role === 'contractor';
  const q = useQuery({
    queryKey: ['weekly-updates', 'mine'],
    queryFn: () => api<MyWeeklyUpdates>('/api/weekly-updates/mine'),
    enabled: contractor,
    retry: (n, e) => !(e instanceof ApiError && e.status === 404) && n < 2,
  });
  const profile = useQuery({
    queryKey: ['me-contractor'],
    queryFn: () => api<ContractorProfile>('/api/me/contractor'),
    enabled: contractor,
    retry: false,
  });
  const [late, setLate] = useState(false);
  const [editing, setEditing] = useState(false);
  if (!contractor || !q.data) return null;
  const m = q.data;
  const week = late ? m.lastWeek : m.currentWeek;
  const current = m.items.find((u) => u.weekStart === week);
  const close = () => {
    setEditing(false);
    setLate(false);
  };
  return (
    <section
      aria-labelledby="weekly-h"
      className="flex flex-col gap-3 rounded-lg border border-line bg-panel p-4"
    >
      <div className="flex flex-wrap items-baseline gap-2">
        <h2 id="weekly-h" className="text-base font-semibold">
          Weekly update
        </h2>
        <span className="text-xs text-muted">
          {weekDistance(week, m.today)} · {weekRange(week)}
        </span>
      </div>
      {m.lastWeekMissing && !late ? (
        <div
          role="alert"
          className="flex flex-wrap items-center gap-2 rounded-md border border-bad/40 bg-bad/5 p-2 text-sm text-bad"
        >
          Last week’s update is missing.
          <Button size="sm" onClick={() => setLate(true)}>
            Post it now
          </Button>
        </div>
      ) : null}
      {editing || (late && !current) ? (
        <UpdateForm key={week} week={week} existing={current} onSaved={close} onCancel={close} />
      ) : current ? (
        <div className="flex flex-col gap-2 text-sm">
          <UpdateFields u={current} />
          <div className="flex items-center gap-2">
            <Badge tone="ok">Posted</Badge>
            <Button size="sm" variant="ghost" onClick={() => setEditing(true)}>
              Edit
            </Button>
            {late ? (
              <Button size="sm" variant="ghost" onClick={close}>
                Back to this week
              </Button>
            ) : null}
          </div>
        </div>
      ) : (
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <p className="min-w-0 flex-1 text-muted">
            How did the week go? Share progress, blockers and changes to your availability — due by
            Sunday.
          </p>
          <Button variant="primary" onClick={() => setEditing(true)} className="h-11 sm:h-8">
            Write update
          </Button>
        </div>
      )}
      {m.items.some((u) => u.weekStart !== week) ? (
        <details className="text-sm">
          <summary className="cursor-pointer text-muted">Your past updates</summary>
          <ul className="mt-2 flex flex-col gap-3">
            {m.items
              .filter((u) => u.weekStart !== week)
              .map((u) => (
                <li key={u.id} className="border-l-2 border-line pl-3">
                  <p className="mb-1 text-xs text-muted">
                    {weekRange(u.weekStart)} {u.late ? '· posted late' : ''}
                  </p>
                  <UpdateFields u={u} />
                </li>
              ))}
          </ul>
        </details>
      ) : null}
      {profile.data ? (
        <details className="text-sm">
          <summary className="cursor-pointer text-muted">Kudos and feedback for you</summary>
          <div className="mt-2">
            <RecognitionList
              contractorId={profile.data.id}
              limit={10}
              emptyText="Nothing yet: kudos and feedback from the agency will show here."
            />
          </div>
        </details>
      ) : null}
    </section>
  );
}

function UpdateForm({
  week,
  existing,
  onSaved,
  onCancel,
}: {
  week: string;
  existing?: WeeklyUpdate;
  onSaved: () => void;
  onCancel?: () => void;
}) {
  const qc = useQueryClient();
  const [progress, setProgress] = useState(existing?.progress ?? '');
  const [blockers, setBlockers] = useState(existing?.blockers ?? '');
  const [availability, setAvailability] = useState(existing?.availabilityChanges ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () =>
      post<WeeklyUpdate>('/api/weekly-updates', {
        weekStart: week,
        progress,
        blockers,
        availabilityChanges: availability,
      }),
    onSuccess: () => {
      toast.success('Weekly update posted — thank you');
      qc.invalidateQueries({ queryKey: ['weekly-updates'] });
      onSaved();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fields) setErrors(e.fields);
      toast.error(errorMessage(e));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-3">
      <Field label="Progress" hint="What moved forward this week" error={errors['body.progress']}>
        {(p) => (
          <Textarea
            {...p}
            rows={3}
            maxLength={4000}
            value={progress}
            onChange={(e) => setProgress(e.target.value)}
          />
        )}
      </Field>
      <Field label="Blockers" hint="Anything you are waiting on (optional)">
        {(p) => (
          <Textarea
            {...p}
            rows={2}
            maxLength={4000}
            value={blockers}
            onChange={(e) => setBlockers(e.target.value)}
          />
        )}
      </Field>
      <Field
        label="Availability changes"
        hint="Travel, time off or other work coming up (optional)"
      >
        {(p) => (
          <Textarea
            {...p}
            rows={2}
            maxLength={4000}
            value={availability}
            onChange={(e) => setAvailability(e.target.value)}
          />
        )}
      </Field>
      <div className="flex gap-2">
        <Button
          type="submit"
          variant="primary"
          busy={save.isPending}
          disabled={!progress.trim()}
          className="h-11 sm:h-8"
        >
          {existing ? 'Save update' : 'Post update'}
        </Button>
        {onCancel ? (
          <Button onClick={onCancel} className="h-11 sm:h-8">
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}
