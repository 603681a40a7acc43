import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  NotificationList,
  NotificationsQuery,
  Preferences,
  UpdatePreferencesBody,
} from '../../../contracts/notifications';
import { ROLES } from '../../../contracts/roles';
import { IdParam, Ok } from '../../../contracts/workspace';
import { recordAudit } from '../../audit';
import { actorOf } from '../../auth/access';
import type { AppContext } from '../../context';
import { notFound } from '../../errors';
import { flushRequestedRuns } from '../../jobs/kick';
import * as q from './queries';
import { slackUrlFor } from './slack';
import { registerSlackRoutes } from './slack-routes';

/** R31 in-app notifications (each person's own), their preferences, and the Slack settings. */
export function registerNotificationRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;

  // Work queued by a request (e-mail, Slack, webhooks) goes out right after its response: by
  // then the request's transaction has committed.
  root.addHook('onResponse', async () => {
    flushRequestedRuns();
  });

  app.get('/api/notifications', {
    config: { access: ROLES },
    schema: {
      tags: ['notifications'],
      summary: 'My notifications in this workspace, newest first, with the unread count',
      querystring: NotificationsQuery,
      response: { 200: NotificationList },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const scope = { workspaceId: actor.workspaceId, userId: actor.userId };
      const { unread, cursor, limit } = request.query;
      const page = await q.listNotifications(db, scope, { unreadOnly: unread, cursor, limit });
      return { ...page, unreadCount: await q.unreadCount(db, scope) };
    },
  });

  app.post('/api/notifications/:id/read', {
    config: { access: ROLES },
    schema: {
      tags: ['notifications'],
      summary: 'Mark one of my notifications read',
      params: IdParam,
      response: { 200: Ok },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const scope = { workspaceId: actor.workspaceId, userId: actor.userId };
      if (!(await q.markRead(db, scope, request.params.id))) throw notFound('Notification');
      return { ok: true as const };
    },
  });

  app.post('/api/notifications/read-all', {
    config: { access: ROLES },
    schema: {
      tags: ['notifications'],
      summary: 'Mark all my notifications in this workspace read',
      response: { 200: z.object({ ok: z.literal(true), marked: z.number().int() }) },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const marked = await q.markAllRead(db, {
        workspaceId: actor.workspaceId,
        userId: actor.userId,
      });
      return { ok: true as const, marked };
    },
  });

  app.get('/api/me/notification-preferences', {
    config: { access: ROLES },
    schema: {
      tags: ['notifications'],
      summary: 'What I get for each kind of notification: in-app, e-mail, Slack',
      response: { 200: Preferences },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const items = await q.listPreferences(db, {
        workspaceId: actor.workspaceId,
        userId: actor.userId,
      });
      const slack = await slackUrlFor(db, {
        workspaceId: actor.workspaceId,
        clientId: null,
        fallback: ctx.config.slackWebhookUrl,
      });
      return { items, slackConfigured: slack !== null };
    },
  });

  app.put('/api/me/notification-preferences', {
    config: { access: ROLES },
    schema: {
      tags: ['notifications'],
      summary: 'Change what I get for some kinds (kinds not sent keep their setting)',
      body: UpdatePreferencesBody,
      response: { 200: Ok },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const scope = { workspaceId: actor.workspaceId, userId: actor.userId };
      await db.transaction().execute(async (tx) => {
        await q.savePreferences(tx, scope, request.body.items);
        await recordAudit(tx, actor, {
          entityType: 'notification_preferences',
          entityId: actor.userId,
          action: 'updated',
          after: request.body.items,
        });
      });
      return { ok: true as const };
    },
  });

  registerSlackRoutes(app, ctx);
}
