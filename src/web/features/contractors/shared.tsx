import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { ContractorSummary, Scorecard } from '../../../contracts/contractors';
import type { DeliverableType } from '../../../contracts/rates';
import type { Role } from '../../../contracts/roles';
import { Badge } from '../../components/ui';
import { api } from '../../lib/api';
import { useMe } from '../../lib/session';

/** Helpers shared by the contractor screens: labels, roles, deliverable types, URL updates. */

export type ContractorStatus = ContractorSummary['status'];

export const STATUS_LABEL: Record<ContractorStatus, string> = {
  applied: 'Applied',
  interviewed: 'Interviewed',
  references_checked: 'References checked',
  trial: 'Trial task',
  active: 'Active',
  paused: 'Paused',
  offboarded: 'Offboarded',
};

/** Pipeline order (R9), then the two states outside it. */
export const STATUS_ORDER = Object.keys(STATUS_LABEL) as ContractorStatus[];

const STATUS_TONE: Record<ContractorStatus, 'neutral' | 'ok' | 'warn' | 'bad' | 'accent'> = {
  applied: 'neutral',
  interviewed: 'accent',
  references_checked: 'accent',
  trial: 'warn',
  active: 'ok',
  paused: 'neutral',
  offboarded: 'bad',
};

export function StatusBadge({ status }: { status: ContractorStatus }) {
  return <Badge tone={STATUS_TONE[status]}>{STATUS_LABEL[status]}</Badge>;
}

export const SCORE_LABELS: Record<keyof Scorecard, string> = {
  quality: 'Quality',
  communication: 'Communication',
  reliability: 'Reliability',
  brandFit: 'Brand fit',
};

/** Mean of the filled scores, or null when none is set yet. */
export function scorecardAverage(s: Scorecard | undefined): number | null {
  if (!s) return null;
  const values = Object.values(s).filter((v): v is number => typeof v === 'number');
  if (values.length === 0) return null;
  return values.reduce((a, b) => a + b, 0) / values.length;
}

export function ScoreAverage({ scorecard }: { scorecard: Scorecard | undefined }) {
  const avg = scorecardAverage(scorecard);
  if (avg === null) return <span className="text-muted">—</span>;
  return (
    <span title="Average of quality, communication, reliability and brand fit (1–5)">
      {avg.toFixed(1)}
      <span className="text-muted"> / 5</span>
    </span>
  );
}

export function capacityText(c: { weeklyCapacity: number; capacityUnit: 'hours' | 'items' }) {
  return `${c.weeklyCapacity} ${c.capacityUnit === 'hours' ? 'h' : 'items'}/week`;
}

/** The current role, and what it may do with contractors (mirrors the server's policy). */
export function useContractorAbilities() {
  const me = useMe();
  const role = (me.data?.current?.role ?? 'qa') as Role;
  const is = (...roles: Role[]) => roles.includes(role);
  return {
    role,
    timeZone: me.data?.current?.timeZone ?? 'UTC',
    currency: me.data?.current?.currency ?? 'USD',
    manage: is('admin', 'coordinator'),
    editRates: is('admin', 'coordinator', 'finance'),
    readVetting: is('admin', 'coordinator', 'strategist'),
  };
}

/** Deliverable types (the rate card's rows); contractors may read them too. */
export function useDeliverableTypes() {
  const q = useQuery({
    queryKey: ['deliverable-types'],
    queryFn: () => api<{ items: DeliverableType[] }>('/api/deliverable-types'),
    staleTime: 60_000,
  });
  const names = useMemo(() => new Map((q.data?.items ?? []).map((t) => [t.id, t.name])), [q.data]);
  return { types: q.data?.items ?? [], names, query: q };
}

export const GROUP_LABEL = { organic: 'Organic Social', influencer: 'Influencer' } as const;
export const UNIT_LABEL = { item: 'per item', hour: 'per hour', calendar: 'per calendar' } as const;

/** Several search params in one navigation (null removes one). */
export { useUrlPatch as useSetSearch } from '../../lib/url-state';

/** A clock that re-renders every minute, for "local time now" cells. */
export function useMinuteClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(id);
  }, []);
  return now;
}

/** "14:05 Wed" in a time zone. */
export function localTime(timeZone: string, now: Date): string {
  try {
    return new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
    })
      .format(now)
      .replace(',', '');
  } catch {
    return '';
  }
}

let zones: string[] | null = null;
/** Every IANA time zone the browser knows, for a datalist (the server validates the value). */
export function timeZoneNames(): string[] {
  if (!zones) {
    const intl = Intl as unknown as { supportedValuesOf?: (k: string) => string[] };
    zones = intl.supportedValuesOf?.('timeZone') ?? ['UTC'];
  }
  return zones;
}
