import { useQuery } from '@tanstack/react-query';
import { ChevronDown } from 'lucide-react';
import type { z } from 'zod';
import type { Brief } from '../../../contracts/clients';
import { ONE_SHEETER_SECTIONS } from '../../../domain/one-sheeter';
import { api } from '../../lib/api';

type BriefData = z.infer<typeof Brief>;

const show = (v: unknown): string =>
  typeof v === 'string'
    ? v
    : Array.isArray(v)
      ? v.join('\n')
      : Object.values(v as Record<string, string>)
          .filter(Boolean)
          .join('\n');

/** The client brief as a contractor sees it (R5: no contacts, budget or notes). */
export function BriefView({ clientId }: { clientId: string }) {
  const q = useQuery({
    queryKey: ['brief', clientId],
    queryFn: () => api<BriefData>(`/api/briefs/${clientId}`),
  });
  if (!q.data) return null;
  const b = q.data;
  return (
    <details className="group rounded-md border border-line" data-testid="brief">
      <summary className="flex cursor-pointer items-center gap-2 px-3 py-2 text-sm font-medium">
        <ChevronDown size={14} className="transition group-open:rotate-180" /> Client brief ·{' '}
        {b.client.name} · v{b.version}
      </summary>
      <div className="flex flex-col gap-3 border-t border-line p-3 text-sm">
        {b.cautions.map((c) => (
          <p key={c} className="text-warn">
            ⚠ {c}
          </p>
        ))}
        {ONE_SHEETER_SECTIONS.map((s) => {
          const text = show(b.content[s.key]);
          return text ? (
            <div key={s.key}>
              <h4 className="text-xs font-semibold text-muted">{s.label}</h4>
              <p className="whitespace-pre-wrap">{text}</p>
            </div>
          ) : null;
        })}
      </div>
    </details>
  );
}
