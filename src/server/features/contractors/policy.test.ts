import { describe, expect, it } from 'vitest';
import type { Role } from '../../../domain/roles';
import { mayChangeRates, mayEditAvailability, mayReadContractor } from './policy';

const lina = { user_id: 'u-lina' };
const unlinked = { user_id: null };

describe('contractor policy (R5, R7, R8)', () => {
  it.each<[string, Role, string, { user_id: string | null }, boolean]>([
    ['R5 a contractor with no linked record reads nobody', 'contractor', 'u-lina', unlinked, false],
    ['R5 a contractor reads another contractor: no', 'contractor', 'u-mateo', lina, false],
    ['R5 a contractor reads himself', 'contractor', 'u-lina', lina, true],
    ['R5 a strategist reads any contractor', 'strategist', 'u-x', lina, true],
    ['R5 finance reads any contractor', 'finance', 'u-x', unlinked, true],
  ])('%s', (_t, role, userId, row, expected) => {
    expect(mayReadContractor({ role, userId }, row)).toBe(expected);
  });

  it.each<[string, Role, string, boolean]>([
    ['R8 a contractor edits his own availability', 'contractor', 'u-lina', true],
    ['R8 a contractor cannot edit someone else’s', 'contractor', 'u-mateo', false],
    ['R8 a coordinator edits anyone’s', 'coordinator', 'u-x', true],
    ['R8 an admin edits anyone’s', 'admin', 'u-x', true],
    ['R8 a strategist only reads', 'strategist', 'u-x', false],
    ['R8 QA only reads', 'qa', 'u-x', false],
  ])('%s', (_t, role, userId, expected) => {
    expect(mayEditAvailability({ role, userId }, lina)).toBe(expected);
  });

  it.each<[Role, boolean]>([
    ['admin', true],
    ['coordinator', true],
    ['finance', true],
    ['strategist', false],
    ['qa', false],
    ['contractor', false],
  ])('R7 %s may change rates: %s', (role, expected) => {
    expect(mayChangeRates(role)).toBe(expected);
  });
});
