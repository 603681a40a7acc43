import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { toast } from 'sonner';
import type { DeliverableType } from '../../../contracts/rates';
import { Button, Field, Input, Select } from '../../components/ui';
import { ApiError, errorMessage, post } from '../../lib/api';
import { formatMoney, todayIn } from '../../lib/format';
import { useMe } from '../../lib/session';
import { toMinor } from './money';

/**
 * R7: record a rate from an effective date — a contractor's negotiated rate (`contractorId`) or
 * the department default. Rates are never edited: a new row starts on its date, history stays.
 */
export function NewRateForm({
  types,
  contractorId,
  currency,
  fixedTypeId,
  onAdded,
}: {
  types: Pick<DeliverableType, 'id' | 'name'>[];
  contractorId: string | null;
  currency: string;
  fixedTypeId?: string;
  onAdded: () => void;
}) {
  const me = useMe();
  const today = todayIn(me.data?.current?.timeZone ?? 'UTC');
  const blank = {
    deliverableTypeId: fixedTypeId ?? '',
    amount: '',
    currency,
    effectiveFrom: today,
    note: '',
  };
  const [draft, setDraft] = useState(blank);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const amountMinor = toMinor(draft.amount, draft.currency);
  const add = useMutation({
    mutationFn: () =>
      post('/api/rates', {
        deliverableTypeId: draft.deliverableTypeId,
        contractorId,
        amountMinor,
        currency: draft.currency,
        effectiveFrom: draft.effectiveFrom,
        note: draft.note,
      }),
    onSuccess: () => {
      toast.success(
        `${contractorId ? 'Negotiated' : 'Default'} rate of ${formatMoney(amountMinor ?? 0, draft.currency)} recorded from ${draft.effectiveFrom}`,
      );
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
    if (amountMinor === null) {
      setErrors({ amountMinor: 'An amount such as 85 or 85.50' });
      return;
    }
    add.mutate();
  };
  const set = (k: keyof typeof blank, v: string) => setDraft({ ...draft, [k]: v });
  return (
    <form
      onSubmit={submit}
      className={fixedTypeId ? 'grid grid-cols-3 gap-3' : 'grid grid-cols-2 gap-3 sm:grid-cols-4'}
    >
      {fixedTypeId ? null : (
        <div className="col-span-2">
          <Field label="Deliverable type" error={errors.deliverableTypeId}>
            {(p) => (
              <Select
                {...p}
                required
                value={draft.deliverableTypeId}
                onChange={(e) => set('deliverableTypeId', e.target.value)}
              >
                <option value="">Choose…</option>
                {types.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </div>
      )}
      <Field label="Amount" error={errors.amountMinor}>
        {(p) => (
          <Input
            {...p}
            inputMode="decimal"
            placeholder="85.00"
            required
            value={draft.amount}
            onChange={(e) => set('amount', e.target.value)}
          />
        )}
      </Field>
      <Field label="Currency" error={errors.currency}>
        {(p) => (
          <Input
            {...p}
            maxLength={3}
            value={draft.currency}
            onChange={(e) => set('currency', e.target.value.toUpperCase())}
          />
        )}
      </Field>
      <Field label="Effective from" error={errors.effectiveFrom}>
        {(p) => (
          <Input
            {...p}
            type="date"
            required
            className="dark:[color-scheme:dark]"
            value={draft.effectiveFrom}
            onChange={(e) => set('effectiveFrom', e.target.value)}
          />
        )}
      </Field>
      <div className={fixedTypeId ? 'col-span-3' : 'col-span-2 sm:col-span-3'}>
        <Field label="Note" hint="Why this rate (kept with the history)" error={errors.note}>
          {(p) => <Input {...p} value={draft.note} onChange={(e) => set('note', e.target.value)} />}
        </Field>
      </div>
      <div className={fixedTypeId ? 'col-span-3' : 'col-span-2 flex items-end sm:col-span-4'}>
        <Button type="submit" variant="primary" size="sm" busy={add.isPending}>
          {contractorId ? 'Add negotiated rate' : 'Add default rate'}
        </Button>
      </div>
    </form>
  );
}
