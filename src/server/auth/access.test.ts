import { describe, expect, it } from 'vitest';
import type { Role } from '../../contracts/roles';
import { type Access, accessDecision, isSameOriginWrite } from './access';

type Case = [
  string,
  Access | undefined,
  { signedIn: boolean; role: Role | null },
  ReturnType<typeof accessDecision>,
];

const cases: Case[] = [
  [
    'a route without declared access is refused to everyone',
    undefined,
    { signedIn: true, role: 'admin' },
    'forbidden',
  ],
  ['a public route lets a visitor in', 'public', { signedIn: false, role: null }, 'allow'],
  ['a public route lets a member in', 'public', { signedIn: true, role: 'contractor' }, 'allow'],
  [
    'a signed-in route refuses a visitor',
    'signed-in',
    { signedIn: false, role: null },
    'unauthenticated',
  ],
  [
    'a signed-in route lets someone without a workspace in',
    'signed-in',
    { signedIn: true, role: null },
    'allow',
  ],
  [
    'a role route refuses a visitor with 401, not 403',
    ['admin'],
    { signedIn: false, role: null },
    'unauthenticated',
  ],
  [
    'a role route refuses a person outside the workspace',
    ['admin'],
    { signedIn: true, role: null },
    'no-workspace',
  ],
  [
    'a role route lets a listed role in',
    ['admin', 'coordinator'],
    { signedIn: true, role: 'coordinator' },
    'allow',
  ],
  [
    'a role route refuses an unlisted role',
    ['admin', 'coordinator'],
    { signedIn: true, role: 'strategist' },
    'forbidden',
  ],
  [
    'R5 a staff-only route refuses a contractor',
    ['admin', 'coordinator', 'strategist', 'qa', 'finance'],
    { signedIn: true, role: 'contractor' },
    'forbidden',
  ],
  ['an empty role list refuses everyone', [], { signedIn: true, role: 'admin' }, 'forbidden'],
];

describe('accessDecision (the permission guard)', () => {
  it.each(cases)('%s', (_title, access, state, expected) => {
    expect(accessDecision(access, state)).toBe(expected);
  });
});

describe('isSameOriginWrite (CSRF defence for cookie-authenticated writes)', () => {
  const trusted = ['http://localhost:3000'];
  it.each([
    ['a GET passes without an Origin', 'GET', { cookie: 's=1' }, true],
    ['a POST without a cookie passes (no ambient authority)', 'POST', {}, true],
    [
      'a cookie POST from our origin passes',
      'POST',
      { cookie: 's=1', origin: 'http://localhost:3000' },
      true,
    ],
    [
      'a cookie POST from another site is refused',
      'POST',
      { cookie: 's=1', origin: 'https://evil.example' },
      false,
    ],
    ['a cookie POST without Origin or Referer is refused', 'POST', { cookie: 's=1' }, false],
    [
      'a cookie DELETE with our Referer passes',
      'DELETE',
      { cookie: 's=1', referer: 'http://localhost:3000/settings' },
      true,
    ],
    [
      'a cookie PATCH with a foreign Referer is refused',
      'PATCH',
      { cookie: 's=1', referer: 'http://evil.example/x' },
      false,
    ],
    ['a garbage Referer is refused', 'PUT', { cookie: 's=1', referer: 'not a url' }, false],
  ])('%s', (_t, method, headers, expected) => {
    expect(isSameOriginWrite({ method, headers }, trusted)).toBe(expected);
  });
});
