import { describe, expect, it } from 'vitest';
import type { Role } from '../../../contracts/roles';
import { mayEditClient, mayOverrideFit, mayOwnClients, mayReadBrief } from './policy';

describe('client policy', () => {
  it.each<[Role, boolean, boolean]>([
    ['admin', true, true],
    ['coordinator', true, true],
    ['strategist', true, false],
    ['qa', false, false],
    ['finance', false, false],
    ['contractor', false, false],
  ])('R1 %s: edit clients %s, override fit %s', (role, edit, override) => {
    expect(mayEditClient(role)).toBe(edit);
    expect(mayOverrideFit(role)).toBe(override);
  });

  it.each<[Role, boolean, boolean]>([
    ['contractor', false, false],
    ['contractor', true, true],
    ['strategist', false, true],
    ['qa', false, true],
    ['finance', false, true],
  ])('R5 %s paired=%s may read the brief: %s', (role, paired, allowed) => {
    expect(mayReadBrief(role, paired)).toBe(allowed);
  });

  it.each([
    ['strategist', true],
    ['admin', true],
    ['coordinator', false],
    ['contractor', false],
  ])('%s may own clients as strategist: %s', (role, ok) => {
    expect(mayOwnClients(role)).toBe(ok);
  });
});
