import { fitCautions } from '../../../domain/fit';
import {
  changedSections,
  diffOneSheeters,
  emptyOneSheeter,
  normalizeOneSheeter,
  ONE_SHEETER_SECTIONS,
  type OneSheeterContent,
  oneSheeterCompleteness,
} from '../../../domain/one-sheeter';
import { recordAudit } from '../../audit';
import type { Executor } from '../../db';
import { isUniqueViolation } from '../../db/dialect';
import { notFound, staleVersion } from '../../errors';
import { newId, nowIso } from '../../lib/ids';
import * as osq from './one-sheeter-queries';
import { mayReadBrief } from './policy';
import { fitInputOf } from './present';
import * as q from './queries';
import type { ClientActor } from './service';

const SECTIONS = ONE_SHEETER_SECTIONS.map((s) => ({ ...s }));

async function clientOrNotFound(db: Executor, actor: ClientActor, clientId: string) {
  const row = await q.findClient(db, { workspaceId: actor.workspaceId, clientId });
  if (!row) throw notFound('Client');
  return row;
}

const contentOf = (json: string): OneSheeterContent => normalizeOneSheeter(JSON.parse(json));

/** The current one-sheeter of a client, or an empty form at version 0 when none exists. */
export async function getOneSheeter(db: Executor, actor: ClientActor, clientId: string) {
  await clientOrNotFound(db, actor, clientId);
  const scope = { workspaceId: actor.workspaceId, clientId };
  const head = await osq.findOneSheeter(db, scope);
  const current = head
    ? await osq.findOneSheeterVersion(db, { ...scope, version: head.current_version })
    : undefined;
  const content = current ? contentOf(current.content_json) : emptyOneSheeter();
  return {
    clientId,
    version: head?.current_version ?? 0,
    content,
    completeness: oneSheeterCompleteness(content),
    sections: SECTIONS,
    updatedBy:
      head?.updated_by != null ? { userId: head.updated_by, name: head.updated_by_name } : null,
    updatedAt: head?.updated_at ?? null,
  };
}

/**
 * R3: saving writes a new version and keeps every old one. `baseVersion` is the version the
 * editor started from: if someone saved in between, 409 with the current version, never a
 * silent overwrite. Saving identical content writes nothing.
 */
export async function saveOneSheeter(
  db: Executor,
  actor: ClientActor,
  clientId: string,
  input: { baseVersion: number; content: OneSheeterContent },
) {
  await db.transaction().execute(async (tx) => {
    await clientOrNotFound(tx, actor, clientId);
    const scope = { workspaceId: actor.workspaceId, clientId };
    const head = await osq.findOneSheeter(tx, scope);
    const currentVersion = head?.current_version ?? 0;
    if (input.baseVersion !== currentVersion) {
      throw staleVersion('The one-sheeter', currentVersion);
    }
    const previous = head
      ? await osq.findOneSheeterVersion(tx, { ...scope, version: currentVersion })
      : undefined;
    const before = previous ? contentOf(previous.content_json) : emptyOneSheeter();
    const changed = changedSections(before, input.content);
    if (head && changed.length === 0) return;
    const version = currentVersion + 1;
    const now = nowIso();
    try {
      await tx
        .insertInto('one_sheeter_versions')
        .values({
          id: newId(),
          workspace_id: actor.workspaceId,
          client_id: clientId,
          version,
          content_json: JSON.stringify(input.content),
          author_user_id: actor.userId,
          created_at: now,
        })
        .execute();
      if (head) {
        const res = await tx
          .updateTable('one_sheeters')
          .set({ current_version: version, updated_at: now, updated_by: actor.userId })
          .where('client_id', '=', clientId)
          .where('current_version', '=', currentVersion)
          .executeTakeFirst();
        if (Number(res.numUpdatedRows) !== 1) throw staleVersion('The one-sheeter', version);
      } else {
        await tx
          .insertInto('one_sheeters')
          .values({
            client_id: clientId,
            workspace_id: actor.workspaceId,
            current_version: version,
            updated_at: now,
            updated_by: actor.userId,
          })
          .execute();
      }
    } catch (err) {
      // Two first saves at once: the loser hits the unique version, which is the same conflict.
      if (isUniqueViolation(err)) throw staleVersion('The one-sheeter', version);
      throw err;
    }
    const completeness = oneSheeterCompleteness(input.content);
    await recordAudit(tx, actor, {
      entityType: 'one_sheeter',
      entityId: clientId,
      action: 'version_saved',
      before: head ? { version: currentVersion } : undefined,
      after: { version, changedSections: changed, complete: completeness.complete },
    });
  });
  return getOneSheeter(db, actor, clientId);
}

function presentVersion(row: {
  version: number;
  author_user_id: string | null;
  author_name: string | null;
  created_at: string;
  content_json: string;
}) {
  const content = contentOf(row.content_json);
  return {
    version: row.version,
    author: row.author_user_id ? { userId: row.author_user_id, name: row.author_name } : null,
    createdAt: row.created_at,
    completeness: oneSheeterCompleteness(content),
    content,
  };
}

export async function listVersions(
  db: Executor,
  actor: ClientActor,
  clientId: string,
  page: { before?: number; limit: number },
) {
  await clientOrNotFound(db, actor, clientId);
  const rows = await osq.listOneSheeterVersions(db, {
    workspaceId: actor.workspaceId,
    clientId,
    before: page.before,
    limit: page.limit + 1,
  });
  const items = rows.slice(0, page.limit).map((r) => {
    const { content: _content, ...item } = presentVersion(r);
    return item;
  });
  return {
    items,
    nextBefore: rows.length > page.limit ? items[items.length - 1].version : null,
  };
}

export async function getVersion(
  db: Executor,
  actor: ClientActor,
  clientId: string,
  version: number,
) {
  await clientOrNotFound(db, actor, clientId);
  const row = await osq.findOneSheeterVersion(db, {
    workspaceId: actor.workspaceId,
    clientId,
    version,
  });
  if (!row) throw notFound(`One-sheeter version ${version}`);
  return presentVersion(row);
}

/** Section-by-section changes between two versions; version 0 is the empty one-sheeter. */
export async function diffVersions(
  db: Executor,
  actor: ClientActor,
  clientId: string,
  range: { from: number; to: number },
) {
  const from =
    range.from === 0
      ? emptyOneSheeter()
      : (await getVersion(db, actor, clientId, range.from)).content;
  const to = (await getVersion(db, actor, clientId, range.to)).content;
  return { from: range.from, to: range.to, sections: diffOneSheeters(from, to) };
}

/**
 * R5: the contractor's view of a client: its name, the one-sheeter and the R2 cautions. A
 * contractor not paired with the client gets 404, as if the client did not exist.
 */
export async function getBrief(db: Executor, actor: ClientActor, clientId: string) {
  const row = await q.findClient(db, { workspaceId: actor.workspaceId, clientId });
  if (!row) throw notFound('Brief');
  const paired =
    actor.role === 'contractor' &&
    (await osq.isContractorPairedWithClient(db, {
      workspaceId: actor.workspaceId,
      clientId,
      userId: actor.userId,
    }));
  if (!mayReadBrief(actor.role, paired)) throw notFound('Brief');
  const sheet = await getOneSheeter(db, actor, clientId);
  return {
    client: { id: row.id, name: row.name },
    content: sheet.content,
    completeness: sheet.completeness,
    version: sheet.version,
    cautions: fitCautions(fitInputOf(row)),
  };
}
