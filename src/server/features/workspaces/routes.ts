import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sectionsFor } from '../../../contracts/roles';
import {
  AcceptInvitationBody,
  AuditEntry,
  IdParam,
  Invitation,
  InvitationCreated,
  InvitationPreview,
  InviteBody,
  Member,
  MeResponse,
  Ok,
  OutboxMail,
  RoleSchema,
  SetupBody,
  SetupStatus,
  TokenParam,
  UpdateWorkspaceBody,
  WorkspaceSettings,
} from '../../../contracts/workspace';
import { actorOf, signedInOf, WORKSPACE_HEADER } from '../../auth/access';
import type { AppContext } from '../../context';
import { AppError, notFound } from '../../errors';
import * as q from './queries';
import * as service from './service';

const STAFF = ['admin', 'coordinator', 'strategist', 'qa', 'finance'] as const;
const EVERYONE = [...STAFF, 'contractor'] as const;

export function registerWorkspaceRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;

  app.get('/api/setup', {
    config: { access: 'public' },
    schema: {
      tags: ['workspace'],
      summary: 'Whether the first admin still has to sign up',
      response: { 200: SetupStatus },
    },
    handler: async () => ({ needsSetup: (await q.countUsers(db)) === 0 }),
  });

  app.post('/api/setup', {
    config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: {
      tags: ['workspace'],
      summary: 'First-admin sign-up: creates the workspace and signs in',
      body: SetupBody,
      response: { 201: z.object({ workspaceId: z.string() }) },
    },
    handler: async (request, reply) => {
      if ((await q.countUsers(db)) > 0) {
        throw new AppError(
          'CONFLICT',
          'Handoff is already set up: sign in, or ask an admin for an invitation',
        );
      }
      const b = request.body;
      const { userId, setCookie } = await service.createAccount(ctx, b);
      const workspaceId = await service.createWorkspace(db, {
        name: b.workspaceName,
        timeZone: b.timeZone,
        currency: b.currency,
        adminUserId: userId,
      });
      reply.header('set-cookie', setCookie).status(201);
      return { workspaceId };
    },
  });

  app.get('/api/me', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['workspace'],
      summary: 'Who I am, my workspaces, my role and sections in the current one',
      response: { 200: MeResponse },
    },
    handler: async (request) => {
      const me = signedInOf(request);
      const workspaces = await q.listMemberships(db, me.userId);
      const wanted = request.headers[WORKSPACE_HEADER];
      const chosen = workspaces.find((w) => w.id === wanted) ?? workspaces[0];
      let current = null;
      if (chosen) {
        const ws = await q.findWorkspace(db, chosen.id);
        const membership = await db
          .selectFrom('memberships')
          .select('time_zone')
          .where('workspace_id', '=', chosen.id)
          .where('user_id', '=', me.userId)
          .executeTakeFirst();
        const role = RoleSchema.parse(chosen.role);
        current = {
          workspaceId: chosen.id,
          workspaceName: chosen.name,
          role,
          timeZone: membership?.time_zone ?? ws?.time_zone ?? 'UTC',
          workspaceTimeZone: ws?.time_zone ?? 'UTC',
          currency: ws?.currency ?? 'USD',
          sections: sectionsFor(role),
        };
      }
      return {
        user: { id: me.userId, name: me.name, email: me.email },
        workspaces: workspaces.map((w) => ({
          id: w.id,
          name: w.name,
          role: RoleSchema.parse(w.role),
        })),
        current,
      };
    },
  });

  app.get('/api/workspace', {
    config: { access: EVERYONE },
    schema: {
      tags: ['workspace'],
      summary: 'Workspace settings: time zone, currency, business days, policy',
      response: { 200: WorkspaceSettings },
    },
    handler: async (request) => {
      const ws = await q.findWorkspace(db, actorOf(request).workspaceId);
      if (!ws) throw notFound('Workspace');
      return {
        id: ws.id,
        name: ws.name,
        timeZone: ws.time_zone,
        currency: ws.currency,
        weekendDays: JSON.parse(ws.weekend_days) as number[],
        policy: service.parsePolicy(ws.policy),
        holidays: ws.holidays,
        version: ws.version,
      };
    },
  });

  app.patch('/api/workspace', {
    config: { access: ['admin'] },
    schema: {
      tags: ['workspace'],
      summary: 'Change workspace settings (optimistic: send the version you read)',
      body: UpdateWorkspaceBody,
      response: { 200: Ok },
    },
    handler: async (request) => {
      await service.updateWorkspace(db, actorOf(request), request.body);
      return { ok: true as const };
    },
  });

  app.get('/api/members', {
    config: { access: STAFF },
    schema: {
      tags: ['members'],
      summary: 'People in the workspace and their roles',
      response: { 200: z.object({ items: z.array(Member) }) },
    },
    handler: async (request) => {
      const rows = await q.listMembers(db, { workspaceId: actorOf(request).workspaceId });
      return {
        items: rows.map((r) => ({
          id: r.id,
          userId: r.user_id,
          name: r.name,
          email: r.email,
          role: RoleSchema.parse(r.role),
          joinedAt: r.created_at,
        })),
      };
    },
  });

  app.patch('/api/members/:id', {
    config: { access: ['admin'] },
    schema: {
      tags: ['members'],
      summary: "Change a member's role",
      params: IdParam,
      body: z.object({ role: RoleSchema }),
      response: { 200: Ok },
    },
    handler: async (request) => {
      await service.changeMemberRole(db, actorOf(request), request.params.id, request.body.role);
      return { ok: true as const };
    },
  });

  app.delete('/api/members/:id', {
    config: { access: ['admin'] },
    schema: {
      tags: ['members'],
      summary: 'Remove a member from the workspace',
      params: IdParam,
      response: { 200: Ok },
    },
    handler: async (request) => {
      await service.removeMember(db, actorOf(request), request.params.id);
      return { ok: true as const };
    },
  });

  app.get('/api/invitations', {
    config: { access: ['admin', 'coordinator'] },
    schema: {
      tags: ['members'],
      summary: 'Invitations of this workspace, newest first',
      response: { 200: z.object({ items: z.array(Invitation) }) },
    },
    handler: async (request) => {
      const rows = await db
        .selectFrom('invitations')
        .selectAll()
        .where('workspace_id', '=', actorOf(request).workspaceId)
        .orderBy('created_at', 'desc')
        .limit(200)
        .execute();
      return { items: rows.map(presentInvitation) };
    },
  });

  app.post('/api/invitations', {
    config: { access: ['admin', 'coordinator'], rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: {
      tags: ['members'],
      summary: 'Invite someone by e-mail with a role; the link is also returned to copy',
      body: InviteBody,
      response: { 201: InvitationCreated },
    },
    handler: async (request, reply) => {
      const { row, link } = await service.createInvitation(ctx, actorOf(request), request.body);
      reply.status(201);
      return { ...presentInvitation(row), link };
    },
  });

  app.delete('/api/invitations/:id', {
    config: { access: ['admin', 'coordinator'] },
    schema: {
      tags: ['members'],
      summary: 'Revoke a pending invitation',
      params: IdParam,
      response: { 200: Ok },
    },
    handler: async (request) => {
      await service.revokeInvitation(db, actorOf(request), request.params.id);
      return { ok: true as const };
    },
  });

  app.get('/api/invitations/by-token/:token', {
    config: { access: 'public' },
    schema: {
      tags: ['members'],
      summary: 'What an invitation link is for (shown before accepting)',
      params: TokenParam,
      response: { 200: InvitationPreview },
    },
    handler: async (request) => {
      const inv = await service.findInvitationByToken(db, request.params.token);
      if (!inv) throw notFound('Invitation');
      return {
        workspaceName: inv.workspace_name,
        email: inv.email,
        role: RoleSchema.parse(inv.role),
        status: service.invitationStatus(inv),
        hasAccount: Boolean(await q.findUserByEmail(db, inv.email)),
      };
    },
  });

  app.post('/api/invitations/by-token/:token/accept', {
    config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
    schema: {
      tags: ['members'],
      summary: 'Accept an invitation (creating an account if needed)',
      params: TokenParam,
      body: AcceptInvitationBody,
      response: { 200: z.object({ workspaceId: z.string() }) },
    },
    handler: async (request, reply) => {
      const headers = new Headers();
      if (request.headers.cookie) headers.set('cookie', request.headers.cookie);
      const session = await ctx.auth.api.getSession({ headers });
      const result = await service.acceptInvitation(
        ctx,
        request.params.token,
        { signedInUserId: session?.user.id ?? null, signedInEmail: session?.user.email ?? null },
        request.body,
      );
      if (result.setCookie.length > 0) reply.header('set-cookie', result.setCookie);
      return { workspaceId: result.workspaceId };
    },
  });

  app.get('/api/audit', {
    config: { access: ['admin'] },
    schema: {
      tags: ['workspace'],
      summary: 'The audit trail (R30), newest first, keyset-paginated by id',
      querystring: z.object({
        entityType: z.string().max(40).optional(),
        entityId: z.string().max(64).optional(),
        before: z.coerce.number().int().positive().optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
      }),
      response: {
        200: z.object({ items: z.array(AuditEntry), nextBefore: z.number().nullable() }),
      },
    },
    handler: async (request) => {
      const { entityType, entityId, before, limit } = request.query;
      let query = db
        .selectFrom('audit_log')
        .leftJoin('user', 'user.id', 'audit_log.actor_user_id')
        .select([
          'audit_log.id',
          'audit_log.entity_type',
          'audit_log.entity_id',
          'audit_log.action',
          'audit_log.before_json',
          'audit_log.after_json',
          'audit_log.created_at',
          'user.name as actor_name',
        ])
        .where('audit_log.workspace_id', '=', actorOf(request).workspaceId);
      if (entityType) query = query.where('audit_log.entity_type', '=', entityType);
      if (entityId) query = query.where('audit_log.entity_id', '=', entityId);
      if (before) query = query.where('audit_log.id', '<', before);
      const rows = await query
        .orderBy('audit_log.id', 'desc')
        .limit(limit + 1)
        .execute();
      const page = rows.slice(0, limit);
      return {
        items: page.map((r) => ({
          id: Number(r.id),
          actorName: r.actor_name ?? null,
          entityType: r.entity_type,
          entityId: r.entity_id,
          action: r.action,
          before: r.before_json ? JSON.parse(r.before_json) : null,
          after: r.after_json ? JSON.parse(r.after_json) : null,
          createdAt: r.created_at,
        })),
        nextBefore: rows.length > limit ? Number(page[page.length - 1].id) : null,
      };
    },
  });

  if (!ctx.mailer.delivers) {
    // Only when no SMTP is configured: a laptop install shows its mail here instead of sending it.
    app.get('/api/dev/outbox', {
      config: { access: 'public' },
      schema: {
        tags: ['dev'],
        summary: 'Dev outbox: e-mails that would have been sent (no SMTP_URL set)',
        response: { 200: z.object({ items: z.array(OutboxMail) }) },
      },
      handler: async () => {
        const rows = await db
          .selectFrom('outbox')
          .selectAll()
          .orderBy('created_at', 'desc')
          .limit(50)
          .execute();
        return {
          items: rows.map((r) => ({
            id: r.id,
            to: r.to_address,
            subject: r.subject,
            text: r.text_body,
            createdAt: r.created_at,
          })),
        };
      },
    });
  }
}

function presentInvitation(row: {
  id: string;
  email: string;
  role: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  revoked_at: string | null;
}) {
  return {
    id: row.id,
    email: row.email,
    role: RoleSchema.parse(row.role),
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    status: service.invitationStatus(row),
  };
}
