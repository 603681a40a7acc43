import { addCalendarDays, calendarDayIn } from '../../src/domain/calendar';
import { getClientForAssignment } from '../../src/server/features/clients';
import type { Client, TestApp } from './harness';

/**
 * The task loop of R18–R23 through the API: fresh tasks in production, then each step of the
 * workflow as the person who takes it. Shared by the workflow and deliverables suites.
 */

const TZ = 'America/New_York';
export const dayFromToday = (offset: number) =>
  addCalendarDays(calendarDayIn(new Date(), TZ), offset);

export interface Loop {
  coordinator: Client;
  strategist: Client;
  qa: Client;
  contractor: Client;
  admin: Client;
}

export async function signInLoop(t: TestApp): Promise<Loop> {
  return {
    coordinator: await t.as('coordinator'),
    strategist: await t.as('strategist'),
    qa: await t.as('qa'),
    contractor: await t.as('contractor'),
    admin: await t.as('admin'),
  };
}

let turn = 0;

/** Submits and assigns a fresh request (due in `dueIn` days) to a contractor; returns the task id. */
export async function freshTask(
  t: TestApp,
  loop: Loop,
  opts: { contractorId?: string; dueIn?: number } = {},
): Promise<string> {
  const ready: string[] = [];
  for (const clientId of t.demo.clientIds) {
    const c = await getClientForAssignment(t.database.db, {
      workspaceId: t.demo.workspaceId,
      clientId,
    });
    if (c.assignable && c.oneSheeter.completeness.complete) ready.push(clientId);
  }
  const due = dayFromToday(opts.dueIn ?? 30);
  const req = await loop.strategist.post('/api/requests', {
    clientId: ready[turn++ % ready.length],
    items: [{ deliverableTypeId: t.demo.deliverableTypeIds.captions, quantity: 4 }],
    month: due.slice(0, 7),
    dueDate: due,
    collateralReady: true,
  });
  if (req.statusCode !== 201) throw new Error(`request: ${req.statusCode} ${req.body}`);
  const res = await loop.coordinator.post(`/api/requests/${req.json().id}/assign`, {
    contractorId: opts.contractorId ?? t.demo.contractorIds[0],
    strategistUserId: t.demo.users.strategist,
    version: req.json().version,
  });
  if (res.statusCode !== 201) throw new Error(`assign: ${res.statusCode} ${res.body}`);
  return res.json().taskId;
}

/** A fresh task of the demo contractor (Lina), brief acknowledged: in production. */
export async function taskInProduction(t: TestApp, loop: Loop, dueIn = 30): Promise<string> {
  const id = await freshTask(t, loop, { dueIn });
  const ack = await loop.contractor.post(`/api/tasks/${id}/acknowledge-brief`);
  if (ack.statusCode !== 200) throw new Error(`ack: ${ack.statusCode} ${ack.body}`);
  return id;
}

export async function taskVersion(c: Client, id: string): Promise<number> {
  return (await c.get(`/api/tasks/${id}`)).json().version;
}

export async function submitVersion(loop: Loop, id: string, link = 'https://drive.google.com/x') {
  return loop.contractor.post(`/api/tasks/${id}/deliverables`, {
    links: [link],
    note: 'Here it is',
    version: await taskVersion(loop.contractor, id),
  });
}

export const WHY_ITEM = {
  what: 'Shorten caption 3',
  why: 'The hook gets cut off on mobile',
};

export async function requestRevision(
  c: Client,
  id: string,
  extra: Record<string, unknown> = {},
  items: unknown[] = [WHY_ITEM],
) {
  return c.post(`/api/tasks/${id}/revision-requests`, {
    items,
    version: await taskVersion(c, id),
    ...extra,
  });
}

export async function scrubAll(loop: Loop, id: string) {
  const checklist = (await loop.strategist.get('/api/checklists/scrub')).json().items as string[];
  return loop.strategist.post(`/api/tasks/${id}/scrub`, {
    checklist: checklist.map((item) => ({ item, ok: true })),
    note: 'Looks right',
    version: await taskVersion(loop.strategist, id),
  });
}

export async function qaVerdict(loop: Loop, id: string, result: 'pass' | 'fail', reasons?: string) {
  const reviews = (await loop.qa.get(`/api/tasks/${id}/reviews`)).json();
  return loop.qa.post(`/api/tasks/${id}/qa`, {
    result,
    checklist: reviews.qaChecklist.map((c: { item: string }) => ({
      item: c.item,
      ok: result === 'pass',
      note: '',
    })),
    reasons,
    version: await taskVersion(loop.qa, id),
  });
}

/** Moves the task's final-version subtask (the date R22 looks at) to `date`. */
export async function setFinalDue(t: TestApp, taskId: string, date: string) {
  await t.database.db
    .updateTable('subtasks')
    .set({ due_date: date })
    .where('task_id', '=', taskId)
    .where('kind', 'in', ['final', 'revision'])
    .execute();
}
