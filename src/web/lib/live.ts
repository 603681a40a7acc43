import { type QueryClient, type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { LiveHint, LiveResync } from '../../contracts/live';

/** The query keys a hint makes stale (prefixes: ['board'] covers every month and filter). */
export function keysFor(hint: LiveHint): QueryKey[] {
  switch (hint.type) {
    case 'task.changed':
      return [['task', hint.id], ['board'], ['my-work'], ['calendar']];
    case 'request.changed':
      return [['requests'], ['request', hint.id]];
    case 'notification.created':
      return [['notifications']];
    case 'client.changed':
      return [
        ['clients'],
        ['client', hint.id],
        ['one-sheeter', hint.id],
        ['one-sheeter-versions', hint.id],
        ['brief', hint.id],
        ['client-categories'],
      ];
    case 'contractor.changed':
      return [['contractors'], ['contractor', hint.id]];
    case 'rates.changed':
      return [['rate-card'], ['deliverable-types'], ['contractor-rates']];
    case 'availability.changed':
      return [['team-availability'], ['calendar']];
    case 'workspace.changed':
      return [['members'], ['invitations'], ['me']];
    default:
      return [];
  }
}

const FLUSH_MS = 150;
const RETRY_MIN_MS = 5_000;
const RETRY_MAX_MS = 60_000;

/**
 * Live updates for the signed-in shell: one EventSource on /api/events for the current workspace.
 * Each hint marks the matching queries stale (TanStack refetches the ones on screen), batched so a
 * burst of changes is one refetch. The browser reconnects by itself (sending Last-Event-ID); when
 * the server refuses (signed out, removed from the workspace) it tries again later, and after any
 * gap it refetches everything, since hints may have been missed.
 */
export function useLiveUpdates(workspaceId: string): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let flushTimer: ReturnType<typeof setTimeout> | undefined;
    let retryMs = RETRY_MIN_MS;
    let missedSome = false;
    const pending = new Map<string, QueryKey>();

    const flush = () => {
      flushTimer = undefined;
      const keys = [...pending.values()];
      pending.clear();
      for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey });
    };
    const onMessage = (e: MessageEvent<string>) => {
      const hint = parse(e.data);
      if (!hint) return;
      if (hint.type === 'resync') return refetchAll(queryClient);
      for (const key of keysFor(hint)) pending.set(JSON.stringify(key), key);
      flushTimer ??= setTimeout(flush, FLUSH_MS);
    };
    const connect = () => {
      source = new EventSource(`/api/events?workspace=${encodeURIComponent(workspaceId)}`);
      source.onmessage = onMessage;
      source.onopen = () => {
        retryMs = RETRY_MIN_MS;
        if (missedSome) refetchAll(queryClient);
        missedSome = false;
      };
      source.onerror = () => {
        // CONNECTING: the browser retries by itself and resumes with Last-Event-ID.
        if (source?.readyState !== EventSource.CLOSED) return;
        source = null;
        missedSome = true;
        retryTimer = setTimeout(connect, retryMs);
        retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
      };
    };
    connect();
    return () => {
      source?.close();
      clearTimeout(retryTimer);
      clearTimeout(flushTimer);
    };
  }, [queryClient, workspaceId]);
}

function refetchAll(queryClient: QueryClient): void {
  void queryClient.invalidateQueries();
}

function parse(data: string): LiveHint | LiveResync | null {
  try {
    const value = JSON.parse(data) as { type?: unknown };
    return typeof value?.type === 'string' ? (value as LiveHint | LiveResync) : null;
  } catch {
    return null;
  }
}
