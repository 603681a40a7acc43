import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CompareQuery,
  CompareResult,
  ContractorReference,
  CreateInterviewNoteBody,
  CreateReferenceBody,
  InterviewNote,
  ScorecardBody,
  StatusChangeBody,
} from '../../../contracts/contractors';
import { STAFF_ROLES } from '../../../contracts/roles';
import { IdParam, Ok } from '../../../contracts/workspace';
import { actorOf } from '../../auth/access';
import type { AppContext } from '../../context';
import { notFound } from '../../errors';
import { compareContractors } from './compare';
import { CONTRACTOR_MANAGERS, VETTING_READERS } from './policy';
import * as q from './queries';
import * as vetting from './vetting-service';

const Created = z.object({ id: z.string() });

/** R9 vetting: status moves, interview notes, references, scorecard, side-by-side comparison. */
export function registerVettingRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;

  app.post('/api/contractors/:id/status', {
    config: { access: CONTRACTOR_MANAGERS },
    schema: {
      tags: ['vetting'],
      summary: 'R9 move a contractor along the pipeline (no skipped stages); audited',
      params: IdParam,
      body: StatusChangeBody,
      response: { 200: Ok },
    },
    handler: async (request) => {
      await vetting.changeStatus(db, actorOf(request), request.params.id, request.body);
      return { ok: true as const };
    },
  });

  app.get('/api/contractors/:id/interview-notes', {
    config: { access: VETTING_READERS },
    schema: {
      tags: ['vetting'],
      summary: 'R9 interview notes, newest first',
      params: IdParam,
      response: { 200: z.object({ items: z.array(InterviewNote) }) },
    },
    handler: async (request) => {
      const { workspaceId } = actorOf(request);
      const contractorId = request.params.id;
      if (!(await q.findContractor(db, { workspaceId, id: contractorId })))
        throw notFound('Contractor');
      const rows = await q.listInterviewNotes(db, { workspaceId, contractorId });
      return {
        items: rows.map((r) => ({
          id: r.id,
          authorName: r.author_name ?? null,
          body: r.body,
          createdAt: r.created_at,
        })),
      };
    },
  });

  app.post('/api/contractors/:id/interview-notes', {
    config: { access: CONTRACTOR_MANAGERS },
    schema: {
      tags: ['vetting'],
      summary: 'R9 add an interview note',
      params: IdParam,
      body: CreateInterviewNoteBody,
      response: { 201: Created },
    },
    handler: async (request, reply) => {
      const id = await vetting.addInterviewNote(
        db,
        actorOf(request),
        request.params.id,
        request.body,
      );
      reply.status(201);
      return { id };
    },
  });

  app.get('/api/contractors/:id/references', {
    config: { access: VETTING_READERS },
    schema: {
      tags: ['vetting'],
      summary: 'R9 references: past clients contacted and what they said',
      params: IdParam,
      response: { 200: z.object({ items: z.array(ContractorReference) }) },
    },
    handler: async (request) => {
      const { workspaceId } = actorOf(request);
      const contractorId = request.params.id;
      if (!(await q.findContractor(db, { workspaceId, id: contractorId })))
        throw notFound('Contractor');
      const rows = await q.listReferences(db, { workspaceId, contractorId });
      return {
        items: rows.map((r) => ({
          id: r.id,
          pastClient: r.past_client,
          contact: r.contact,
          whatTheySaid: r.what_they_said,
          contactedAt: r.contacted_at,
          createdByName: r.created_by_name ?? null,
          createdAt: r.created_at,
        })),
      };
    },
  });

  app.post('/api/contractors/:id/references', {
    config: { access: CONTRACTOR_MANAGERS },
    schema: {
      tags: ['vetting'],
      summary: 'R9 record a reference check',
      params: IdParam,
      body: CreateReferenceBody,
      response: { 201: Created },
    },
    handler: async (request, reply) => {
      const id = await vetting.addReference(db, actorOf(request), request.params.id, request.body);
      reply.status(201);
      return { id };
    },
  });

  app.put('/api/contractors/:id/scorecard', {
    config: { access: CONTRACTOR_MANAGERS },
    schema: {
      tags: ['vetting'],
      summary: 'R9 set the scorecard (1–5 each) and trial outcome (send the version you read)',
      params: IdParam,
      body: ScorecardBody,
      response: { 200: Ok },
    },
    handler: async (request) => {
      await vetting.updateScorecard(db, actorOf(request), request.params.id, request.body);
      return { ok: true as const };
    },
  });

  app.get('/api/contractors/compare', {
    config: { access: STAFF_ROLES },
    schema: {
      tags: ['vetting'],
      summary: 'R9 compare 2–4 contractors: rates in force, skills, scorecard, status, capacity',
      querystring: CompareQuery,
      response: { 200: CompareResult },
    },
    handler: async (request) =>
      compareContractors(db, {
        workspaceId: actorOf(request).workspaceId,
        ids: request.query.ids,
      }),
  });
}
