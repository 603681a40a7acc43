import {
  type CreateContractorBody,
  EMPTY_SCORECARD,
  type UpdateContractorBody,
  type UpdateOwnProfileBody,
} from '../../../contracts/contractors';
import { recordAudit } from '../../audit';
import type { Actor } from '../../auth/access';
import type { AppContext } from '../../context';
import type { Executor } from '../../db';
import { AppError, notFound, staleVersion } from '../../errors';
import { newId, nowIso } from '../../lib/ids';
import { createInvitation } from '../workspaces/service';
import * as q from './queries';
import { findSelfContractor } from './scope';

/** Skills must be deliverable types of this workspace (R6). */
export async function assertSkills(db: Executor, workspaceId: string, skills: readonly string[]) {
  const known = await q.existingTypeIds(db, { workspaceId, ids: skills });
  const unknown = skills.filter((s) => !known.has(s));
  if (unknown.length > 0) {
    throw new AppError('VALIDATION', 'Some skills are not deliverable types of this workspace', {
      fields: { skills: `Unknown deliverable type: ${unknown.join(', ')}` },
    });
  }
}

/** A linked user must be a member of this workspace with the contractor role. */
export async function assertContractorMember(
  db: Executor,
  workspaceId: string,
  userId: string,
  exceptId?: string,
) {
  const role = await q.findMemberRole(db, { workspaceId, userId });
  if (role !== 'contractor') {
    throw new AppError('VALIDATION', 'Link a member who has the contractor role', {
      fields: { userId: role ? `This member is ${role}, not contractor` : 'Not a member' },
    });
  }
  const linked = await q.findContractorByUser(db, { workspaceId, userId });
  if (linked && linked.id !== exceptId) {
    throw new AppError('ALREADY_EXISTS', `This member already signs in as ${linked.name}`, {
      fields: { userId: 'Already linked to another contractor' },
    });
  }
}

export async function assertEmailFree(
  db: Executor,
  workspaceId: string,
  email: string,
  exceptId?: string,
) {
  const other = await q.findContractorByEmail(db, { workspaceId, email });
  if (other && other.id !== exceptId) {
    throw new AppError('ALREADY_EXISTS', `${other.name} already has the e-mail ${email}`, {
      fields: { email: 'Already used by another contractor' },
    });
  }
}

/** R6: a new contractor (a candidate, usually: status 'applied'). */
export async function createContractor(
  ctx: AppContext,
  actor: Actor,
  body: CreateContractorBody,
): Promise<{ id: string; invitationLink: string | null }> {
  const db = ctx.database.db;
  await assertSkills(db, actor.workspaceId, body.skills);
  await assertEmailFree(db, actor.workspaceId, body.email);
  if (body.userId) await assertContractorMember(db, actor.workspaceId, body.userId);
  const id = newId();
  const now = nowIso();
  const row = {
    id,
    workspace_id: actor.workspaceId,
    user_id: body.userId,
    name: body.name,
    email: body.email,
    time_zone: body.timeZone,
    country: body.country,
    skills_json: JSON.stringify([...new Set(body.skills)]),
    weekly_capacity: body.weeklyCapacity,
    capacity_unit: body.capacityUnit,
    portfolio_links_json: JSON.stringify(body.portfolioLinks),
    included_revision_rounds: body.includedRevisionRounds,
    payment_terms: body.paymentTerms,
    currency: body.currency,
    status: body.status,
    scorecard_json: JSON.stringify(EMPTY_SCORECARD),
    trial_outcome: '',
    notes: body.notes,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await db.transaction().execute(async (tx) => {
    await tx.insertInto('contractors').values(row).execute();
    const { scorecard_json: _s, ...after } = row;
    await recordAudit(tx, actor, {
      entityType: 'contractor',
      entityId: id,
      action: 'created',
      after,
    });
  });
  let invitationLink: string | null = null;
  if (body.inviteEmail && !body.userId) {
    // The invitation has its own transaction and audit; the person is linked on first sign-in.
    const { link } = await createInvitation(ctx, actor, { email: body.email, role: 'contractor' });
    invitationLink = link;
  }
  return { id, invitationLink };
}

/** Column values for the fields a patch names (status and scorecard have their own commands). */
function changedColumns(patch: Omit<UpdateContractorBody, 'version'>) {
  const set: Record<string, string | number | null> = {};
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.email !== undefined) set.email = patch.email;
  if (patch.timeZone !== undefined) set.time_zone = patch.timeZone;
  if (patch.country !== undefined) set.country = patch.country;
  if (patch.skills !== undefined) set.skills_json = JSON.stringify([...new Set(patch.skills)]);
  if (patch.weeklyCapacity !== undefined) set.weekly_capacity = patch.weeklyCapacity;
  if (patch.capacityUnit !== undefined) set.capacity_unit = patch.capacityUnit;
  if (patch.portfolioLinks !== undefined)
    set.portfolio_links_json = JSON.stringify(patch.portfolioLinks);
  if (patch.includedRevisionRounds !== undefined)
    set.included_revision_rounds = patch.includedRevisionRounds;
  if (patch.paymentTerms !== undefined) set.payment_terms = patch.paymentTerms;
  if (patch.currency !== undefined) set.currency = patch.currency;
  if (patch.notes !== undefined) set.notes = patch.notes;
  if (patch.userId !== undefined) set.user_id = patch.userId;
  return set;
}

/** Applies column changes under optimistic locking and audits before/after. */
export async function applyContractorChange(
  tx: Executor,
  actor: Actor,
  id: string,
  version: number,
  set: Record<string, string | number | null>,
  action = 'updated',
  /** Context kept in the audit record next to the changed columns (e.g. the reason). */
  auditNote?: Record<string, unknown>,
) {
  const before = await q.findContractor(tx, { workspaceId: actor.workspaceId, id });
  if (!before) throw notFound('Contractor');
  if (before.version !== version) throw staleVersion('This contractor', before.version);
  const updated = await tx
    .updateTable('contractors')
    .set({ ...set, version: version + 1, updated_at: nowIso() })
    .where('workspace_id', '=', actor.workspaceId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw staleVersion('This contractor', before.version);
  const beforeFields = Object.fromEntries(
    Object.keys(set).map((k) => [k, before[k as keyof typeof before]]),
  );
  await recordAudit(tx, actor, {
    entityType: 'contractor',
    entityId: id,
    action,
    before: beforeFields,
    after: { ...set, ...auditNote },
  });
  return before;
}

export async function updateContractor(
  db: Executor,
  actor: Actor,
  id: string,
  body: UpdateContractorBody,
) {
  const { version, ...patch } = body;
  if (patch.skills) await assertSkills(db, actor.workspaceId, patch.skills);
  if (patch.email) await assertEmailFree(db, actor.workspaceId, patch.email, id);
  if (patch.userId) await assertContractorMember(db, actor.workspaceId, patch.userId, id);
  await db.transaction().execute(async (tx) => {
    await applyContractorChange(tx, actor, id, version, changedColumns(patch));
  });
}

/** A contractor keeps his own time zone, portfolio and capacity up to date (R6, R25). */
export async function updateOwnProfile(db: Executor, actor: Actor, body: UpdateOwnProfileBody) {
  const self = await findSelfContractor(db, actor);
  if (!self) throw notFound('Contractor profile');
  const { version, ...patch } = body;
  await db.transaction().execute(async (tx) => {
    await applyContractorChange(tx, actor, self.id, version, changedColumns(patch), 'self_updated');
  });
  return self.id;
}
