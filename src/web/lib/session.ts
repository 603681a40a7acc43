import { useQuery } from '@tanstack/react-query';
import type { MeResponse } from '../../contracts/workspace';
import { ApiError, api } from './api';

/** The signed-in person, or null when signed out. */
export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        return await api<MeResponse>('/api/me');
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return null;
        throw err;
      }
    },
    staleTime: 60_000,
  });
}

export function useSetupStatus() {
  return useQuery({
    queryKey: ['setup'],
    queryFn: () => api<{ needsSetup: boolean }>('/api/setup'),
    staleTime: 60_000,
  });
}

export type Me = MeResponse;
export type CurrentWorkspace = NonNullable<MeResponse['current']>;
