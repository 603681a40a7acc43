import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AvailabilityQuery,
  CreateUnavailabilityBody,
  FeedUrl,
  TeamAvailability,
  Unavailability,
  UnavailabilityQuery,
} from '../../../contracts/contractors';
import { STAFF_ROLES } from '../../../contracts/roles';
import { IdParam, Ok } from '../../../contracts/workspace';
import { actorOf } from '../../auth/access';
import type { AppContext } from '../../context';
import { notFound } from '../../errors';
import { asStatus, loadVisibleContractor } from '../contractors';
import { renderUnavailabilityFeed } from './feed';
import * as q from './queries';
import * as service from './service';

const EVERYONE = [...STAFF_ROLES, 'contractor'] as const;
/** Coordinators (and admins) for anyone; a contractor for himself (checked per row). */
const AVAILABILITY_EDITORS = ['admin', 'coordinator', 'contractor'] as const;

/** R8 availability: unavailable ranges, the team calendar, and a private iCal feed. */
export function registerAvailabilityRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;

  app.get('/api/contractors/:id/unavailability', {
    config: { access: EVERYONE },
    schema: {
      tags: ['availability'],
      summary: "R8 a contractor's unavailable ranges (a contractor reads only his own)",
      params: IdParam,
      querystring: UnavailabilityQuery,
      response: { 200: z.object({ items: z.array(Unavailability) }) },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const contractor = await loadVisibleContractor(db, actor, request.params.id);
      const rows = await q.listUnavailability(db, {
        workspaceId: actor.workspaceId,
        contractorId: contractor.id,
        ...request.query,
      });
      return { items: rows.map(service.presentUnavailability) };
    },
  });

  app.post('/api/contractors/:id/unavailability', {
    config: { access: AVAILABILITY_EDITORS },
    schema: {
      tags: ['availability'],
      summary: 'R8 record travel, time off or another commitment (inclusive dates)',
      params: IdParam,
      body: CreateUnavailabilityBody,
      response: { 201: Unavailability },
    },
    handler: async (request, reply) => {
      const created = await service.addUnavailability(
        db,
        actorOf(request),
        request.params.id,
        request.body,
      );
      reply.status(201);
      return created;
    },
  });

  app.delete('/api/unavailability/:id', {
    config: { access: AVAILABILITY_EDITORS },
    schema: {
      tags: ['availability'],
      summary: 'R8 remove an unavailable range',
      params: IdParam,
      response: { 200: Ok },
    },
    handler: async (request) => {
      await service.deleteUnavailability(db, actorOf(request), request.params.id);
      return { ok: true as const };
    },
  });

  app.get('/api/availability', {
    config: { access: STAFF_ROLES },
    schema: {
      tags: ['availability'],
      summary: 'R8 team calendar: active, trial and paused contractors with ranges in [from, to]',
      querystring: AvailabilityQuery,
      response: { 200: TeamAvailability },
    },
    handler: async (request) => {
      const { from, to } = request.query;
      const rows = await q.teamAvailabilityRows(db, {
        workspaceId: actorOf(request).workspaceId,
        from,
        to,
      });
      const items: z.infer<typeof TeamAvailability>['items'] = [];
      for (const r of rows) {
        let last = items[items.length - 1];
        if (!last || last.contractor.id !== r.contractor_id) {
          last = {
            contractor: {
              id: r.contractor_id,
              name: r.name,
              status: asStatus(r.status),
              timeZone: r.time_zone,
            },
            ranges: [],
          };
          items.push(last);
        }
        if (r.range_id && r.start_date && r.end_date) {
          last.ranges.push({
            id: r.range_id,
            start: r.start_date,
            end: r.end_date,
            kind: service.asKind(r.kind),
            note: r.note ?? '',
          });
        }
      }
      return { from, to, items };
    },
  });

  app.post('/api/contractors/:id/unavailability/feed', {
    config: { access: AVAILABILITY_EDITORS },
    schema: {
      tags: ['availability'],
      summary: 'R8 a private calendar (.ics) link of the unavailability; replaces the old link',
      params: IdParam,
      response: { 201: FeedUrl },
    },
    handler: async (request, reply) => {
      const url = await service.createFeed(ctx, actorOf(request), request.params.id);
      reply.status(201);
      return { url };
    },
  });

  app.delete('/api/contractors/:id/unavailability/feed', {
    config: { access: AVAILABILITY_EDITORS },
    schema: {
      tags: ['availability'],
      summary: 'R8 turn the calendar link off',
      params: IdParam,
      response: { 200: Ok },
    },
    handler: async (request) => {
      await service.revokeFeed(db, actorOf(request), request.params.id);
      return { ok: true as const };
    },
  });

  app.get('/api/feeds/:token.ics', {
    // The unguessable token is the credential: calendar apps cannot sign in.
    config: { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
    schema: {
      tags: ['availability'],
      summary: 'R8 iCalendar feed of a contractor’s unavailability (all-day events)',
      params: z.object({ token: z.string().min(10).max(200) }),
    },
    handler: async (request, reply) => {
      const ics = await renderUnavailabilityFeed(db, request.params.token);
      if (ics === null) throw notFound('Calendar feed');
      reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .header('content-disposition', 'inline; filename="unavailability.ics"');
      return ics;
    },
  });
}
