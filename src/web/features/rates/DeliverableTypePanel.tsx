import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { toast } from 'sonner';
import type { RateCard } from '../../../contracts/rates';
import { SidePanel } from '../../components/SidePanel';
import { Badge, Button, Spinner } from '../../components/ui';
import { ApiError, errorMessage, patch } from '../../lib/api';
import { formatMoney } from '../../lib/format';
import { formatDay } from '../availability/dates';
import { GROUP_LABEL, UNIT_LABEL, useContractorAbilities } from '../contractors/shared';
import {
  DeliverableTypeFields,
  draftToTypeBody,
  type TypeDraft,
  typeFieldErrors,
  typeToDraft,
} from './DeliverableTypeFields';
import { NewRateForm } from './NewRateForm';

type Item = RateCard['items'][number];

/** One rate-card row: its default rate history (never edited), negotiated rates, and settings. */
export function DeliverableTypePanel({
  item,
  onClose,
}: {
  item: Item | undefined;
  onClose: () => void;
}) {
  const qc = useQueryClient();
  const can = useContractorAbilities();
  const refresh = () => {
    qc.invalidateQueries({ queryKey: ['rate-card'] });
    qc.invalidateQueries({ queryKey: ['deliverable-types'] });
    qc.invalidateQueries({ queryKey: ['contractor-rates'] });
  };
  const t = item?.deliverableType;
  return (
    <SidePanel
      open
      onClose={onClose}
      title={t?.name ?? 'Deliverable type'}
      description={t ? `${GROUP_LABEL[t.group]} · ${UNIT_LABEL[t.unit]}` : undefined}
    >
      {!item ? (
        <div className="p-5">
          <Spinner label="Loading" />
        </div>
      ) : (
        <div className="flex flex-col gap-6 p-5">
          <section aria-labelledby="default-h" className="flex flex-col gap-2">
            <h3 id="default-h" className="text-sm font-semibold">
              Default rate
            </h3>
            <p className="text-2xl font-semibold tabular-nums">
              {item.current ? formatMoney(item.current.amountMinor, item.current.currency) : '—'}
              <span className="ml-2 text-sm font-normal text-muted">
                {item.current
                  ? `${UNIT_LABEL[item.deliverableType.unit]} · since ${formatDay(item.current.effectiveFrom)}`
                  : 'No default rate yet'}
              </span>
            </p>
            <ol aria-label="Default rate history" className="flex flex-col gap-1 text-sm">
              {item.history.map((h) => (
                <li key={h.id} className="flex flex-wrap gap-x-2 border-l-2 border-line pl-2">
                  <span className="font-medium tabular-nums">
                    {formatMoney(h.amountMinor, h.currency)}
                  </span>
                  <span>from {formatDay(h.effectiveFrom)}</span>
                  {item.upcoming.some((u) => u.id === h.id) ? (
                    <Badge tone="accent">upcoming</Badge>
                  ) : null}
                  {h.note ? <span className="text-muted">· {h.note}</span> : null}
                  {h.createdByName ? (
                    <span className="text-muted">· recorded by {h.createdByName}</span>
                  ) : null}
                </li>
              ))}
            </ol>
            {can.editRates ? (
              <div className="mt-2 rounded-md bg-sunken/60 p-3">
                <h4 className="mb-2 text-xs font-semibold">Add a new default rate</h4>
                <NewRateForm
                  types={[item.deliverableType]}
                  fixedTypeId={item.deliverableType.id}
                  contractorId={null}
                  currency={item.current?.currency ?? can.currency}
                  onAdded={refresh}
                />
              </div>
            ) : null}
          </section>
          <section aria-labelledby="neg-in-force-h" className="flex flex-col gap-1">
            <h3 id="neg-in-force-h" className="text-sm font-semibold">
              Negotiated rates in force
            </h3>
            {item.negotiatedInForce.length === 0 ? (
              <p className="text-sm text-muted">Every contractor is on the default.</p>
            ) : (
              <ul className="text-sm">
                {item.negotiatedInForce.map((n) => (
                  <li key={n.contractorId} className="flex justify-between py-0.5">
                    <span>{n.contractorName}</span>
                    <span className="tabular-nums">
                      {formatMoney(n.amountMinor, n.currency)}{' '}
                      <span className="text-xs text-muted">since {formatDay(n.effectiveFrom)}</span>
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <TypeSettings item={item} canEdit={can.manage} onSaved={refresh} />
        </div>
      )}
    </SidePanel>
  );
}

function TypeSettings({
  item,
  canEdit,
  onSaved,
}: {
  item: Item;
  canEdit: boolean;
  onSaved: () => void;
}) {
  const t = item.deliverableType;
  const [draft, setDraft] = useState<TypeDraft>(() => typeToDraft(t));
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => setDraft(typeToDraft(t)), [t]);
  const save = useMutation({
    mutationFn: (extra: { archived?: boolean }) =>
      patch(`/api/deliverable-types/${t.id}`, {
        ...draftToTypeBody(draft),
        ...extra,
        version: t.version,
      }),
    onSuccess: () => {
      toast.success('Deliverable type saved');
      setErrors({});
      onSaved();
    },
    onError: (e) => {
      if (e instanceof ApiError) {
        setErrors(typeFieldErrors(e.fields));
        if (e.status === 409) {
          toast.error('Someone else changed this type first; the latest version is shown now.');
          onSaved();
          return;
        }
      }
      toast.error(errorMessage(e));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({});
  };
  return (
    <form onSubmit={submit} aria-labelledby="type-settings-h" className="flex flex-col gap-3">
      <h3 id="type-settings-h" className="text-sm font-semibold">
        Settings and QA checklist
      </h3>
      <DeliverableTypeFields
        draft={draft}
        onChange={setDraft}
        errors={errors}
        disabled={!canEdit}
      />
      {canEdit ? (
        <div className="flex gap-2">
          <Button type="submit" variant="primary" busy={save.isPending}>
            Save type
          </Button>
          <Button variant="ghost" onClick={() => save.mutate({ archived: !t.archived })}>
            {t.archived ? 'Restore' : 'Archive'}
          </Button>
        </div>
      ) : null}
    </form>
  );
}
