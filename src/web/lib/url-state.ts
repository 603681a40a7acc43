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
