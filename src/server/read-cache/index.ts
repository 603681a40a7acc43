import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../config';
import type { Database } from '../db';
import { ReadCache } from './cache';
import { createDataVersionProbe } from './data-version';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** GET route whose answer depends only on the viewer, the URL and the data: may be cached. */
    readCache?: boolean;
  }
  interface FastifyRequest {
    readCacheSlot?: { key: string; version: string };
  }
}

export const READ_CACHE_HEADER = 'x-handoff-cache';

/**
 * Answers of the heaviest read routes (board, lists, task page, my work, reports) are kept per
 * viewer and URL and served again while the database's data version is unchanged. Invalidation is
 * the whole point of the design, so it is as blunt as can be: any write, anywhere, by anyone,
 * moves the version and every kept answer becomes a miss. No route has to remember which writes
 * affect it, and another process's write (PostgreSQL) is seen on the next request.
 *
 * The guard runs first (the session and role are checked on every request, cached or not);
 * the key holds the viewer's user, workspace and role, so no answer is ever served to anyone but
 * the person it was made for (R5). The version is read before the handler's queries, so a kept
 * answer is never older than its version. Entries also expire after a minute, for answers that
 * depend on the clock ("overdue", "today").
 */
export function registerReadCache(app: FastifyInstance, config: AppConfig, database: Database) {
  if (!config.readCache) return null;
  const cache = new ReadCache({ maxEntries: 1_000, maxBytes: 16 * 1024 * 1024, ttlMs: 60_000 });
  const dataVersion = createDataVersionProbe(database);

  // onRequest, right after the guard (hooks run in the order they were added): a kept answer
  // skips validating the query string too. The same URL validates the same way, and only 200s
  // are kept, so nothing a validation error would have refused is ever served.
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' || !request.routeOptions.config?.readCache) return;
    const actor = request.actorOrNull;
    if (!actor) return;
    const key = `${actor.userId}\n${actor.workspaceId}\n${actor.role}\n${request.url}`;
    const version = request.dataVersion ?? (await dataVersion());
    const payload = cache.get(key, version);
    if (payload === undefined) {
      request.readCacheSlot = { key, version };
      reply.header(READ_CACHE_HEADER, 'miss');
      return;
    }
    reply.header(READ_CACHE_HEADER, 'hit').type('application/json; charset=utf-8');
    return reply.send(payload);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const slot = request.readCacheSlot;
    const json = String(reply.getHeader('content-type')).startsWith('application/json');
    // A CSV download of the same route carries its own headers: only JSON answers are kept.
    // Kept encoded: a hit then writes the bytes as they are, with no UTF-8 encoding per answer.
    if (slot && reply.statusCode === 200 && json && typeof payload === 'string') {
      const bytes = Buffer.from(payload);
      cache.set(slot.key, slot.version, bytes);
      return bytes;
    }
    return payload;
  });
  return cache;
}
