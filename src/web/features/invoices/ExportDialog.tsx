import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { toast } from 'sonner';
import { Modal } from '../../components/SidePanel';
import { Button, Field, Input } from '../../components/ui';
import { errorMessage } from '../../lib/api';
import { todayIn } from '../../lib/format';
import { useMe } from '../../lib/session';
import { downloadFile } from './shared';

/** R29: approved and paid invoices approved in a date range, as CSV for accounting. */
export function ExportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const me = useMe();
  const today = todayIn(me.data?.current?.workspaceTimeZone ?? 'UTC');
  const [from, setFrom] = useState(`${today.slice(0, 8)}01`);
  const [to, setTo] = useState(today);
  const run = useMutation({
    mutationFn: () =>
      downloadFile(
        `/api/invoices/export.csv?from=${from}&to=${to}`,
        `invoices-${from}-to-${to}.csv`,
      ),
    onSuccess: () => {
      toast.success('CSV downloaded');
      onClose();
    },
    onError: (e) => toast.error(errorMessage(e)),
  });
  return (
    <Modal open={open} onClose={onClose} title="Export invoices for accounting">
      <form
        className="flex flex-col gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          run.mutate();
        }}
      >
        <p className="text-sm text-muted">
          Approved and paid invoices, by the day they were approved (workspace time zone): one row
          per invoice with subtotal, adjustments, total and payment reference.
        </p>
        <div className="grid grid-cols-2 gap-3">
          <Field label="Approved from">
            {(p) => (
              <Input {...p} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
            )}
          </Field>
          <Field label="Approved to">
            {(p) => <Input {...p} type="date" value={to} onChange={(e) => setTo(e.target.value)} />}
          </Field>
        </div>
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button
            type="submit"
            variant="primary"
            busy={run.isPending}
            disabled={!from || !to || from > to}
          >
            Download CSV
          </Button>
        </div>
      </form>
    </Modal>
  );
}
