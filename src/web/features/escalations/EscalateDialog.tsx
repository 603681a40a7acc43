import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { toast } from 'sonner';
import {
  CATEGORY_LABELS,
  type CreateEscalationBody,
  ESCALATION_CATEGORIES,
  ESCALATION_SEVERITIES,
  type Escalation,
  type EscalationCategory,
  type EscalationSeverity,
  MIN_ESCALATION_DESCRIPTION,
  SEVERITY_LABELS,
} from '../../../contracts/community';
import type { ContractorSummary } from '../../../contracts/contractors';
import type { TaskListItem } from '../../../contracts/tasks';
import { Modal } from '../../components/SidePanel';
import { Button, cx, Field, Select, Textarea } from '../../components/ui';
import { ApiError, api, errorMessage, post } from '../../lib/api';
import { useMe } from '../../lib/session';
import { reachesText, useProcessOwner } from './shared';

/**
 * R24: escalate a contractor-related issue. Embed it where the issue is seen: a task panel passes
 * `taskId`, a contractor panel `contractorId`; with neither, the person picks what it is about
 * (a contractor picks one of his tasks or leaves it about his work in general).
 */
export function EscalateDialog({
  open,
  onClose,
  taskId,
  taskTitle,
  contractorId,
  contractorName,
  onOpened,
}: {
  open: boolean;
  onClose: () => void;
  taskId?: string;
  taskTitle?: string;
  contractorId?: string;
  contractorName?: string;
  onOpened?: (e: Escalation) => void;
}) {
  const qc = useQueryClient();
  const me = useMe();
  const isContractor = me.data?.current?.role === 'contractor';
  const owner = useProcessOwner();
  const fixed = Boolean(taskId || contractorId);
  const [category, setCategory] = useState<EscalationCategory>('missed_deadline');
  const [severity, setSeverity] = useState<EscalationSeverity>('medium');
  const [description, setDescription] = useState('');
  const [pickedContractor, setPickedContractor] = useState('');
  const [pickedTask, setPickedTask] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    if (!open) return;
    setDescription('');
    setErrors({});
    setPickedTask('');
    setPickedContractor('');
  }, [open]);

  const contractors = useQuery({
    queryKey: ['contractors', 'escalate-picker'],
    queryFn: () =>
      api<{ items: ContractorSummary[] }>('/api/contractors?status=active,trial,paused&limit=200'),
    enabled: open && !fixed && !isContractor,
  });
  const taskFilter = isContractor ? '' : pickedContractor;
  const tasks = useQuery({
    queryKey: ['tasks', 'escalate-picker', taskFilter],
    queryFn: () =>
      api<{ items: TaskListItem[] }>(
        `/api/tasks?limit=100${taskFilter ? `&contractorId=${encodeURIComponent(taskFilter)}` : ''}`,
      ),
    enabled: open && !fixed && (isContractor || Boolean(pickedContractor)),
  });

  const body = (): CreateEscalationBody => ({
    taskId: taskId ?? (pickedTask || null),
    contractorId: contractorId ?? (isContractor ? null : pickedContractor || null),
    category,
    severity,
    description,
  });
  const send = useMutation({
    mutationFn: () => post<Escalation>('/api/escalations', body()),
    onSuccess: (e) => {
      const reach = reachesText(owner.data);
      toast.success(reach ? `Escalated — ${reach} told` : 'Escalated');
      qc.invalidateQueries({ queryKey: ['escalations'] });
      onOpened?.(e);
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fields) {
        setErrors(
          Object.fromEntries(
            Object.entries(e.fields).map(([k, v]) => [k.replace(/^body\./, ''), v]),
          ),
        );
      }
      toast.error(errorMessage(e));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send.mutate();
  };
  const short = description.trim().length < MIN_ESCALATION_DESCRIPTION;
  const about = taskTitle ?? contractorName;
  const reach = reachesText(owner.data);

  return (
    <Modal open={open} onClose={onClose} title="Escalate an issue">
      <form onSubmit={submit} className="flex flex-col gap-4">
        {fixed ? (
          <p className="text-sm">
            <span className="text-muted">About: </span>
            <span className="font-medium">
              {about ?? (taskId ? 'this task' : 'this contractor')}
            </span>
          </p>
        ) : (
          <>
            {!isContractor ? (
              <Field label="Contractor" error={errors.contractorId}>
                {(p) => (
                  <Select
                    {...p}
                    required
                    value={pickedContractor}
                    onChange={(e) => {
                      setPickedContractor(e.target.value);
                      setPickedTask('');
                    }}
                  >
                    <option value="">Choose a contractor…</option>
                    {contractors.data?.items.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.name}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
            ) : null}
            <Field
              label="Task (optional)"
              hint={
                isContractor ? 'Leave empty for something about your work in general.' : undefined
              }
              error={errors.taskId}
            >
              {(p) => (
                <Select
                  {...p}
                  value={pickedTask}
                  disabled={!isContractor && !pickedContractor}
                  onChange={(e) => setPickedTask(e.target.value)}
                >
                  <option value="">
                    {isContractor ? 'My work in general' : 'No particular task'}
                  </option>
                  {tasks.data?.items.map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.title}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
          </>
        )}
        <Field label="What kind of issue" error={errors.category}>
          {(p) => (
            <Select
              {...p}
              value={category}
              onChange={(e) => setCategory(e.target.value as EscalationCategory)}
            >
              {ESCALATION_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {CATEGORY_LABELS[c]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <fieldset className="flex flex-col gap-1">
          <legend className="mb-1 text-xs font-medium text-muted">Severity</legend>
          <div className="flex gap-1">
            {ESCALATION_SEVERITIES.map((s) => (
              <label
                key={s}
                className={cx(
                  'flex h-8 flex-1 cursor-pointer items-center justify-center rounded-md border text-sm has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent',
                  severity === s
                    ? s === 'high'
                      ? 'border-bad bg-bad/10 font-medium text-bad'
                      : 'border-accent bg-accent/10 font-medium text-ink'
                    : 'border-line text-muted hover:bg-sunken',
                )}
              >
                <input
                  type="radio"
                  name="severity"
                  value={s}
                  checked={severity === s}
                  onChange={() => setSeverity(s)}
                  className="sr-only"
                />
                {SEVERITY_LABELS[s]}
              </label>
            ))}
          </div>
        </fieldset>
        <Field
          label="What happened"
          hint={`Facts, dates and what you need. At least ${MIN_ESCALATION_DESCRIPTION} characters.`}
          error={errors.description}
        >
          {(p) => (
            <Textarea
              {...p}
              rows={5}
              maxLength={4000}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
            />
          )}
        </Field>
        {reach ? (
          <p className="text-xs text-muted">
            Reaches {reach} at once and stays open until it is resolved with notes.
          </p>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button
            type="submit"
            variant="primary"
            busy={send.isPending}
            disabled={short || (!fixed && !isContractor && !pickedContractor)}
          >
            Escalate
          </Button>
        </div>
      </form>
    </Modal>
  );
}
