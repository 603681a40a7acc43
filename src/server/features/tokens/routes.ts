import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiToken, CreateTokenBody, TokenCreated } from '../../../contracts/notifications';
import { ROLES } from '../../../contracts/roles';
import { IdParam, Ok } from '../../../contracts/workspace';
import { actorOf } from '../../auth/access';
import type { AppContext } from '../../context';
import { AppError } from '../../errors';
import * as service from './service';

/** A token cannot mint or revoke tokens: managing them needs a signed-in person. */
function refuseTokenAuth(request: FastifyRequest): void {
  if (request.apiTokenId) {
    throw new AppError('FORBIDDEN', 'Manage API tokens from the Handoff app, not with a token');
  }
}

/** Personal API tokens: any member creates, lists and revokes their own. */
export function registerTokenRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;

  app.post('/api/tokens', {
    config: { access: ROLES, rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: {
      tags: ['tokens'],
      summary: 'Create an API token; the token is in this answer only',
      description:
        'Send it as `Authorization: Bearer hf_…`. It acts as you, in this workspace, with your ' +
        'role here (no cookie, so no Origin check).',
      body: CreateTokenBody,
      response: { 201: TokenCreated },
    },
    handler: async (request, reply) => {
      refuseTokenAuth(request);
      const created = await service.createToken(db, actorOf(request), request.body.name);
      reply.status(201).header('cache-control', 'no-store');
      return created;
    },
  });

  app.get('/api/tokens', {
    config: { access: ROLES },
    schema: {
      tags: ['tokens'],
      summary: 'My API tokens in this workspace (prefix only)',
      response: { 200: z.object({ items: z.array(ApiToken) }) },
    },
    handler: async (request) => ({ items: await service.listTokens(db, actorOf(request)) }),
  });

  app.delete('/api/tokens/:id', {
    config: { access: ROLES },
    schema: {
      tags: ['tokens'],
      summary: 'Revoke one of my API tokens (it stops working at once)',
      params: IdParam,
      response: { 200: Ok },
    },
    handler: async (request) => {
      refuseTokenAuth(request);
      await service.revokeToken(db, actorOf(request), request.params.id);
      return { ok: true as const };
    },
  });
}
