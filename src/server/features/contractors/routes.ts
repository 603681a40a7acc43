import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ContractorCreated,
  ContractorList,
  ContractorListQuery,
  ContractorProfile,
  CreateContractorBody,
  UpdateContractorBody,
  UpdateOwnProfileBody,
} from '../../../contracts/contractors';
import { STAFF_ROLES } from '../../../contracts/roles';
import { IdParam, Ok } from '../../../contracts/workspace';
import { actorOf } from '../../auth/access';
import type { AppContext } from '../../context';
import { AppError, notFound } from '../../errors';
import { registerContractorCsvRoutes } from './csv-routes';
import { CONTRACTOR_MANAGERS } from './policy';
import { presentProfile, presentSummary } from './present';
import * as q from './queries';
import { findSelfContractor, loadVisibleContractor } from './scope';
import * as service from './service';
import { registerVettingRoutes } from './vetting-routes';

const EVERYONE = [...STAFF_ROLES, 'contractor'] as const;

function encodeCursor(row: { name: string; id: string }): string {
  return Buffer.from(JSON.stringify([row.name, row.id])).toString('base64url');
}

function decodeCursor(cursor: string | undefined): { name: string; id: string } | null {
  if (!cursor) return null;
  try {
    const [name, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof name === 'string' && typeof id === 'string') return { name, id };
  } catch {
    // fall through to the validation error
  }
  throw new AppError('VALIDATION', 'Invalid cursor: start from the first page', {
    fields: { 'querystring.cursor': 'Invalid cursor' },
  });
}

/** R6 contractor records, plus the vetting (R9) and CSV routes of this feature. */
export function registerContractorRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;

  app.get('/api/contractors', {
    config: { access: STAFF_ROLES },
    schema: {
      tags: ['contractors'],
      summary: 'Contractors by name; filter by status (comma list), skill, text; keyset pages',
      querystring: ContractorListQuery,
      response: { 200: ContractorList },
    },
    handler: async (request) => {
      const { workspaceId } = actorOf(request);
      const { status, skill, q: text, limit, cursor } = request.query;
      const rows = await q.listContractors(db, {
        workspaceId,
        dialect: ctx.database.dialect,
        statuses: status,
        skill,
        q: text || undefined,
        limit,
        after: decodeCursor(cursor),
      });
      const page = rows.slice(0, limit);
      return {
        items: page.map((r) => presentSummary(r, { staff: true })),
        nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]) : null,
      };
    },
  });

  app.get('/api/contractors/:id', {
    config: { access: EVERYONE },
    schema: {
      tags: ['contractors'],
      summary: "A contractor's profile (a contractor may read only his own)",
      params: IdParam,
      response: { 200: ContractorProfile },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      return presentProfile(await loadVisibleContractor(db, actor, request.params.id), actor);
    },
  });

  app.post('/api/contractors', {
    config: { access: CONTRACTOR_MANAGERS },
    schema: {
      tags: ['contractors'],
      summary: 'Add a contractor (usually a candidate); optionally e-mail an invitation',
      body: CreateContractorBody,
      response: { 201: ContractorCreated },
    },
    handler: async (request, reply) => {
      const created = await service.createContractor(ctx, actorOf(request), request.body);
      reply.status(201);
      return created;
    },
  });

  app.patch('/api/contractors/:id', {
    config: { access: CONTRACTOR_MANAGERS },
    schema: {
      tags: ['contractors'],
      summary: 'Change a contractor (send the version you read; 409 when stale)',
      params: IdParam,
      body: UpdateContractorBody,
      response: { 200: Ok },
    },
    handler: async (request) => {
      await service.updateContractor(db, actorOf(request), request.params.id, request.body);
      return { ok: true as const };
    },
  });

  app.get('/api/me/contractor', {
    config: { access: ['contractor'] },
    schema: {
      tags: ['contractors'],
      summary: 'The contractor record of the signed-in contractor',
      response: { 200: ContractorProfile },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const self = await findSelfContractor(db, actor);
      if (!self) throw notFound('Contractor profile');
      return presentProfile(self, actor);
    },
  });

  app.patch('/api/me/contractor-profile', {
    config: { access: ['contractor'] },
    schema: {
      tags: ['contractors'],
      summary: 'A contractor updates his own time zone, portfolio links and capacity',
      body: UpdateOwnProfileBody,
      response: { 200: ContractorProfile },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const id = await service.updateOwnProfile(db, actor, request.body);
      return presentProfile(await loadVisibleContractor(db, actor, id), actor);
    },
  });

  registerVettingRoutes(app, ctx);
  registerContractorCsvRoutes(app, ctx);
}
