import { Check } from 'lucide-react';
import type { InvoiceDetail } from '../../../contracts/money';
import { cx } from '../../components/ui';
import { formatInstant } from '../../lib/format';
import { useMe } from '../../lib/session';

const STEPS = ['draft', 'submitted', 'approved', 'paid'] as const;
const STEP_LABEL = { draft: 'Draft', submitted: 'Submitted', approved: 'Approved', paid: 'Paid' };

const EVENT_LABEL: Record<string, string> = {
  created: 'Draft created',
  submitted: 'Submitted',
  approved: 'Approved',
  rejected: 'Rejected',
  paid: 'Paid',
  reopened: 'Reopened as draft',
  refreshed: 'New work pulled in',
  line_added: 'Line added',
  line_removed: 'Line removed',
};

/** Where the invoice stands (draft → submitted → approved → paid) and what happened when. */
export function InvoiceTimeline({ invoice: inv }: { invoice: InvoiceDetail }) {
  const me = useMe();
  const tz = me.data?.current?.timeZone ?? 'UTC';
  const rejected = inv.status === 'rejected';
  const reached = rejected ? 1 : STEPS.indexOf(inv.status as (typeof STEPS)[number]);
  return (
    <section aria-labelledby="timeline-h" className="flex flex-col gap-2">
      <h3 id="timeline-h" className="sr-only">
        Status
      </h3>
      <ol className="flex items-center gap-1 text-xs" aria-label="Invoice status">
        {STEPS.map((s, i) => {
          const done = i < reached || (i === reached && s === 'paid');
          const current = i === reached;
          const failed = rejected && i === 1;
          return (
            <li
              key={s}
              className="flex flex-1 items-center gap-1"
              aria-current={current ? 'step' : undefined}
            >
              <span
                className={cx(
                  'flex size-5 shrink-0 items-center justify-center rounded-full border text-[10px]',
                  failed
                    ? 'border-bad bg-bad/10 text-bad'
                    : done
                      ? 'border-ok bg-ok/10 text-ok'
                      : current
                        ? 'border-accent text-accent'
                        : 'border-line text-muted',
                )}
              >
                {done ? <Check size={12} /> : i + 1}
              </span>
              <span className={cx('whitespace-nowrap', current ? 'font-semibold' : 'text-muted')}>
                {failed ? 'Rejected' : STEP_LABEL[s]}
              </span>
              {i < STEPS.length - 1 ? <span className="h-px flex-1 bg-line" /> : null}
            </li>
          );
        })}
      </ol>
      <details className="text-xs text-muted">
        <summary className="cursor-pointer">History ({inv.timeline.length})</summary>
        <ol className="mt-1 flex flex-col gap-0.5">
          {inv.timeline.map((e) => (
            <li key={`${e.at}-${e.action}`}>
              {formatInstant(e.at, tz)} · {EVENT_LABEL[e.action] ?? e.action}
              {e.by ? ` by ${e.by}` : ''}
              {e.note ? ` — ${e.note}` : ''}
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}
