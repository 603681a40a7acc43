/**
 * Live updates (GET /api/events, Server-Sent Events): hints that something changed, never the
 * data itself. The browser refetches through the normal, permission-checked API.
 */
export const LIVE_EVENT_TYPES = [
  'task.changed',
  'request.changed',
  'client.changed',
  'contractor.changed',
  'rates.changed',
  'availability.changed',
  'workspace.changed',
  'notification.created',
] as const;
export type LiveEventType = (typeof LIVE_EVENT_TYPES)[number];

/** One event's `data`: what changed (the task's id for anything on a task). */
export interface LiveHint {
  type: LiveEventType;
  id: string;
  taskId?: string;
  workspaceId: string;
}

/** Sent instead of hints when some may have been missed: refetch everything. */
export interface LiveResync {
  type: 'resync';
}
