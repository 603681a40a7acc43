import type {
  Escalation,
  EscalationCategory,
  EscalationSeverity,
  EscalationStatus,
} from '../../../contracts/community';
import { abilitiesFor, type EscalationActor } from './policy';
import type { EscalationRow } from './queries';

const person = (id: string | null, name: string | null | undefined) =>
  id ? { id, name: name ?? 'Someone' } : null;

/** Row → API shape, with what this actor may do to it. Never a raw row. */
export function presentEscalation(row: EscalationRow, actor: EscalationActor): Escalation {
  const status = row.status as EscalationStatus;
  return {
    id: row.id,
    task: row.task_id ? { id: row.task_id, title: row.task_title ?? 'Task' } : null,
    contractor: person(row.contractor_id, row.contractor_name),
    category: row.category as EscalationCategory,
    severity: row.severity as EscalationSeverity,
    description: row.description,
    status,
    openedBy: person(row.opened_by, row.opener_name) ?? { id: row.opened_by, name: 'Someone' },
    openedAt: row.opened_at,
    acknowledgedBy: person(row.acknowledged_by, row.ack_name),
    acknowledgedAt: row.acknowledged_at,
    resolvedBy: person(row.resolved_by, row.res_name),
    resolvedAt: row.resolved_at,
    resolutionNotes: row.resolution_notes,
    version: row.version,
    abilities: abilitiesFor(actor, { status }),
  };
}
