import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { toast } from 'sonner';
import type { InvoiceDetail, UnbilledWork } from '../../../contracts/money';
import { Modal } from '../../components/SidePanel';
import { Button, ErrorNotice, Field, Input, Spinner } from '../../components/ui';
import { ApiError, api, errorMessage, post } from '../../lib/api';
import { formatDue, formatMoney, todayIn } from '../../lib/format';
import { useMe } from '../../lib/session';

/**
 * The draft builder (R29): the contractor sees his QA-passed work not invoiced yet, picks the
 * period (proposed from that work), and Handoff creates the draft with its lines.
 */
export function NewInvoiceDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const me = useMe();
  const tz = me.data?.current?.timeZone ?? 'UTC';
  const qc = useQueryClient();
  const work = useQuery({
    queryKey: ['unbilled-work'],
    queryFn: () => api<UnbilledWork>('/api/invoices/unbilled'),
    enabled: open,
  });
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    if (!open || !work.data) return;
    const today = todayIn(tz);
    setFrom(work.data.firstDate ?? `${today.slice(0, 8)}01`);
    setTo(work.data.lastDate ?? today);
    setErrors({});
  }, [open, work.data, tz]);
  const inPeriod = (work.data?.items ?? []).filter((i) => i.date && i.date >= from && i.date <= to);
  const total = inPeriod.reduce((s, i) => s + i.amountMinor, 0);
  const create = useMutation({
    mutationFn: () => post<InvoiceDetail>('/api/invoices', { periodStart: from, periodEnd: to }),
    onSuccess: (inv) => {
      toast.success(`Draft created with ${inv.lines.length} lines — check it, then submit`);
      qc.invalidateQueries({ queryKey: ['invoices'] });
      qc.invalidateQueries({ queryKey: ['unbilled-work'] });
      onCreated(inv.id);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fields) {
        setErrors({
          from: e.fields['body.periodStart'] ?? '',
          to: e.fields['body.periodEnd'] ?? '',
        });
      }
      toast.error(errorMessage(e));
    },
  });
  const currency = work.data?.currency ?? 'USD';

  return (
    <Modal open={open} onClose={onClose} title="New invoice">
      {work.isPending ? (
        <Spinner label="Finding your QA-passed work" />
      ) : work.isError ? (
        <ErrorNotice error={work.error} />
      ) : work.data.items.length === 0 ? (
        <div className="flex flex-col gap-3 text-sm">
          <p>
            Nothing to invoice right now. Work becomes invoiceable once it has passed QA; hourly
            work once your time is approved.
          </p>
          <div className="flex justify-end">
            <Button onClick={onClose}>Close</Button>
          </div>
        </div>
      ) : (
        <form
          className="flex flex-col gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate();
          }}
        >
          <p className="text-sm text-muted">
            Work counts on the day it passed QA; time on the day you worked it. Lines are priced at
            the rates agreed when the work was assigned.
          </p>
          <div className="grid grid-cols-2 gap-3">
            <Field label="Period from" error={errors.from || undefined}>
              {(p) => (
                <Input {...p} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
              )}
            </Field>
            <Field label="Period to" error={errors.to || undefined}>
              {(p) => (
                <Input {...p} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
              )}
            </Field>
          </div>
          <ul
            className="max-h-64 divide-y divide-line overflow-y-auto rounded-md border border-line text-sm"
            aria-label="Work not invoiced yet"
          >
            {work.data.items.map((i) => {
              const included = inPeriod.includes(i);
              return (
                <li
                  key={i.sourceId}
                  className={`flex items-start justify-between gap-3 px-3 py-2 ${included ? '' : 'opacity-50'}`}
                >
                  <span className="min-w-0">
                    <span className="block">{i.description}</span>
                    <span className="text-xs text-muted">
                      {i.date ? formatDue(i.date, tz) : 'no date'}
                      {included ? '' : ' · outside the period'}
                    </span>
                  </span>
                  <span className="whitespace-nowrap tabular-nums">
                    {formatMoney(i.amountMinor, currency)}
                  </span>
                </li>
              );
            })}
          </ul>
          <div className="flex items-center justify-between gap-2">
            <span className="text-sm">
              {inPeriod.length} of {work.data.items.length} in the period ·{' '}
              <strong className="tabular-nums">{formatMoney(total, currency)}</strong>
            </span>
            <div className="flex gap-2">
              <Button onClick={onClose}>Cancel</Button>
              <Button
                type="submit"
                variant="primary"
                busy={create.isPending}
                disabled={!from || !to || inPeriod.length === 0}
              >
                Create draft
              </Button>
            </div>
          </div>
        </form>
      )}
    </Modal>
  );
}
