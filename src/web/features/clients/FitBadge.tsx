import type { ClientFit } from '../../../contracts/clients';
import { Badge } from '../../components/ui';

const LABEL = {
  eligible: 'Fit',
  eligible_with_cautions: 'Fit · cautions',
  not_eligible: 'Not fit',
} as const;

/** R1/R2 verdict at a glance; the title carries the reasons and cautions. */
export function FitBadge({ fit }: { fit: ClientFit }) {
  const overridden = fit.status === 'not_eligible' && fit.override;
  const tone = overridden
    ? 'accent'
    : fit.status === 'eligible'
      ? 'ok'
      : fit.status === 'not_eligible'
        ? 'bad'
        : 'warn';
  const title = [...fit.reasons, ...fit.cautions.map((c) => `Caution: ${c}`)].join('\n');
  return (
    <Badge tone={tone} title={title}>
      {overridden ? 'Not fit · overridden' : LABEL[fit.status]}
    </Badge>
  );
}

export function CompletenessBadge({
  oneSheeter,
}: {
  oneSheeter: {
    completeness: { filled: number; total: number; complete: boolean; missingRequired: string[] };
  } | null;
}) {
  if (!oneSheeter) return <Badge tone="bad">No one-sheeter</Badge>;
  const c = oneSheeter.completeness;
  return (
    <Badge
      tone={c.complete ? 'ok' : 'warn'}
      title={
        c.complete ? 'All required sections filled' : `Missing: ${c.missingRequired.join(', ')}`
      }
    >
      {c.filled}/{c.total}
      {c.complete ? '' : ' · incomplete'}
    </Badge>
  );
}
