import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ContractorIdParam,
  CreateRecognitionBody,
  Recognition,
} from '../../../contracts/community';
import { ROLES } from '../../../contracts/roles';
import { actorOf } from '../../auth/access';
import type { AppContext } from '../../context';
import { loadVisibleContractor } from '../contractors';
import { decodeKeyset, encodeKeyset } from '../escalations/cursor';
import { giveRecognition, listRecognitions, RECOGNITION_AUTHORS } from './service';

/** R25 kudos and constructive feedback, kept in the contractor's record. */
export function registerRecognitionRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;

  app.post('/api/contractors/:id/recognitions', {
    config: { access: RECOGNITION_AUTHORS },
    schema: {
      tags: ['recognition'],
      summary: 'Give kudos or constructive feedback (optionally about one of his tasks)',
      params: ContractorIdParam,
      body: CreateRecognitionBody,
      response: { 201: Recognition },
    },
    handler: async (request, reply) => {
      const saved = await giveRecognition(db, actorOf(request), request.params.id, request.body);
      reply.status(201);
      return saved;
    },
  });

  app.get('/api/contractors/:id/recognitions', {
    config: { access: ROLES },
    schema: {
      tags: ['recognition'],
      summary: 'A contractor’s kudos and feedback, newest first (a contractor: only his own)',
      params: ContractorIdParam,
      querystring: z.object({
        limit: z.coerce.number().int().min(1).max(200).default(50),
        cursor: z.string().max(200).optional(),
      }),
      response: {
        200: z.object({ items: z.array(Recognition), nextCursor: z.string().nullable() }),
      },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const contractor = await loadVisibleContractor(db, actor, request.params.id);
      const page = await listRecognitions(db, {
        workspaceId: actor.workspaceId,
        contractorId: contractor.id,
        limit: request.query.limit,
        before: decodeKeyset(request.query.cursor),
      });
      return { items: page.items, nextCursor: page.next ? encodeKeyset(page.next) : null };
    },
  });
}
