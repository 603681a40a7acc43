import { useQuery } from '@tanstack/react-query';
import {
  CATEGORY_LABELS,
  type Escalation,
  type EscalationSeverity,
  type EscalationStatus,
  type ProcessOwner,
  SEVERITY_LABELS,
} from '../../../contracts/community';
import { formatList } from '../../../domain/format';
import { Badge } from '../../components/ui';
import { api } from '../../lib/api';
import { formatInstant, relativeDays, todayIn } from '../../lib/format';

/** Labels, badges and ages shared by the escalation screens (R24). */

const SEVERITY_TONE = { low: 'neutral', medium: 'warn', high: 'bad' } as const;
export const SEVERITY_RANK: Record<EscalationSeverity, number> = { low: 1, medium: 2, high: 3 };

export function SeverityBadge({ severity }: { severity: EscalationSeverity }) {
  return (
    <Badge tone={SEVERITY_TONE[severity]} title={`${SEVERITY_LABELS[severity]} severity`}>
      {SEVERITY_LABELS[severity]}
    </Badge>
  );
}

const STATUS_TONE = { open: 'bad', acknowledged: 'warn', resolved: 'ok' } as const;
const STATUS_LABEL: Record<EscalationStatus, string> = {
  open: 'Open',
  acknowledged: 'Acknowledged',
  resolved: 'Resolved',
};

export function EscalationStatusBadge({ status }: { status: EscalationStatus }) {
  return <Badge tone={STATUS_TONE[status]}>{STATUS_LABEL[status]}</Badge>;
}

export const categoryLabel = (e: Pick<Escalation, 'category'>) => CATEGORY_LABELS[e.category];

/** What an escalation is about, in one line: "Lina Okafor · Harbor & Vine · Dec captions". */
export function aboutText(e: Pick<Escalation, 'contractor' | 'task'>): string {
  return [e.contractor?.name, e.task?.title].filter(Boolean).join(' · ') || '—';
}

/** "just now", "25 min ago", "3 h ago", "yesterday", "3 days ago". */
export function ageOf(iso: string, timeZone: string, now = new Date()): string {
  const minutes = Math.floor((now.getTime() - Date.parse(iso)) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  if (minutes < 12 * 60) return `${Math.floor(minutes / 60)} h ago`;
  return relativeDays(todayIn(timeZone, new Date(iso)), todayIn(timeZone, now));
}

/** "Wed 25 Nov 16:30 · 3 days ago" */
export function whenText(iso: string, timeZone: string): string {
  return `${formatInstant(iso, timeZone)} · ${ageOf(iso, timeZone)}`;
}

/** Unresolved first, then the most severe, then the newest. */
export function triageOrder(a: Escalation, b: Escalation): number {
  const resolved = Number(a.status === 'resolved') - Number(b.status === 'resolved');
  if (resolved !== 0) return resolved;
  const severity = SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity];
  if (severity !== 0) return severity;
  return b.openedAt.localeCompare(a.openedAt);
}

/** Who an escalation reaches at once (shown before sending, so nobody wonders). */
export function useProcessOwner() {
  return useQuery({
    queryKey: ['escalations', 'process-owner'],
    queryFn: () => api<ProcessOwner>('/api/escalations/process-owner'),
    staleTime: 60_000,
  });
}

export function reachesText(owner: ProcessOwner | undefined): string | null {
  if (!owner || owner.notified.length === 0) return null;
  const names = owner.notified.map((p) => p.name);
  const list = formatList(names);
  return owner.user ? `${list} (process owner)` : `${list} (admin${names.length > 1 ? 's' : ''})`;
}
