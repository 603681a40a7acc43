import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AddCategoryBody,
  CategoryParam,
  Client,
  ClientCategoryList,
  ClientList,
  CreateClientBody,
  FitOverrideBody,
  ImportClientsBody,
  ImportReport,
  ListClientsQuery,
  UpdateClientBody,
} from '../../../contracts/clients';
import { IdParam } from '../../../contracts/workspace';
import { actorOf } from '../../auth/access';
import type { AppContext } from '../../context';
import * as categories from './categories';
import { exportClientsCsv, importClients } from './csv-service';
import { clearFitOverride, overrideFit } from './fit-override';
import { registerOneSheeterRoutes } from './one-sheeter-routes';
import {
  CATEGORY_EDITORS,
  CLIENT_EDITORS,
  CLIENT_IMPORTERS,
  CLIENT_READERS,
  FIT_OVERRIDERS,
} from './policy';
import * as service from './service';

const tags = ['clients'];

/** Clients, their categories and CSV (R1, R2, R5). Contractors are refused on every one (R5). */
export function registerClientRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;

  app.get('/api/clients', {
    config: { access: CLIENT_READERS },
    schema: {
      tags,
      summary: 'Clients by name with fit (R1/R2); filter by name, fit, strategist, archived',
      querystring: ListClientsQuery,
      response: { 200: ClientList },
    },
    handler: async (request) =>
      service.listClients(db, ctx.database.dialect, actorOf(request), request.query),
  });

  app.get('/api/clients/export.csv', {
    config: { access: CLIENT_EDITORS },
    schema: { tags, summary: 'All clients as CSV (no contacts); imports back unchanged' },
    handler: async (request, reply) => {
      const csv = await exportClientsCsv(db, actorOf(request));
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="clients.csv"')
        .send(csv);
    },
  });

  app.post('/api/clients/import', {
    config: { access: CLIENT_IMPORTERS, rateLimit: { max: 20, timeWindow: '1 minute' } },
    schema: {
      tags,
      summary: 'Import clients from CSV: all rows or none (422 lists row errors); dryRun previews',
      body: ImportClientsBody,
      response: { 200: ImportReport },
    },
    handler: async (request) => importClients(db, actorOf(request), request.body),
  });

  app.get('/api/clients/:id', {
    config: { access: CLIENT_READERS },
    schema: { tags, summary: 'One client', params: IdParam, response: { 200: Client } },
    handler: async (request) => service.getClient(db, actorOf(request), request.params.id),
  });

  app.post('/api/clients', {
    config: { access: CLIENT_EDITORS },
    schema: {
      tags,
      summary: 'Create a client',
      body: CreateClientBody,
      response: { 201: Client },
    },
    handler: async (request, reply) => {
      const client = await service.createClient(db, actorOf(request), request.body);
      reply.status(201);
      return client;
    },
  });

  app.patch('/api/clients/:id', {
    config: { access: CLIENT_EDITORS },
    schema: {
      tags,
      summary: 'Change a client; send the version you read (409 when stale). Archive: archived',
      params: IdParam,
      body: UpdateClientBody,
      response: { 200: Client },
    },
    handler: async (request) =>
      service.updateClient(db, actorOf(request), request.params.id, request.body),
  });

  app.post('/api/clients/:id/fit-override', {
    config: { access: FIT_OVERRIDERS },
    schema: {
      tags,
      summary: 'R1: a coordinator makes a not-fit client assignable, with a written reason',
      params: IdParam,
      body: FitOverrideBody,
      response: { 200: Client },
    },
    handler: async (request) =>
      overrideFit(db, actorOf(request), request.params.id, request.body.reason),
  });

  app.delete('/api/clients/:id/fit-override', {
    config: { access: FIT_OVERRIDERS },
    schema: {
      tags,
      summary: 'R1: remove a fit override',
      params: IdParam,
      response: { 200: Client },
    },
    handler: async (request) => clearFitOverride(db, actorOf(request), request.params.id),
  });

  app.get('/api/client-categories', {
    config: { access: CLIENT_READERS },
    schema: {
      tags,
      summary: "The workspace's client categories ('core' makes a client fit, R1)",
      response: { 200: ClientCategoryList },
    },
    handler: async (request) => ({
      items: await categories.listCategories(db, actorOf(request)),
    }),
  });

  app.post('/api/client-categories', {
    config: { access: CATEGORY_EDITORS },
    schema: {
      tags,
      summary: 'Add a client category',
      body: AddCategoryBody,
      response: { 201: ClientCategoryList },
    },
    handler: async (request, reply) => {
      const items = await categories.addCategory(db, actorOf(request), request.body.name);
      reply.status(201);
      return { items };
    },
  });

  app.delete('/api/client-categories/:name', {
    config: { access: CATEGORY_EDITORS },
    schema: {
      tags,
      summary: "Remove a category no client uses ('core' stays)",
      params: CategoryParam,
      response: { 200: ClientCategoryList },
    },
    handler: async (request) => ({
      items: await categories.removeCategory(db, actorOf(request), request.params.name),
    }),
  });

  registerOneSheeterRoutes(app, ctx);
}
