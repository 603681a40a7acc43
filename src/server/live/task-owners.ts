import type { Kysely } from 'kysely';
import type { DB } from '../db';

const TTL_MS = 5_000;
const MAX_ENTRIES = 5_000;

/**
 * Who works on a task (tasks.contractor_id → contractors.user_id), for deciding which contractor
 * may hear of a task's change. Cached per task for a few seconds because one change fans out to
 * every connected contractor; a reassignment is seen within the TTL. The cache only filters
 * hints: what a contractor then fetches is checked by the API as always.
 */
export class TaskOwners {
  private readonly cache = new Map<string, { at: number; owner: Promise<string | null> }>();

  constructor(private readonly db: Kysely<DB>) {}

  ownerOf(workspaceId: string, taskId: string): Promise<string | null> {
    const key = `${workspaceId}|${taskId}`;
    const now = Date.now();
    const hit = this.cache.get(key);
    if (hit && now - hit.at < TTL_MS) return hit.owner;
    if (this.cache.size >= MAX_ENTRIES) this.cache.clear();
    const owner = this.lookUp(workspaceId, taskId).catch((err) => {
      this.cache.delete(key);
      throw err;
    });
    this.cache.set(key, { at: now, owner });
    return owner;
  }

  private async lookUp(workspaceId: string, taskId: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('tasks')
      .leftJoin('contractors', (j) =>
        j
          .onRef('contractors.id', '=', 'tasks.contractor_id')
          .onRef('contractors.workspace_id', '=', 'tasks.workspace_id'),
      )
      .select('contractors.user_id')
      .where('tasks.workspace_id', '=', workspaceId)
      .where('tasks.id', '=', taskId)
      .executeTakeFirst();
    return row?.user_id ?? null;
  }
}
