import { describe, expect, it } from 'vitest';
import { nextRetryAt, signatureOf, verifySignature } from './signature';

const secret = 'whsec_test';
const body = '{"event":"ping"}';
const now = new Date('2026-12-07T12:00:00Z');
const t = now.getTime() / 1000;

describe('webhook signatures', () => {
  it('signs "<t>.<body>" with HMAC-SHA256 in hex', () => {
    // Known answer, computed independently: echo -n '1796644800.{"event":"ping"}' | openssl sha256 -hmac whsec_test
    expect(signatureOf(secret, body, t)).toBe(
      't=1796644800,v1=654e68458418e29291657a3782c149c41205e112b24f5a6434a9f682d1949169',
    );
  });

  it.each([
    ['the right secret, body and time', secret, body, 0, true],
    ['another secret', 'whsec_other', body, 0, false],
    ['a changed body', secret, '{"event":"pong"}', 0, false],
    ['a replay six minutes later', secret, body, 360, false],
    ['a delivery four minutes old', secret, body, 240, true],
  ])('verifies %s → %s', (_name, key, received, ageSeconds, ok) => {
    const header = signatureOf(secret, body, t);
    const at = new Date(now.getTime() + ageSeconds * 1000);
    expect(verifySignature(key, received, header, at)).toBe(ok);
  });

  it.each([[undefined], [''], ['t=abc,v1=00'], ['v1=deadbeef'], [`t=${t},v1=zz`]])(
    'refuses a malformed header %s',
    (header) => {
      expect(verifySignature(secret, body, header, now)).toBe(false);
    },
  );
});

describe('webhook retries back off 1 m, 5 m, 30 m, 2 h, 6 h, then stop', () => {
  it.each([
    [1, 1],
    [2, 5],
    [3, 30],
    [4, 120],
    [5, 360],
    [6, null],
  ])('after %i failed attempt(s) → %s minutes', (attempts, minutes) => {
    const next = nextRetryAt(attempts, now);
    expect(next === null ? null : (next.getTime() - now.getTime()) / 60_000).toBe(minutes);
  });
});
