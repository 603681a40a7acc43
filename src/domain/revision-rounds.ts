/**
 * Revision rounds against the contractor's agreement (R21): the agreement includes N rounds
 * (default 1); a further round needs a coordinator's approval, as billable work or an escalation.
 * A simple copy/caption tweak the strategist makes themself is not a round at all.
 */

export interface RevisionRoundInput {
  /** Rounds included in the contractor's agreement (R6, default 1). */
  includedRounds: number;
  /** Rounds already counted on this task. */
  roundsUsed: number;
  /** True when the strategist makes a simple copy/caption tweak instead of the contractor. */
  strategistTweak: boolean;
}

export interface RevisionRoundVerdict {
  counts: boolean;
  roundNumber: number | null;
  needsApproval: boolean;
  rule: 'R21';
  message: string;
}

function rounds(n: number): string {
  return n === 1 ? '1 round' : `${n} rounds`;
}

function assertCount(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${what} must be a whole number of zero or more, got ${value}`);
  }
}

/** R21: whether a revision counts as a round, which one, and whether it needs approval. */
export function revisionRoundVerdict(input: RevisionRoundInput): RevisionRoundVerdict {
  assertCount(input.includedRounds, 'Included rounds');
  assertCount(input.roundsUsed, 'Rounds used');
  if (input.strategistTweak) {
    return {
      counts: false,
      roundNumber: null,
      needsApproval: false,
      rule: 'R21',
      message: "A strategist's copy or caption tweak doesn't count as a revision round",
    };
  }
  const roundNumber = input.roundsUsed + 1;
  const included = rounds(input.includedRounds);
  if (roundNumber > input.includedRounds) {
    return {
      counts: true,
      roundNumber,
      needsApproval: true,
      rule: 'R21',
      message:
        `Round ${roundNumber} exceeds the ${included} included in the agreement: ` +
        'a coordinator must approve it as billable or escalate it',
    };
  }
  return {
    counts: true,
    roundNumber,
    needsApproval: false,
    rule: 'R21',
    message: `Round ${roundNumber} of the ${included} included in the agreement`,
  };
}
