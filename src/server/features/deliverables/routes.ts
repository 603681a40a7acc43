import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AttachmentMeta,
  DeliverableList,
  SubmitVersionBody,
  SubmitVersionResult,
  UploadAttachmentBody,
} from '../../../contracts/workflow';
import { IdParam, Ok } from '../../../contracts/workspace';
import { actorOf } from '../../auth/access';
import type { AppContext } from '../../context';
import { contentDisposition } from './file-types';
import * as service from './service';

const EVERYONE = ['admin', 'coordinator', 'strategist', 'qa', 'finance', 'contractor'] as const;

/**
 * Uploads are base64 inside JSON, one file per request, on a route whose body limit is raised to
 * 8 MB (5 MB of file is 6.7 MB of base64): no multipart dependency, the same zod validation and
 * OpenAPI description as every other route, and the global 1 MB limit stays for the rest.
 */
export const UPLOAD_BODY_LIMIT = 8 * 1024 * 1024;

/** Deliverable versions and their files (R23: what the scrub and QA review). */
export function registerDeliverableRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const tags = ['deliverables'];

  app.get('/api/tasks/:id/deliverables', {
    config: { access: EVERYONE },
    schema: {
      tags,
      summary: 'Deliverable versions of a task, newest first, with links and file metadata',
      params: IdParam,
      response: { 200: DeliverableList },
    },
    handler: async (request) => service.listDeliverables(db, actorOf(request), request.params.id),
  });

  app.post('/api/tasks/:id/deliverables', {
    config: { access: ['contractor'] },
    schema: {
      tags,
      summary:
        'Submit a version: the first is the draft (R17: after the brief), later ones revisions',
      params: IdParam,
      body: SubmitVersionBody,
      response: { 201: SubmitVersionResult },
    },
    handler: async (request, reply) => {
      const result = await service.submitVersion(
        db,
        actorOf(request),
        request.params.id,
        request.body,
        new Date(),
      );
      return reply.status(201).send(result);
    },
  });

  app.post('/api/tasks/:id/attachments', {
    config: { access: ['contractor'] },
    bodyLimit: UPLOAD_BODY_LIMIT,
    schema: {
      tags,
      summary:
        'Upload one file (≤ 5 MB, base64 JSON) for the next version: PNG, JPEG, GIF, WebP, PDF, MP4 or text, checked by content',
      params: IdParam,
      body: UploadAttachmentBody,
      response: { 201: AttachmentMeta },
    },
    handler: async (request, reply) => {
      const file = await service.uploadAttachment(
        db,
        actorOf(request),
        request.params.id,
        request.body,
        new Date(),
      );
      return reply.status(201).send(file);
    },
  });

  app.get('/api/tasks/:id/attachments/staged', {
    config: { access: ['contractor'] },
    schema: {
      tags,
      summary: 'My uploaded files waiting to be submitted with the next version',
      params: IdParam,
      response: { 200: z.object({ items: z.array(AttachmentMeta) }) },
    },
    handler: async (request) => service.listStaged(db, actorOf(request), request.params.id),
  });

  app.delete('/api/attachments/:id', {
    config: { access: ['contractor'] },
    schema: {
      tags,
      summary: 'Remove an uploaded file that is not part of a submitted version yet',
      params: IdParam,
      response: { 200: Ok },
    },
    handler: async (request) => {
      await service.removeStagedAttachment(db, actorOf(request), request.params.id);
      return { ok: true as const };
    },
  });

  app.get('/api/attachments/:id', {
    // Opened as a link or an image: `?workspace=` stands in for the header.
    config: { access: EVERYONE, workspaceFromQuery: true },
    schema: {
      tags,
      summary: 'Download a file (always as an attachment, never rendered by the browser)',
      params: IdParam,
      querystring: z.object({
        workspace: z.string().max(100).optional().describe('The workspace, when no header is sent'),
      }),
    },
    handler: async (request, reply) => {
      const file = await service.readAttachment(db, actorOf(request), request.params.id);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', contentDisposition(file.filename))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store')
        .send(file.data);
    },
  });
}
