import { Badge } from '../../components/ui';

/** R11 at a glance: green with 14+ days, amber 7–13, red when refused (or overridden). */
export function LeadBadge({
  lead,
}: {
  lead: {
    status: 'ok' | 'warning' | 'refused';
    days: number;
    message: string;
    overridden?: boolean;
  };
}) {
  if (lead.overridden)
    return (
      <Badge tone="accent" title={lead.message}>
        {lead.days} d · override
      </Badge>
    );
  const tone = lead.status === 'ok' ? 'ok' : lead.status === 'warning' ? 'warn' : 'bad';
  return (
    <Badge tone={tone} title={lead.message}>
      {lead.days} d{' '}
      {lead.status === 'warning' ? '· short' : lead.status === 'refused' ? '· too late' : ''}
    </Badge>
  );
}

export function OneSheeterBadge({
  oneSheeter,
}: {
  oneSheeter: { complete: boolean; missingSections: string[] };
}) {
  return oneSheeter.complete ? (
    <Badge tone="ok">Brief ready</Badge>
  ) : (
    <Badge tone="bad" title={`Missing: ${oneSheeter.missingSections.join(', ')}`}>
      Brief incomplete
    </Badge>
  );
}
