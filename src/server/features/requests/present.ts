import type { RequestDetail, RequestListItem, RequestStatus } from '../../../contracts/requests';
import type { Actor } from '../../auth/access';
import type { ClientForAssignment } from '../clients';
import type { Estimate } from './intake';
import { mayOverrideLeadTime } from './intake';
import type { RequestItemRow, RequestRow } from './queries';

/** Request rows → API shapes, with the viewer's abilities. Never a raw row. */

type LeadStatus = 'ok' | 'warning' | 'refused';
type Unit = 'item' | 'hour' | 'calendar';

const asStatus = (s: string) => s as RequestStatus;
const asLead = (s: string) => s as LeadStatus;

/** "12 × Static graphic, 1 × Monthly content calendar" */
export function itemsSummary(items: readonly Pick<RequestItemRow, 'quantity' | 'name'>[]): string {
  return items.map((i) => `${i.quantity} × ${i.name}`).join(', ');
}

export function requestAbilities(row: Pick<RequestRow, 'status' | 'submitted_by'>, actor: Actor) {
  const open = row.status === 'submitted';
  const coordinator = mayOverrideLeadTime(actor.role);
  return {
    edit: open && row.submitted_by === actor.userId,
    cancel: open && row.submitted_by === actor.userId,
    decline: open && coordinator,
    assign: open && coordinator,
  };
}

function leadOf(row: RequestRow) {
  return {
    status: asLead(row.lead_status),
    days: row.lead_days,
    message: row.lead_message,
    override:
      row.override_reason && row.override_by && row.override_at
        ? {
            reason: row.override_reason,
            by: { userId: row.override_by, name: row.override_by_name ?? null },
            at: row.override_at,
          }
        : null,
  };
}

function oneSheeterOf(client: ClientForAssignment) {
  const { completeness, version } = client.oneSheeter;
  return {
    version,
    complete: completeness.complete,
    missingSections: completeness.missingRequired,
    completeness,
    link: `/api/clients/${client.id}/one-sheeter`,
  };
}

export function presentDetail(
  row: RequestRow,
  items: readonly RequestItemRow[],
  client: ClientForAssignment,
  estimate: Estimate,
  actor: Actor,
): RequestDetail {
  return {
    id: row.id,
    client: { id: client.id, name: client.name, fit: client.fit, assignable: client.assignable },
    month: row.month,
    dueDate: row.due_date,
    collateralReady: row.collateral_ready === 1,
    preferredContractor:
      row.preferred_contractor_id && row.preferred_name
        ? { id: row.preferred_contractor_id, name: row.preferred_name }
        : null,
    notes: row.notes,
    status: asStatus(row.status),
    lead: leadOf(row),
    oneSheeter: oneSheeterOf(client),
    items: items.map((i, n) => ({
      deliverableTypeId: i.deliverable_type_id,
      name: i.name,
      unit: i.unit as Unit,
      isContentCalendar: i.is_content_calendar === 1,
      quantity: i.quantity,
      estimatedMinor: estimate.perItem[n] ?? null,
    })),
    estimatedMinor: estimate.totalMinor,
    estimateIncomplete: estimate.incomplete,
    currency: estimate.currency,
    declineReason: row.decline_reason,
    submittedBy: { userId: row.submitted_by, name: row.submitted_by_name ?? null },
    submittedAt: row.submitted_at,
    assignedAt: row.assigned_at,
    taskId: row.task_id,
    version: row.version,
    abilities: requestAbilities(row, actor),
  };
}

export function presentListItem(
  row: RequestRow,
  items: readonly RequestItemRow[],
  client: ClientForAssignment,
): RequestListItem {
  return {
    id: row.id,
    client: { id: row.client_id, name: row.client_name },
    month: row.month,
    dueDate: row.due_date,
    status: asStatus(row.status),
    lead: {
      status: asLead(row.lead_status),
      days: row.lead_days,
      message: row.lead_message,
      overridden: row.override_reason !== null,
    },
    fit: {
      status: client.fit.status,
      assignable: client.assignable,
      cautions: client.fit.cautions,
    },
    oneSheeter: {
      complete: client.oneSheeter.completeness.complete,
      missingSections: client.oneSheeter.completeness.missingRequired,
    },
    itemsSummary: itemsSummary(items),
    itemCount: items.reduce((n, i) => n + i.quantity, 0),
    preferredContractor:
      row.preferred_contractor_id && row.preferred_name
        ? { id: row.preferred_contractor_id, name: row.preferred_name }
        : null,
    submittedBy: { userId: row.submitted_by, name: row.submitted_by_name ?? null },
    submittedAt: row.submitted_at,
    taskId: row.task_id,
    version: row.version,
  };
}
