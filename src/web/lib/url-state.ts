import { useNavigate, useSearch } from '@tanstack/react-router';
import { useCallback } from 'react';

/**
 * Filters, open panels and tabs live in the URL's search params, so a copied link shows the same
 * screen and Back closes a panel.
 */
export function useUrlState<K extends string>(
  key: K,
  fallback = '',
): [string, (value: string | null) => void] {
  const search = useSearch({ strict: false }) as Record<string, unknown>;
  const navigate = useNavigate();
  const raw = search[key];
  const value = raw === undefined || raw === null ? fallback : String(raw);
  const set = useCallback(
    (next: string | null) => {
      navigate({
        to: '.',
        search: ((prev: Record<string, unknown>) => {
          const copy = { ...prev };
          if (next === null || next === '') delete copy[key];
          else copy[key] = next;
          return copy;
        }) as never,
        replace: true,
      });
    },
    [navigate, key],
  );
  return [value, set];
}

/** Changes several search params in one navigation (null removes one). */
export function useUrlPatch(): (patch: Record<string, string | null>) => void {
  const navigate = useNavigate();
  return useCallback(
    (patch) => {
      navigate({
        to: '.',
        search: ((prev: Record<string, unknown>) => {
          const copy = { ...prev };
          for (const [k, v] of Object.entries(patch)) {
            if (v === null || v === '') delete copy[k];
            else copy[k] = v;
          }
          return copy;
        }) as never,
        replace: true,
      });
    },
    [navigate],
  );
}
