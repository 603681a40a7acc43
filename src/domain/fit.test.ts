import { describe, expect, it } from 'vitest';
import { type FitInput, type FitStatus, fitVerdict, isCoreCategory } from './fit';

const calm: Omit<FitInput, 'companyCategory' | 'departmentTier'> = {
  typicalRevisionRounds: 1,
  collateralReadyBeforeMonth: true,
};

describe('fitVerdict status (R1)', () => {
  it.each<[string, string, 1 | 2 | 3, FitStatus]>([
    ['R1 an empty category at tier 3 is not eligible', '', 3, 'not_eligible'],
    ['R1 a padded, upper-case " CORE " category counts as core', ' CORE ', 3, 'eligible'],
    ['R1 a "core-ish" custom category is not core', 'core plus', 2, 'not_eligible'],
    ['R1 a growth tier-2 client is not eligible', 'growth', 2, 'not_eligible'],
    ['R1 an other tier-3 client is not eligible', 'other', 3, 'not_eligible'],
    ['R1 a growth tier-1 client is eligible by department tier', 'growth', 1, 'eligible'],
    ['R1 a core tier-3 client is eligible by company category', 'core', 3, 'eligible'],
    ['R1 a core tier-1 client is eligible on both counts', 'core', 1, 'eligible'],
  ])('%s', (_title, companyCategory, departmentTier, status) => {
    expect(fitVerdict({ ...calm, companyCategory, departmentTier }).status).toBe(status);
  });
});

describe('fitVerdict reasons (R1)', () => {
  it('R1 both reasons are given when a client is core and tier 1', () => {
    const v = fitVerdict({ ...calm, companyCategory: 'core', departmentTier: 1 });
    expect(v.reasons).toEqual(['Core client at company level', 'Tier 1 at department level']);
  });

  it('R1 a not-eligible client is told a coordinator override with a reason is needed', () => {
    const v = fitVerdict({ ...calm, companyCategory: 'growth', departmentTier: 2 });
    expect(v.reasons).toEqual([
      'Not core at company level (growth) and tier 2 at department level: ' +
        'assigning to a contractor needs a coordinator override with a reason',
    ]);
  });

  it.each([['core'], ['Core'], ['  core\t']])('R1 "%s" is the core category', (category) => {
    expect(isCoreCategory(category)).toBe(true);
  });
});

describe('fitVerdict cautions (R2)', () => {
  it.each<[string, number, boolean, FitStatus, string[]]>([
    ['R2 exactly 2 typical rounds is no caution', 2, true, 'eligible', []],
    [
      'R2 3 typical rounds is a caution',
      3,
      true,
      'eligible_with_cautions',
      ['Feedback typically runs to 3 revision rounds (contractor agreements include 1)'],
    ],
    [
      'R2 late collateral is a caution',
      0,
      false,
      'eligible_with_cautions',
      ['Collateral is usually not ready before the start of the month'],
    ],
    [
      'R2 both cautions are listed, rounds first',
      4,
      false,
      'eligible_with_cautions',
      [
        'Feedback typically runs to 4 revision rounds (contractor agreements include 1)',
        'Collateral is usually not ready before the start of the month',
      ],
    ],
  ])('%s', (_title, typicalRevisionRounds, collateralReadyBeforeMonth, status, cautions) => {
    const v = fitVerdict({
      companyCategory: 'core',
      departmentTier: 2,
      typicalRevisionRounds,
      collateralReadyBeforeMonth,
    });
    expect(v.status).toBe(status);
    expect(v.cautions).toEqual(cautions);
  });

  it('R2 a not-eligible client keeps its cautions and stays not eligible', () => {
    const v = fitVerdict({
      companyCategory: 'other',
      departmentTier: 3,
      typicalRevisionRounds: 5,
      collateralReadyBeforeMonth: false,
    });
    expect(v.status).toBe('not_eligible');
    expect(v.cautions).toHaveLength(2);
  });
});
