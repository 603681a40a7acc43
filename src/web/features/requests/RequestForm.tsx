import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Plus, Repeat, Trash2 } from 'lucide-react';
import { type FormEvent, useMemo, useState } from 'react';
import { toast } from 'sonner';
import type { z } from 'zod';
import type { RepeatRequest, RequestDetail } from '../../../contracts/requests';
import { leadTimeVerdict } from '../../../domain/lead-time';
import { SidePanel } from '../../components/SidePanel';
import { Badge, Button, Field, Input, Select, Textarea } from '../../components/ui';
import { ApiError, api, errorMessage, post } from '../../lib/api';
import { formatMoney, todayIn } from '../../lib/format';
import { useMe } from '../../lib/session';
import { CompletenessBadge, FitBadge } from '../clients/FitBadge';
import {
  useActiveContractors,
  useClients,
  useDeliverableTypes,
  useRateCard,
} from './useReferenceData';

interface Line {
  deliverableTypeId: string;
  quantity: number;
}

const nextMonth = (today: string) => {
  const [y, m] = today.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

/** R10: the task request form, with the lead-time verdict (R11) live as the due date changes. */
export function RequestForm({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const me = useMe();
  const qc = useQueryClient();
  const current = me.data?.current;
  const tz = current?.workspaceTimeZone ?? 'UTC';
  const today = todayIn(tz);
  const clients = useClients();
  const types = useDeliverableTypes();
  const contractors = useActiveContractors();
  const rateCard = useRateCard();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [clientId, setClientId] = useState('');
  const [lines, setLines] = useState<Line[]>([{ deliverableTypeId: '', quantity: 1 }]);
  const [month, setMonth] = useState(nextMonth(today));
  const [dueDate, setDueDate] = useState('');
  const [collateralReady, setCollateralReady] = useState(false);
  const [preferred, setPreferred] = useState('');
  const [notes, setNotes] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const client = clients.data?.items.find((c) => c.id === clientId);
  const typeById = useMemo(
    () => new Map((types.data?.items ?? []).map((t) => [t.id, t])),
    [types.data],
  );
  const chosen = lines.filter((l) => l.deliverableTypeId);
  const verdict = useMemo(() => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(dueDate)) return null;
    try {
      return leadTimeVerdict({
        submittedAt: new Date(),
        dueDate,
        timeZone: tz,
        includesContentCalendar: chosen.some(
          (l) => typeById.get(l.deliverableTypeId)?.isContentCalendar,
        ),
      });
    } catch {
      return null;
    }
  }, [dueDate, tz, chosen, typeById]);
  const mayOverride = current?.role === 'coordinator' || current?.role === 'admin';

  const repeat = useMutation({
    mutationFn: () =>
      api<z.infer<typeof RepeatRequest>>(`/api/requests/repeat?clientId=${clientId}`),
    onSuccess: (r) => {
      setLines(
        r.items.map((i) => ({ deliverableTypeId: i.deliverableTypeId, quantity: i.quantity })),
      );
      setMonth(r.month);
      setDueDate(r.dueDate);
      setNotes(r.notes);
      setCollateralReady(r.collateralReady);
      setPreferred(r.preferredContractorId ?? '');
      toast.success(`Filled from the ${r.sourceMonth} request — check the dates`);
    },
    onError: (e) =>
      toast.error(
        e instanceof ApiError && e.status === 404
          ? 'No previous request for this client'
          : errorMessage(e),
      ),
  });

  const submit = useMutation({
    mutationFn: () =>
      post<RequestDetail>('/api/requests', {
        clientId,
        items: chosen,
        month,
        dueDate,
        collateralReady,
        preferredContractorId: preferred || null,
        notes: notes || undefined,
        overrideReason: overrideReason.trim() || undefined,
        idempotencyKey,
      }),
    onSuccess: (r) => {
      toast.success(
        r.lead.status === 'warning' ? `Request submitted — ${r.lead.message}` : 'Request submitted',
      );
      qc.invalidateQueries({ queryKey: ['requests'] });
      onCreated(r.id);
    },
    onError: (e) => {
      if (e instanceof ApiError)
        setErrors(
          Object.fromEntries(
            Object.entries(e.fields ?? {}).map(([k, v]) => [
              k.replace(/^body\./, '').split('.')[0],
              v,
            ]),
          ),
        );
      toast.error(errorMessage(e));
    },
  });

  const defaults = useMemo(
    () =>
      new Map(
        (rateCard.data?.items ?? []).map((i) => [
          i.deliverableType.id,
          i.current?.amountMinor ?? 0,
        ]),
      ),
    [rateCard.data],
  );
  const estimate = chosen.reduce(
    (sum, l) => sum + (defaults.get(l.deliverableTypeId) ?? 0) * l.quantity,
    0,
  );
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit.mutate();
  };

  return (
    <SidePanel
      open
      onClose={onClose}
      title="New task request"
      description="Everything a coordinator needs to assign the work (R10)."
    >
      <form onSubmit={onSubmit} className="flex flex-col gap-4 p-5">
        <div className="flex items-end gap-2">
          <div className="flex-1">
            <Field label="Client" error={errors.clientId}>
              {(p) => (
                <Select
                  {...p}
                  value={clientId}
                  onChange={(e) => setClientId(e.target.value)}
                  autoFocus
                >
                  <option value="">Choose a client…</option>
                  {clients.data?.items.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
          </div>
          <Button
            onClick={() => repeat.mutate()}
            disabled={!clientId}
            busy={repeat.isPending}
            title="R12: pre-fill from this client's previous request"
          >
            <Repeat size={14} /> Repeat last month
          </Button>
        </div>
        {client ? (
          <div
            className="flex flex-col gap-1 rounded-md bg-sunken p-3 text-sm"
            data-testid="client-verdict"
          >
            <div className="flex flex-wrap items-center gap-2">
              <FitBadge fit={client.fit} /> <CompletenessBadge oneSheeter={client.oneSheeter} />
              <span className="text-xs text-muted">One-sheeter attached automatically</span>
            </div>
            {client.fit.cautions.map((c) => (
              <p key={c} className="text-warn">
                ⚠ {c}
              </p>
            ))}
            {!client.assignable ? (
              <p className="text-bad">
                Not fit for contracting (R1): a coordinator must override on the client before
                assignment.
              </p>
            ) : null}
            {client.oneSheeter?.completeness.complete === false || !client.oneSheeter ? (
              <p className="text-bad">
                One-sheeter incomplete (R4):{' '}
                {client.oneSheeter
                  ? client.oneSheeter.completeness.missingRequired.join(', ')
                  : 'not written yet'}{' '}
                — it must be complete before assignment.
              </p>
            ) : null}
          </div>
        ) : null}
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-xs font-medium text-muted">Deliverables</legend>
          {lines.map((l, i) => (
            <div key={i} className="flex gap-2">
              <label className="sr-only" htmlFor={`type-${i}`}>
                Deliverable type {i + 1}
              </label>
              <Select
                id={`type-${i}`}
                value={l.deliverableTypeId}
                onChange={(e) =>
                  setLines(
                    lines.map((x, j) =>
                      j === i ? { ...x, deliverableTypeId: e.target.value } : x,
                    ),
                  )
                }
              >
                <option value="">Deliverable type…</option>
                {(['organic', 'influencer'] as const).map((g) => (
                  <optgroup key={g} label={g === 'organic' ? 'Organic Social' : 'Influencer'}>
                    {types.data?.items
                      .filter((t) => t.group === g)
                      .map((t) => (
                        <option key={t.id} value={t.id}>
                          {t.name}
                        </option>
                      ))}
                  </optgroup>
                ))}
              </Select>
              <label className="sr-only" htmlFor={`qty-${i}`}>
                Quantity {i + 1}
              </label>
              <Input
                id={`qty-${i}`}
                type="number"
                min={1}
                className="w-20"
                value={l.quantity}
                onChange={(e) =>
                  setLines(
                    lines.map((x, j) => (j === i ? { ...x, quantity: Number(e.target.value) } : x)),
                  )
                }
              />
              <Button
                variant="ghost"
                aria-label={`Remove line ${i + 1}`}
                onClick={() => setLines(lines.length > 1 ? lines.filter((_, j) => j !== i) : lines)}
              >
                <Trash2 size={14} />
              </Button>
            </div>
          ))}
          <div className="flex items-center justify-between">
            <Button
              size="sm"
              onClick={() => setLines([...lines, { deliverableTypeId: '', quantity: 1 }])}
            >
              <Plus size={12} /> Add deliverable
            </Button>
            {errors.items ? <span className="text-xs text-bad">{errors.items}</span> : null}
          </div>
        </fieldset>
        <div className="grid grid-cols-2 gap-3">
          <Field label="Month" error={errors.month}>
            {(p) => (
              <Input {...p} type="month" value={month} onChange={(e) => setMonth(e.target.value)} />
            )}
          </Field>
          <Field label="Due date" hint={`Calendar day in ${tz}`} error={errors.dueDate}>
            {(p) => (
              <Input
                {...p}
                type="date"
                min={today}
                value={dueDate}
                onChange={(e) => setDueDate(e.target.value)}
              />
            )}
          </Field>
        </div>
        {verdict ? (
          <div
            role="status"
            data-testid="lead-verdict"
            className={`rounded-md p-3 text-sm ${verdict.status === 'ok' ? 'bg-ok/10 text-ok' : verdict.status === 'warning' ? 'bg-warn/10 text-warn' : 'bg-bad/10 text-bad'}`}
          >
            <Badge
              tone={verdict.status === 'ok' ? 'ok' : verdict.status === 'warning' ? 'warn' : 'bad'}
            >
              R11 · {verdict.leadDays} days
            </Badge>{' '}
            {verdict.message}
          </div>
        ) : null}
        {verdict?.status === 'refused' && verdict.needsOverride && mayOverride ? (
          <Field
            label="Override reason (coordinator)"
            hint="At least 10 characters; kept with the request"
            error={errors.overrideReason}
          >
            {(p) => (
              <Textarea
                {...p}
                rows={2}
                value={overrideReason}
                onChange={(e) => setOverrideReason(e.target.value)}
              />
            )}
          </Field>
        ) : null}
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={collateralReady}
            onChange={(e) => setCollateralReady(e.target.checked)}
          />{' '}
          Collateral is ready
        </label>
        <Field label="Preferred contractor (optional)">
          {(p) => (
            <Select {...p} value={preferred} onChange={(e) => setPreferred(e.target.value)}>
              <option value="">No preference</option>
              {contractors.data?.items.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field
          label="Additional notes"
          hint="Dates to consider, references, anything the coordinator should know"
          error={errors.notes}
        >
          {(p) => (
            <Textarea {...p} rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />
          )}
        </Field>
        <div className="sticky bottom-0 -mx-5 flex items-center gap-3 border-t border-line bg-panel px-5 py-3">
          <Button
            type="submit"
            variant="primary"
            busy={submit.isPending}
            disabled={
              !clientId ||
              chosen.length === 0 ||
              !dueDate ||
              (verdict?.status === 'refused' &&
                !(mayOverride && overrideReason.trim().length >= 10))
            }
          >
            Submit request
          </Button>
          {estimate > 0 ? (
            <span className="text-xs text-muted">
              Estimated {formatMoney(estimate, current?.currency ?? 'USD')} at default rates
            </span>
          ) : null}
        </div>
      </form>
    </SidePanel>
  );
}
