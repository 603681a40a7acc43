import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AcknowledgeBriefResult,
  CalendarQuery,
  CalendarResponse,
  MyWork,
  Subtask,
  TaskDetail,
  TaskList,
  TaskListQuery,
} from '../../../contracts/tasks';
import { IdParam } from '../../../contracts/workspace';
import { actorOf } from '../../auth/access';
import type { AppContext } from '../../context';
import { calendarView, myWork } from './calendar';
import * as service from './service';
import { registerThreadRoutes } from './thread-routes';
import { getSubtaskView, getTaskDetail, listTasksView } from './views';

const STAFF = ['admin', 'coordinator', 'strategist', 'qa', 'finance'] as const;
const EVERYONE = [...STAFF, 'contractor'] as const;
const SUBTASK_WORKERS = ['admin', 'coordinator', 'strategist', 'qa', 'contractor'] as const;

/** The board, parent tasks, subtasks, the calendar and "my work" (R14–R17). */
export function registerTaskRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const tags = ['tasks'];

  app.get('/api/tasks', {
    config: { access: EVERYONE, readCache: true },
    schema: {
      tags,
      summary: 'The board: parent tasks by due date (a contractor sees only his own)',
      querystring: TaskListQuery,
      response: { 200: TaskList },
    },
    handler: async (request) => listTasksView(db, actorOf(request), request.query),
  });

  app.get('/api/tasks/:id', {
    config: { access: EVERYONE, readCache: true },
    schema: {
      tags,
      summary: 'A parent task with its subtasks, priced items and comments',
      params: IdParam,
      response: { 200: TaskDetail },
    },
    handler: async (request) => getTaskDetail(db, actorOf(request), request.params.id),
  });

  app.post('/api/tasks/:id/acknowledge-brief', {
    config: { access: ['contractor'] },
    schema: {
      tags,
      summary: 'R17: the assigned contractor acknowledges the brief; the task goes into production',
      params: IdParam,
      response: { 200: AcknowledgeBriefResult },
    },
    handler: async (request) =>
      service.acknowledgeBrief(db, actorOf(request), request.params.id, new Date()),
  });

  for (const action of ['complete', 'reopen'] as const) {
    app.post(`/api/subtasks/:id/${action}`, {
      config: { access: SUBTASK_WORKERS },
      schema: {
        tags,
        summary:
          action === 'complete'
            ? 'Mark a subtask done (the draft waits for the brief, R17; brand training, R16)'
            : 'Reopen a subtask marked done by mistake',
        params: IdParam,
        response: { 200: Subtask },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        const id = request.params.id;
        const run = action === 'complete' ? service.completeSubtask : service.reopenSubtask;
        await run(db, actor, id, new Date());
        return getSubtaskView(db, actor, id);
      },
    });
  }

  app.get('/api/calendar', {
    config: { access: EVERYONE },
    schema: {
      tags,
      summary: 'Subtask due dates and time away in a range of up to 62 days',
      querystring: CalendarQuery,
      response: { 200: CalendarResponse },
    },
    handler: async (request) => calendarView(db, actorOf(request), request.query),
  });

  app.get('/api/my-work', {
    config: { access: EVERYONE, readCache: true },
    schema: {
      tags,
      summary: 'What needs my attention: open subtasks, briefs to acknowledge, triage, QA',
      response: { 200: MyWork },
    },
    handler: async (request) => myWork(db, actorOf(request), new Date()),
  });

  registerThreadRoutes(root, ctx);
}
