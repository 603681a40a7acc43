import { Plus, Trash2 } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import type { TaskDetail } from '../../../contracts/tasks';
import { RevisionItemForm } from '../../../contracts/workflow';
import { DueDate } from '../../components/DueDate';
import { Button, Field, Input, Textarea } from '../../components/ui';
import { ApiError } from '../../lib/api';
import { useTaskCommand } from './task-command';

interface Item {
  what: string;
  why: string;
  scrubbedText: string;
  clientFeedbackRaw: string;
}

const EMPTY: Item = { what: '', why: '', scrubbedText: '', clientFeedbackRaw: '' };

/**
 * R20–R22: feedback items with what and why (the client's own words stay internal), a tweak the
 * strategist makes themself, and — when the request is late — a new final date or an override.
 */
export function RevisionRequestForm({
  task,
  onDone,
  overrideOnly = false,
}: {
  task: TaskDetail;
  onDone: () => void;
  /** A coordinator relays a late request: the override reason is the point. */
  overrideOnly?: boolean;
}) {
  const [items, setItems] = useState<Item[]>([{ ...EMPTY }]);
  const [tweak, setTweak] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [late, setLate] = useState<{ earliest: string; message: string } | null>(null);
  const [moveTo, setMoveTo] = useState('');
  const [override, setOverride] = useState('');
  const canOverride = task.abilities.overrideNotice;
  const send = useTaskCommand<Record<string, unknown>>(
    task,
    `/api/tasks/${task.id}/revision-requests`,
    {
      success: (r) => (r as { message?: string }).message ?? 'Revision requested',
      onDone: () => {
        setItems([{ ...EMPTY }]);
        setLate(null);
        onDone();
      },
    },
  );
  const set = (i: number, patch: Partial<Item>) =>
    setItems(items.map((it, j) => (j === i ? { ...it, ...patch } : it)));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    items.forEach((it, i) => {
      const r = RevisionItemForm.safeParse(it);
      if (!r.success) {
        for (const issue of r.error.issues) found[`${i}.${String(issue.path[0])}`] = issue.message;
      }
    });
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    send.mutate(
      {
        items: items.map((it) => ({
          what: it.what,
          why: it.why,
          scrubbedText: it.scrubbedText || undefined,
          clientFeedbackRaw: it.clientFeedbackRaw || undefined,
        })),
        strategistTweak: tweak,
        moveDueDateTo: late && moveTo ? moveTo : undefined,
        overrideReason: (overrideOnly || (late && !moveTo)) && override ? override : undefined,
      },
      {
        onError: (err) => {
          if (err instanceof ApiError && err.rule === 'R22') {
            const earliest = String(err.details?.earliestCompliantDueDate ?? '');
            setLate({ earliest, message: err.message });
            setMoveTo((m) => m || earliest);
          }
          if (err instanceof ApiError && err.rule === 'R20') {
            const i = Number(err.details?.itemIndex ?? 0);
            setErrors({ [`${i}.why`]: err.message });
          }
        },
      },
    );
  };

  return (
    <form
      onSubmit={submit}
      aria-label="Request a revision"
      className="flex flex-col gap-3 rounded-md border border-line p-3"
    >
      <p className="text-sm">
        Every item needs a <strong>what</strong> and a <strong>why</strong> (R20). The contractor
        reads the what, the why and your scrubbed text — never the client's own words (R19).
        {task.finalDueDate ? (
          <>
            {' '}
            Final version due <DueDate date={task.finalDueDate} />.
          </>
        ) : null}
      </p>
      <ol className="flex flex-col gap-3">
        {items.map((it, i) => (
          <li key={i} className="flex flex-col gap-2 rounded border border-line bg-sunken/40 p-2">
            <div className="flex items-center justify-between text-xs font-semibold text-muted">
              Item {i + 1}
              {items.length > 1 ? (
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => setItems(items.filter((_, j) => j !== i))}
                  aria-label={`Remove item ${i + 1}`}
                >
                  <Trash2 size={12} />
                </Button>
              ) : null}
            </div>
            <Field label="What to change" error={errors[`${i}.what`]}>
              {(p) => (
                <Input {...p} value={it.what} onChange={(e) => set(i, { what: e.target.value })} />
              )}
            </Field>
            <Field
              label="Why"
              error={errors[`${i}.why`]}
              hint="The reason helps the contractor get it right next time"
            >
              {(p) => (
                <Textarea
                  {...p}
                  rows={2}
                  value={it.why}
                  onChange={(e) => set(i, { why: e.target.value })}
                />
              )}
            </Field>
            <Field label="Scrubbed feedback for the contractor (optional)">
              {(p) => (
                <Textarea
                  {...p}
                  rows={2}
                  value={it.scrubbedText}
                  onChange={(e) => set(i, { scrubbedText: e.target.value })}
                />
              )}
            </Field>
            <Field label="Client's own words (internal, never shown to the contractor)">
              {(p) => (
                <Textarea
                  {...p}
                  rows={2}
                  className="border-warn/50"
                  value={it.clientFeedbackRaw}
                  onChange={(e) => set(i, { clientFeedbackRaw: e.target.value })}
                />
              )}
            </Field>
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap items-center gap-3">
        <Button
          size="sm"
          onClick={() => setItems([...items, { ...EMPTY }])}
          disabled={items.length >= 30}
        >
          <Plus size={12} /> Add item
        </Button>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={tweak} onChange={(e) => setTweak(e.target.checked)} />
          Simple copy/caption tweak I make myself (no revision round, R21)
        </label>
      </div>
      {overrideOnly ? (
        <Field
          label="Override the 3-business-day notice: reason (R22)"
          hint="At least 10 characters; kept internal"
        >
          {(p) => (
            <Textarea
              {...p}
              rows={2}
              value={override}
              onChange={(e) => setOverride(e.target.value)}
            />
          )}
        </Field>
      ) : null}
      {late && !overrideOnly ? (
        <div
          className="flex flex-col gap-2 rounded border border-warn/50 bg-warn/5 p-2 text-sm"
          role="alert"
        >
          <p>{late.message}</p>
          <Field label="Move the final due date to" hint={`On or after ${late.earliest}`}>
            {(p) => (
              <Input
                {...p}
                type="date"
                min={late.earliest}
                value={moveTo}
                onChange={(e) => setMoveTo(e.target.value)}
              />
            )}
          </Field>
          {canOverride ? (
            <Field
              label="…or override with a reason (coordinator)"
              hint="Leave the date empty to override"
            >
              {(p) => (
                <Textarea
                  {...p}
                  rows={2}
                  value={override}
                  onChange={(e) => setOverride(e.target.value)}
                />
              )}
            </Field>
          ) : null}
        </div>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" variant="primary" busy={send.isPending}>
          {tweak ? 'Record the tweak' : 'Request revision'}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
