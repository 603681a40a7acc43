import type { EscalationStatus } from '../../../contracts/community';
import type { Role } from '../../../domain/roles';

/**
 * R24, pure: who may see and handle an escalation, and which moves its status may make
 * (deny by default). Escalations are handled by the process owner's roles: admins and
 * coordinators; anyone else sees only what they opened.
 */

export const ESCALATION_HANDLERS: readonly Role[] = ['admin', 'coordinator'];

export interface EscalationActor {
  role: Role;
  userId: string;
}

export function mayHandleEscalations(role: Role): boolean {
  return ESCALATION_HANDLERS.includes(role);
}

/** Handlers see every escalation of the workspace; anyone else only the ones they opened. */
export function mayReadEscalation(actor: EscalationActor, row: { opened_by: string }): boolean {
  return mayHandleEscalations(actor.role) || row.opened_by === actor.userId;
}

export type EscalationAction = 'acknowledge' | 'resolve';

export type MoveVerdict = { ok: true; to: EscalationStatus } | { ok: false; message: string };

/** open → acknowledged → resolved; open → resolved directly; a resolved one is closed. */
export function escalationMove(from: EscalationStatus, action: EscalationAction): MoveVerdict {
  if (from === 'resolved') {
    return { ok: false, message: 'This escalation is already resolved' };
  }
  if (action === 'acknowledge') {
    return from === 'open'
      ? { ok: true, to: 'acknowledged' }
      : { ok: false, message: 'This escalation is already acknowledged' };
  }
  return { ok: true, to: 'resolved' };
}

export function abilitiesFor(actor: EscalationActor, row: { status: EscalationStatus }) {
  const handler = mayHandleEscalations(actor.role);
  return {
    acknowledge: handler && escalationMove(row.status, 'acknowledge').ok,
    resolve: handler && escalationMove(row.status, 'resolve').ok,
  };
}
