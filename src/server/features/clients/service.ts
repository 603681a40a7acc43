import type { z } from 'zod';
import type {
  Client,
  CreateClientBody,
  ListClientsQuery,
  UpdateClientBody,
} from '../../../contracts/clients';
import { fitVerdict } from '../../../domain/fit';
import { recordAudit } from '../../audit';
import type { Actor } from '../../auth/access';
import type { Executor } from '../../db';
import { type DialectName, isUniqueViolation } from '../../db/dialect';
import { AppError, notFound, staleVersion } from '../../errors';
import { newId, nowIso } from '../../lib/ids';
import { resolveCategory } from './categories';
import { mayOwnClients } from './policy';
import { fitInputOf, presentClient, tierOf } from './present';
import * as q from './queries';

/** The part of the actor the clients feature needs (the demo seed builds one by hand). */
export type ClientActor = Pick<Actor, 'workspaceId' | 'userId' | 'role'>;

export const nameKeyOf = (name: string) => name.trim().toLowerCase();

const duplicateName = (name: string) =>
  new AppError('ALREADY_EXISTS', `A client named "${name}" already exists`, {
    fields: { name: 'Already exists' },
  });

/** Throws a field error unless the user is a strategist or admin of this workspace. */
export async function assertStrategist(db: Executor, actor: ClientActor, userId: string) {
  const [member] = await q.findStrategistMembers(db, { ...actor, userIds: [userId] });
  if (!member || !mayOwnClients(member.role)) {
    throw new AppError('VALIDATION', 'The strategist must be a strategist or admin here', {
      fields: { strategistUserId: 'Not a strategist or admin of this workspace' },
    });
  }
}

export async function loadClient(db: Executor, actor: ClientActor, clientId: string) {
  const row = await q.findClient(db, { workspaceId: actor.workspaceId, clientId });
  if (!row) throw notFound('Client');
  return row;
}

export async function getClient(db: Executor, actor: ClientActor, clientId: string) {
  return presentClient(await loadClient(db, actor, clientId), actor.role);
}

function encodeCursor(row: { name_key: string; id: string }): string {
  return Buffer.from(JSON.stringify([row.name_key, row.id])).toString('base64url');
}

function decodeCursor(cursor: string): { nameKey: string; id: string } {
  try {
    const [nameKey, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof nameKey === 'string' && typeof id === 'string') return { nameKey, id };
  } catch {
    // fall through to the field error
  }
  throw new AppError('VALIDATION', 'Invalid cursor', {
    fields: { 'querystring.cursor': 'Invalid' },
  });
}

export async function listClients(
  db: Executor,
  dialect: DialectName,
  actor: ClientActor,
  query: z.infer<typeof ListClientsQuery>,
): Promise<{ items: Client[]; nextCursor: string | null }> {
  const rows = await q.listClients(db, dialect, actor, {
    ...query,
    after: query.cursor ? decodeCursor(query.cursor) : undefined,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((r) => presentClient(r, actor.role)),
    nextCursor: rows.length > query.limit ? encodeCursor(page[page.length - 1]) : null,
  };
}

export async function createClient(db: Executor, actor: ClientActor, body: CreateClientBody) {
  return db.transaction().execute(async (tx) => {
    const category = await resolveCategory(tx, actor, body.companyCategory);
    if (body.strategistUserId) await assertStrategist(tx, actor, body.strategistUserId);
    const id = await insertClient(tx, actor, { ...body, companyCategory: category });
    await recordAudit(tx, actor, {
      entityType: 'client',
      entityId: id,
      action: 'created',
      after: auditView({ ...body, companyCategory: category }),
    });
    return getClient(tx, actor, id);
  });
}

/** Inserts a client whose category and strategist were already checked. */
export async function insertClient(
  tx: Executor,
  actor: ClientActor,
  c: Omit<CreateClientBody, 'contacts'> & {
    contacts?: CreateClientBody['contacts'];
    archived?: boolean;
  },
): Promise<string> {
  const existing = await q.findClientsByNameKeys(tx, actor, [nameKeyOf(c.name)]);
  if (existing.length > 0) throw duplicateName(c.name);
  const id = newId();
  const now = nowIso();
  try {
    await tx
      .insertInto('clients')
      .values({
        id,
        workspace_id: actor.workspaceId,
        name: c.name,
        name_key: nameKeyOf(c.name),
        strategist_user_id: c.strategistUserId,
        company_category: c.companyCategory,
        department_tier: c.departmentTier,
        typical_revision_rounds: c.typicalRevisionRounds,
        collateral_ready: c.collateralReady ? 1 : 0,
        fit_status: fitStatusOf(c),
        contacts_json: JSON.stringify(c.contacts ?? []),
        notes: c.notes,
        archived: c.archived ? 1 : 0,
        fit_override_reason: null,
        fit_override_by: null,
        fit_override_at: null,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicateName(c.name);
    throw err;
  }
  return id;
}

function fitStatusOf(c: {
  companyCategory: string;
  departmentTier: 1 | 2 | 3;
  typicalRevisionRounds: number;
  collateralReady: boolean;
}): string {
  return fitVerdict({ ...c, collateralReadyBeforeMonth: c.collateralReady }).status;
}

/** What the audit trail keeps of a client: contacts are counted, not copied (R5 hygiene). */
function auditView(c: Partial<CreateClientBody> & { archived?: boolean }) {
  const { contacts, ...rest } = c;
  return contacts === undefined ? rest : { ...rest, contacts: contacts.length };
}

export type ClientChanges = Omit<UpdateClientBody, 'version'>;

export async function updateClient(
  db: Executor,
  actor: ClientActor,
  clientId: string,
  patch: UpdateClientBody,
) {
  return db.transaction().execute(async (tx) => {
    const row = await loadClient(tx, actor, clientId);
    if (row.version !== patch.version) throw staleVersion('The client', row.version);
    const { version: _v, ...changes } = patch;
    // Nothing to change is not a change: no new version, no audit entry.
    if (Object.keys(changes).length === 0) return presentClient(row, actor.role);
    await applyClientChanges(tx, actor, row, changes);
    return getClient(tx, actor, clientId);
  });
}

/** Applies checked-or-not changes to a loaded client, bumping its version, with one audit entry. */
export async function applyClientChanges(
  tx: Executor,
  actor: ClientActor,
  row: q.ClientRow,
  changes: ClientChanges,
  source?: string,
): Promise<void> {
  const c = { ...changes };
  if (c.companyCategory !== undefined) {
    c.companyCategory = await resolveCategory(tx, actor, c.companyCategory);
  }
  if (c.strategistUserId) await assertStrategist(tx, actor, c.strategistUserId);
  if (c.name !== undefined && nameKeyOf(c.name) !== row.name_key) {
    const clash = await q.findClientsByNameKeys(tx, actor, [nameKeyOf(c.name)]);
    if (clash.some((x) => x.id !== row.id)) throw duplicateName(c.name);
  }
  const next = {
    companyCategory: c.companyCategory ?? row.company_category,
    departmentTier: c.departmentTier ?? fitInputOf(row).departmentTier,
    typicalRevisionRounds: c.typicalRevisionRounds ?? row.typical_revision_rounds,
    collateralReady: c.collateralReady ?? row.collateral_ready === 1,
  };
  const set = {
    ...(c.name !== undefined && { name: c.name, name_key: nameKeyOf(c.name) }),
    ...(c.strategistUserId !== undefined && { strategist_user_id: c.strategistUserId }),
    company_category: next.companyCategory,
    department_tier: next.departmentTier,
    typical_revision_rounds: next.typicalRevisionRounds,
    collateral_ready: next.collateralReady ? 1 : 0,
    fit_status: fitStatusOf(next),
    ...(c.contacts !== undefined && { contacts_json: JSON.stringify(c.contacts) }),
    ...(c.notes !== undefined && { notes: c.notes }),
    ...(c.archived !== undefined && { archived: c.archived ? 1 : 0 }),
    version: row.version + 1,
    updated_at: nowIso(),
  };
  try {
    const res = await tx
      .updateTable('clients')
      .set(set)
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', row.id)
      .where('version', '=', row.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw staleVersion('The client', row.version + 1);
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicateName(c.name ?? row.name);
    throw err;
  }
  const onlyArchive = Object.keys(c).length === 1 && c.archived !== undefined;
  await recordAudit(tx, actor, {
    entityType: 'client',
    entityId: row.id,
    action: onlyArchive ? (c.archived ? 'archived' : 'unarchived') : 'updated',
    before: auditView(beforeOf(row, c)),
    after: { ...auditView(c), ...(source && { source }) },
  });
}

/** The old values of exactly the fields a change touches. */
function beforeOf(row: q.ClientRow, c: ClientChanges) {
  const all = {
    name: row.name,
    companyCategory: row.company_category,
    departmentTier: tierOf(row.department_tier),
    typicalRevisionRounds: row.typical_revision_rounds,
    collateralReady: row.collateral_ready === 1,
    strategistUserId: row.strategist_user_id,
    contacts: JSON.parse(row.contacts_json) as CreateClientBody['contacts'],
    notes: row.notes,
    archived: row.archived === 1,
  };
  return Object.fromEntries(Object.keys(c).map((k) => [k, all[k as keyof typeof all]])) as Partial<
    typeof all
  >;
}
