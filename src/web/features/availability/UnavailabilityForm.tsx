import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { toast } from 'sonner';
import type { Unavailability } from '../../../contracts/contractors';
import { Button, cx, Field, Input, Select } from '../../components/ui';
import { ApiError, errorMessage, post } from '../../lib/api';
import { formatRange } from './dates';

type Kind = Unavailability['kind'];

/** The later of two ISO dates. */
const laterOf = (a: string, b: string) => (a.localeCompare(b) < 0 ? b : a);

/** Add a range of days away (inclusive). On a phone the controls are full width and 44 px tall. */
export function UnavailabilityForm({
  contractorId,
  today,
  touch,
  onAdded,
}: {
  contractorId: string;
  today: string;
  touch?: boolean;
  onAdded: () => void;
}) {
  const blank = { start: today, end: today, kind: 'time_off' as Kind, note: '' };
  const [draft, setDraft] = useState(blank);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const add = useMutation({
    mutationFn: () =>
      post<Unavailability>(`/api/contractors/${contractorId}/unavailability`, draft),
    onSuccess: (r) => {
      toast.success(`Added ${formatRange(r.start, r.end)}`);
      setDraft(blank);
      setErrors({});
      onAdded();
    },
    onError: (e) => {
      if (e instanceof ApiError)
        setErrors(
          Object.fromEntries(
            Object.entries(e.fields ?? {}).map(([k, v]) => [k.replace(/^body\./, ''), v]),
          ),
        );
      toast.error(errorMessage(e));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  const big = cx('dark:[color-scheme:dark]', touch && 'h-[44px] text-base');
  return (
    <form
      onSubmit={submit}
      aria-labelledby={`add-away-${contractorId}`}
      className={cx(
        'grid gap-3 rounded-md bg-sunken/60 p-3',
        touch ? 'grid-cols-1' : 'grid-cols-2 sm:grid-cols-4',
      )}
    >
      <h3
        id={`add-away-${contractorId}`}
        className={cx('text-sm font-semibold', touch ? '' : 'col-span-2 sm:col-span-4')}
      >
        Add time away
      </h3>
      <Field label="First day away" error={errors.start}>
        {(p) => (
          <Input
            {...p}
            type="date"
            required
            className={big}
            value={draft.start}
            onChange={(e) => {
              const start = e.target.value;
              setDraft({ ...draft, start, end: laterOf(draft.end, start) });
            }}
          />
        )}
      </Field>
      <Field label="Last day away" error={errors.end}>
        {(p) => (
          <Input
            {...p}
            type="date"
            required
            min={draft.start}
            className={big}
            value={draft.end}
            onChange={(e) => setDraft({ ...draft, end: e.target.value })}
          />
        )}
      </Field>
      <Field label="Kind" error={errors.kind}>
        {(p) => (
          <Select
            {...p}
            className={big}
            value={draft.kind}
            onChange={(e) => setDraft({ ...draft, kind: e.target.value as Kind })}
          >
            <option value="time_off">Time off</option>
            <option value="travel">Travel</option>
            <option value="other">Other commitment</option>
          </Select>
        )}
      </Field>
      <Field label="Note (optional)" error={errors.note}>
        {(p) => (
          <Input
            {...p}
            className={big}
            maxLength={500}
            value={draft.note}
            onChange={(e) => setDraft({ ...draft, note: e.target.value })}
          />
        )}
      </Field>
      <div className={touch ? '' : 'col-span-2 sm:col-span-4'}>
        <Button
          type="submit"
          variant="primary"
          busy={add.isPending}
          className={touch ? 'h-[44px] w-full text-base' : undefined}
        >
          Add {draft.start && draft.end ? formatRange(draft.start, draft.end) : 'time away'}
        </Button>
      </div>
    </form>
  );
}
