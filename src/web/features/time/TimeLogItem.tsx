import { useMutation } from '@tanstack/react-query';
import { Check, Trash2, X } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import type { TimeLog } from '../../../contracts/money';
import { Badge, Button, Input } from '../../components/ui';
import { ApiError, del, errorMessage, post } from '../../lib/api';
import { formatDue } from '../../lib/format';
import { useMe } from '../../lib/session';

const TONE = { pending: 'warn', approved: 'ok', rejected: 'bad' } as const;

export const hoursText = (minutes: number) => `${Number((minutes / 60).toFixed(2))} h`;

/** One time entry with its review state; approve / reject (with a reason) when allowed. */
export function TimeLogItem({
  log,
  onChanged,
  showTask,
}: {
  log: TimeLog;
  onChanged: () => void;
  showTask?: boolean;
}) {
  const me = useMe();
  const tz = me.data?.current?.timeZone ?? 'UTC';
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const onError = (e: unknown) => {
    if (e instanceof ApiError && e.code === 'STALE_VERSION') onChanged();
    toast.error(errorMessage(e));
  };
  const review = useMutation({
    mutationFn: (action: 'approve' | 'reject') =>
      post(`/api/time-logs/${log.id}/${action}`, {
        version: log.version,
        ...(action === 'reject' ? { reason } : {}),
      }),
    onSuccess: (_d, action) => {
      toast.success(action === 'approve' ? 'Time approved' : 'Time rejected');
      setRejecting(false);
      onChanged();
    },
    onError,
  });
  const remove = useMutation({
    mutationFn: () => del(`/api/time-logs/${log.id}?version=${log.version}`),
    onSuccess: () => {
      toast.success('Entry removed');
      onChanged();
    },
    onError,
  });
  return (
    <li className="flex flex-col gap-1 px-3 py-2 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium tabular-nums">{hoursText(log.minutes)}</span>
        <span className="text-muted">{formatDue(log.date, tz)}</span>
        <Badge tone={TONE[log.status]}>{log.status}</Badge>
        {log.billed ? <Badge tone="accent">invoiced</Badge> : null}
        <span className="ml-auto flex gap-1">
          {log.abilities.review && !rejecting ? (
            <>
              <Button size="sm" busy={review.isPending} onClick={() => review.mutate('approve')}>
                <Check size={12} /> Approve
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setRejecting(true)}>
                <X size={12} /> Reject
              </Button>
            </>
          ) : null}
          {log.abilities.delete ? (
            <button
              type="button"
              className="rounded p-1 text-muted hover:bg-sunken hover:text-bad"
              aria-label={`Remove ${hoursText(log.minutes)} on ${log.date}`}
              onClick={() => remove.mutate()}
            >
              <Trash2 size={14} />
            </button>
          ) : null}
        </span>
      </div>
      <span className="text-xs text-muted">
        {showTask ? `${log.contractor.name} · ${log.task.title} · ` : `${log.item.name} · `}
        {log.note || 'no note'}
        {log.reviewedBy ? ` · ${log.status} by ${log.reviewedBy}` : ''}
      </span>
      {log.rejectReason ? (
        <span className="text-xs text-bad">Rejected: {log.rejectReason}</span>
      ) : null}
      {rejecting ? (
        <form
          className="flex gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            review.mutate('reject');
          }}
        >
          <Input
            aria-label="Why is this time rejected?"
            placeholder="Why? (the contractor reads this)"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            autoFocus
          />
          <Button
            type="submit"
            size="sm"
            variant="danger"
            disabled={reason.trim().length < 5}
            busy={review.isPending}
          >
            Reject
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setRejecting(false)}>
            Cancel
          </Button>
        </form>
      ) : null}
    </li>
  );
}
