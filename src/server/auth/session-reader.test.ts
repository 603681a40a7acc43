import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cookieValue, verifiedToken } from './session-reader';

const SECRET = 'a-test-secret-of-some-length';
const sign = (token: string, secret = SECRET) =>
  `${token}.${createHmac('sha256', secret).update(token).digest('base64')}`;

describe('cookieValue', () => {
  it.each([
    ['the only cookie', 'sid=abc', 'abc'],
    ['among others, spaces trimmed', 'a=1;  sid=abc ; b=2', 'abc'],
    ['URL-decoded', `sid=${encodeURIComponent('x.y+/=')}`, 'x.y+/='],
    ['a longer name is not a match', 'xsid=abc', undefined],
    ['absent', 'a=1', undefined],
    ['no header', undefined, undefined],
    ['malformed escape', 'sid=%E0%A4%A', undefined],
  ])('%s', (_what, header, expected) => {
    expect(cookieValue(header, 'sid')).toBe(expected);
  });
});

describe('verifiedToken', () => {
  it('accepts a value signed with the secret', () => {
    expect(verifiedToken(sign('tok123'), SECRET)).toBe('tok123');
  });
  it.each([
    ['signed with another secret', sign('tok123', 'another-secret')],
    ['signature of another token', `tok999.${sign('tok123').split('.')[1]}`],
    ['no signature', 'tok123'],
    ['short signature', 'tok123.abc='],
    ['empty token', `.${sign('x').split('.')[1]}`],
  ])('refuses a value %s', (_what, value) => {
    expect(verifiedToken(value, SECRET)).toBeNull();
  });
});
