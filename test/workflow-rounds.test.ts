import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../src/contracts/workspace';
import { addBusinessDays } from '../src/domain/calendar';
import { ROLES } from '../src/domain/roles';
import { TASK_ACTIONS, TASK_STATUSES, taskTransition } from '../src/domain/task-status';
import { testDialects } from './support/databases';
import { createTestApp, type TestApp } from './support/harness';
import {
  dayFromToday,
  type Loop,
  qaVerdict,
  requestRevision,
  scrubAll,
  setFinalDue,
  signInLoop,
  submitVersion,
  taskInProduction,
  taskVersion,
} from './support/workflow';

describe('R23 no path leads to client-ready except QA passing', () => {
  it('every status × action × role: only qa_pass by QA or an admin from QA reaches ready', () => {
    const ways: string[] = [];
    for (const from of TASK_STATUSES)
      for (const action of TASK_ACTIONS)
        for (const role of ROLES) {
          const r = taskTransition(from, action, role);
          if (r.ok && r.to === 'ready') ways.push(`${from}:${action}:${role}`);
        }
    expect(ways.sort()).toEqual(['qa:qa_pass:admin', 'qa:qa_pass:qa']);
  });
});

describe.each(testDialects())('revision rounds, notice, scrub and QA on %s', (dialect) => {
  let t: TestApp;
  let loop: Loop;
  /** The demo workspace's business days, as the server counts notice with them. */
  let weekdays: { weekendDays: number[]; holidays: string[] };
  beforeAll(async () => {
    t = await createTestApp(dialect);
    loop = await signInLoop(t);
    const ws = (await loop.admin.get('/api/workspace')).json();
    weekdays = {
      weekendDays: ws.weekendDays,
      holidays: ws.holidays.map((h: { date: string }) => h.date),
    };
  });
  afterAll(async () => {
    await t.close();
  });

  async function inReview(): Promise<string> {
    const id = await taskInProduction(t, loop);
    expect((await submitVersion(loop, id)).statusCode).toBe(201);
    return id;
  }

  it('R21 a second round needs a coordinator: it waits, then starts billable at the policy rate', async () => {
    const id = await inReview();
    const first = await requestRevision(loop.strategist, id);
    expect(first.json()).toMatchObject({
      request: { status: 'active', roundNumber: 1 },
      round: { approvalStatus: 'not_needed' },
      task: { status: 'revision' },
    });
    await submitVersion(loop, id);
    const second = await requestRevision(loop.strategist, id);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({
      request: { status: 'pending_approval', roundNumber: 2 },
      round: { approvalStatus: 'pending', needsApproval: true },
      task: { status: 'internal_review' },
    });
    expect(second.json().message).toContain('exceeds the 1 round included');
    // The contractor is not asked to work: the pending request is not even shown to him.
    const seen = (await loop.contractor.get(`/api/tasks/${id}/revisions`)).json();
    expect(seen.requests.map((r: { roundNumber: number }) => r.roundNumber)).toEqual([1]);
    // Nothing moves on while it waits: no scrub, no further request.
    expect((await scrubAll(loop, id)).json().error.rule).toBe('R21');
    expect((await requestRevision(loop.strategist, id)).json().error.rule).toBe('R21');
    const detail = (await loop.coordinator.get(`/api/tasks/${id}`)).json();
    expect(detail.pendingRound).toMatchObject({ number: 2 });
    expect(detail.abilities.decideRound).toBe(true);

    const roundId = second.json().round.id;
    const strategistTry = await loop.strategist.post(`/api/revision-rounds/${roundId}/decision`, {
      decision: 'approved_billable',
      reason: 'ok',
    });
    expect(strategistTry.statusCode).toBe(403);
    const ok = await loop.coordinator.post(`/api/revision-rounds/${roundId}/decision`, {
      decision: 'approved_billable',
      reason: 'Client asked for a new direction',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      round: {
        approvalStatus: 'approved_billable',
        billable: true,
        amountMinor: DEFAULT_POLICY.extraRoundRateMinor,
        currency: 'USD',
      },
      task: { status: 'revision' },
    });
    const again = await loop.coordinator.post(`/api/revision-rounds/${roundId}/decision`, {
      decision: 'escalated',
      reason: 'changed my mind',
    });
    expect(again.statusCode).toBe(409);
    const row = await t.database.db
      .selectFrom('revision_rounds')
      .select(['billable', 'amount_minor', 'approval_status'])
      .where('id', '=', roundId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      billable: 1,
      amount_minor: 5000,
      approval_status: 'approved_billable',
    });
    const task = (await loop.contractor.get(`/api/tasks/${id}`)).json();
    expect(task.roundsUsed).toBe(2);
    const contractorRounds = (await loop.contractor.get(`/api/tasks/${id}/revisions`)).json()
      .rounds;
    expect(contractorRounds.every((r: { amountMinor: unknown }) => r.amountMinor === null)).toBe(
      true,
    );
  });

  it('R21 a rejected extra round leaves the task in review; a strategist tweak is no round at all', async () => {
    const id = await inReview();
    await requestRevision(loop.strategist, id);
    await submitVersion(loop, id);
    const tweak = await requestRevision(loop.strategist, id, { strategistTweak: true });
    expect(tweak.json()).toMatchObject({
      request: { status: 'tweak', counts: false, roundNumber: null },
      round: null,
      task: { status: 'internal_review' },
    });
    const extra = await requestRevision(loop.strategist, id);
    const no = await loop.coordinator.post(
      `/api/revision-rounds/${extra.json().round.id}/decision`,
      {
        decision: 'rejected',
        reason: 'Out of scope: the client accepts v2',
      },
    );
    expect(no.json()).toMatchObject({
      round: { approvalStatus: 'rejected' },
      task: { status: 'internal_review' },
    });
    expect((await loop.strategist.get(`/api/tasks/${id}`)).json().roundsUsed).toBe(1);
    expect((await scrubAll(loop, id)).json().task.status).toBe('qa');
  });

  it('R22 a late request is refused without a moved date or an override, naming the earliest date', async () => {
    const id = await inReview();
    await setFinalDue(t, id, dayFromToday(1));
    const res = await requestRevision(loop.strategist, id);
    expect(res.statusCode).toBe(422);
    const earliest = addBusinessDays(dayFromToday(0), 3, weekdays);
    expect(res.json().error).toMatchObject({
      rule: 'R22',
      details: { earliestCompliantDueDate: earliest },
    });
    const tooSoon = await requestRevision(loop.strategist, id, { moveDueDateTo: dayFromToday(1) });
    expect(tooSoon.statusCode).toBe(422);
    const override = await requestRevision(loop.strategist, id, {
      overrideReason: 'The client is in a hurry',
    });
    expect(override.statusCode).toBe(403);
    expect((await loop.strategist.get(`/api/tasks/${id}`)).json().status).toBe('internal_review');
  });

  it('R22 a late request with a moved date re-plans the final and QA and says so in the thread', async () => {
    const id = await inReview();
    await setFinalDue(t, id, dayFromToday(1));
    const target = addBusinessDays(dayFromToday(0), 4, weekdays);
    const res = await requestRevision(loop.strategist, id, { moveDueDateTo: target });
    expect(res.statusCode).toBe(201);
    expect(res.json().request).toMatchObject({
      late: true,
      movedDueDateTo: target,
      status: 'active',
    });
    const task = (await loop.contractor.get(`/api/tasks/${id}`)).json();
    const byKind = Object.fromEntries(
      task.subtasks.map((s: { kind: string; dueDate: string }) => [s.kind, s.dueDate]),
    );
    expect(byKind.final).toBe(target);
    expect(byKind.qa > target).toBe(true);
    expect(task.dueDate >= byKind.qa).toBe(true);
    const thread = (await loop.contractor.get(`/api/tasks/${id}/comments`)).json().items;
    expect(thread.some((c: { body: string }) => c.body.includes('the due dates moved (R22)'))).toBe(
      true,
    );
  });

  it('R22 a coordinator may override the notice with a reason; the override stays internal', async () => {
    const id = await inReview();
    await setFinalDue(t, id, dayFromToday(1));
    const bare = await requestRevision(loop.coordinator, id);
    expect(bare.statusCode).toBe(403);
    const res = await requestRevision(loop.coordinator, id, {
      overrideReason: 'Contractor agreed to a one-day turnaround',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().request).toMatchObject({
      late: true,
      overrideReason: 'Contractor agreed to a one-day turnaround',
    });
    expect(res.json().task.status).toBe('revision');
    const row = await t.database.db
      .selectFrom('revision_requests')
      .select(['override_by', 'late'])
      .where('task_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ override_by: t.demo.users.coordinator, late: 1 });
  });

  it('R23 the scrub needs every check ticked; QA fails only with reasons and counts the failure', async () => {
    const id = await inReview();
    const checklist = (await loop.strategist.get('/api/checklists/scrub')).json().items as string[];
    expect(checklist).toHaveLength(4);
    const partial = await loop.strategist.post(`/api/tasks/${id}/scrub`, {
      checklist: checklist.map((item, i) => ({ item, ok: i > 0 })),
      version: await taskVersion(loop.strategist, id),
    });
    expect(partial.statusCode).toBe(422);
    expect(partial.json().error).toMatchObject({
      rule: 'R23',
      details: { unchecked: [checklist[0]] },
    });
    expect((await loop.qa.post(`/api/tasks/${id}/scrub`, {})).statusCode).toBe(403);
    expect((await scrubAll(loop, id)).json().task.status).toBe('qa');
    const short = await qaVerdict(loop, id, 'fail', 'bad');
    expect(short.statusCode).toBe(422);
    expect(short.json().error.rule).toBe('R23');
    const unticked = await loop.qa.post(`/api/tasks/${id}/qa`, {
      result: 'pass',
      checklist: [],
      version: await taskVersion(loop.qa, id),
    });
    const required = (await loop.qa.get(`/api/tasks/${id}/reviews`)).json().qaChecklist;
    if (required.length > 0) expect(unticked.statusCode).toBe(422);
    const failed = await qaVerdict(
      loop,
      id,
      'fail',
      'The captions miss the hashtags from the brief',
    );
    expect(failed.json()).toMatchObject({ task: { status: 'revision' }, round: null });
    const task = (await loop.contractor.get(`/api/tasks/${id}`)).json();
    expect(task.qaFailCount).toBe(1);
    const reviews = (await loop.contractor.get(`/api/tasks/${id}/reviews`)).json().reviews;
    expect(reviews[0]).toMatchObject({
      kind: 'qa',
      result: 'fail',
      reasons: expect.stringContaining('hashtags'),
    });
    expect(reviews.find((r: { kind: string }) => r.kind === 'scrub').note).toBeNull();
  });

  it('R21 R23 when the policy counts QA failures as rounds, one past the agreement waits for approval', async () => {
    const ws = (await loop.admin.get('/api/workspace')).json();
    await loop.admin.patch('/api/workspace', {
      version: ws.version,
      policy: { ...ws.policy, qaFailCountsAsRound: true },
    });
    const id = await inReview();
    await requestRevision(loop.strategist, id);
    await submitVersion(loop, id);
    await scrubAll(loop, id);
    const failed = await qaVerdict(loop, id, 'fail', 'The reel is 4 seconds too long');
    expect(failed.json()).toMatchObject({
      task: { status: 'revision' },
      round: { number: 2, source: 'qa_fail', approvalStatus: 'pending' },
    });
    const blocked = await submitVersion(loop, id);
    expect(blocked.statusCode).toBe(422);
    expect(blocked.json().error.rule).toBe('R21');
    await loop.coordinator.post(`/api/revision-rounds/${failed.json().round.id}/decision`, {
      decision: 'escalated',
      reason: 'Quality issue: raised with the process owner',
    });
    expect((await submitVersion(loop, id)).statusCode).toBe(201);
    const now = (await loop.admin.get('/api/workspace')).json();
    await loop.admin.patch('/api/workspace', {
      version: now.version,
      policy: { ...now.policy, qaFailCountsAsRound: false },
    });
  });

  it('the scrub checklist is edited by an admin only, with a version', async () => {
    const current = (await loop.admin.get('/api/checklists/scrub')).json();
    const put = await loop.admin.put('/api/checklists/scrub', {
      items: [...current.items, 'Alt text on every image'],
      version: current.version,
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().items).toHaveLength(5);
    const stale = await loop.admin.put('/api/checklists/scrub', {
      items: ['x'],
      version: current.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(
      (await loop.strategist.put('/api/checklists/scrub', { items: ['x'], version: 1 })).statusCode,
    ).toBe(403);
    await loop.admin.put('/api/checklists/scrub', {
      items: current.items,
      version: put.json().version,
    });
  });
});
