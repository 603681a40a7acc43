import type { z } from 'zod';
import type {
  RepeatRequest,
  RequestDetail,
  RequestListItem,
  RequestListQuery,
} from '../../../contracts/requests';
import { calendarDaysBetween, type IsoDate, isIsoDate } from '../../../domain/calendar';
import type { Actor } from '../../auth/access';
import type { Executor } from '../../db';
import { notFound } from '../../errors';
import { type ClientForAssignment, getClientForAssignment } from '../clients';
import { decodeCursor, encodeCursor } from './cursor';
import { estimateAtDefaults, workspaceDay } from './intake';
import { presentDetail, presentListItem } from './present';
import * as q from './queries';

/** Reading requests: the detail, the triage list and "repeat last month" (R10–R12). */

/** What a caller already read in the same request, so the answer need not read it again. */
export interface DetailParts {
  client: ClientForAssignment;
  /** The workspace's calendar day at `now`. */
  today: IsoDate;
}

export async function getRequestDetail(
  db: Executor,
  actor: Actor,
  id: string,
  now: Date,
  read?: DetailParts,
): Promise<RequestDetail> {
  const scope = { workspaceId: actor.workspaceId };
  const row = await q.findRequest(db, { ...scope, id });
  if (!row) throw notFound('Request');
  const items = await q.listRequestItems(db, { ...scope, requestIds: [id] });
  const client =
    read?.client.id === row.client_id
      ? read.client
      : await getClientForAssignment(db, { ...scope, clientId: row.client_id });
  const today = read?.today ?? (await workspaceDay(db, actor.workspaceId, now));
  const estimate = await estimateAtDefaults(db, actor.workspaceId, items, today);
  return presentDetail(row, items, client, estimate, actor);
}

export async function listRequestsView(
  db: Executor,
  actor: Actor,
  query: z.infer<typeof RequestListQuery>,
): Promise<{ items: RequestListItem[]; nextCursor: string | null }> {
  const scope = { workspaceId: actor.workspaceId };
  const after = query.cursor ? decodeCursor(query.cursor, 3) : null;
  const rows = await q.listRequests(db, scope, {
    status: query.status,
    month: query.month,
    clientId: query.clientId,
    after: after ? { dueDate: after[0], submittedAt: after[1], id: after[2] } : undefined,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const items = await q.listRequestItems(db, { ...scope, requestIds: page.map((r) => r.id) });
  // One lookup per distinct client on the page (bounded by the page size).
  const clients = new Map<string, ClientForAssignment>();
  for (const clientId of new Set(page.map((r) => r.client_id))) {
    clients.set(clientId, await getClientForAssignment(db, { ...scope, clientId }));
  }
  const last = page[page.length - 1];
  return {
    items: page.map((r) =>
      presentListItem(
        r,
        items.filter((i) => i.request_id === r.id),
        clients.get(r.client_id)!,
      ),
    ),
    nextCursor:
      rows.length > query.limit ? encodeCursor([last.due_date, last.submitted_at, last.id]) : null,
  };
}

/** The month after 'YYYY-MM'. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The same day of the next month, clamped to its last day (31 Jan → 28 Feb). */
export function sameDayNextMonth(date: string): string {
  const next = nextMonth(date.slice(0, 7));
  for (let day = Number(date.slice(8, 10)); day > 28; day--) {
    const candidate = `${next}-${String(day).padStart(2, '0')}`;
    if (isIsoDate(candidate)) return candidate;
  }
  return `${next}-${date.slice(8, 10)}`;
}

/**
 * R12: the client's previous request to pre-fill a new one, moved one month on (and at least a
 * month ahead of today, so the suggested due date is never already past). Archived types drop out.
 */
export async function repeatLastRequest(
  db: Executor,
  actor: Actor,
  clientId: string,
  now: Date,
): Promise<z.infer<typeof RepeatRequest>> {
  const scope = { workspaceId: actor.workspaceId };
  const last = await q.latestRequestForClient(db, { ...scope, clientId });
  if (!last) throw notFound('Previous request for this client');
  const items = await q.listRequestItems(db, { ...scope, requestIds: [last.id] });
  const today = await workspaceDay(db, actor.workspaceId, now);
  let dueDate = sameDayNextMonth(last.due_date);
  let month = nextMonth(last.month);
  while (calendarDaysBetween(today, dueDate) < 14) {
    dueDate = sameDayNextMonth(dueDate);
    month = nextMonth(month);
  }
  return {
    sourceRequestId: last.id,
    sourceMonth: last.month,
    clientId,
    month,
    dueDate,
    items: items
      .filter((i) => i.archived === 0)
      .map((i) => ({
        deliverableTypeId: i.deliverable_type_id,
        name: i.name,
        quantity: i.quantity,
      })),
    notes: last.notes,
    collateralReady: last.collateral_ready === 1,
    preferredContractorId: last.preferred_contractor_id,
  };
}
