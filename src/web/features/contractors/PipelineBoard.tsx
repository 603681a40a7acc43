import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type DragEvent, useState } from 'react';
import { toast } from 'sonner';
import type { ContractorSummary } from '../../../contracts/contractors';
import { cx } from '../../components/ui';
import { errorMessage, post } from '../../lib/api';
import { withContractorStatus } from './list-cache';
import {
  type ContractorStatus,
  capacityText,
  ScoreAverage,
  STATUS_LABEL,
  STATUS_ORDER,
  useSetSearch,
} from './shared';

/**
 * R9 as a board: one column per stage. A card moves by drag and drop or its "Move to" menu; the
 * server decides, and a skipped stage comes back as its refusal message.
 */
export function PipelineBoard({
  contractors,
  names,
  canMove,
}: {
  contractors: ContractorSummary[];
  names: Map<string, string>;
  canMove: boolean;
}) {
  const qc = useQueryClient();
  const setSearch = useSetSearch();
  const [over, setOver] = useState<ContractorStatus | null>(null);
  const move = useMutation({
    mutationFn: (v: { id: string; name: string; status: ContractorStatus }) =>
      post(`/api/contractors/${v.id}/status`, { status: v.status }),
    onMutate: async (v) => {
      await qc.cancelQueries({ queryKey: ['contractors'] });
      const before = qc.getQueriesData({ queryKey: ['contractors'] });
      qc.setQueriesData({ queryKey: ['contractors'] }, (d: unknown) =>
        withContractorStatus(d, v.id, v.status),
      );
      return { before };
    },
    onSuccess: (_r, v) => toast.success(`${v.name} moved to ${STATUS_LABEL[v.status]}`),
    onError: (e, _v, context) => {
      for (const [key, data] of context?.before ?? []) qc.setQueryData(key, data);
      toast.error(errorMessage(e), { duration: 8000 });
    },
    onSettled: (_r, _e, v) => {
      qc.invalidateQueries({ queryKey: ['contractors'] });
      qc.invalidateQueries({ queryKey: ['contractor', v.id] });
    },
  });

  const drop = (status: ContractorStatus) => (e: DragEvent) => {
    e.preventDefault();
    setOver(null);
    const id = e.dataTransfer.getData('text/plain');
    const c = contractors.find((x) => x.id === id);
    if (c && c.status !== status) move.mutate({ id, name: c.name, status });
  };

  return (
    <div className="flex min-h-[60vh] gap-3 overflow-x-auto p-4">
      {STATUS_ORDER.map((status) => {
        const cards = contractors.filter((c) => c.status === status);
        return (
          <section
            key={status}
            aria-label={STATUS_LABEL[status]}
            onDragOver={
              canMove
                ? (e) => {
                    e.preventDefault();
                    setOver(status);
                  }
                : undefined
            }
            onDragLeave={() => setOver(null)}
            onDrop={canMove ? drop(status) : undefined}
            className={cx(
              'flex w-60 shrink-0 flex-col gap-2 rounded-lg bg-sunken/60 p-2',
              status === 'paused' && 'ml-3',
              over === status && 'ring-2 ring-accent',
            )}
          >
            <h2 className="flex items-center justify-between px-1 text-xs font-semibold text-muted">
              {STATUS_LABEL[status]}
              <span className="font-normal">{cards.length}</span>
            </h2>
            {cards.length === 0 ? (
              <p className="px-1 py-3 text-xs text-muted">
                {canMove ? 'Drop a card here' : 'Nobody at this stage'}
              </p>
            ) : null}
            {cards.map((c) => (
              <article
                key={c.id}
                draggable={canMove}
                onDragStart={(e) => e.dataTransfer.setData('text/plain', c.id)}
                className={cx(
                  'flex flex-col gap-1.5 rounded-md border border-line bg-panel p-2.5 text-sm shadow-sm',
                  canMove && 'cursor-grab',
                )}
              >
                <button
                  type="button"
                  className="text-left font-medium hover:underline"
                  onClick={() => setSearch({ contractor: c.id, tab: 'vetting' })}
                >
                  {c.name}
                </button>
                <p className="line-clamp-2 text-xs text-muted">
                  {c.skills.map((s) => names.get(s) ?? 'Archived type').join(', ') ||
                    'No skills yet'}
                </p>
                <div className="flex items-center justify-between text-xs">
                  <span className="text-muted">{capacityText(c)}</span>
                  <ScoreAverage scorecard={c.scorecard} />
                </div>
                {canMove ? (
                  <select
                    aria-label={`Move ${c.name} to`}
                    value=""
                    disabled={move.isPending}
                    onChange={(e) =>
                      e.target.value &&
                      move.mutate({
                        id: c.id,
                        name: c.name,
                        status: e.target.value as ContractorStatus,
                      })
                    }
                    className="h-7 rounded border border-line bg-panel px-1.5 text-xs text-muted"
                  >
                    <option value="">Move to…</option>
                    {STATUS_ORDER.filter((s) => s !== status).map((s) => (
                      <option key={s} value={s}>
                        {STATUS_LABEL[s]}
                      </option>
                    ))}
                  </select>
                ) : null}
              </article>
            ))}
          </section>
        );
      })}
    </div>
  );
}
