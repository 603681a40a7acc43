import { describe, expect, it } from 'vitest';
import { revisionRoundVerdict } from './revision-rounds';

describe('revisionRoundVerdict (R21)', () => {
  it.each<[string, number, number, number, boolean]>([
    ['R21 with 0 rounds included, even round 1 needs approval', 0, 0, 1, true],
    ['R21 with 0 rounds included, round 3 needs approval', 0, 2, 3, true],
    ['R21 with 1 round included, round 1 is free', 1, 0, 1, false],
    ['R21 with 1 round included, round 2 needs approval', 1, 1, 2, true],
    ['R21 with 1 round included, round 3 needs approval too', 1, 2, 3, true],
    ['R21 with 2 rounds included, round 2 is free', 2, 1, 2, false],
    ['R21 with 2 rounds included, round 3 needs approval', 2, 2, 3, true],
  ])('%s', (_title, includedRounds, roundsUsed, roundNumber, needsApproval) => {
    const v = revisionRoundVerdict({ includedRounds, roundsUsed, strategistTweak: false });
    expect(v).toMatchObject({ counts: true, roundNumber, needsApproval, rule: 'R21' });
  });

  it.each<[string, number, number]>([
    ['R21 a strategist tweak does not count with 0 rounds included', 0, 0],
    ['R21 a strategist tweak does not count when rounds are used up', 1, 5],
    ['R21 a strategist tweak does not count on a fresh task', 2, 0],
  ])('%s', (_title, includedRounds, roundsUsed) => {
    expect(revisionRoundVerdict({ includedRounds, roundsUsed, strategistTweak: true })).toEqual({
      counts: false,
      roundNumber: null,
      needsApproval: false,
      rule: 'R21',
      message: "A strategist's copy or caption tweak doesn't count as a revision round",
    });
  });

  it.each<[string, number, number, string]>([
    [
      'R21 the over-limit message says who decides and how',
      1,
      1,
      'Round 2 exceeds the 1 round included in the agreement: ' +
        'a coordinator must approve it as billable or escalate it',
    ],
    [
      'R21 the over-limit message uses the plural for several included rounds',
      2,
      2,
      'Round 3 exceeds the 2 rounds included in the agreement: ' +
        'a coordinator must approve it as billable or escalate it',
    ],
    [
      'R21 an included round says which of how many it is',
      2,
      0,
      'Round 1 of the 2 rounds included in the agreement',
    ],
  ])('%s', (_title, includedRounds, roundsUsed, message) => {
    expect(
      revisionRoundVerdict({ includedRounds, roundsUsed, strategistTweak: false }).message,
    ).toBe(message);
  });

  it.each<[string, number, number]>([
    ['R21 negative included rounds are refused', -1, 0],
    ['R21 fractional rounds used are refused', 1, 0.5],
  ])('%s', (_title, includedRounds, roundsUsed) => {
    expect(() =>
      revisionRoundVerdict({ includedRounds, roundsUsed, strategistTweak: false }),
    ).toThrow(RangeError);
  });
});
