import { useMutation } from '@tanstack/react-query';
import { CalendarPlus, Link2Off } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import type { z } from 'zod';
import type { FeedUrl } from '../../../contracts/contractors';
import { Button, Input } from '../../components/ui';
import { del, errorMessage, post } from '../../lib/api';

/**
 * A private iCal link of the time away, for Google/Apple/Outlook calendars. Each new link
 * replaces the previous one (the server revokes it), so the button says so.
 */
export function FeedLinkButton({ contractorId, touch }: { contractorId: string; touch?: boolean }) {
  const [url, setUrl] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () =>
      post<z.infer<typeof FeedUrl>>(`/api/contractors/${contractorId}/unavailability/feed`),
    onSuccess: async ({ url }) => {
      setUrl(url);
      try {
        await navigator.clipboard.writeText(url);
        toast.success('Calendar link copied. Any older link stops working.');
      } catch {
        toast.success('Calendar link ready: copy it from the box below.');
      }
    },
    onError: (e) => toast.error(errorMessage(e)),
  });
  const revoke = useMutation({
    mutationFn: () => del(`/api/contractors/${contractorId}/unavailability/feed`),
    onSuccess: () => {
      setUrl(null);
      toast.success('Calendar link turned off');
    },
    onError: (e) => toast.error(errorMessage(e)),
  });
  const big = touch ? 'h-[44px] text-base' : '';
  return (
    <section aria-label="Calendar feed" className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <Button busy={create.isPending} onClick={() => create.mutate()} className={big}>
          <CalendarPlus size={14} /> Copy iCal feed link
        </Button>
        <Button
          variant="ghost"
          busy={revoke.isPending}
          onClick={() => revoke.mutate()}
          className={big}
        >
          <Link2Off size={14} /> Turn link off
        </Button>
      </div>
      {url ? (
        <>
          <label className="sr-only" htmlFor={`feed-${contractorId}`}>
            iCal feed link
          </label>
          <Input
            id={`feed-${contractorId}`}
            readOnly
            value={url}
            onFocus={(e) => e.currentTarget.select()}
            className={`font-mono text-xs ${big}`}
          />
        </>
      ) : null}
      <p className="text-xs text-muted">
        Subscribe to it in your calendar app to see the time away there. A new link replaces the old
        one.
      </p>
    </section>
  );
}
