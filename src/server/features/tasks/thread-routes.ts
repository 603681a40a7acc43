import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CommentListQuery,
  CommentPage,
  CreateCommentBody,
  HistoryPage,
  HistoryQuery,
  MentionablePeople,
  TaskStatusChange,
  ThreadComment,
  TransitionBody,
} from '../../../contracts/workflow';
import { IdParam } from '../../../contracts/workspace';
import { actorOf } from '../../auth/access';
import type { AppContext } from '../../context';
import { mentionable, postComment, readThread, refuseSubtaskComment } from './comments';
import { taskHistory } from './history';
import { transitionTask } from './transition';

const EVERYONE = ['admin', 'coordinator', 'strategist', 'qa', 'finance', 'contractor'] as const;

/** The parent task's thread (R18, R19), its history (R30) and the payload-free transitions. */
export function registerThreadRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const tags = ['tasks'];

  app.get('/api/tasks/:id/comments', {
    config: { access: EVERYONE },
    schema: {
      tags,
      summary:
        'The thread, latest 50 first (keyset). A contractor never gets internal comments or client feedback (R19)',
      params: IdParam,
      querystring: CommentListQuery,
      response: { 200: CommentPage },
    },
    handler: async (request) => readThread(db, actorOf(request), request.params.id, request.query),
  });

  app.post('/api/tasks/:id/comments', {
    config: { access: EVERYONE },
    schema: {
      tags,
      summary:
        'Post on the parent task (R18). Client feedback is stored internal (R19); contractors post to everyone',
      params: IdParam,
      body: CreateCommentBody,
      response: { 201: ThreadComment },
    },
    handler: async (request, reply) => {
      const comment = await postComment(
        db,
        actorOf(request),
        request.params.id,
        request.body,
        new Date(),
      );
      return reply.status(201).send(comment);
    },
  });

  app.get('/api/tasks/:id/mentionable', {
    config: { access: EVERYONE },
    schema: {
      tags,
      summary: 'People `@Name` can mention on this task (staff and its own contractor)',
      params: IdParam,
      response: { 200: MentionablePeople },
    },
    handler: async (request) => mentionable(db, actorOf(request), request.params.id),
  });

  app.post('/api/subtasks/:id/comments', {
    config: { access: EVERYONE },
    schema: {
      tags,
      summary: 'R18: refused — subtasks have no thread; details.parentTaskId says where to discuss',
      params: IdParam,
      body: z.unknown().optional(),
      response: { 200: z.never() },
    },
    handler: async (request) => refuseSubtaskComment(db, actorOf(request), request.params.id),
  });

  app.get('/api/tasks/:id/history', {
    config: { access: EVERYONE },
    schema: {
      tags,
      summary:
        'R30: the task history from the audit trail in plain English (a contractor sees nothing internal or about money)',
      params: IdParam,
      querystring: HistoryQuery,
      response: { 200: HistoryPage },
    },
    handler: async (request) => taskHistory(db, actorOf(request), request.params.id, request.query),
  });

  app.post('/api/tasks/:id/transition', {
    config: { access: ['admin', 'coordinator', 'strategist'] },
    schema: {
      tags,
      summary: 'Close (client-ready → closed), cancel, or reopen (closed → revision) a task',
      params: IdParam,
      body: TransitionBody,
      response: { 200: TaskStatusChange },
    },
    handler: async (request) =>
      transitionTask(db, actorOf(request), request.params.id, request.body, new Date()),
  });
}
