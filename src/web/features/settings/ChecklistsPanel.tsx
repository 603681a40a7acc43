import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { toast } from 'sonner';
import type { ScrubChecklist } from '../../../contracts/workflow';
import { Button, ErrorNotice, Field, Spinner, Textarea } from '../../components/ui';
import { ApiError, api, errorMessage, put } from '../../lib/api';

/**
 * R23: the strategist scrub checklist every task passes before QA. QA's own checklists belong to
 * the deliverable types (Rate card).
 */
export function ChecklistsPanel() {
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['checklists', 'scrub'],
    queryFn: () => api<ScrubChecklist>('/api/checklists/scrub'),
  });
  const [text, setText] = useState('');
  useEffect(() => {
    if (q.data) setText(q.data.items.join('\n'));
  }, [q.data]);
  const save = useMutation({
    mutationFn: (items: string[]) =>
      put<ScrubChecklist>('/api/checklists/scrub', { items, version: q.data?.version ?? 0 }),
    onSuccess: () => {
      toast.success('Scrub checklist saved');
      qc.invalidateQueries({ queryKey: ['checklists'] });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'STALE_VERSION')
        qc.invalidateQueries({ queryKey: ['checklists'] });
      toast.error(errorMessage(e));
    },
  });
  if (q.isPending) return <Spinner label="Loading checklists" />;
  if (q.isError) return <ErrorNotice error={q.error} />;
  const items = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(items);
  };
  return (
    <form
      onSubmit={submit}
      aria-labelledby="checklists-h"
      className="flex flex-col gap-3 rounded-lg border border-line bg-panel p-4"
    >
      <h2 id="checklists-h" className="text-sm font-semibold">
        Strategist scrub checklist
      </h2>
      <p className="text-xs text-muted">
        Every item must be ticked before delivered work goes to internal QA (R23). QA checklists are
        set per deliverable type on the rate card.
      </p>
      <Field label="Checks, one per line" hint={`${items.length} items`}>
        {(p) => <Textarea {...p} rows={5} value={text} onChange={(e) => setText(e.target.value)} />}
      </Field>
      <div>
        <Button type="submit" variant="primary" busy={save.isPending} disabled={items.length === 0}>
          Save checklist
        </Button>
      </div>
    </form>
  );
}
