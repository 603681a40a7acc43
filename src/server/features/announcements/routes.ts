import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Announcement,
  AnnouncementList,
  AnnouncementListQuery,
  CreateAnnouncementBody,
  UpdateAnnouncementBody,
} from '../../../contracts/community';
import { ROLES } from '../../../contracts/roles';
import { IdParam, Ok } from '../../../contracts/workspace';
import { actorOf } from '../../auth/access';
import type { AppContext } from '../../context';
import { decodeKeyset, encodeKeyset } from '../escalations/cursor';
import * as q from './queries';
import * as service from './service';

/** R26 announcements: admins and coordinators publish; everyone (contractors too) reads. */
export function registerAnnouncementRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;

  app.get('/api/announcements', {
    config: { access: ROLES },
    schema: {
      tags: ['announcements'],
      summary: 'Announcements for me: pinned first, then newest first; with my unread count',
      querystring: AnnouncementListQuery,
      response: { 200: AnnouncementList },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const viewer = service.viewerOf(actor);
      const { limit, cursor } = request.query;
      const { pinned, rest } = await q.listAnnouncements(db, viewer, {
        limit,
        before: decodeKeyset(cursor),
      });
      const page = rest.slice(0, limit);
      const last = page[page.length - 1];
      return {
        items: [...pinned, ...page].map((r) => service.present(r, actor)),
        unreadCount: await q.unreadCount(db, viewer),
        nextCursor:
          rest.length > limit && last ? encodeKeyset({ at: last.published_at, id: last.id }) : null,
      };
    },
  });

  app.get('/api/announcements/unread-count', {
    config: { access: ROLES },
    schema: {
      tags: ['announcements'],
      summary: 'How many announcements I have not read',
      response: { 200: z.object({ count: z.number().int() }) },
    },
    handler: async (request) => ({
      count: await q.unreadCount(db, service.viewerOf(actorOf(request))),
    }),
  });

  app.post('/api/announcements', {
    config: { access: service.ANNOUNCERS, rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: {
      tags: ['announcements'],
      summary: 'Publish an announcement to everyone (contractors included) or staff only',
      body: CreateAnnouncementBody,
      response: { 201: Announcement },
    },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const id = await service.publishAnnouncement(db, actor, request.body);
      reply.status(201);
      return service.loadAnnouncement(db, actor, id);
    },
  });

  app.post('/api/announcements/read-all', {
    config: { access: ROLES },
    schema: {
      tags: ['announcements'],
      summary: 'Mark every announcement I can see read',
      response: { 200: Ok },
    },
    handler: async (request) => {
      await service.markAllAnnouncementsRead(db, actorOf(request));
      return { ok: true as const };
    },
  });

  app.get('/api/announcements/:id', {
    config: { access: ROLES },
    schema: {
      tags: ['announcements'],
      summary: 'One announcement (a staff-only one is not found for contractors)',
      params: IdParam,
      response: { 200: Announcement },
    },
    handler: async (request) => service.loadAnnouncement(db, actorOf(request), request.params.id),
  });

  app.patch('/api/announcements/:id', {
    config: { access: service.ANNOUNCERS },
    schema: {
      tags: ['announcements'],
      summary: 'Edit an announcement (optimistic: send the version you read)',
      params: IdParam,
      body: UpdateAnnouncementBody,
      response: { 200: Announcement },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      await service.editAnnouncement(db, actor, request.params.id, request.body);
      return service.loadAnnouncement(db, actor, request.params.id);
    },
  });

  app.delete('/api/announcements/:id', {
    config: { access: service.ANNOUNCERS },
    schema: {
      tags: ['announcements'],
      summary: 'Delete an announcement',
      params: IdParam,
      response: { 200: Ok },
    },
    handler: async (request) => {
      await service.deleteAnnouncement(db, actorOf(request), request.params.id);
      return { ok: true as const };
    },
  });

  app.post('/api/announcements/:id/read', {
    config: { access: ROLES },
    schema: {
      tags: ['announcements'],
      summary: 'Mark an announcement read',
      params: IdParam,
      response: { 200: Ok },
    },
    handler: async (request) => {
      await service.markAnnouncementRead(db, actorOf(request), request.params.id);
      return { ok: true as const };
    },
  });
}
