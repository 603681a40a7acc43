import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { toast } from 'sonner';
import type { ProcessOwner } from '../../../contracts/community';
import type { Member } from '../../../contracts/workspace';
import { Button, Select } from '../../components/ui';
import { api, errorMessage, patch } from '../../lib/api';
import { reachesText, useProcessOwner } from './shared';

/** "Escalations reach … at once"; an admin can choose the process owner here (R24). */
export function ProcessOwnerLine({ editable }: { editable: boolean }) {
  const owner = useProcessOwner();
  const [editing, setEditing] = useState(false);
  const reach = reachesText(owner.data);
  if (!reach) return <span />;
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs text-muted">
      <span>
        Escalations reach <span className="font-medium text-ink">{reach}</span> at once.
      </span>
      {editable && !editing ? (
        <Button size="sm" variant="ghost" onClick={() => setEditing(true)}>
          Change
        </Button>
      ) : null}
      {editable && editing ? (
        <OwnerPicker current={owner.data} onDone={() => setEditing(false)} />
      ) : null}
    </div>
  );
}

function OwnerPicker({ current, onDone }: { current?: ProcessOwner; onDone: () => void }) {
  const qc = useQueryClient();
  const [value, setValue] = useState(current?.user?.id ?? '');
  const members = useQuery({
    queryKey: ['members'],
    queryFn: () => api<{ items: Member[] }>('/api/members'),
  });
  const save = useMutation({
    mutationFn: () =>
      patch<ProcessOwner>('/api/escalations/process-owner', { userId: value || null }),
    onSuccess: (o) => {
      qc.setQueryData(['escalations', 'process-owner'], o);
      toast.success(
        o.user ? `${o.user.name} is now the process owner` : 'Escalations reach every admin',
      );
      onDone();
    },
    onError: (e) => toast.error(errorMessage(e)),
  });
  const handlers = (members.data?.items ?? []).filter(
    (m) => m.role === 'admin' || m.role === 'coordinator',
  );
  return (
    <span className="flex items-center gap-2">
      <label className="sr-only" htmlFor="process-owner">
        Process owner
      </label>
      <Select
        id="process-owner"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        className="h-7 w-56 text-xs"
      >
        <option value="">Every admin</option>
        {handlers.map((m) => (
          <option key={m.userId} value={m.userId}>
            {m.name} ({m.role})
          </option>
        ))}
      </Select>
      <Button size="sm" variant="primary" busy={save.isPending} onClick={() => save.mutate()}>
        Save
      </Button>
      <Button size="sm" variant="ghost" onClick={onDone}>
        Cancel
      </Button>
    </span>
  );
}
