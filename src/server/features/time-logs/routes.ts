import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CreateTimeLogBody,
  RejectTimeLogBody,
  ReviewTimeLogBody,
  TaskTimeLogs,
  TimeLog,
  TimeWeek,
  TimeWeekQuery,
  VersionQuery,
} from '../../../contracts/money';
import { IdParam, Ok } from '../../../contracts/workspace';
import { actorOf } from '../../auth/access';
import type { AppContext } from '../../context';
import { deleteTime, logTime, reviewTime, taskTimeLogs, timeWeek } from './service';

const STAFF = ['admin', 'coordinator', 'strategist', 'qa', 'finance'] as const;
const EVERYONE = [...STAFF, 'contractor'] as const;
const REVIEWERS = ['admin', 'coordinator', 'strategist'] as const;

/** Time logs for hourly deliverables (R28). */
export function registerTimeLogRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const tags = ['time logs'];

  app.get('/api/tasks/:id/time-logs', {
    config: { access: EVERYONE },
    schema: {
      tags,
      summary: "A task's time logs with totals per status (a contractor: his own task only)",
      params: IdParam,
      response: { 200: TaskTimeLogs },
    },
    handler: async (request) => taskTimeLogs(db, actorOf(request), request.params.id),
  });

  app.post('/api/tasks/:id/time-logs', {
    config: { access: ['contractor'] },
    schema: {
      tags,
      summary:
        'R28: the contractor logs hours (quarter steps) on an hourly deliverable of his task',
      params: IdParam,
      body: CreateTimeLogBody,
      response: { 201: TimeLog },
    },
    handler: async (request, reply) => {
      const log = await logTime(db, actorOf(request), request.params.id, request.body);
      reply.status(201);
      return log;
    },
  });

  app.get('/api/time-logs', {
    config: { access: EVERYONE },
    schema: {
      tags,
      summary: 'A week of time with totals against weekly capacity (a contractor: his own)',
      querystring: TimeWeekQuery,
      response: { 200: TimeWeek },
    },
    handler: async (request) => timeWeek(db, actorOf(request), request.query),
  });

  app.post('/api/time-logs/:id/approve', {
    config: { access: REVIEWERS },
    schema: {
      tags,
      summary: "R28: approve pending time (the task's strategist, a coordinator or an admin)",
      params: IdParam,
      body: ReviewTimeLogBody,
      response: { 200: TimeLog },
    },
    handler: async (request) =>
      reviewTime(db, actorOf(request), request.params.id, {
        action: 'approve',
        version: request.body.version,
      }),
  });

  app.post('/api/time-logs/:id/reject', {
    config: { access: REVIEWERS },
    schema: {
      tags,
      summary: 'R28: reject pending time with a reason',
      params: IdParam,
      body: RejectTimeLogBody,
      response: { 200: TimeLog },
    },
    handler: async (request) =>
      reviewTime(db, actorOf(request), request.params.id, {
        action: 'reject',
        version: request.body.version,
        reason: request.body.reason,
      }),
  });

  app.delete('/api/time-logs/:id', {
    config: { access: ['contractor'] },
    schema: {
      tags,
      summary: 'The contractor withdraws pending time logged by mistake',
      params: IdParam,
      querystring: VersionQuery,
      response: { 200: Ok },
    },
    handler: async (request) => {
      await deleteTime(db, actorOf(request), request.params.id, request.query.version);
      return { ok: true as const };
    },
  });
}
