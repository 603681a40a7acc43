import type { ClientFit } from '../../../contracts/clients';
import {
  missingOneSheeterCompleteness,
  type OneSheeterCompleteness,
} from '../../../domain/one-sheeter';
import { RuleViolation } from '../../../domain/rule-violation';
import type { Executor } from '../../db';
import { AppError, notFound } from '../../errors';
import { presentFit, presentOneSheeterSummary } from './present';
import { findClient } from './queries';

/** What other features (requests, assignment) may call. They never read clients' tables. */

export interface ClientForAssignment {
  id: string;
  name: string;
  archived: boolean;
  strategistUserId: string | null;
  fit: ClientFit;
  /** R1: fit, or overridden by a coordinator. */
  assignable: boolean;
  oneSheeter: {
    /** 0 when none was ever written. */
    version: number;
    completeness: OneSheeterCompleteness;
  };
}

/** The client as assignment sees it: fit with its override, and one-sheeter completeness. */
export async function getClientForAssignment(
  db: Executor,
  scope: { workspaceId: string; clientId: string },
): Promise<ClientForAssignment> {
  const row = await findClient(db, scope);
  if (!row) throw notFound('Client');
  const summary = presentOneSheeterSummary(row);
  return {
    id: row.id,
    name: row.name,
    archived: row.archived === 1,
    strategistUserId: row.strategist_user_id,
    ...presentFit(row),
    oneSheeter: summary ?? { version: 0, completeness: missingOneSheeterCompleteness() },
  };
}

/**
 * Throws unless work for this client may go to a contractor: R1 (fit, or a coordinator's
 * override) and R4 (a complete one-sheeter; the message names the missing sections).
 */
export async function assertClientAssignable(
  db: Executor,
  scope: { workspaceId: string; clientId: string },
): Promise<ClientForAssignment> {
  const client = await getClientForAssignment(db, scope);
  if (client.archived) {
    throw new AppError('CONFLICT', `${client.name} is archived: restore it before assigning work`);
  }
  if (!client.assignable) {
    throw new RuleViolation(
      'R1',
      `${client.name} is not fit for contracting. ${client.fit.reasons.join('; ')}`,
      { clientId: client.id, fit: client.fit.status },
    );
  }
  const { completeness, version } = client.oneSheeter;
  if (!completeness.complete) {
    const missing = completeness.missingRequired;
    const what =
      version === 0
        ? `${client.name} has no one-sheeter yet`
        : `The one-sheeter of ${client.name} is incomplete`;
    throw new RuleViolation(
      'R4',
      `${what}: fill in ${missing.join(', ')} before assigning work to a contractor`,
      { clientId: client.id, missingSections: missing, oneSheeterVersion: version },
    );
  }
  return client;
}

export type { ClientActor } from './service';
