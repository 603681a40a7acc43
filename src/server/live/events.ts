import { LIVE_EVENT_TYPES, type LiveEventType, type LiveHint } from '../../contracts/live';
import type { Role } from '../../contracts/roles';

export { LIVE_EVENT_TYPES, type LiveEventType };

/**
 * Live updates are hints, never data: "this task changed", "you have a new notification". The
 * browser refetches through the normal, permission-checked API, so an event can say no more than
 * which kind of thing changed and its id.
 */
export interface LiveEvent extends LiveHint {
  /** notification.created only: the person it is addressed to. Never sent to the browser. */
  userId?: string;
}

/** An event as it travels between processes: `seq` is its SSE id, the same on every process. */
export interface WireEvent extends LiveEvent {
  seq: string;
}

/** What a browser receives: no recipient ids, nothing but the hint. */
export function browserPayload(e: LiveEvent): LiveHint {
  const out: LiveHint = { type: e.type, id: e.id, workspaceId: e.workspaceId };
  if (e.taskId) out.taskId = e.taskId;
  return out;
}

const BY_ENTITY: Record<string, LiveEventType> = {
  request: 'request.changed',
  client: 'client.changed',
  one_sheeter: 'client.changed',
  client_category: 'client.changed',
  contractor: 'contractor.changed',
  client_contractor_pairing: 'contractor.changed',
  rate: 'rates.changed',
  deliverable_type: 'rates.changed',
  unavailability: 'availability.changed',
  workspace: 'workspace.changed',
  membership: 'workspace.changed',
  invitation: 'workspace.changed',
};

/**
 * The hint an audited change produces (recordAudit calls this), or null for changes nobody else
 * watches (personal settings, tokens, webhooks). Anything attached to a task is a task change.
 */
export function changeEventFor(
  workspaceId: string,
  entry: { entityType: string; entityId: string; taskId?: string | null },
): LiveEvent | null {
  const taskId = entry.taskId ?? (entry.entityType === 'task' ? entry.entityId : null);
  const type = BY_ENTITY[entry.entityType];
  if (type) {
    const id =
      entry.entityType === 'client_contractor_pairing'
        ? (entry.entityId.split(':')[1] ?? entry.entityId)
        : entry.entityId;
    return taskId ? { type, id, taskId, workspaceId } : { type, id, workspaceId };
  }
  if (taskId) {
    return { type: 'task.changed', id: taskId, taskId, workspaceId };
  }
  return null;
}

export interface Viewer {
  userId: string;
  workspaceId: string;
  role: Role;
}

/**
 * R5 for live events: nobody hears of another workspace; a notification is heard only by the
 * person it is for; staff hear everything else in their workspace; a contractor hears only of
 * tasks that are his (`taskOwnerUserId` is the user behind the task's contractor, looked up by
 * the caller) — not requests, clients, rates or other contractors.
 */
export function mayHear(viewer: Viewer, e: LiveEvent, taskOwnerUserId: string | null): boolean {
  if (e.workspaceId !== viewer.workspaceId) return false;
  if (e.type === 'notification.created') return e.userId === viewer.userId;
  if (viewer.role !== 'contractor') return true;
  if (e.type !== 'task.changed' || !e.taskId) return false;
  return taskOwnerUserId !== null && taskOwnerUserId === viewer.userId;
}

/** Whether deciding needs the task's contractor (only for a contractor hearing a task event). */
export function needsTaskOwner(viewer: Viewer, e: LiveEvent): boolean {
  return (
    viewer.role === 'contractor' &&
    e.workspaceId === viewer.workspaceId &&
    e.type === 'task.changed' &&
    Boolean(e.taskId)
  );
}
