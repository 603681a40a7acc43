/**
 * Vetting pipeline (R9): applied → interviewed → references checked → trial → active, then
 * active ⇄ paused; anyone can be offboarded, and an offboarded contractor may re-apply.
 */

export const CONTRACTOR_STATUSES = [
  'applied',
  'interviewed',
  'references_checked',
  'trial',
  'active',
  'paused',
  'offboarded',
] as const;

export type ContractorStatus = (typeof CONTRACTOR_STATUSES)[number];

/** The stages before a contractor may take work, in order. */
export const PIPELINE: readonly ContractorStatus[] = [
  'applied',
  'interviewed',
  'references_checked',
  'trial',
  'active',
];

export const STATUS_LABELS: Record<ContractorStatus, string> = {
  applied: 'Applied',
  interviewed: 'Interviewed',
  references_checked: 'References checked',
  trial: 'Trial task',
  active: 'Active',
  paused: 'Paused',
  offboarded: 'Offboarded',
};

export type VettingVerdict = { ok: true } | { ok: false; message: string };

const label = (s: ContractorStatus) => STATUS_LABELS[s].toLowerCase();

/** R9: may a contractor move from `from` to `to`? A refusal says what to do instead. */
export function vettingMove(from: ContractorStatus, to: ContractorStatus): VettingVerdict {
  if (from === to) return { ok: false, message: `The contractor is already ${label(to)}` };
  if (to === 'offboarded') return { ok: true };
  if (from === 'offboarded') {
    return to === 'applied'
      ? { ok: true }
      : {
          ok: false,
          message: `An offboarded contractor re-applies first: move to applied, not ${label(to)}`,
        };
  }
  if (from === 'active' && to === 'paused') return { ok: true };
  if (from === 'paused') {
    return to === 'active'
      ? { ok: true }
      : { ok: false, message: `A paused contractor can be made active or offboarded` };
  }
  if (to === 'paused') {
    return { ok: false, message: 'Only an active contractor can be paused' };
  }
  const at = PIPELINE.indexOf(from);
  const target = PIPELINE.indexOf(to);
  if (target === at + 1) return { ok: true };
  if (target > at + 1) {
    const next = PIPELINE[at + 1];
    const skipped = PIPELINE.slice(at + 1, target).map(label);
    return {
      ok: false,
      message: `A contractor can't skip vetting stages: move from ${label(from)} to ${label(next)} first (skipped: ${skipped.join(', ')})`,
    };
  }
  return {
    ok: false,
    message: `A contractor can't go back from ${label(from)} to ${label(to)}: offboard and re-apply instead`,
  };
}

/** The statuses reachable from `from` in one move, for the UI's menu. */
export function nextStatuses(from: ContractorStatus): ContractorStatus[] {
  return CONTRACTOR_STATUSES.filter((to) => vettingMove(from, to).ok);
}

/** Contractors who can be planned and shown on the team calendar. */
export const SCHEDULABLE_STATUSES: readonly ContractorStatus[] = ['trial', 'active', 'paused'];
