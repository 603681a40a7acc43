import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { toast } from 'sonner';
import type { Recognition, RecognitionKind } from '../../../contracts/community';
import { Modal } from '../../components/SidePanel';
import { Button, cx, Field, Textarea } from '../../components/ui';
import { ApiError, errorMessage, post } from '../../lib/api';

const KINDS: { value: RecognitionKind; label: string; hint: string }[] = [
  {
    value: 'kudos',
    label: 'Kudos',
    hint: 'What was great, so they know to keep doing it.',
  },
  {
    value: 'feedback',
    label: 'Constructive feedback',
    hint: 'What to change and why: the "why" is what makes it useful.',
  },
];

/**
 * R25: kudos or constructive feedback for a contractor, optionally about one of his tasks; both
 * go into his record and he reads them. Embed it in a task panel with `taskId`.
 */
export function KudosDialog({
  open,
  onClose,
  contractorId,
  contractorName,
  taskId,
  initialKind = 'kudos',
}: {
  open: boolean;
  onClose: () => void;
  contractorId: string;
  contractorName?: string;
  taskId?: string;
  initialKind?: RecognitionKind;
}) {
  const qc = useQueryClient();
  const [kind, setKind] = useState<RecognitionKind>(initialKind);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    if (!open) return;
    setKind(initialKind);
    setBody('');
    setError(undefined);
  }, [open, initialKind]);
  const give = useMutation({
    mutationFn: () =>
      post<Recognition>(`/api/contractors/${contractorId}/recognitions`, {
        kind,
        body,
        taskId: taskId ?? null,
      }),
    onSuccess: () => {
      toast.success(
        kind === 'kudos'
          ? `Kudos sent${contractorName ? ` to ${contractorName}` : ''}`
          : 'Feedback added to the contractor’s record',
      );
      qc.invalidateQueries({ queryKey: ['recognitions', contractorId] });
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError) setError(e.fields?.['body.body']);
      toast.error(errorMessage(e));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    give.mutate();
  };
  const current = KINDS.find((k) => k.value === kind) ?? KINDS[0];
  return (
    <Modal
      open={open}
      onClose={onClose}
      title={contractorName ? `Recognition for ${contractorName}` : 'Give kudos or feedback'}
    >
      <form onSubmit={submit} className="flex flex-col gap-4">
        <fieldset className="flex gap-1">
          <legend className="sr-only">Kind</legend>
          {KINDS.map((k) => (
            <label
              key={k.value}
              className={cx(
                'flex h-8 flex-1 cursor-pointer items-center justify-center rounded-md border text-sm has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent',
                kind === k.value
                  ? 'border-accent bg-accent/10 font-medium text-ink'
                  : 'border-line text-muted hover:bg-sunken',
              )}
            >
              <input
                type="radio"
                name="recognition-kind"
                value={k.value}
                checked={kind === k.value}
                onChange={() => setKind(k.value)}
                className="sr-only"
              />
              {k.label}
            </label>
          ))}
        </fieldset>
        <Field label={current.label} hint={current.hint} error={error}>
          {(p) => (
            <Textarea
              {...p}
              rows={4}
              maxLength={2000}
              value={body}
              onChange={(e) => {
                setBody(e.target.value);
                setError(undefined);
              }}
            />
          )}
        </Field>
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button
            type="submit"
            variant="primary"
            busy={give.isPending}
            disabled={body.trim().length < 3}
          >
            {kind === 'kudos' ? 'Send kudos' : 'Add feedback'}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
