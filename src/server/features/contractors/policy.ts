import { STAFF_ROLES } from '../../../contracts/roles';
import type { Role } from '../../../domain/roles';

/** Pure decisions about who may do what to a contractor record (deny by default). */

export interface PolicyActor {
  role: Role;
  userId: string;
}

export const CONTRACTOR_MANAGERS: readonly Role[] = ['admin', 'coordinator'];
export const VETTING_READERS: readonly Role[] = ['admin', 'coordinator', 'strategist'];
export const RATE_EDITORS: readonly Role[] = ['admin', 'coordinator', 'finance'];

const isStaff = (role: Role) => STAFF_ROLES.includes(role);

/** A contractor acting on his own record. */
export function isSelf(actor: PolicyActor, row: { user_id: string | null }): boolean {
  return actor.role === 'contractor' && row.user_id !== null && row.user_id === actor.userId;
}

/** R5: staff see every contractor; a contractor sees only himself. */
export function mayReadContractor(actor: PolicyActor, row: { user_id: string | null }): boolean {
  return isStaff(actor.role) || isSelf(actor, row);
}

export function mayManageContractors(role: Role): boolean {
  return CONTRACTOR_MANAGERS.includes(role);
}

/** R8: contractors record their own unavailability; coordinators (and admins) for them. */
export function mayEditAvailability(actor: PolicyActor, row: { user_id: string | null }): boolean {
  return mayManageContractors(actor.role) || isSelf(actor, row);
}

export function mayChangeRates(role: Role): boolean {
  return RATE_EDITORS.includes(role);
}

export function abilitiesFor(actor: PolicyActor, row: { user_id: string | null }) {
  return {
    edit: mayManageContractors(actor.role),
    editOwnProfile: isSelf(actor, row),
    changeStatus: mayManageContractors(actor.role),
    editAvailability: mayEditAvailability(actor, row),
  };
}
