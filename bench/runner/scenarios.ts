import type { RawRequest } from 'autocannon';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/server/db/schema';
import { AS_OF, addDays, BENCH_PASSWORD, BOARD_MONTH } from '../gen/world';
import type { Child, Session } from './servers';
import { signIn } from './servers';

/** The HTTP scenarios of issue #10, each as a request factory for autocannon. */
export interface HttpScenario {
  key: string;
  name: string;
  next: () => RawRequest;
  /** A report: measured one request at a time only. */
  c1Only?: boolean;
}

export interface ScenarioSetup {
  scenarios: HttpScenario[];
  notes: string[];
  workspaceId: string;
  boardTasks: number;
  /** False when GET /api/reports/scorecards is missing: g is then timed in-process. */
  reportsRoute: boolean;
}

const EMAIL = (role: string) => `${role}@demo.handoff.test`;
const OPEN = new Set(['scheduled', 'in_production', 'internal_review', 'revision', 'qa']);
/**
 * Delivered work (ready and closed): a filter that fills whole pages of 50 at every size, so the
 * L-versus-S comparison of issue #10 compares pages of the same size.
 */
export const LIST_STATUSES = 'ready,closed';

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)];
}

/** A business day `days` ahead of today (UTC), so R11's lead time is satisfied. */
function dueIn(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export async function setupScenarios(
  app: Child,
  db: Kysely<DB>,
  runId: string,
): Promise<ScenarioSetup> {
  const notes: string[] = [];
  const as: Record<string, Session> = {};
  for (const role of ['coordinator', 'contractor', 'strategist'])
    as[role] = await signIn(app.base, EMAIL(role), BENCH_PASSWORD);
  const workspaceId = as.coordinator.headers['x-workspace-id'];
  const get = (s: Session, path: string): RawRequest => ({
    method: 'GET',
    path,
    headers: s.headers,
  });

  // a. The whole board of the month.
  const boardPath = `/api/tasks/board?month=${BOARD_MONTH}`;
  const board = await as.coordinator.get(boardPath);
  if (board.status !== 200)
    throw new Error(`board: ${board.status} ${JSON.stringify(board.json).slice(0, 300)}`);
  const boardItems = (board.json as { items: { id: string; status: string }[] }).items;

  // b. Keyset pages of a coordinator filter: the first page and the cursors of the next ones.
  const listBase = `/api/tasks?status=${LIST_STATUSES}&limit=50`;
  const listPaths = [listBase];
  let cursor: string | null = null;
  for (let i = 0; i < 20; i++) {
    const page = await as.coordinator.get(
      cursor ? `${listBase}&cursor=${encodeURIComponent(cursor)}` : listBase,
    );
    if (page.status !== 200)
      throw new Error(`list: ${page.status} ${JSON.stringify(page.json).slice(0, 300)}`);
    cursor = (page.json as { nextCursor: string | null }).nextCursor;
    if (!cursor) break;
    listPaths.push(`${listBase}&cursor=${encodeURIComponent(cursor)}`);
  }

  // c. The task of the board month with the longest thread.
  const hot = await db
    .selectFrom('comments')
    .innerJoin('tasks', 'tasks.id', 'comments.task_id')
    .where('tasks.workspace_id', '=', workspaceId)
    .where('tasks.month', '=', BOARD_MONTH)
    .select((eb) => ['comments.task_id', eb.fn.countAll<number>().as('n')])
    .groupBy('comments.task_id')
    .orderBy('n', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();

  // e. Comments on the month's open tasks; f. requests for the workspace's clients.
  const openTasks = boardItems.filter((t) => OPEN.has(t.status)).map((t) => t.id);
  const clients = (
    await db
      .selectFrom('clients')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('archived', '=', 0)
      .execute()
  ).map((r) => r.id);
  const types = (
    await db
      .selectFrom('deliverable_types')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('archived', '=', 0)
      .execute()
  ).map((r) => r.id);
  let seq = 0;
  const json = (s: Session) => ({ ...s.headers, 'content-type': 'application/json' });

  const scenarios: HttpScenario[] = [
    {
      key: 'a',
      name: `board (${boardItems.length} tasks)`,
      next: () => get(as.coordinator, boardPath),
    },
    {
      key: 'b',
      name: `list (50, ${listPaths.length} pages)`,
      next: () => get(as.coordinator, pick(listPaths)),
    },
    {
      key: 'c',
      name: `task page (${Number(hot.n)} comments)`,
      next: () => get(as.coordinator, `/api/tasks/${hot.task_id}`),
    },
    { key: 'd', name: 'my work (contractor)', next: () => get(as.contractor, '/api/my-work') },
  ];
  const probeComment = await fetch(`${app.base}/api/tasks/${openTasks[0]}/comments`, {
    method: 'POST',
    headers: json(as.coordinator),
    body: JSON.stringify({ body: 'Benchmark probe', visibility: 'all', kind: 'comment' }),
  });
  if (probeComment.status === 201) {
    scenarios.push({
      key: 'e',
      name: 'write: comment',
      next: () => ({
        method: 'POST',
        path: `/api/tasks/${pick(openTasks)}/comments`,
        headers: json(as.coordinator),
        body: JSON.stringify({
          body: `Benchmark comment ${seq++}: please check the export sizes @Jonathan Reisch`,
          visibility: 'all',
          kind: 'comment',
        }),
      }),
    });
  } else {
    notes.push(`e. POST /api/tasks/:id/comments answered ${probeComment.status}: not measured`);
  }
  scenarios.push({
    key: 'f',
    name: 'write: request',
    next: () => {
      const due = dueIn(30 + Math.floor(Math.random() * 60));
      return {
        method: 'POST',
        path: '/api/requests',
        headers: { ...json(as.strategist), 'idempotency-key': `bench-${runId}-${seq++}` },
        body: JSON.stringify({
          clientId: pick(clients),
          items: [{ deliverableTypeId: pick(types), quantity: 1 + Math.floor(Math.random() * 6) }],
          month: due.slice(0, 7),
          dueDate: due,
          collateralReady: true,
          notes: 'Benchmark request',
        }),
      };
    },
  });
  // g. Contractor scorecards over 12 months. Each request asks for a range ending one day
  // earlier than the last, so every answer is computed: the read cache would otherwise serve
  // the same URL again and this would time the cache, not the SQL aggregation.
  let shift = 0;
  const scorecardsPath = () => {
    // 365 ends × 30 lengths of 12 months and a few days: no window repeats within a run.
    const n = shift++;
    const to = addDays(AS_OF, -(n % 365));
    return `/api/reports/scorecards?from=${addDays(to, -364 - (Math.floor(n / 365) % 30))}&to=${to}`;
  };
  const report = await as.coordinator.get(scorecardsPath());
  const reportsRoute = report.status === 200;
  if (reportsRoute) {
    scenarios.push({
      key: 'g',
      name: 'report: scorecards, 12 months (computed each time)',
      next: () => get(as.coordinator, scorecardsPath()),
      c1Only: true,
    });
  } else {
    notes.push(
      `g. GET /api/reports/scorecards answered ${report.status}: timed in-process instead`,
    );
  }
  return { scenarios, notes, workspaceId, boardTasks: boardItems.length, reportsRoute };
}
