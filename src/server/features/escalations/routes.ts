import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AcknowledgeEscalationBody,
  CreateEscalationBody,
  Escalation,
  EscalationList,
  EscalationListQuery,
  ProcessOwner,
  ResolveEscalationBody,
  SetProcessOwnerBody,
} from '../../../contracts/community';
import { ROLES } from '../../../contracts/roles';
import { IdParam } from '../../../contracts/workspace';
import { type Actor, actorOf } from '../../auth/access';
import type { AppContext } from '../../context';
import type { Executor } from '../../db';
import { notFound } from '../../errors';
import { decodeKeyset, encodeKeyset } from './cursor';
import { ESCALATION_HANDLERS, mayHandleEscalations } from './policy';
import { presentEscalation } from './present';
import * as q from './queries';
import * as service from './service';

const scopeOf = (actor: Actor): q.EscalationScope =>
  mayHandleEscalations(actor.role)
    ? { kind: 'all', workspaceId: actor.workspaceId }
    : { kind: 'opener', workspaceId: actor.workspaceId, userId: actor.userId };

async function loadPresented(db: Executor, actor: Actor, id: string) {
  const row = await q.findEscalation(db, scopeOf(actor), id);
  if (!row) throw notFound('Escalation');
  return presentEscalation(row, actor);
}

/** R24 escalations: anyone opens one; admins and coordinators acknowledge and resolve. */
export function registerEscalationRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;

  app.post('/api/escalations', {
    config: { access: ROLES, rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: {
      tags: ['escalations'],
      summary: 'Escalate a contractor-related issue (a contractor: only his own work)',
      body: CreateEscalationBody,
      response: { 201: Escalation },
    },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const id = await service.openEscalation(db, actor, request.body);
      reply.status(201);
      return loadPresented(db, actor, id);
    },
  });

  app.get('/api/escalations', {
    config: { access: ROLES },
    schema: {
      tags: ['escalations'],
      summary: 'Escalations newest first (admins, coordinators: all; others: the ones they opened)',
      querystring: EscalationListQuery,
      response: { 200: EscalationList },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const { cursor, limit, ...filter } = request.query;
      const rows = await q.listEscalations(db, scopeOf(actor), {
        ...filter,
        limit,
        before: decodeKeyset(cursor),
      });
      const page = rows.slice(0, limit);
      return {
        items: page.map((r) => presentEscalation(r, actor)),
        nextCursor:
          rows.length > limit
            ? encodeKeyset({ at: page[page.length - 1].opened_at, id: page[page.length - 1].id })
            : null,
      };
    },
  });

  app.get('/api/escalations/process-owner', {
    config: { access: ROLES },
    schema: {
      tags: ['escalations'],
      summary: 'Who escalations reach at once: the chosen process owner, or every admin',
      response: { 200: ProcessOwner },
    },
    handler: async (request) => service.processOwnerOf(db, actorOf(request).workspaceId),
  });

  app.patch('/api/escalations/process-owner', {
    config: { access: ['admin'] },
    schema: {
      tags: ['escalations'],
      summary: 'Choose the process owner (an admin or coordinator); null = every admin',
      body: SetProcessOwnerBody,
      response: { 200: ProcessOwner },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      await service.setProcessOwner(db, actor, request.body.userId);
      return service.processOwnerOf(db, actor.workspaceId);
    },
  });

  app.get('/api/escalations/:id', {
    config: { access: ROLES },
    schema: {
      tags: ['escalations'],
      summary: 'One escalation (others than admins and coordinators: only their own)',
      params: IdParam,
      response: { 200: Escalation },
    },
    handler: async (request) => loadPresented(db, actorOf(request), request.params.id),
  });

  app.post('/api/escalations/:id/acknowledge', {
    config: { access: ESCALATION_HANDLERS },
    schema: {
      tags: ['escalations'],
      summary: 'Acknowledge an open escalation (it stays unresolved until resolved with notes)',
      params: IdParam,
      body: AcknowledgeEscalationBody,
      response: { 200: Escalation },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      await service.moveEscalation(db, actor, request.params.id, 'acknowledge', request.body);
      return loadPresented(db, actor, request.params.id);
    },
  });

  app.post('/api/escalations/:id/resolve', {
    config: { access: ESCALATION_HANDLERS },
    schema: {
      tags: ['escalations'],
      summary: 'Resolve an escalation with notes on what was done (R24)',
      params: IdParam,
      body: ResolveEscalationBody,
      response: { 200: Escalation },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      await service.moveEscalation(db, actor, request.params.id, 'resolve', request.body);
      return loadPresented(db, actor, request.params.id);
    },
  });
}
