import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AssignBody,
  AssignResult,
  CreateRequestBody,
  DeclineBody,
  PlanPreview,
  PlanQuery,
  RepeatQuery,
  RepeatRequest,
  RequestDetail,
  RequestList,
  RequestListQuery,
  SuggestionList,
  UpdateRequestBody,
  VersionBody,
} from '../../../contracts/requests';
import { IdParam } from '../../../contracts/workspace';
import { actorOf } from '../../auth/access';
import type { AppContext } from '../../context';
import { assignRequest } from './assign';
import { previewPlan } from './planning';
import * as service from './service';
import { suggestContractors } from './suggest';
import { getRequestDetail, listRequestsView, repeatLastRequest } from './views';

const SUBMITTERS = ['strategist', 'coordinator', 'admin'] as const;
const TRIAGERS = ['coordinator', 'admin'] as const;
const STAFF = ['admin', 'coordinator', 'strategist', 'qa', 'finance'] as const;

/** R10–R17: intake, triage, suggestions, the plan preview and assignment. */
export function registerRequestRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const tags = ['requests'];

  app.post('/api/requests', {
    config: { access: SUBMITTERS },
    schema: {
      tags,
      summary:
        'Submit a task request (R10, R11). Send an Idempotency-Key header: a repeat returns the first request with 200',
      body: CreateRequestBody,
      response: { 200: RequestDetail, 201: RequestDetail },
    },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const now = new Date();
      const header = request.headers['idempotency-key'];
      const key =
        typeof header === 'string' && header.trim() ? header.trim().slice(0, 100) : undefined;
      const { id, created, read } = await service.submitRequest(db, actor, request.body, now, key);
      reply.status(created ? 201 : 200);
      return getRequestDetail(db, actor, id, now, read);
    },
  });

  app.get('/api/requests', {
    config: { access: STAFF },
    schema: {
      tags,
      summary:
        'Requests in triage order (due date, then submitted); filter by status for the queue',
      querystring: RequestListQuery,
      response: { 200: RequestList },
    },
    handler: async (request) => listRequestsView(db, actorOf(request), request.query),
  });

  app.get('/api/requests/repeat', {
    config: { access: SUBMITTERS },
    schema: {
      tags,
      summary: "R12: the client's previous request, one month on, to pre-fill the form",
      querystring: RepeatQuery,
      response: { 200: RepeatRequest },
    },
    handler: async (request) =>
      repeatLastRequest(db, actorOf(request), request.query.clientId, new Date()),
  });

  app.get('/api/requests/:id', {
    config: { access: STAFF },
    schema: {
      tags,
      summary: 'A request with its lead time, client fit, one-sheeter and cost estimate',
      params: IdParam,
      response: { 200: RequestDetail },
    },
    handler: async (request) =>
      getRequestDetail(db, actorOf(request), request.params.id, new Date()),
  });

  app.patch('/api/requests/:id', {
    config: { access: SUBMITTERS },
    schema: {
      tags,
      summary: 'The submitter edits a waiting request (a new due date gets a new R11 verdict)',
      params: IdParam,
      body: UpdateRequestBody,
      response: { 200: RequestDetail },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const now = new Date();
      await service.updateRequest(db, actor, request.params.id, request.body, now);
      return getRequestDetail(db, actor, request.params.id, now);
    },
  });

  app.post('/api/requests/:id/cancel', {
    config: { access: SUBMITTERS },
    schema: {
      tags,
      summary: 'The submitter withdraws a waiting request',
      params: IdParam,
      body: VersionBody,
      response: { 200: RequestDetail },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      await service.cancelRequest(db, actor, request.params.id, request.body.version);
      return getRequestDetail(db, actor, request.params.id, new Date());
    },
  });

  app.post('/api/requests/:id/decline', {
    config: { access: TRIAGERS },
    schema: {
      tags,
      summary: 'A coordinator declines a waiting request with a reason',
      params: IdParam,
      body: DeclineBody,
      response: { 200: RequestDetail },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      await service.declineRequest(db, actor, request.params.id, request.body);
      return getRequestDetail(db, actor, request.params.id, new Date());
    },
  });

  app.get('/api/requests/:id/suggestions', {
    config: { access: TRIAGERS },
    schema: {
      tags,
      summary: 'R13: contractors ranked for this request, with reasons and plan feasibility',
      params: IdParam,
      response: { 200: SuggestionList },
    },
    handler: async (request) =>
      suggestContractors(db, actorOf(request), request.params.id, new Date()),
  });

  app.get('/api/requests/:id/plan', {
    config: { access: TRIAGERS },
    schema: {
      tags,
      summary: 'R14: the planned subtasks for one contractor, or why it does not fit',
      params: IdParam,
      querystring: PlanQuery,
      response: { 200: PlanPreview },
    },
    handler: async (request) =>
      previewPlan(db, actorOf(request), request.params.id, request.query.contractorId, new Date()),
  });

  app.post('/api/requests/:id/assign', {
    config: { access: TRIAGERS },
    schema: {
      tags,
      summary:
        'Assign a contractor and strategist: creates the parent task, priced items and planned subtasks',
      params: IdParam,
      body: AssignBody,
      response: { 201: AssignResult },
    },
    handler: async (request, reply) => {
      const result = await assignRequest(
        db,
        actorOf(request),
        request.params.id,
        request.body,
        new Date(),
      );
      reply.status(201);
      return result;
    },
  });
}
