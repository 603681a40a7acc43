import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { toast } from 'sonner';
import type { TaskTimeLogs, TimeWeek } from '../../../contracts/money';
import { Button, ErrorNotice, Field, Input, Select, Spinner } from '../../components/ui';
import { ApiError, api, errorMessage, post } from '../../lib/api';
import { todayIn } from '../../lib/format';
import { useMe } from '../../lib/session';
import { hoursText, TimeLogItem } from './TimeLogItem';
import { WeekLoad } from './WeekLoad';

/**
 * R28: time on a task's hourly deliverables. The contractor logs hours in quarter steps; the
 * task's strategist (or a coordinator/admin) approves or rejects them; invoices bill approved time.
 */
export function TimeLogSection({ taskId }: { taskId: string }) {
  const me = useMe();
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['time-logs', taskId],
    queryFn: () => api<TaskTimeLogs>(`/api/tasks/${taskId}/time-logs`),
  });
  const isContractor = me.data?.current?.role === 'contractor';
  const week = useQuery({
    queryKey: ['time-week', 'current'],
    queryFn: () => api<TimeWeek>('/api/time-logs'),
    enabled: isContractor,
  });
  const changed = () => {
    qc.invalidateQueries({ queryKey: ['time-logs', taskId] });
    qc.invalidateQueries({ queryKey: ['time-week'] });
  };
  return (
    <section aria-labelledby="time-h" className="flex flex-col gap-2">
      <h3 id="time-h" className="text-xs font-semibold text-muted">
        Time · hourly work is billed from approved time (R28)
      </h3>
      {q.isPending ? (
        <Spinner label="Loading time" />
      ) : q.isError ? (
        <ErrorNotice error={q.error} />
      ) : (
        <>
          <p className="text-sm">
            <span className="font-medium">{hoursText(q.data.totals.approved)}</span> approved ·{' '}
            {hoursText(q.data.totals.pending)} waiting for review
            {q.data.hourlyItems.length
              ? ` · estimate ${q.data.hourlyItems.reduce((s, i) => s + i.quantity, 0)} h`
              : ''}
          </p>
          {isContractor && week.data?.totals[0] ? <WeekLoad total={week.data.totals[0]} /> : null}
          {q.data.abilities.log ? (
            <LogForm taskId={taskId} data={q.data} onLogged={changed} />
          ) : null}
          {q.data.items.length ? (
            <ul
              className="divide-y divide-line rounded-md border border-line"
              aria-label="Time entries"
            >
              {q.data.items.map((l) => (
                <TimeLogItem key={l.id} log={l} onChanged={changed} />
              ))}
            </ul>
          ) : (
            <p className="text-xs text-muted">No time logged yet.</p>
          )}
        </>
      )}
    </section>
  );
}

function LogForm({
  taskId,
  data,
  onLogged,
}: {
  taskId: string;
  data: TaskTimeLogs;
  onLogged: () => void;
}) {
  const me = useMe();
  const [date, setDate] = useState(todayIn(me.data?.current?.timeZone ?? 'UTC'));
  const [hours, setHours] = useState('1');
  const [note, setNote] = useState('');
  const [itemId, setItemId] = useState(data.hourlyItems[0]?.id ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const add = useMutation({
    mutationFn: () =>
      post(`/api/tasks/${taskId}/time-logs`, {
        date,
        hours: Number(hours),
        note,
        taskItemId: itemId || undefined,
      }),
    onSuccess: () => {
      toast.success('Time logged — waiting for the strategist’s review');
      setNote('');
      setErrors({});
      onLogged();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fields) {
        setErrors(
          Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [k.replace('body.', ''), v])),
        );
      }
      toast.error(errorMessage(e));
    },
  });
  return (
    <form
      className="grid grid-cols-2 gap-2 rounded-md border border-line p-3 sm:grid-cols-[9rem_6rem_1fr_auto]"
      aria-label="Log time"
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate();
      }}
    >
      <Field label="Day" error={errors.date}>
        {(p) => <Input {...p} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}
      </Field>
      <Field label="Hours" error={errors.hours}>
        {(p) => (
          <Input
            {...p}
            type="number"
            min={0.25}
            max={24}
            step={0.25}
            inputMode="decimal"
            value={hours}
            onChange={(e) => setHours(e.target.value)}
          />
        )}
      </Field>
      <div className="col-span-2 sm:col-span-1">
        <Field label="Note" error={errors.note}>
          {(p) => (
            <Input
              {...p}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              placeholder="What you did"
            />
          )}
        </Field>
      </div>
      {data.hourlyItems.length > 1 ? (
        <Field label="Deliverable" error={errors.taskItemId}>
          {(p) => (
            <Select {...p} value={itemId} onChange={(e) => setItemId(e.target.value)}>
              {data.hourlyItems.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
      ) : null}
      <div className="col-span-2 flex items-end sm:col-span-1">
        <Button type="submit" variant="primary" busy={add.isPending} className="w-full">
          Log time
        </Button>
      </div>
    </form>
  );
}
