import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { toast } from 'sonner';
import type { InvoiceDetail } from '../../../contracts/money';
import { Button, Field, Input, Select, Textarea } from '../../components/ui';
import { del, post } from '../../lib/api';
import { formatMoney } from '../../lib/format';
import { useInvoiceError, useInvoiceRefresh } from './InvoicePanel';
import { parseAmount } from './shared';

type Action = InvoiceDetail['abilities']['actions'][number];

const DONE: Record<Action, string> = {
  submit: 'Submitted — finance has been told',
  approve: 'Approved — it now waits for payment',
  reject: 'Rejected — the contractor can fix and reopen it',
  pay: 'Marked paid',
  reopen: 'Reopened as a draft with its work lines rebuilt',
};

/** The state machine's buttons for this viewer, with the reason or reference they need. */
export function InvoiceActions({
  invoice: inv,
  onGone,
}: {
  invoice: InvoiceDetail;
  onGone: () => void;
}) {
  const refresh = useInvoiceRefresh(inv.id);
  const onError = useInvoiceError(inv.id);
  const [asking, setAsking] = useState<'reject' | 'pay' | null>(null);
  const [text, setText] = useState('');
  const act = useMutation({
    mutationFn: (v: { action: Action; reason?: string; paymentReference?: string }) =>
      post<InvoiceDetail>(`/api/invoices/${inv.id}/${v.action}`, {
        version: inv.version,
        reason: v.reason,
        paymentReference: v.paymentReference,
      }),
    onSuccess: (next, v) => {
      toast.success(DONE[v.action]);
      setAsking(null);
      setText('');
      refresh(next);
    },
    onError,
  });
  const pull = useMutation({
    mutationFn: () =>
      post<InvoiceDetail>(`/api/invoices/${inv.id}/refresh`, { version: inv.version }),
    onSuccess: (next) => {
      const added = next.lines.length - inv.lines.length;
      toast.success(added > 0 ? `${added} new lines added` : 'Nothing new to add for this period');
      refresh(next);
    },
    onError,
  });
  const discard = useMutation({
    mutationFn: () => del(`/api/invoices/${inv.id}?version=${inv.version}`),
    onSuccess: () => {
      toast.success('Draft discarded; its work can be invoiced again');
      refresh();
      onGone();
    },
    onError,
  });
  const { actions, refresh: canRefresh, discard: canDiscard } = inv.abilities;
  if (actions.length === 0 && !canRefresh && !canDiscard) return null;
  const submitAsked = (e: FormEvent) => {
    e.preventDefault();
    if (asking === 'reject') act.mutate({ action: 'reject', reason: text });
    if (asking === 'pay') act.mutate({ action: 'pay', paymentReference: text });
  };
  const busy = act.isPending || pull.isPending || discard.isPending;

  return (
    <section aria-label="Invoice actions" className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        {actions.includes('submit') ? (
          <Button variant="primary" busy={busy} onClick={() => act.mutate({ action: 'submit' })}>
            Submit invoice
          </Button>
        ) : null}
        {actions.includes('approve') ? (
          <Button variant="primary" busy={busy} onClick={() => act.mutate({ action: 'approve' })}>
            Approve {formatMoney(inv.totalMinor, inv.currency)}
          </Button>
        ) : null}
        {actions.includes('pay') ? (
          <Button variant="primary" disabled={busy} onClick={() => setAsking('pay')}>
            Mark paid…
          </Button>
        ) : null}
        {actions.includes('reject') ? (
          <Button variant="danger" disabled={busy} onClick={() => setAsking('reject')}>
            Reject…
          </Button>
        ) : null}
        {actions.includes('reopen') ? (
          <Button busy={busy} onClick={() => act.mutate({ action: 'reopen' })}>
            Reopen as draft
          </Button>
        ) : null}
        {canRefresh ? (
          <Button disabled={busy} onClick={() => pull.mutate()}>
            Add new work of the period
          </Button>
        ) : null}
        {canDiscard ? (
          <Button variant="ghost" disabled={busy} onClick={() => discard.mutate()}>
            Discard draft
          </Button>
        ) : null}
      </div>
      {asking ? (
        <form
          onSubmit={submitAsked}
          className="flex flex-col gap-2 rounded-md border border-line p-3"
        >
          <Field
            label={asking === 'reject' ? 'Why is it rejected?' : 'Payment reference'}
            hint={
              asking === 'reject'
                ? 'The contractor reads this; the work goes back to being billable'
                : 'Bank transfer or payout id, for the accounting export'
            }
          >
            {(p) =>
              asking === 'reject' ? (
                <Textarea {...p} value={text} onChange={(e) => setText(e.target.value)} autoFocus />
              ) : (
                <Input {...p} value={text} onChange={(e) => setText(e.target.value)} autoFocus />
              )
            }
          </Field>
          <div className="flex justify-end gap-2">
            <Button onClick={() => setAsking(null)}>Cancel</Button>
            <Button
              type="submit"
              variant={asking === 'reject' ? 'danger' : 'primary'}
              busy={act.isPending}
              disabled={text.trim().length < (asking === 'reject' ? 5 : 1)}
            >
              {asking === 'reject' ? 'Reject invoice' : 'Mark paid'}
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

/** R29: finance, coordinators and admins add a bonus or an adjustment (negative allowed). */
export function AdjustmentForm({ invoice: inv }: { invoice: InvoiceDetail }) {
  const refresh = useInvoiceRefresh(inv.id);
  const onError = useInvoiceError(inv.id);
  const [kind, setKind] = useState<'bonus' | 'adjustment'>('bonus');
  const [description, setDescription] = useState('');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const minor = parseAmount(amount);
  const add = useMutation({
    mutationFn: () =>
      post<InvoiceDetail>(`/api/invoices/${inv.id}/lines`, {
        kind,
        description,
        amountMinor: minor,
        reason,
        version: inv.version,
      }),
    onSuccess: (next) => {
      toast.success(kind === 'bonus' ? 'Bonus added' : 'Adjustment added');
      setDescription('');
      setAmount('');
      setReason('');
      refresh(next);
    },
    onError,
  });
  const valid =
    description.trim().length >= 2 &&
    reason.trim().length >= 5 &&
    minor !== null &&
    minor !== 0 &&
    (kind === 'adjustment' || minor > 0);
  return (
    <form
      className="flex flex-col gap-2 rounded-md border border-line p-3"
      aria-label="Add a bonus or adjustment"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) add.mutate();
      }}
    >
      <h3 className="text-xs font-semibold text-muted">Add a bonus or adjustment</h3>
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-[8rem_1fr_8rem]">
        <Field label="Kind">
          {(p) => (
            <Select {...p} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
              <option value="bonus">Bonus</option>
              <option value="adjustment">Adjustment</option>
            </Select>
          )}
        </Field>
        <Field label="Description">
          {(p) => (
            <Input {...p} value={description} onChange={(e) => setDescription(e.target.value)} />
          )}
        </Field>
        <Field
          label={`Amount (${inv.currency})`}
          hint={kind === 'adjustment' ? 'Negative to deduct' : undefined}
        >
          {(p) => (
            <Input
              {...p}
              inputMode="decimal"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
              placeholder={kind === 'adjustment' ? '-25.00' : '150.00'}
            />
          )}
        </Field>
      </div>
      <Field label="Reason" hint="Shown on the invoice and kept in its history">
        {(p) => <Input {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <div className="flex justify-end">
        <Button type="submit" busy={add.isPending} disabled={!valid}>
          Add {kind}
        </Button>
      </div>
    </form>
  );
}
