import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Trash2 } from 'lucide-react';
import { toast } from 'sonner';
import type { Unavailability } from '../../../contracts/contractors';
import { Badge, Button, cx, ErrorNotice, Spinner } from '../../components/ui';
import { api, del, errorMessage, post } from '../../lib/api';
import { todayIn } from '../../lib/format';
import { useMe } from '../../lib/session';
import { formatRange, rangeDays, rangeDistance } from './dates';
import { FeedLinkButton } from './FeedLinkButton';
import { UnavailabilityForm } from './UnavailabilityForm';

export const KIND_LABEL: Record<Unavailability['kind'], string> = {
  time_off: 'Time off',
  travel: 'Travel',
  other: 'Other commitment',
};

const KIND_TONE = { time_off: 'warn', travel: 'accent', other: 'neutral' } as const;

/**
 * R8: a contractor's unavailable ranges with add and remove (remove has an undo), and the
 * private iCal link. Used in the contractor panel and, with `touch`, in the contractor portal.
 */
export function UnavailabilityManager({
  contractorId,
  canEdit,
  touch,
}: {
  contractorId: string;
  canEdit: boolean;
  touch?: boolean;
}) {
  const qc = useQueryClient();
  const me = useMe();
  const today = todayIn(me.data?.current?.timeZone ?? 'UTC');
  const key = ['unavailability', contractorId];
  const list = useQuery({
    queryKey: key,
    queryFn: () =>
      api<{ items: Unavailability[] }>(`/api/contractors/${contractorId}/unavailability`),
  });
  const changed = () => {
    qc.invalidateQueries({ queryKey: key });
    qc.invalidateQueries({ queryKey: ['team-availability'] });
  };
  const restore = useMutation({
    mutationFn: (r: Unavailability) =>
      post(`/api/contractors/${contractorId}/unavailability`, {
        start: r.start,
        end: r.end,
        kind: r.kind,
        note: r.note,
      }),
    onSuccess: changed,
    onError: (e) => toast.error(errorMessage(e)),
  });
  const remove = useMutation({
    mutationFn: (r: Unavailability) => del(`/api/unavailability/${r.id}`),
    onSuccess: (_x, r) => {
      changed();
      toast.success(`Removed ${formatRange(r.start, r.end)}`, {
        action: { label: 'Undo', onClick: () => restore.mutate(r) },
      });
    },
    onError: (e) => toast.error(errorMessage(e)),
  });

  const items = list.data?.items ?? [];
  const current = items.filter((r) => r.end >= today);
  const past = items.filter((r) => r.end < today).reverse();

  const row = (r: Unavailability) => (
    <li
      key={r.id}
      className={cx('flex items-start gap-3 px-3', touch ? 'py-3' : 'py-2', 'text-sm')}
    >
      <div className="flex min-w-0 flex-1 flex-col gap-0.5">
        <span className="font-medium">{formatRange(r.start, r.end)}</span>
        <span className="text-xs text-muted">
          {rangeDistance(r.start, r.end, today)} · {rangeDays(r.start, r.end)} day
          {rangeDays(r.start, r.end) === 1 ? '' : 's'}
          {r.note ? ` · ${r.note}` : ''}
        </span>
      </div>
      <Badge tone={KIND_TONE[r.kind]}>{KIND_LABEL[r.kind]}</Badge>
      {canEdit ? (
        <Button
          variant="ghost"
          size={touch ? 'md' : 'sm'}
          className={touch ? 'h-[44px] w-[44px]' : undefined}
          aria-label={`Remove ${formatRange(r.start, r.end)}`}
          busy={remove.isPending && remove.variables?.id === r.id}
          onClick={() => remove.mutate(r)}
        >
          <Trash2 size={touch ? 18 : 14} />
        </Button>
      ) : null}
    </li>
  );

  return (
    <div className="flex flex-col gap-4">
      {list.isPending ? <Spinner label="Loading time away" /> : null}
      {list.isError ? <ErrorNotice error={list.error} /> : null}
      {list.data ? (
        current.length === 0 ? (
          <p className="rounded-md border border-dashed border-line p-3 text-sm text-muted">
            No time away coming up.{' '}
            {canEdit
              ? 'Add travel, time off or other commitments below: planning never puts a due date inside them (R8).'
              : ''}
          </p>
        ) : (
          <ul
            aria-label="Upcoming time away"
            className="divide-y divide-line rounded-md border border-line"
          >
            {current.map(row)}
          </ul>
        )
      ) : null}
      {past.length > 0 ? (
        <details className="text-sm">
          <summary className="cursor-pointer text-muted">Past ranges ({past.length})</summary>
          <ul className="mt-2 divide-y divide-line rounded-md border border-line opacity-80">
            {past.map(row)}
          </ul>
        </details>
      ) : null}
      {canEdit ? (
        <UnavailabilityForm
          contractorId={contractorId}
          today={today}
          touch={touch}
          onAdded={changed}
        />
      ) : null}
      {canEdit ? <FeedLinkButton contractorId={contractorId} touch={touch} /> : null}
    </div>
  );
}
