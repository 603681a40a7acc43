import { recordAudit } from '../../audit';
import type { Executor } from '../../db';
import { AppError, notFound } from '../../errors';
import type { ClientActor } from './service';

/** Every workspace starts with these; 'core' is the one R1 reads. */
export const DEFAULT_CATEGORIES = ['core', 'growth', 'other'] as const;

const keyOf = (name: string) => name.trim().toLowerCase();

async function readCategories(db: Executor, workspaceId: string) {
  return db
    .selectFrom('client_categories')
    .select(['name', 'sort'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('sort')
    .orderBy('name')
    .limit(500)
    .execute();
}

/** The workspace's categories, seeding the defaults the first time anyone needs them. */
export async function ensureCategories(db: Executor, actor: ClientActor) {
  const existing = await readCategories(db, actor.workspaceId);
  if (existing.length > 0) return existing;
  const inserted = await db
    .insertInto('client_categories')
    .values(
      DEFAULT_CATEGORIES.map((name, i) => ({ workspace_id: actor.workspaceId, name, sort: i + 1 })),
    )
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) {
    await recordAudit(db, actor, {
      entityType: 'client_category',
      entityId: actor.workspaceId,
      action: 'seeded',
      after: { names: DEFAULT_CATEGORIES },
    });
  }
  return readCategories(db, actor.workspaceId);
}

/** The stored spelling of a category typed in any case; a field error when there is none. */
export async function resolveCategory(
  db: Executor,
  actor: ClientActor,
  input: string,
  field = 'companyCategory',
): Promise<string> {
  const found = categoryMatch(await ensureCategories(db, actor), input);
  if (!found) {
    throw new AppError('VALIDATION', `Unknown client category "${input.trim()}"`, {
      fields: { [field]: 'Pick one of the workspace’s client categories, or add it first' },
    });
  }
  return found;
}

export function categoryMatch(categories: { name: string }[], input: string): string | null {
  return categories.find((c) => keyOf(c.name) === keyOf(input))?.name ?? null;
}

export async function listCategories(db: Executor, actor: ClientActor) {
  return db.transaction().execute((tx) => ensureCategories(tx, actor));
}

export async function addCategory(db: Executor, actor: ClientActor, name: string) {
  return db.transaction().execute(async (tx) => {
    const existing = await ensureCategories(tx, actor);
    if (categoryMatch(existing, name)) {
      throw new AppError('ALREADY_EXISTS', `The category "${name}" already exists`, {
        fields: { name: 'Already exists' },
      });
    }
    const sort = Math.max(0, ...existing.map((c) => c.sort)) + 1;
    await tx
      .insertInto('client_categories')
      .values({ workspace_id: actor.workspaceId, name: name.trim(), sort })
      .execute();
    await recordAudit(tx, actor, {
      entityType: 'client_category',
      entityId: name.trim(),
      action: 'created',
      after: { name: name.trim(), sort },
    });
    return readCategories(tx, actor.workspaceId);
  });
}

export async function removeCategory(db: Executor, actor: ClientActor, name: string) {
  return db.transaction().execute(async (tx) => {
    const stored = categoryMatch(await ensureCategories(tx, actor), name);
    if (!stored) throw notFound('Client category');
    if (keyOf(stored) === 'core') {
      throw new AppError('CONFLICT', 'R1 reads the "core" category: it cannot be removed', {
        rule: 'R1',
      });
    }
    const used = await tx
      .selectFrom('clients')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', actor.workspaceId)
      .where('company_category', '=', stored)
      .executeTakeFirstOrThrow();
    if (Number(used.n) > 0) {
      throw new AppError(
        'CONFLICT',
        `${used.n} client(s) are in "${stored}": move them to another category first`,
        { details: { clients: Number(used.n) } },
      );
    }
    await tx
      .deleteFrom('client_categories')
      .where('workspace_id', '=', actor.workspaceId)
      .where('name', '=', stored)
      .execute();
    await recordAudit(tx, actor, {
      entityType: 'client_category',
      entityId: stored,
      action: 'removed',
      before: { name: stored },
    });
    return readCategories(tx, actor.workspaceId);
  });
}
