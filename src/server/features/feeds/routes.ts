import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FeedCreated, FeedKindParam, FeedList } from '../../../contracts/notifications';
import { ROLES } from '../../../contracts/roles';
import { Ok } from '../../../contracts/workspace';
import { actorOf } from '../../auth/access';
import type { AppContext } from '../../context';
import { notFound } from '../../errors';
import { renderDueFeed } from './render';
import * as service from './service';

/** iCalendar feeds of due dates: my own (everyone) and the team's (staff), by secret link. */
export function registerFeedRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;

  app.get('/api/me/feeds', {
    config: { access: ROLES },
    schema: {
      tags: ['feeds'],
      summary: 'My calendar links and whether each is on (the URL is shown only when made)',
      response: { 200: FeedList },
    },
    handler: async (request) => service.listFeeds(db, actorOf(request)),
  });

  app.post('/api/me/feeds/:kind', {
    config: { access: ROLES, rateLimit: { max: 20, timeWindow: '1 minute' } },
    schema: {
      tags: ['feeds'],
      summary:
        'Make a secret .ics link (person: my due dates; team: all, staff only); replaces the old one',
      params: FeedKindParam,
      response: { 201: FeedCreated },
    },
    handler: async (request, reply) => {
      const { kind } = request.params;
      const url = await service.createFeed(ctx, actorOf(request), kind);
      reply.status(201).header('cache-control', 'no-store');
      return { kind, url };
    },
  });

  app.delete('/api/me/feeds/:kind', {
    config: { access: ROLES },
    schema: {
      tags: ['feeds'],
      summary: 'Turn a calendar link off',
      params: FeedKindParam,
      response: { 200: Ok },
    },
    handler: async (request) => {
      await service.revokeFeed(db, actorOf(request), request.params.kind);
      return { ok: true as const };
    },
  });

  app.get('/api/feeds/due/:token.ics', {
    // The unguessable token is the credential: calendar apps cannot sign in.
    config: { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
    schema: {
      tags: ['feeds'],
      summary: 'iCalendar feed of due dates (all-day events)',
      params: z.object({ token: z.string().min(10).max(200) }),
    },
    handler: async (request, reply) => {
      const ics = await renderDueFeed(db, request.params.token, ctx.config.publicUrl);
      if (ics === null) throw notFound('Calendar feed');
      reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .header('content-disposition', 'inline; filename="due-dates.ics"');
      return ics;
    },
  });
}
