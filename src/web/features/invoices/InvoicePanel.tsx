import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FileDown, Trash2 } from 'lucide-react';
import { toast } from 'sonner';
import type { InvoiceDetail } from '../../../contracts/money';
import { SidePanel } from '../../components/SidePanel';
import { Button, ErrorNotice, Spinner } from '../../components/ui';
import { ApiError, api, del, errorMessage } from '../../lib/api';
import { formatMoney } from '../../lib/format';
import { AdjustmentForm, InvoiceActions } from './InvoiceActions';
import { InvoiceTimeline } from './InvoiceTimeline';
import { downloadFile, formatPeriod, InvoiceStatusBadge } from './shared';

/** One invoice: its lines, totals, history and the actions the viewer may take (R29). */
export function InvoicePanel({ invoiceId, onClose }: { invoiceId: string; onClose: () => void }) {
  const q = useQuery({
    queryKey: ['invoice', invoiceId],
    queryFn: () => api<InvoiceDetail>(`/api/invoices/${invoiceId}`),
  });
  const inv = q.data;
  return (
    <SidePanel
      open
      onClose={onClose}
      wide
      title={inv ? `Invoice ${inv.label} · ${inv.contractor.name}` : 'Invoice'}
      description={inv ? formatPeriod(inv.periodStart, inv.periodEnd) : undefined}
    >
      {q.isPending ? (
        <div className="p-5">
          <Spinner label="Loading invoice" />
        </div>
      ) : q.isError ? (
        <ErrorNotice error={q.error} />
      ) : (
        <InvoiceBody invoice={q.data} onGone={onClose} />
      )}
    </SidePanel>
  );
}

/** After a change: this invoice, the lists, the budgets and the contractor's open work. */
export function useInvoiceRefresh(id: string) {
  const qc = useQueryClient();
  return (next?: InvoiceDetail) => {
    if (next) qc.setQueryData(['invoice', id], next);
    else qc.invalidateQueries({ queryKey: ['invoice', id] });
    qc.invalidateQueries({ queryKey: ['invoices'] });
    qc.invalidateQueries({ queryKey: ['budgets'] });
    qc.invalidateQueries({ queryKey: ['unbilled-work'] });
  };
}

/** A toast for a failed change; a stale version reloads the invoice and says so. */
export function useInvoiceError(id: string) {
  const qc = useQueryClient();
  return (e: unknown) => {
    if (e instanceof ApiError && e.code === 'STALE_VERSION') {
      qc.invalidateQueries({ queryKey: ['invoice', id] });
      toast.error('This invoice changed meanwhile: it has been reloaded, check it and try again');
      return;
    }
    toast.error(errorMessage(e), { duration: 8000 });
  };
}

function InvoiceBody({ invoice: inv, onGone }: { invoice: InvoiceDetail; onGone: () => void }) {
  const refresh = useInvoiceRefresh(inv.id);
  const onError = useInvoiceError(inv.id);
  const removeLine = useMutation({
    mutationFn: (lineId: string) =>
      del<InvoiceDetail>(`/api/invoices/${inv.id}/lines/${lineId}?version=${inv.version}`),
    onSuccess: (next) => {
      toast.success('Line removed; its work can be invoiced again');
      refresh(next);
    },
    onError,
  });
  const pdf = useMutation({
    mutationFn: () =>
      downloadFile(`/api/invoices/${inv.id}/pdf`, `invoice-${inv.label.replace(/\W+/g, '-')}.pdf`),
    onError: (e) => toast.error(errorMessage(e)),
  });
  const money = (m: number) => formatMoney(m, inv.currency);

  return (
    <div className="flex flex-col gap-5 p-5">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <InvoiceStatusBadge status={inv.status} />
        <span className="text-lg font-semibold tabular-nums" data-testid="invoice-total">
          {money(inv.totalMinor)}
        </span>
        <span className="text-muted">
          {inv.currency} · payment terms {inv.contractor.paymentTerms || 'as agreed'}
        </span>
        <Button className="ml-auto" busy={pdf.isPending} onClick={() => pdf.mutate()}>
          <FileDown size={14} /> PDF
        </Button>
      </div>
      {inv.status === 'rejected' && inv.rejectReason ? (
        <p role="note" className="rounded-md border border-bad/40 bg-bad/5 p-3 text-sm">
          <strong className="text-bad">Rejected:</strong> {inv.rejectReason}
        </p>
      ) : null}
      <InvoiceTimeline invoice={inv} />
      <InvoiceActions invoice={inv} onGone={onGone} />
      <section aria-labelledby="lines-h">
        <h3 id="lines-h" className="mb-1 text-xs font-semibold text-muted">
          Lines · work at the rates in force on assignment, time at the hourly rate
        </h3>
        <div className="overflow-x-auto rounded-md border border-line">
          <table className="w-full text-sm" data-testid="invoice-lines">
            <thead>
              <tr className="border-b border-line text-left text-xs text-muted">
                <th scope="col" className="px-3 py-1.5 font-medium">
                  Description
                </th>
                <th scope="col" className="px-2 py-1.5 text-right font-medium">
                  Qty
                </th>
                <th scope="col" className="hidden px-2 py-1.5 text-right font-medium sm:table-cell">
                  Unit
                </th>
                <th scope="col" className="px-3 py-1.5 text-right font-medium">
                  Amount
                </th>
                <th scope="col" className="w-8">
                  <span className="sr-only">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {inv.lines.map((l) => (
                <tr key={l.id}>
                  <td className="px-3 py-1.5">
                    <span className="block">{l.description}</span>
                    {l.reason ? (
                      <span className="block text-xs text-muted">
                        {l.kind} · {l.reason}
                        {l.addedBy ? ` · ${l.addedBy}` : ''}
                      </span>
                    ) : null}
                  </td>
                  <td className="px-2 py-1.5 text-right tabular-nums">
                    {Number.isInteger(l.quantity) ? l.quantity : l.quantity.toFixed(2)}
                  </td>
                  <td className="hidden px-2 py-1.5 text-right tabular-nums sm:table-cell">
                    {money(l.unitAmountMinor)}
                  </td>
                  <td className="px-3 py-1.5 text-right tabular-nums">{money(l.amountMinor)}</td>
                  <td className="pr-2 text-right">
                    {l.abilities.remove ? (
                      <button
                        type="button"
                        className="rounded p-1 text-muted hover:bg-sunken hover:text-bad"
                        aria-label={`Remove ${l.description}`}
                        disabled={removeLine.isPending}
                        onClick={() => removeLine.mutate(l.id)}
                      >
                        <Trash2 size={14} />
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot className="border-t border-line text-sm">
              <tr>
                <td className="px-3 py-1 text-right text-muted" colSpan={3}>
                  Subtotal
                </td>
                <td className="px-3 py-1 text-right tabular-nums">{money(inv.subtotalMinor)}</td>
                <td />
              </tr>
              <tr>
                <td className="px-3 py-1 text-right text-muted" colSpan={3}>
                  Adjustments
                </td>
                <td className="px-3 py-1 text-right tabular-nums">
                  {money(inv.byKind.adjustment)}
                </td>
                <td />
              </tr>
              <tr className="font-semibold">
                <td className="px-3 py-1.5 text-right" colSpan={3}>
                  Total
                </td>
                <td className="px-3 py-1.5 text-right tabular-nums">{money(inv.totalMinor)}</td>
                <td />
              </tr>
            </tfoot>
          </table>
        </div>
      </section>
      {inv.abilities.addAdjustment ? <AdjustmentForm invoice={inv} /> : null}
    </div>
  );
}
