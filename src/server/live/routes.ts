import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ROLES } from '../../contracts/roles';
import { actorOf, WORKSPACE_HEADER } from '../auth/access';
import type { AppConfig } from '../config';
import { AppError } from '../errors';
import { browserPayload, mayHear, needsTaskOwner, type Viewer, type WireEvent } from './events';
import { type HubMessage, RESYNC } from './hub';
import type { Live } from './index';

export const EVENTS_PATH = '/api/events';
const KEEP_ALIVE_MS = 15_000;
const RETRY_MS = 3_000;
/** A stream ends after this long (± jitter); the browser reconnects at once with Last-Event-ID,
 * which re-checks the session and membership and rebalances streams across processes. */
const MAX_STREAM_MS = 10 * 60_000;
/** A reader this far behind is cut off; on reconnect it catches up or is told to refetch. */
const MAX_BUFFERED_BYTES = 512 * 1024;

/**
 * Registered before the access guard: names the process in `x-handoff-instance` (when
 * INSTANCE_ID is set), and lets `GET /api/events?workspace=<id>` choose the workspace, since an
 * EventSource cannot send headers. The guard then checks membership of that workspace exactly as
 * it checks `x-workspace-id` (which wins when both are sent).
 */
export function registerScaleOutHooks(app: FastifyInstance, config: AppConfig): void {
  const instanceId = config.instanceId;
  if (instanceId) {
    app.addHook('onRequest', async (_request, reply) => {
      reply.header('x-handoff-instance', instanceId);
    });
  }
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.url !== EVENTS_PATH) return;
    const wanted = (request.query as { workspace?: unknown } | undefined)?.workspace;
    if (typeof wanted === 'string' && wanted.length > 0 && !request.headers[WORKSPACE_HEADER]) {
      request.headers[WORKSPACE_HEADER] = wanted;
    }
  });
}

/** GET /api/events: the signed-in person's live hints, as Server-Sent Events. */
export function registerLiveRoutes(app: FastifyInstance, live: Live): void {
  const open = new Set<() => void>();
  // Open streams would keep the server from closing: end them first.
  app.addHook('preClose', async () => {
    for (const end of [...open]) end();
  });
  app.addHook('onClose', async () => {
    await live.stop();
  });

  app.get(EVENTS_PATH, {
    config: { access: ROLES },
    schema: {
      tags: ['live'],
      summary: 'Live hints as Server-Sent Events (send Accept: text/event-stream)',
      description:
        'Each event is `{ type, id, taskId? }` ("task.changed", "request.changed", "client.changed", "notification.created", …): a hint to refetch through the API, never the data. A contractor hears only of his own tasks and notifications. `?workspace=<id>` picks the workspace (EventSource cannot send headers); `Last-Event-ID` resumes, or a `resync` event says to refetch everything. A `: keep-alive` comment comes every 15 s.',
      querystring: z.object({ workspace: z.string().max(64).optional() }),
    },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      if (!String(request.headers.accept ?? '').includes('text/event-stream')) {
        throw new AppError(
          'BAD_REQUEST',
          'This endpoint streams Server-Sent Events: send Accept: text/event-stream',
        );
      }
      await live.start();
      const viewer: Viewer = {
        userId: actor.userId,
        workspaceId: actor.workspaceId,
        role: actor.role,
      };
      const headers: Record<string, string | number | string[]> = {};
      for (const [k, v] of Object.entries(reply.getHeaders())) if (v !== undefined) headers[k] = v;
      reply.hijack();
      reply.raw.writeHead(200, {
        ...headers,
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        // nginx: do not buffer this response (the proxy config turns buffering off too).
        'x-accel-buffering': 'no',
      });
      const lastEventId = request.headers['last-event-id'];
      const end = openStream(reply.raw, live, viewer, {
        lastEventId: typeof lastEventId === 'string' ? lastEventId : null,
        log: (msg, err) => request.log.warn({ err }, msg),
      });
      open.add(end);
      reply.raw.on('close', () => {
        open.delete(end);
        end();
      });
    },
  });
}

function openStream(
  res: ServerResponse,
  live: Live,
  viewer: Viewer,
  opts: { lastEventId: string | null; log: (msg: string, err: unknown) => void },
): () => void {
  let ended = false;
  // Deciding may need a lookup (a contractor's task); the chain keeps events in order.
  let chain = Promise.resolve();
  const write = (text: string) => {
    if (ended) return;
    if (res.destroyed || res.writableEnded) return end();
    res.write(text);
    if (res.writableLength > MAX_BUFFERED_BYTES) end();
  };
  const send = async (m: HubMessage) => {
    if (m === RESYNC) return write(`data: ${JSON.stringify(RESYNC)}\n\n`);
    const e = m as WireEvent;
    const owner = needsTaskOwner(viewer, e)
      ? await live.owners.ownerOf(e.workspaceId, e.taskId as string)
      : null;
    if (!mayHear(viewer, e, owner)) return;
    write(`id: ${e.seq}\ndata: ${JSON.stringify(browserPayload(e))}\n\n`);
  };
  const enqueue = (m: HubMessage) => {
    chain = chain.then(() => send(m)).catch((err) => opts.log('live event not delivered', err));
  };

  // A write to a connection that just died must not become an unhandled 'error' event.
  res.on('error', () => end());
  const unsubscribe = live.hub.subscribe(enqueue);
  write(`retry: ${RETRY_MS}\n\n`);
  if (opts.lastEventId) {
    const missed = live.hub.since(opts.lastEventId);
    if (missed === null) enqueue(RESYNC);
    else for (const e of missed) enqueue(e);
  }
  const keepAlive = setInterval(() => write(': keep-alive\n\n'), KEEP_ALIVE_MS);
  const lifetime = setTimeout(() => end(), MAX_STREAM_MS + Math.random() * 60_000);

  function end(): void {
    if (ended) return;
    ended = true;
    unsubscribe();
    clearInterval(keepAlive);
    clearTimeout(lifetime);
    res.end();
  }
  return end;
}
