import { describe, expect, it } from 'vitest';
import { describeRoles, isRole, ROLES, roleRefusal } from './roles';

describe('roles', () => {
  it.each<[string, boolean]>([
    ['', false],
    ['Admin', false],
    ['owner', false],
    ['admin', true],
    ['contractor', true],
  ])('R5 "%s" is a workspace role: %s', (value, expected) => {
    expect(isRole(value)).toBe(expected);
  });

  it('R5 there are exactly the six roles of the product', () => {
    expect([...ROLES]).toEqual([
      'admin',
      'coordinator',
      'strategist',
      'qa',
      'finance',
      'contractor',
    ]);
  });

  it.each<[string, Parameters<typeof describeRoles>[0], string]>([
    ['R5 no roles read as nothing', [], ''],
    ['R5 one role reads as its plural', ['contractor'], 'contractors'],
    ['R5 two roles join with or', ['qa', 'admin'], 'QA reviewers or admins'],
    [
      'R5 three roles join with commas and or',
      ['strategist', 'coordinator', 'admin'],
      'strategists, coordinators or admins',
    ],
  ])('%s', (_title, roles, expected) => {
    expect(describeRoles(roles)).toBe(expected);
  });

  it('R5 a refusal names the person and who may act instead', () => {
    expect(roleRefusal('finance', ['coordinator', 'admin'], 'assign')).toBe(
      "Someone in finance can't assign: only coordinators or admins can",
    );
  });
});
