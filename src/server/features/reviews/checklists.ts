import type { z } from 'zod';
import {
  DEFAULT_SCRUB_CHECKLIST,
  type ScrubChecklist,
  type UpdateScrubChecklistBody,
} from '../../../contracts/workflow';
import { recordAudit } from '../../audit';
import type { Actor } from '../../auth/access';
import type { Executor } from '../../db';
import { staleVersion } from '../../errors';

/**
 * The workspace's strategist scrub checklist (R23). Until an admin edits it, the default four
 * items apply (version 0); the first save inserts the row, later ones compare-and-set the version.
 */

function parseItems(json: string): string[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export async function getScrubChecklist(
  db: Executor,
  workspaceId: string,
): Promise<ScrubChecklist> {
  const row = await db
    .selectFrom('review_checklists')
    .select(['items_json', 'version', 'updated_at'])
    .where('workspace_id', '=', workspaceId)
    .where('kind', '=', 'scrub')
    .executeTakeFirst();
  if (!row) return { items: [...DEFAULT_SCRUB_CHECKLIST], version: 0, updatedAt: null };
  const items = parseItems(row.items_json);
  return {
    items: items.length > 0 ? items : [...DEFAULT_SCRUB_CHECKLIST],
    version: row.version,
    updatedAt: row.updated_at,
  };
}

/** PUT /api/checklists/scrub (admin). */
export async function updateScrubChecklist(
  db: Executor,
  actor: Actor,
  body: z.infer<typeof UpdateScrubChecklistBody>,
  now: Date,
): Promise<ScrubChecklist> {
  const items = [...new Set(body.items.map((i) => i.trim()).filter(Boolean))];
  return db.transaction().execute(async (tx) => {
    const before = await getScrubChecklist(tx, actor.workspaceId);
    if (before.version !== body.version) throw staleVersion('The scrub checklist', before.version);
    const at = now.toISOString();
    const version = before.version + 1;
    if (before.version === 0) {
      await tx
        .insertInto('review_checklists')
        .values({
          workspace_id: actor.workspaceId,
          kind: 'scrub',
          items_json: JSON.stringify(items),
          version,
          updated_by: actor.userId,
          updated_at: at,
        })
        .execute();
    } else {
      const res = await tx
        .updateTable('review_checklists')
        .set({
          items_json: JSON.stringify(items),
          version,
          updated_by: actor.userId,
          updated_at: at,
        })
        .where('workspace_id', '=', actor.workspaceId)
        .where('kind', '=', 'scrub')
        .where('version', '=', body.version)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1)
        throw staleVersion('The scrub checklist', before.version);
    }
    await recordAudit(tx, actor, {
      entityType: 'review_checklist',
      entityId: `${actor.workspaceId}:scrub`,
      action: 'updated',
      before: { items: before.items },
      after: { items },
    });
    return { items, version, updatedAt: at };
  });
}
