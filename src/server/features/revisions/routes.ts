import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  RevisionRequestBody,
  RevisionRequestResult,
  RevisionsView,
  RoundDecisionBody,
  RoundDecisionResult,
} from '../../../contracts/workflow';
import { IdParam } from '../../../contracts/workspace';
import { actorOf } from '../../auth/access';
import type { AppContext } from '../../context';
import { decideRound } from './decide';
import { requestRevision } from './service';
import { getRevisions } from './views';

const EVERYONE = ['admin', 'coordinator', 'strategist', 'qa', 'finance', 'contractor'] as const;

/** Revision requests with what and why (R20), rounds and their approval (R21), notice (R22). */
export function registerRevisionRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const tags = ['revisions'];

  app.get('/api/tasks/:id/revisions', {
    config: { access: EVERYONE },
    schema: {
      tags,
      summary:
        'Revision requests and rounds of a task. A contractor sees the what, the why and the scrubbed text, never the client’s words (R5, R19)',
      params: IdParam,
      response: { 200: RevisionsView },
    },
    handler: async (request) => getRevisions(db, actorOf(request), request.params.id),
  });

  app.post('/api/tasks/:id/revision-requests', {
    config: { access: ['strategist', 'admin', 'coordinator'] },
    schema: {
      tags,
      summary:
        "Request a revision (the task's strategist or an admin; a coordinator only with a notice override). R20 every item has a why; R21 rounds; R22 notice",
      params: IdParam,
      body: RevisionRequestBody,
      response: { 201: RevisionRequestResult },
    },
    handler: async (request, reply) => {
      const result = await requestRevision(
        db,
        actorOf(request),
        request.params.id,
        request.body,
        new Date(),
      );
      return reply.status(201).send(result);
    },
  });

  app.post('/api/revision-rounds/:id/decision', {
    config: { access: ['coordinator', 'admin'] },
    schema: {
      tags,
      summary:
        'R21: approve a round beyond the agreement as billable (policy rate), escalate it, or reject it',
      params: IdParam,
      body: RoundDecisionBody,
      response: { 200: RoundDecisionResult },
    },
    handler: async (request) =>
      decideRound(db, actorOf(request), request.params.id, request.body, new Date()),
  });
}
