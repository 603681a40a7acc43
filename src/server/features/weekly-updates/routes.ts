import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  MyWeeklyUpdates,
  WeeklyUpdate,
  WeeklyUpdateBody,
  WeeklyUpdatesForWeek,
  WeekQuery,
} from '../../../contracts/community';
import { actorOf } from '../../auth/access';
import type { AppContext } from '../../context';
import * as service from './service';

/** Staff who follow contractors' weekly updates (R25). */
export const WEEKLY_UPDATE_READERS = ['admin', 'coordinator', 'strategist'] as const;

/** R25 weekly updates: contractors post theirs; staff see each week with the missing flagged. */
export function registerWeeklyUpdateRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;

  app.post('/api/weekly-updates', {
    config: { access: ['contractor'], rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: {
      tags: ['weekly-updates'],
      summary: 'Post my update for this week (or, late, last week); posting again edits it',
      body: WeeklyUpdateBody,
      response: { 200: WeeklyUpdate, 201: WeeklyUpdate },
    },
    handler: async (request, reply) => {
      const saved = await service.saveWeeklyUpdate(db, actorOf(request), request.body, {
        mustExist: false,
      });
      reply.status(saved.created ? 201 : 200);
      return saved.update;
    },
  });

  app.put('/api/weekly-updates', {
    config: { access: ['contractor'] },
    schema: {
      tags: ['weekly-updates'],
      summary: 'Edit my update of this week (or last week); 404 when there is none yet',
      body: WeeklyUpdateBody,
      response: { 200: WeeklyUpdate },
    },
    handler: async (request) =>
      (await service.saveWeeklyUpdate(db, actorOf(request), request.body, { mustExist: true }))
        .update,
  });

  app.get('/api/weekly-updates/mine', {
    config: { access: ['contractor'] },
    schema: {
      tags: ['weekly-updates'],
      summary: 'My weekly updates, newest first, and whether last week’s is missing',
      response: { 200: MyWeeklyUpdates },
    },
    handler: async (request) => service.myWeeklyUpdates(db, actorOf(request)),
  });

  app.get('/api/weekly-updates', {
    config: { access: WEEKLY_UPDATE_READERS },
    schema: {
      tags: ['weekly-updates'],
      summary: 'One week’s updates (default: last week) with the missing ones flagged',
      querystring: WeekQuery,
      response: { 200: WeeklyUpdatesForWeek },
    },
    handler: async (request) => service.weekForStaff(db, actorOf(request), request.query.week),
  });
}
