import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import type { TaskDetail } from '../../../contracts/tasks';
import type { ReviewsView } from '../../../contracts/workflow';
import { Button, Field, Input, Spinner, Textarea } from '../../components/ui';
import { api } from '../../lib/api';
import { useTaskCommand } from './task-command';

export function useReviews(taskId: string) {
  return useQuery({
    queryKey: ['task', taskId, 'reviews'],
    queryFn: () => api<ReviewsView>(`/api/tasks/${taskId}/reviews`),
  });
}

/** R23: the strategist's scrub — every check ticked sends the work to QA. */
export function ScrubForm({ task, onDone }: { task: TaskDetail; onDone: () => void }) {
  const reviews = useReviews(task.id);
  const items = reviews.data?.scrubChecklist ?? [];
  const [ticked, setTicked] = useState<Record<string, boolean>>({});
  const [note, setNote] = useState('');
  const send = useTaskCommand<{ checklist: { item: string; ok: boolean }[]; note: string }>(
    task,
    `/api/tasks/${task.id}/scrub`,
    { success: 'Scrub passed — the work goes to QA', onDone },
  );
  if (reviews.isPending) return <Spinner label="Loading the checklist" />;
  const all = items.every((i) => ticked[i]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send.mutate({ checklist: items.map((item) => ({ item, ok: Boolean(ticked[item]) })), note });
  };
  return (
    <form
      onSubmit={submit}
      aria-label="Strategist scrub"
      className="flex flex-col gap-3 rounded-md border border-line p-3"
    >
      <fieldset className="flex flex-col gap-1.5">
        <legend className="mb-1 text-sm font-medium">Strategist scrub checklist</legend>
        {items.map((item) => (
          <label key={item} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={Boolean(ticked[item])}
              onChange={(e) => setTicked({ ...ticked, [item]: e.target.checked })}
            />
            {item}
          </label>
        ))}
      </fieldset>
      <Field label="Note (staff only, optional)">
        {(p) => <Textarea {...p} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <div className="flex items-center gap-2">
        <Button type="submit" variant="primary" busy={send.isPending} disabled={!all}>
          Pass scrub → QA
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
        {!all ? (
          <span className="text-xs text-muted">
            Tick every check, or request a revision instead.
          </span>
        ) : null}
      </div>
    </form>
  );
}

interface QaRow {
  ok: boolean;
  note: string;
}

/** R23: internal QA with the checklist of the task's deliverable types; fail needs reasons. */
export function QaForm({ task }: { task: TaskDetail }) {
  const reviews = useReviews(task.id);
  const items = reviews.data?.qaChecklist ?? [];
  const [rows, setRows] = useState<Record<string, QaRow>>({});
  const [reasons, setReasons] = useState('');
  useEffect(() => setReasons(''), [task.version]);
  const send = useTaskCommand<Record<string, unknown>>(task, `/api/tasks/${task.id}/qa`, {
    success: (r) =>
      (r as { task?: { status?: string } }).task?.status === 'ready'
        ? 'QA passed — the work is client-ready'
        : 'QA failed — back to the contractor with your reasons',
  });
  if (reviews.isPending) return <Spinner label="Loading the QA checklist" />;
  const row = (item: string) => rows[item] ?? { ok: false, note: '' };
  const all = items.every((i) => row(i.item).ok);
  const verdict = (result: 'pass' | 'fail') =>
    send.mutate({
      result,
      checklist: items.map((i) => ({ item: i.item, ...row(i.item) })),
      reasons: result === 'fail' ? reasons : undefined,
    });
  return (
    <form
      onSubmit={(e) => e.preventDefault()}
      aria-label="QA review"
      className="flex flex-col gap-3 rounded-md border border-line p-3"
    >
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium">QA checklist · per deliverable type</legend>
        {items.length === 0 ? (
          <p className="text-sm text-muted">
            These deliverable types have no QA checklist yet (Rate card).
          </p>
        ) : null}
        {items.map((i) => (
          <div key={i.item} className="grid items-center gap-2 sm:grid-cols-[1fr_14rem]">
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={row(i.item).ok}
                onChange={(e) =>
                  setRows({ ...rows, [i.item]: { ...row(i.item), ok: e.target.checked } })
                }
              />
              <span>
                {i.item} <span className="text-xs text-muted">· {i.types.join(', ')}</span>
              </span>
            </label>
            <Input
              aria-label={`Note on ${i.item}`}
              placeholder="Note (optional)"
              value={row(i.item).note}
              onChange={(e) =>
                setRows({ ...rows, [i.item]: { ...row(i.item), note: e.target.value } })
              }
            />
          </div>
        ))}
      </fieldset>
      <Field
        label="Reasons to fail"
        hint="Required to fail (10+ characters): the contractor reads them"
      >
        {(p) => (
          <Textarea {...p} rows={2} value={reasons} onChange={(e) => setReasons(e.target.value)} />
        )}
      </Field>
      <div className="flex flex-wrap items-center gap-2">
        <Button
          variant="primary"
          busy={send.isPending}
          disabled={!all}
          onClick={() => verdict('pass')}
        >
          Pass QA → client-ready
        </Button>
        <Button
          variant="danger"
          disabled={reasons.trim().length < 10 || send.isPending}
          onClick={() => verdict('fail')}
        >
          Fail QA
        </Button>
      </div>
    </form>
  );
}
