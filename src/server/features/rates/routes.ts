import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AsOfQuery,
  ContractorRates,
  CreateDeliverableTypeBody,
  CreateRateBody,
  CsvImportBody,
  CsvImportResult,
  DeliverableType,
  DeliverableTypesQuery,
  RateCard,
  UpdateDeliverableTypeBody,
} from '../../../contracts/rates';
import { STAFF_ROLES } from '../../../contracts/roles';
import { IdParam, Ok } from '../../../contracts/workspace';
import { actorOf } from '../../auth/access';
import type { AppContext } from '../../context';
import { loadVisibleContractor } from '../contractors';
import { exportRatesCsv, importRatesCsv } from './csv';
import { presentDeliverableType } from './present';
import * as q from './queries';
import * as service from './service';

const EVERYONE = [...STAFF_ROLES, 'contractor'] as const;
const TYPE_EDITORS = ['admin', 'coordinator'] as const;
const RATE_ADMINS = ['admin', 'coordinator', 'finance'] as const;
const Created = z.object({ id: z.string() });

export function registerRateRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;

  app.get('/api/deliverable-types', {
    config: { access: EVERYONE },
    schema: {
      tags: ['rates'],
      summary: 'Deliverable types (Organic Social and Influencer) with unit and QA checklist',
      querystring: DeliverableTypesQuery,
      response: { 200: z.object({ items: z.array(DeliverableType) }) },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const rows = await q.listDeliverableTypes(db, {
        workspaceId: actor.workspaceId,
        includeArchived: request.query.includeArchived && actor.role !== 'contractor',
      });
      return { items: rows.map(presentDeliverableType) };
    },
  });

  app.post('/api/deliverable-types', {
    config: { access: TYPE_EDITORS },
    schema: {
      tags: ['rates'],
      summary: 'Add a deliverable type to the rate card',
      body: CreateDeliverableTypeBody,
      response: { 201: Created },
    },
    handler: async (request, reply) => {
      const id = await service.createDeliverableType(db, actorOf(request), request.body);
      reply.status(201);
      return { id };
    },
  });

  app.patch('/api/deliverable-types/:id', {
    config: { access: TYPE_EDITORS },
    schema: {
      tags: ['rates'],
      summary: 'Change a deliverable type: name, unit, production days, QA checklist, archive',
      params: IdParam,
      body: UpdateDeliverableTypeBody,
      response: { 200: Ok },
    },
    handler: async (request) => {
      await service.updateDeliverableType(db, actorOf(request), request.params.id, request.body);
      return { ok: true as const };
    },
  });

  app.get('/api/rate-card', {
    config: { access: STAFF_ROLES },
    schema: {
      tags: ['rates'],
      summary: 'R7 rate card: each type with its default in force, history and negotiated rates',
      querystring: AsOfQuery,
      response: { 200: RateCard },
    },
    handler: async (request) => {
      const { workspaceId } = actorOf(request);
      const asOf = request.query.asOf ?? (await q.workspaceToday(db, workspaceId));
      return service.buildRateCard(db, { workspaceId, asOf });
    },
  });

  app.post('/api/rates', {
    // Every staff role reaches the handler so a strategist is told who can change rates.
    config: { access: STAFF_ROLES },
    schema: {
      tags: ['rates'],
      summary: 'R7 record a rate (default or negotiated) from an effective date; history is kept',
      body: CreateRateBody,
      response: { 201: Created },
    },
    handler: async (request, reply) => {
      const id = await service.createRate(db, actorOf(request), request.body);
      reply.status(201);
      return { id };
    },
  });

  app.get('/api/contractors/:id/rates', {
    config: { access: EVERYONE },
    schema: {
      tags: ['rates'],
      summary: "R7 a contractor's rates in force and history (R5: a contractor sees only his own)",
      params: IdParam,
      querystring: AsOfQuery,
      response: { 200: ContractorRates },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const contractor = await loadVisibleContractor(db, actor, request.params.id);
      const asOf = request.query.asOf ?? (await q.workspaceToday(db, actor.workspaceId));
      return service.buildContractorRates(db, {
        workspaceId: actor.workspaceId,
        contractorId: contractor.id,
        asOf,
        forContractor: actor.role === 'contractor',
      });
    },
  });

  app.get('/api/rates/export.csv', {
    config: { access: RATE_ADMINS },
    schema: { tags: ['rates'], summary: 'R7 the rate card with its full history as CSV' },
    handler: async (request, reply) => {
      const csv = await exportRatesCsv(db, { workspaceId: actorOf(request).workspaceId });
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="rates.csv"');
      return csv;
    },
  });

  app.post('/api/rates/import', {
    config: { access: RATE_ADMINS, rateLimit: { max: 20, timeWindow: '1 minute' } },
    schema: {
      tags: ['rates'],
      summary: 'R7 import rates from CSV: every row valid or nothing is written; dryRun previews',
      body: CsvImportBody,
      response: { 200: CsvImportResult },
    },
    handler: async (request) => importRatesCsv(db, actorOf(request), request.body),
  });
}
