import {
  type ContractorProfile,
  type ContractorSummary,
  EMPTY_SCORECARD,
  type Scorecard,
} from '../../../contracts/contractors';
import { STAFF_ROLES } from '../../../contracts/roles';
import { CONTRACTOR_STATUSES, type ContractorStatus, nextStatuses } from '../../../domain/vetting';
import type { Actor } from '../../auth/access';
import { parseStringArray } from '../rates/present';
import { abilitiesFor, mayManageContractors } from './policy';
import type { ContractorRow } from './queries';

export function asStatus(status: string): ContractorStatus {
  return (CONTRACTOR_STATUSES as readonly string[]).includes(status)
    ? (status as ContractorStatus)
    : 'applied';
}

export function parseScorecard(json: string): Scorecard {
  try {
    const v = JSON.parse(json) as Partial<Scorecard> | null;
    const score = (n: unknown) => (typeof n === 'number' && n >= 1 && n <= 5 ? n : null);
    return {
      quality: score(v?.quality),
      communication: score(v?.communication),
      reliability: score(v?.reliability),
      brandFit: score(v?.brandFit),
    };
  } catch {
    return { ...EMPTY_SCORECARD };
  }
}

/** A list row; the scorecard is an internal judgement, shown to staff only. */
export function presentSummary(row: ContractorRow, viewer: { staff: boolean }): ContractorSummary {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    status: asStatus(row.status),
    skills: parseStringArray(row.skills_json),
    weeklyCapacity: row.weekly_capacity,
    capacityUnit: row.capacity_unit === 'items' ? 'items' : 'hours',
    timeZone: row.time_zone,
    country: row.country,
    currency: row.currency,
    linked: row.user_id !== null,
    ...(viewer.staff ? { scorecard: parseScorecard(row.scorecard_json) } : {}),
  };
}

/** The profile; a contractor reading his own gets no scorecard, notes or trial outcome (R5). */
export function presentProfile(row: ContractorRow, actor: Actor): ContractorProfile {
  const staff = STAFF_ROLES.includes(actor.role);
  const status = asStatus(row.status);
  return {
    ...presentSummary(row, { staff }),
    userId: row.user_id,
    portfolioLinks: parseStringArray(row.portfolio_links_json),
    includedRevisionRounds: row.included_revision_rounds,
    paymentTerms: row.payment_terms,
    ...(staff ? { trialOutcome: row.trial_outcome, notes: row.notes } : {}),
    ...(mayManageContractors(actor.role) ? { nextStatuses: nextStatuses(status) } : {}),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    abilities: abilitiesFor(actor, row),
  };
}
