import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { toast } from 'sonner';
import type { WorkspaceSettings } from '../../../contracts/workspace';
import { Button, ErrorNotice, Field, Input, Spinner, Textarea } from '../../components/ui';
import { api, errorMessage, patch } from '../../lib/api';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Workspace name, time zone, business days, holidays and the planner's default durations. */
export function WorkspacePanel() {
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['workspace'],
    queryFn: () => api<WorkspaceSettings>('/api/workspace'),
  });
  const [draft, setDraft] = useState<WorkspaceSettings | null>(null);
  const [holidayText, setHolidayText] = useState('');
  useEffect(() => {
    if (q.data) {
      setDraft(q.data);
      setHolidayText(q.data.holidays.map((h) => `${h.date} ${h.name}`).join('\n'));
    }
  }, [q.data]);

  const save = useMutation({
    mutationFn: (body: unknown) => patch('/api/workspace', body),
    onSuccess: () => {
      toast.success('Settings saved');
      qc.invalidateQueries({ queryKey: ['workspace'] });
      qc.invalidateQueries({ queryKey: ['me'] });
    },
    onError: (e) => toast.error(errorMessage(e)),
  });

  if (q.isPending || !draft) return <Spinner label="Loading settings" />;
  if (q.isError) return <ErrorNotice error={q.error} />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const holidays = holidayText
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .map((l) => ({ date: l.slice(0, 10), name: l.slice(10).trim() || 'Holiday' }));
    save.mutate({
      version: draft.version,
      name: draft.name,
      timeZone: draft.timeZone,
      weekendDays: draft.weekendDays,
      policy: draft.policy,
      holidays,
    });
  };
  const setPolicy = (k: keyof WorkspaceSettings['policy'], v: number | boolean) =>
    setDraft({ ...draft, policy: { ...draft.policy, [k]: v } });

  return (
    <form
      onSubmit={submit}
      aria-labelledby="ws-heading"
      className="flex flex-col gap-4 rounded-lg border border-line bg-panel p-4"
    >
      <h2 id="ws-heading" className="text-sm font-semibold">
        Workspace
      </h2>
      <div className="grid grid-cols-2 gap-3">
        <Field label="Agency name">
          {(p) => (
            <Input
              {...p}
              value={draft.name}
              onChange={(e) => setDraft({ ...draft, name: e.target.value })}
            />
          )}
        </Field>
        <Field label="Time zone" hint="Due dates are calendar days in this zone">
          {(p) => (
            <Input
              {...p}
              value={draft.timeZone}
              onChange={(e) => setDraft({ ...draft, timeZone: e.target.value })}
            />
          )}
        </Field>
      </div>
      <fieldset>
        <legend className="mb-1 text-xs font-medium text-muted">Weekend (not business days)</legend>
        <div className="flex flex-wrap gap-3 text-sm">
          {WEEKDAYS.map((d, i) => (
            <label key={d} className="flex items-center gap-1">
              <input
                type="checkbox"
                checked={draft.weekendDays.includes(i)}
                onChange={(e) =>
                  setDraft({
                    ...draft,
                    weekendDays: e.target.checked
                      ? [...draft.weekendDays, i].sort()
                      : draft.weekendDays.filter((x) => x !== i),
                  })
                }
              />
              {d}
            </label>
          ))}
        </div>
      </fieldset>
      <Field label="Holidays" hint="One per line: YYYY-MM-DD name">
        {(p) => (
          <Textarea
            {...p}
            value={holidayText}
            onChange={(e) => setHolidayText(e.target.value)}
            rows={4}
            className="font-mono text-xs"
          />
        )}
      </Field>
      <fieldset className="grid grid-cols-3 gap-3">
        <legend className="mb-1 text-xs font-medium text-muted">
          Planning policy (business days)
        </legend>
        <Field label="Strategist scrub">
          {(p) => (
            <Input
              {...p}
              type="number"
              min={0}
              value={draft.policy.scrubDays}
              onChange={(e) => setPolicy('scrubDays', Number(e.target.value))}
            />
          )}
        </Field>
        <Field label="Revision window" hint="At least 3 (R15)">
          {(p) => (
            <Input
              {...p}
              type="number"
              min={3}
              value={draft.policy.revisionWindowDays}
              onChange={(e) => setPolicy('revisionWindowDays', Number(e.target.value))}
            />
          )}
        </Field>
        <Field label="QA review">
          {(p) => (
            <Input
              {...p}
              type="number"
              min={0}
              value={draft.policy.qaDays}
              onChange={(e) => setPolicy('qaDays', Number(e.target.value))}
            />
          )}
        </Field>
      </fieldset>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={draft.policy.qaFailCountsAsRound}
          onChange={(e) => setPolicy('qaFailCountsAsRound', e.target.checked)}
        />
        A QA failure counts as a revision round
      </label>
      <div>
        <Button type="submit" variant="primary" busy={save.isPending}>
          Save settings
        </Button>
      </div>
    </form>
  );
}
