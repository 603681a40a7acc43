import { describe, expect, it } from 'vitest';
import type { ContractorSummary } from '../../../contracts/contractors';
import { withContractorStatus } from './list-cache';

const person = (id: string, status: ContractorSummary['status']) =>
  ({ id, name: id, status }) as ContractorSummary;

describe('withContractorStatus (optimistic pipeline move)', () => {
  it('moves the contractor in every page of the table, leaving the others', () => {
    const data = {
      pages: [
        { items: [person('a', 'applied'), person('b', 'trial')], nextCursor: 'x' },
        { items: [person('c', 'applied')], nextCursor: null },
      ],
      pageParams: ['', 'x'],
    };
    const moved = withContractorStatus(data, 'c', 'interviewed');
    expect(moved.pages[1].items[0].status).toBe('interviewed');
    expect(moved.pages[0].items.map((c) => c.status)).toEqual(['applied', 'trial']);
    expect(moved.pageParams).toEqual(['', 'x']);
    expect(data.pages[1].items[0].status).toBe('applied');
  });

  it('moves the contractor in a picker list, and leaves other shapes alone', () => {
    const picker = { items: [person('a', 'trial')] };
    expect(withContractorStatus(picker, 'a', 'active').items[0].status).toBe('active');
    expect(withContractorStatus(undefined, 'a', 'active')).toBeUndefined();
    const other = { total: 3 };
    expect(withContractorStatus(other, 'a', 'active')).toBe(other);
  });
});
