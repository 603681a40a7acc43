import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SlackSettings, SlackWebhookBody } from '../../../contracts/notifications';
import { Ok } from '../../../contracts/workspace';
import { recordAudit } from '../../audit';
import { actorOf } from '../../auth/access';
import type { AppContext } from '../../context';
import { AppError, notFound } from '../../errors';
import { maskUrl, postToSlack, slackSettings, slackUrlFor } from './slack';

const ADMIN = ['admin'] as const;

/** Slack (admin): the workspace's incoming webhook, per-client channels, a test message. */
export function registerSlackRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;

  app.get('/api/integrations/slack', {
    config: { access: ADMIN },
    schema: {
      tags: ['notifications'],
      summary: 'Slack settings: workspace webhook and client channels (shortened)',
      response: { 200: SlackSettings },
    },
    handler: async (request) => {
      const s = await slackSettings(db, actorOf(request).workspaceId);
      return {
        workspaceWebhook: maskUrl(s.workspaceUrl),
        fallbackConfigured: Boolean(ctx.config.slackWebhookUrl),
        clients: s.clients.map((c) => ({
          id: c.id,
          name: c.name,
          webhook: maskUrl(c.slack_webhook_url),
        })),
      };
    },
  });

  app.put('/api/integrations/slack', {
    config: { access: ADMIN },
    schema: {
      tags: ['notifications'],
      summary: "Set (or clear with null) the workspace's Slack incoming webhook",
      body: SlackWebhookBody,
      response: { 200: Ok },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      await db.transaction().execute(async (tx) => {
        await tx
          .updateTable('workspaces')
          .set({ slack_webhook_url: request.body.webhookUrl })
          .where('id', '=', actor.workspaceId)
          .execute();
        // The URL is a credential: the audit trail says that it changed, not what it is.
        await recordAudit(tx, actor, {
          entityType: 'workspace',
          entityId: actor.workspaceId,
          action: 'slack_webhook_set',
          after: { configured: request.body.webhookUrl !== null },
        });
      });
      return { ok: true as const };
    },
  });

  app.put('/api/integrations/slack/clients/:clientId', {
    config: { access: ADMIN },
    schema: {
      tags: ['notifications'],
      summary: "Set (or clear) a client's own Slack channel webhook",
      params: z.object({ clientId: z.string().min(1).max(64) }),
      body: SlackWebhookBody,
      response: { 200: Ok },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      await db.transaction().execute(async (tx) => {
        const res = await tx
          .updateTable('clients')
          .set({ slack_webhook_url: request.body.webhookUrl })
          .where('workspace_id', '=', actor.workspaceId)
          .where('id', '=', request.params.clientId)
          .executeTakeFirst();
        if (Number(res.numUpdatedRows) !== 1) throw notFound('Client');
        await recordAudit(tx, actor, {
          entityType: 'client',
          entityId: request.params.clientId,
          action: 'slack_webhook_set',
          after: { configured: request.body.webhookUrl !== null },
        });
      });
      return { ok: true as const };
    },
  });

  app.post('/api/integrations/slack/test', {
    config: { access: ADMIN, rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: {
      tags: ['notifications'],
      summary: "Post a test message to the workspace's Slack channel now",
      response: { 200: Ok },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const url = await slackUrlFor(db, {
        workspaceId: actor.workspaceId,
        clientId: null,
        fallback: ctx.config.slackWebhookUrl,
      });
      if (!url) throw new AppError('CONFLICT', 'Set a Slack webhook URL first');
      try {
        await postToSlack(
          url,
          `Test from Handoff, sent by ${actor.name}. Notifications will arrive here.`,
        );
      } catch (err) {
        throw new AppError('CONFLICT', `Slack refused the test: ${(err as Error).message}`);
      }
      return { ok: true as const };
    },
  });
}
