import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { BOARD_MAX_TASKS, BoardQuery, BoardResponse } from '../../../contracts/board';
import { type Actor, actorOf } from '../../auth/access';
import type { AppContext } from '../../context';
import type { Executor } from '../../db';
import { listBoardOpenSubtasks, listBoardTasks, nextOpenSubtasks } from './board-queries';
import { presentListItem } from './present';
import { ensureContractorLinked, taskScopeOf } from './scope';

const EVERYONE = ['admin', 'coordinator', 'strategist', 'qa', 'finance', 'contractor'] as const;

/**
 * GET /api/tasks/board?month=YYYY-MM: the whole board of a month in one answer (a large agency
 * has ~1,000 parent tasks a month; the paginated GET /api/tasks stays for lists and filters).
 */
export function registerBoardRoute(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  app.get('/api/tasks/board', {
    config: { access: EVERYONE, readCache: true },
    schema: {
      tags: ['tasks'],
      summary:
        'The board of one month: every parent task due that month with its next open subtask (a contractor sees only his own)',
      querystring: BoardQuery,
      response: { 200: BoardResponse },
    },
    // ~1,000 items: plain JSON.stringify instead of re-parsing them through zod first. Safe
    // because boardOfMonth names every field it sends (no row is spread into the answer, R5);
    // the zod schema above still documents the shape and types the handler.
    serializerCompiler: () => (data) => JSON.stringify(data),
    handler: async (request) => boardOfMonth(db, actorOf(request), request.query),
  });
}

export async function boardOfMonth(
  db: Executor,
  actor: Actor,
  query: z.infer<typeof BoardQuery>,
): Promise<BoardResponse> {
  await ensureContractorLinked(db, actor);
  const scope = taskScopeOf(actor);
  const filter = { ...query, limit: BOARD_MAX_TASKS + 1 };
  const rows = await listBoardTasks(db, scope, filter);
  const open = await listBoardOpenSubtasks(db, scope, filter);
  const next = nextOpenSubtasks(open);
  rows.sort((a, b) => compare(a.due_date, b.due_date) || compare(a.id, b.id));
  const items = rows.slice(0, BOARD_MAX_TASKS).map((r) => presentListItem(r, next.get(r.id)));
  return { month: query.month, items, truncated: rows.length > BOARD_MAX_TASKS };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
