/**
 * Fit for contracting (R1) and the cautions shown on a client and its requests (R2).
 */

export interface FitInput {
  /** 'core' | 'growth' | 'other' or a workspace's own category name. */
  companyCategory: string;
  departmentTier: 1 | 2 | 3;
  typicalRevisionRounds: number;
  collateralReadyBeforeMonth: boolean;
}

export type FitStatus = 'eligible' | 'eligible_with_cautions' | 'not_eligible';

export interface FitVerdict {
  status: FitStatus;
  reasons: string[];
  cautions: string[];
}

// R2 names "more than 2 rounds" as the point where feedback becomes a caution.
const ROUNDS_CAUTION_ABOVE = 2;

/** True when the category is 'core'; categories are typed by people, so case and spaces vary. */
export function isCoreCategory(companyCategory: string): boolean {
  return companyCategory.trim().toLowerCase() === 'core';
}

/** R2 cautions for a client, in display order; empty when there is nothing to warn about. */
export function fitCautions(c: FitInput): string[] {
  const cautions: string[] = [];
  if (c.typicalRevisionRounds > ROUNDS_CAUTION_ABOVE) {
    cautions.push(
      `Feedback typically runs to ${c.typicalRevisionRounds} revision rounds ` +
        '(contractor agreements include 1)',
    );
  }
  if (!c.collateralReadyBeforeMonth) {
    cautions.push('Collateral is usually not ready before the start of the month');
  }
  return cautions;
}

/** R1/R2: whether a client may go to a contractor, why, and what to watch out for. */
export function fitVerdict(c: FitInput): FitVerdict {
  const core = isCoreCategory(c.companyCategory);
  const tier1 = c.departmentTier === 1;
  const cautions = fitCautions(c);
  const reasons: string[] = [];
  if (core) reasons.push('Core client at company level');
  if (tier1) reasons.push('Tier 1 at department level');
  if (!core && !tier1) {
    // Name the actual category so the coordinator sees what the override is overriding.
    const category = c.companyCategory.trim() || 'uncategorised';
    reasons.push(
      `Not core at company level (${category}) and tier ${c.departmentTier} at department ` +
        'level: assigning to a contractor needs a coordinator override with a reason',
    );
    return { status: 'not_eligible', reasons, cautions };
  }
  return { status: cautions.length > 0 ? 'eligible_with_cautions' : 'eligible', reasons, cautions };
}
