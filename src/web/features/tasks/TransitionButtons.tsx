import { useState } from 'react';
import type { TaskDetail } from '../../../contracts/tasks';
import { Modal } from '../../components/SidePanel';
import { Button, Field, Textarea } from '../../components/ui';
import { useTaskCommand } from './task-command';

type Action = 'close' | 'cancel' | 'reopen';

const COPY: Record<Action, { label: string; title: string; hint: string; done: string }> = {
  close: {
    label: 'Close task',
    title: 'Close this task?',
    hint: 'The work was delivered to the client.',
    done: 'Task closed',
  },
  cancel: {
    label: 'Cancel task',
    title: 'Cancel this task?',
    hint: 'Say why: the contractor and the history will show it.',
    done: 'Task cancelled',
  },
  reopen: {
    label: 'Reopen',
    title: 'Reopen this task?',
    hint: 'It goes back to revision, then through the scrub and QA again (R23).',
    done: 'Task reopened',
  },
};

/** Close, cancel and reopen: the actions the viewer may take now, each confirmed. */
export function TransitionButtons({ task }: { task: TaskDetail }) {
  const actions = task.abilities.actions.filter(
    (a): a is Action => a === 'close' || a === 'cancel' || a === 'reopen',
  );
  const [open, setOpen] = useState<Action | null>(null);
  const [reason, setReason] = useState('');
  const send = useTaskCommand<{ action: Action; reason?: string }>(
    task,
    `/api/tasks/${task.id}/transition`,
    {
      success: () => (open ? COPY[open].done : 'Done'),
      onDone: () => {
        setOpen(null);
        setReason('');
      },
    },
  );
  if (actions.length === 0) return null;
  return (
    <div className="flex flex-wrap gap-2">
      {actions.map((a) => (
        <Button
          key={a}
          size="sm"
          variant={a === 'cancel' ? 'ghost' : 'secondary'}
          onClick={() => setOpen(a)}
        >
          {COPY[a].label}
        </Button>
      ))}
      {open ? (
        <Modal open onClose={() => setOpen(null)} title={COPY[open].title}>
          <form
            className="flex flex-col gap-3"
            onSubmit={(e) => {
              e.preventDefault();
              send.mutate({ action: open, reason: reason.trim() || undefined });
            }}
          >
            <Field label="Reason" hint={COPY[open].hint}>
              {(p) => (
                <Textarea
                  {...p}
                  rows={2}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                />
              )}
            </Field>
            <div className="flex gap-2">
              <Button
                type="submit"
                variant={open === 'cancel' ? 'danger' : 'primary'}
                busy={send.isPending}
                disabled={open !== 'close' && reason.trim().length < 3}
              >
                {COPY[open].label}
              </Button>
              <Button variant="ghost" onClick={() => setOpen(null)}>
                Back
              </Button>
            </div>
          </form>
        </Modal>
      ) : null}
    </div>
  );
}
