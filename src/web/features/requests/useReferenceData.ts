import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Client } from '../../../contracts/clients';
import type { ContractorList } from '../../../contracts/contractors';
import type { DeliverableType, RateCard } from '../../../contracts/rates';
import type { Member } from '../../../contracts/workspace';
import { api } from '../../lib/api';

/** Lists the request screens pick from; cached across screens. */
export function useClients() {
  return useQuery({
    queryKey: ['clients', '', '', 'false'],
    queryFn: () => api<{ items: Client[] }>('/api/clients?limit=200&archived=false'),
    staleTime: 60_000,
  });
}

export function useDeliverableTypes() {
  return useQuery({
    queryKey: ['deliverable-types'],
    queryFn: () => api<{ items: DeliverableType[] }>('/api/deliverable-types'),
    staleTime: 300_000,
  });
}

export function useActiveContractors() {
  return useQuery({
    queryKey: ['contractors', 'active'],
    queryFn: () => api<z.infer<typeof ContractorList>>('/api/contractors?status=active&limit=200'),
    staleTime: 60_000,
  });
}

export function useStrategists() {
  return useQuery({
    queryKey: ['members'],
    queryFn: () => api<{ items: Member[] }>('/api/members'),
    staleTime: 60_000,
    select: (d) => d.items.filter((m) => m.role === 'strategist' || m.role === 'admin'),
  });
}

/** Default rates in force today, for live cost estimates on the request form. */
export function useRateCard() {
  return useQuery({
    queryKey: ['rate-card'],
    queryFn: () => api<RateCard>('/api/rate-card'),
    staleTime: 300_000,
  });
}
