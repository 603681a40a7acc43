import type { Role } from '../../../contracts/roles';
import { DEFAULT_POLICY, type PlanPolicy } from '../../../contracts/workspace';
import { recordAudit } from '../../audit';
import type { Actor } from '../../auth/access';
import type { AppContext } from '../../context';
import type { Executor } from '../../db';
import { AppError, notFound, staleVersion } from '../../errors';
import { hashSecret, newId, newSecret, nowIso } from '../../lib/ids';
import * as q from './queries';

const INVITATION_DAYS = 14;

export interface NewAccount {
  name: string;
  email: string;
  password: string;
}

/**
 * Creates a person through better-auth (which hashes the password) and returns the session
 * cookies it set, so the caller can sign the person in. Never call inside a transaction: on
 * SQLite better-auth shares the single connection the transaction holds.
 */
export async function createAccount(ctx: AppContext, account: NewAccount) {
  const existing = await q.findUserByEmail(ctx.database.db, account.email);
  if (existing) {
    throw new AppError(
      'ALREADY_EXISTS',
      'An account with this e-mail already exists: sign in instead',
      {
        fields: { email: 'Already registered' },
      },
    );
  }
  const { headers, response } = await ctx.auth.api.signUpEmail({
    body: { name: account.name, email: account.email, password: account.password },
    returnHeaders: true,
  });
  return { userId: response.user.id, setCookie: headers.getSetCookie() };
}

export async function createWorkspace(
  db: Executor,
  input: { name: string; timeZone: string; currency: string; adminUserId: string },
): Promise<string> {
  const id = newId();
  const now = nowIso();
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('workspaces')
      .values({
        id,
        name: input.name,
        time_zone: input.timeZone,
        currency: input.currency,
        weekend_days: JSON.stringify([0, 6]),
        policy: JSON.stringify(DEFAULT_POLICY),
        created_at: now,
        version: 1,
      })
      .execute();
    await addMembership(tx, { workspaceId: id, userId: input.adminUserId, role: 'admin' });
    await recordAudit(
      tx,
      { workspaceId: id, userId: input.adminUserId },
      { entityType: 'workspace', entityId: id, action: 'created', after: { name: input.name } },
    );
  });
  return id;
}

async function addMembership(
  tx: Executor,
  m: { workspaceId: string; userId: string; role: Role },
): Promise<string> {
  const id = newId();
  await tx
    .insertInto('memberships')
    .values({
      id,
      workspace_id: m.workspaceId,
      user_id: m.userId,
      role: m.role,
      time_zone: null,
      created_at: nowIso(),
    })
    .execute();
  return id;
}

/** Adds an existing person to a workspace with a role (used by invitations, the CLI and the demo). */
export async function addMember(
  db: Executor,
  actor: { workspaceId: string; userId: string | null },
  m: { userId: string; role: Role },
): Promise<string> {
  return db.transaction().execute(async (tx) => {
    const id = await addMembership(tx, { workspaceId: actor.workspaceId, ...m });
    await recordAudit(tx, actor, {
      entityType: 'membership',
      entityId: id,
      action: 'added',
      after: { userId: m.userId, role: m.role },
    });
    return id;
  });
}

export function parsePolicy(json: string): PlanPolicy {
  return { ...DEFAULT_POLICY, ...(JSON.parse(json) as Partial<PlanPolicy>) };
}

export async function updateWorkspace(
  db: Executor,
  actor: Actor,
  patch: {
    version: number;
    name?: string;
    timeZone?: string;
    weekendDays?: number[];
    policy?: PlanPolicy;
    holidays?: { date: string; name: string }[];
  },
) {
  await db.transaction().execute(async (tx) => {
    const before = await q.findWorkspace(tx, actor.workspaceId);
    if (!before) throw notFound('Workspace');
    if (before.version !== patch.version)
      throw staleVersion('The workspace settings', before.version);
    const changes = {
      name: patch.name ?? before.name,
      time_zone: patch.timeZone ?? before.time_zone,
      weekend_days: patch.weekendDays ? JSON.stringify(patch.weekendDays) : before.weekend_days,
      policy: patch.policy ? JSON.stringify(patch.policy) : before.policy,
      version: before.version + 1,
    };
    const updated = await tx
      .updateTable('workspaces')
      .set(changes)
      .where('id', '=', actor.workspaceId)
      .where('version', '=', patch.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1)
      throw staleVersion('The workspace settings', before.version);
    if (patch.holidays) {
      await tx.deleteFrom('holidays').where('workspace_id', '=', actor.workspaceId).execute();
      const unique = new Map(patch.holidays.map((h) => [h.date, h.name]));
      if (unique.size > 0) {
        await tx
          .insertInto('holidays')
          .values(
            [...unique].map(([date, name]) => ({ workspace_id: actor.workspaceId, date, name })),
          )
          .execute();
      }
    }
    await recordAudit(tx, actor, {
      entityType: 'workspace',
      entityId: actor.workspaceId,
      action: 'updated',
      before: { ...before },
      after: { ...changes, holidays: patch.holidays },
    });
  });
}

export async function changeMemberRole(db: Executor, actor: Actor, memberId: string, role: Role) {
  await db.transaction().execute(async (tx) => {
    const member = await q.findMember(tx, { workspaceId: actor.workspaceId, id: memberId });
    if (!member) throw notFound('Member');
    if (member.role === 'admin' && role !== 'admin')
      await assertNotLastAdmin(tx, actor.workspaceId);
    await tx.updateTable('memberships').set({ role }).where('id', '=', member.id).execute();
    await recordAudit(tx, actor, {
      entityType: 'membership',
      entityId: member.id,
      action: 'role_changed',
      before: { role: member.role },
      after: { role },
    });
  });
}

export async function removeMember(db: Executor, actor: Actor, memberId: string) {
  await db.transaction().execute(async (tx) => {
    const member = await q.findMember(tx, { workspaceId: actor.workspaceId, id: memberId });
    if (!member) throw notFound('Member');
    if (member.role === 'admin') await assertNotLastAdmin(tx, actor.workspaceId);
    await tx.deleteFrom('memberships').where('id', '=', member.id).execute();
    await recordAudit(tx, actor, {
      entityType: 'membership',
      entityId: member.id,
      action: 'removed',
      before: { userId: member.user_id, role: member.role },
    });
  });
}

async function assertNotLastAdmin(tx: Executor, workspaceId: string) {
  if ((await q.countAdmins(tx, { workspaceId })) <= 1) {
    throw new AppError(
      'CONFLICT',
      'A workspace needs at least one admin: make someone else admin first',
    );
  }
}

/** Coordinators invite contractors; only admins invite staff. */
export function mayInvite(inviter: Role, invitee: Role): boolean {
  if (inviter === 'admin') return true;
  return inviter === 'coordinator' && invitee === 'contractor';
}

export async function createInvitation(
  ctx: AppContext,
  actor: Actor,
  input: { email: string; role: Role },
) {
  if (!mayInvite(actor.role, input.role)) {
    throw new AppError(
      'FORBIDDEN',
      'Coordinators can invite contractors; ask an admin to invite staff',
    );
  }
  const db = ctx.database.db;
  const existingUser = await q.findUserByEmail(db, input.email);
  if (existingUser) {
    const member = await db
      .selectFrom('memberships')
      .select('id')
      .where('workspace_id', '=', actor.workspaceId)
      .where('user_id', '=', existingUser.id)
      .executeTakeFirst();
    if (member) {
      throw new AppError('ALREADY_EXISTS', `${input.email} is already a member of this workspace`, {
        fields: { email: 'Already a member' },
      });
    }
  }
  const { token, hash } = newSecret();
  const id = newId();
  const now = new Date();
  const row = {
    id,
    workspace_id: actor.workspaceId,
    email: input.email,
    role: input.role,
    token_hash: hash,
    invited_by: actor.userId,
    expires_at: new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString(),
    accepted_at: null,
    revoked_at: null,
    created_at: now.toISOString(),
  };
  const link = `${ctx.config.publicUrl}/invite/${token}`;
  const ws = await q.findWorkspace(db, actor.workspaceId);
  await db.transaction().execute(async (tx) => {
    await tx.insertInto('invitations').values(row).execute();
    await recordAudit(tx, actor, {
      entityType: 'invitation',
      entityId: id,
      action: 'created',
      after: { email: input.email, role: input.role },
    });
    await ctx.mailer.send(tx, {
      workspaceId: actor.workspaceId,
      to: input.email,
      subject: `${actor.name} invited you to ${ws?.name ?? 'a workspace'} on Handoff`,
      text: `${actor.name} invited you to join ${ws?.name ?? 'their workspace'} on Handoff as ${input.role}.\n\nAccept the invitation: ${link}\n\nThe link works for ${INVITATION_DAYS} days.`,
    });
  });
  return { row, link };
}

export function invitationStatus(row: {
  accepted_at: string | null;
  revoked_at: string | null;
  expires_at: string;
}): 'pending' | 'accepted' | 'revoked' | 'expired' {
  if (row.accepted_at) return 'accepted';
  if (row.revoked_at) return 'revoked';
  if (row.expires_at < nowIso()) return 'expired';
  return 'pending';
}

export async function findInvitationByToken(db: Executor, token: string) {
  return db
    .selectFrom('invitations')
    .innerJoin('workspaces', 'workspaces.id', 'invitations.workspace_id')
    .selectAll('invitations')
    .select('workspaces.name as workspace_name')
    .where('token_hash', '=', hashSecret(token))
    .executeTakeFirst();
}

/**
 * Accepts an invitation. A signed-in person must be the invited e-mail; someone without an account
 * creates one here (name + password); someone with an account must sign in first.
 */
export async function acceptInvitation(
  ctx: AppContext,
  token: string,
  who: { signedInUserId: string | null; signedInEmail: string | null },
  account: { name?: string; password?: string },
): Promise<{ workspaceId: string; setCookie: string[] }> {
  const db = ctx.database.db;
  const inv = await findInvitationByToken(db, token);
  if (!inv) throw notFound('Invitation');
  const status = invitationStatus(inv);
  if (status !== 'pending') throw new AppError('CONFLICT', `This invitation is ${status}`);
  let userId = who.signedInUserId;
  let setCookie: string[] = [];
  if (userId) {
    if (who.signedInEmail?.toLowerCase() !== inv.email.toLowerCase()) {
      throw new AppError(
        'FORBIDDEN',
        `This invitation is for ${inv.email}; you are signed in as ${who.signedInEmail}`,
      );
    }
  } else {
    if (await q.findUserByEmail(db, inv.email)) {
      throw new AppError(
        'CONFLICT',
        `You already have an account: sign in as ${inv.email} to accept`,
      );
    }
    if (!account.name || !account.password) {
      throw new AppError('VALIDATION', 'Choose your name and a password to create your account', {
        fields: {
          ...(account.name ? {} : { name: 'Required' }),
          ...(account.password ? {} : { password: 'Required' }),
        },
      });
    }
    const created = await createAccount(ctx, {
      name: account.name,
      email: inv.email,
      password: account.password,
    });
    userId = created.userId;
    setCookie = created.setCookie;
  }
  const newUserId = userId;
  await db.transaction().execute(async (tx) => {
    const claimed = await tx
      .updateTable('invitations')
      .set({ accepted_at: nowIso() })
      .where('id', '=', inv.id)
      .where('accepted_at', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1)
      throw new AppError('CONFLICT', 'This invitation was already used');
    await addMembership(tx, {
      workspaceId: inv.workspace_id,
      userId: newUserId,
      role: inv.role as Role,
    });
    await recordAudit(
      tx,
      { workspaceId: inv.workspace_id, userId: newUserId },
      { entityType: 'invitation', entityId: inv.id, action: 'accepted', after: { role: inv.role } },
    );
  });
  return { workspaceId: inv.workspace_id, setCookie };
}

export async function revokeInvitation(db: Executor, actor: Actor, id: string) {
  await db.transaction().execute(async (tx) => {
    const inv = await tx
      .selectFrom('invitations')
      .selectAll()
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!inv) throw notFound('Invitation');
    if (!mayInvite(actor.role, inv.role as Role))
      throw new AppError('FORBIDDEN', 'You may not revoke this invitation');
    if (inv.accepted_at) throw new AppError('CONFLICT', 'This invitation was already accepted');
    await tx
      .updateTable('invitations')
      .set({ revoked_at: nowIso() })
      .where('id', '=', id)
      .execute();
    await recordAudit(tx, actor, { entityType: 'invitation', entityId: id, action: 'revoked' });
  });
}
