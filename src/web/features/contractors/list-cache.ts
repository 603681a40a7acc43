import type { ContractorSummary } from '../../../contracts/contractors';

/** One page of GET /api/contractors. */
export type ContractorPage = { items: ContractorSummary[]; nextCursor: string | null };

type Items = { items: ContractorSummary[] };

const hasItems = (d: unknown): d is Items =>
  typeof d === 'object' && d !== null && Array.isArray((d as Items).items);

/**
 * A contractor's new status in any cached contractor list, for an optimistic move: the table's
 * pages (`{ pages: [{ items }] }`) and the pickers' single answers (`{ items }`) live under the
 * same `['contractors', …]` keys. Anything else is returned as it was.
 */
export function withContractorStatus<T>(
  data: T,
  id: string,
  status: ContractorSummary['status'],
): T {
  const move = (d: Items) => ({
    ...d,
    items: d.items.map((c) => (c.id === id ? { ...c, status } : c)),
  });
  if (hasItems(data)) return move(data) as T;
  const pages = (data as { pages?: unknown } | null)?.pages;
  if (Array.isArray(pages) && pages.every(hasItems)) {
    return { ...(data as object), pages: pages.map(move) } as T;
  }
  return data;
}
