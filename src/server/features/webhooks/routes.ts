import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateWebhookBody,
  Webhook,
  WebhookCreated,
  WebhookDelivery,
} from '../../../contracts/notifications';
import { IdParam, Ok } from '../../../contracts/workspace';
import { actorOf } from '../../auth/access';
import type { AppContext } from '../../context';
import * as service from './service';

const ADMIN = ['admin'] as const;

/** Outgoing webhooks (admin): register, list, delete, send a test, read the delivery log. */
export function registerWebhookRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;

  app.get('/api/webhooks', {
    config: { access: ADMIN },
    schema: {
      tags: ['webhooks'],
      summary: 'Registered webhooks of this workspace',
      response: { 200: z.object({ items: z.array(Webhook) }) },
    },
    handler: async (request) => ({
      items: await service.listWebhooks(db, actorOf(request).workspaceId),
    }),
  });

  app.post('/api/webhooks', {
    config: { access: ADMIN, rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: {
      tags: ['webhooks'],
      summary: 'Register a URL for events; the signing secret is returned this once',
      description:
        'Each delivery is a POST of `{ id, event, workspaceId, createdAt, data }` with the header ' +
        '`X-Handoff-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`. Answer 2xx; ' +
        'failures are retried after 1 m, 5 m, 30 m, 2 h and 6 h.',
      body: CreateWebhookBody,
      response: { 201: WebhookCreated },
    },
    handler: async (request, reply) => {
      const created = await service.createWebhook(db, actorOf(request), request.body);
      reply.status(201);
      return created;
    },
  });

  app.delete('/api/webhooks/:id', {
    config: { access: ADMIN },
    schema: {
      tags: ['webhooks'],
      summary: 'Delete a webhook and its delivery log',
      params: IdParam,
      response: { 200: Ok },
    },
    handler: async (request) => {
      await service.deleteWebhook(db, actorOf(request), request.params.id);
      return { ok: true as const };
    },
  });

  app.post('/api/webhooks/:id/test', {
    config: { access: ADMIN, rateLimit: { max: 20, timeWindow: '1 minute' } },
    schema: {
      tags: ['webhooks'],
      summary: 'Send a signed `ping` now; answers with the logged delivery',
      params: IdParam,
      response: { 200: WebhookDelivery },
    },
    handler: async (request) => service.testWebhook(db, actorOf(request), request.params.id),
  });

  app.get('/api/webhooks/:id/deliveries', {
    config: { access: ADMIN },
    schema: {
      tags: ['webhooks'],
      summary: 'Recent deliveries of a webhook with their status, newest first',
      params: IdParam,
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(25) }),
      response: { 200: z.object({ items: z.array(WebhookDelivery) }) },
    },
    handler: async (request) => ({
      items: await service.listDeliveries(
        db,
        actorOf(request).workspaceId,
        request.params.id,
        request.query.limit,
      ),
    }),
  });
}
