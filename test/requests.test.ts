import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays, calendarDayIn } from '../src/domain/calendar';
import { formatDayMonthNear } from '../src/domain/format';
import type { Actor } from '../src/server/auth/access';
import { getClientForAssignment } from '../src/server/features/clients';
import { submitRequest } from '../src/server/features/requests';
import { createSecondWorkspace, fullSheet } from './support/clients';
import { testDialects } from './support/databases';
import { createTestApp, type TestApp } from './support/harness';

const TZ = 'America/New_York';
const today = () => calendarDayIn(new Date(), TZ);
const day = (offset: number) => addCalendarDays(today(), offset);
const month = (offset: number) => day(offset).slice(0, 7);

/** The demo's clients sorted by what assignment would say about them (R1, R4). */
async function clientsByFit(t: TestApp) {
  const out = { ready: [] as string[], unfit: [] as string[], noBrief: [] as string[] };
  for (const clientId of t.demo.clientIds) {
    const c = await getClientForAssignment(t.database.db, {
      workspaceId: t.demo.workspaceId,
      clientId,
    });
    if (!c.assignable) out.unfit.push(clientId);
    else if (!c.oneSheeter.completeness.complete) out.noBrief.push(clientId);
    else out.ready.push(clientId);
  }
  return out;
}

describe.each(testDialects())('requests, triage and assignment on %s', (dialect) => {
  let t: TestApp;
  let fit: Awaited<ReturnType<typeof clientsByFit>>;
  const type = (key: string) => t.demo.deliverableTypeIds[key];
  const lina = () => t.demo.contractorIds[0];
  const body = (over: Record<string, unknown> = {}) => ({
    clientId: fit.ready[0],
    items: [
      { deliverableTypeId: type('captions'), quantity: 5 },
      { deliverableTypeId: type('static'), quantity: 2 },
    ],
    month: month(30),
    dueDate: day(30),
    collateralReady: true,
    ...over,
  });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    fit = await clientsByFit(t);
    expect(fit.ready.length).toBeGreaterThan(1);
    expect(fit.unfit.length).toBeGreaterThan(0);
    expect(fit.noBrief.length).toBeGreaterThan(0);
  });
  afterAll(async () => {
    await t.close();
  });

  it('R10–R17 submit → triage → suggestions → plan → assign creates the task, subtasks, priced items, system comment and audit', async () => {
    const strategist = await t.as('strategist');
    const coordinator = await t.as('coordinator');
    const created = await strategist.post('/api/requests', body({ notes: 'Happy path' }));
    expect(created.statusCode).toBe(201);
    const req = created.json();
    expect(req).toMatchObject({ status: 'submitted', lead: { status: 'ok', days: 30 } });
    expect(req.oneSheeter).toMatchObject({ complete: true, missingSections: [] });
    expect(req.oneSheeter.link).toBe(`/api/clients/${req.client.id}/one-sheeter`);
    expect(req.client.fit.status).toMatch(/eligible/);
    expect(req.estimatedMinor).toBeGreaterThan(0);
    expect(req.items.map((i: { estimatedMinor: number }) => i.estimatedMinor)).not.toContain(null);

    const queue = (await coordinator.get('/api/requests?status=submitted&limit=200')).json();
    const row = queue.items.find((r: { id: string }) => r.id === req.id);
    expect(row).toMatchObject({ lead: { status: 'ok' }, oneSheeter: { complete: true } });
    expect(row.itemsSummary).toBe('5 × Caption copy, 2 × Static graphic');
    const dues = queue.items.map((r: { dueDate: string }) => r.dueDate);
    expect(dues).toEqual([...dues].sort());

    const suggestions = (await coordinator.get(`/api/requests/${req.id}/suggestions`)).json();
    expect(suggestions.items.length).toBeGreaterThan(2);
    expect(suggestions.items.map((s: { rank: number }) => s.rank)).toEqual(
      suggestions.items.map((_: unknown, i: number) => i + 1),
    );
    const linaRank = suggestions.items.find(
      (s: { contractor: { id: string } }) => s.contractor.id === lina(),
    );
    expect(linaRank).toMatchObject({ skills: 'all', plan: { feasible: true } });
    expect(linaRank.reasons).toContain('Covers all 2 deliverable types');
    expect(
      suggestions.items.every((s: { contractor: { status: string } }) =>
        ['active', 'trial'].includes(s.contractor.status),
      ),
    ).toBe(true);

    const plan = (
      await coordinator.get(`/api/requests/${req.id}/plan?contractorId=${lina()}`)
    ).json();
    expect(plan.feasible).toBe(true);
    expect(plan.subtasks.map((s: { kind: string }) => s.kind)).toEqual(
      expect.arrayContaining(['draft', 'scrub', 'revision', 'final', 'qa']),
    );

    const stale = await coordinator.post(`/api/requests/${req.id}/assign`, {
      contractorId: lina(),
      strategistUserId: t.demo.users.strategist,
      version: 99,
    });
    expect(stale.statusCode).toBe(409);
    const assigned = await coordinator.post(`/api/requests/${req.id}/assign`, {
      contractorId: lina(),
      strategistUserId: t.demo.users.strategist,
      version: req.version,
    });
    expect(assigned.statusCode).toBe(201);
    const { taskId, committedMinor } = assigned.json();

    const task = (await coordinator.get(`/api/tasks/${taskId}`)).json();
    expect(task).toMatchObject({ status: 'scheduled', requestId: req.id, committedMinor });
    expect(task.subtasks.map((s: { dueDate: string }) => s.dueDate)).toEqual(
      plan.subtasks.map((s: { dueDate: string }) => s.dueDate),
    );
    const qa = task.subtasks.find((s: { kind: string }) => s.kind === 'qa');
    expect(qa.assignee).toBeNull();
    const scrub = task.subtasks.find((s: { kind: string }) => s.kind === 'scrub');
    expect(scrub.assignee.userId).toBe(t.demo.users.strategist);
    for (const item of task.items) {
      expect(item.amountMinor).toBe(item.unitAmountMinor * item.quantity);
    }
    // Lina has a negotiated caption rate (R7).
    expect(task.items.find((i: { name: string }) => i.name === 'Caption copy').rateSource).toBe(
      'negotiated',
    );
    expect(committedMinor).toBe(
      task.items.reduce((n: number, i: { amountMinor: number }) => n + i.amountMinor, 0),
    );
    const comment = task.comments.find((c: { kind: string }) => c.kind === 'system');
    expect(comment.body).toMatch(/^Planned due dates: /);
    for (const s of plan.subtasks) {
      expect(comment.body).toContain(`${s.title} — ${formatDayMonthNear(s.dueDate, today())}`);
    }

    const after = (await coordinator.get(`/api/requests/${req.id}`)).json();
    expect(after).toMatchObject({ status: 'assigned', taskId });
    const history = await t.database.db
      .selectFrom('audit_log')
      .select(['entity_type', 'action'])
      .where('task_id', '=', taskId)
      .execute();
    expect(history).toEqual(
      expect.arrayContaining([
        { entity_type: 'task', action: 'created' },
        { entity_type: 'request', action: 'assigned' },
        { entity_type: 'comment', action: 'system_comment' },
      ]),
    );
    const again = await coordinator.post(`/api/requests/${req.id}/assign`, {
      contractorId: lina(),
      strategistUserId: t.demo.users.strategist,
      version: after.version,
    });
    expect(again.statusCode).toBe(409);
  });

  it('R4 refuses assignment while the one-sheeter is incomplete, naming the missing sections', async () => {
    const strategist = await t.as('strategist');
    const coordinator = await t.as('coordinator');
    const req = (await strategist.post('/api/requests', body({ clientId: fit.noBrief[0] }))).json();
    expect(req.oneSheeter.complete).toBe(false);
    expect(req.oneSheeter.missingSections.length).toBeGreaterThan(0);
    const res = await coordinator.post(`/api/requests/${req.id}/assign`, {
      contractorId: lina(),
      strategistUserId: t.demo.users.strategist,
      version: req.version,
    });
    expect(res.statusCode).toBe(422);
    const err = res.json().error;
    expect(err.rule).toBe('R4');
    expect(err.details.missingSections).toEqual(req.oneSheeter.missingSections);
    for (const section of req.oneSheeter.missingSections) expect(err.message).toContain(section);
    expect((await coordinator.get(`/api/requests/${req.id}`)).json().status).toBe('submitted');
  });

  it('R1 refuses assignment for a client not fit for contracting without an override', async () => {
    const strategist = await t.as('strategist');
    const coordinator = await t.as('coordinator');
    const req = (await strategist.post('/api/requests', body({ clientId: fit.unfit[0] }))).json();
    expect(req.client.assignable).toBe(false);
    const res = await coordinator.post(`/api/requests/${req.id}/assign`, {
      contractorId: lina(),
      strategistUserId: t.demo.users.strategist,
      version: req.version,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.rule).toBe('R1');
  });

  it('R11 refuses 6 days’ notice; only a coordinator may override, with a reason', async () => {
    const strategist = await t.as('strategist');
    const coordinator = await t.as('coordinator');
    const late = body({ dueDate: day(6) });
    const refused = await strategist.post('/api/requests', late);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'RULE_VIOLATION', rule: 'R11' });
    expect(refused.json().error.message).toContain('at least 7 calendar days');
    const reason = 'Client launch moved up; contractor confirmed';
    const notYours = await strategist.post('/api/requests', { ...late, overrideReason: reason });
    expect(notYours.statusCode).toBe(403);
    expect(notYours.json().error.message).toContain('only a coordinator can override R11');
    const short = await coordinator.post('/api/requests', { ...late, overrideReason: 'rush' });
    expect(short.statusCode).toBe(400);
    const ok = await coordinator.post('/api/requests', { ...late, overrideReason: reason });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().lead).toMatchObject({ status: 'refused', days: 6, override: { reason } });
    const past = await coordinator.post('/api/requests', {
      ...body({ dueDate: day(-1) }),
      overrideReason: reason,
    });
    expect(past.statusCode).toBe(422);
  });

  describe('R11 lead time with a fixed clock', () => {
    // 10:00 in New York on Tue 1 Dec 2026, whatever the machine's clock says.
    const NOW = new Date('2026-12-01T15:00:00Z');
    const actor = (): Actor => ({
      userId: t.demo.users.strategist,
      name: 'Jonathan Reisch',
      email: 'strategist@demo.handoff.test',
      workspaceId: t.demo.workspaceId,
      role: 'strategist',
      membershipId: '',
      timeZone: TZ,
    });
    it.each([
      ['R11 7 days is accepted with a warning', '2026-12-08', 'captions', 'warning'],
      ['R11 13 days is accepted with a warning', '2026-12-14', 'captions', 'warning'],
      ['R11 14 days is ok', '2026-12-15', 'captions', 'ok'],
      ['R11 a content calendar at 14 days is ok', '2026-12-15', 'calendar', 'ok'],
    ])('%s', async (_title, dueDate, key, status) => {
      const { id } = await submitRequest(
        t.database.db,
        actor(),
        {
          ...body(),
          month: '2026-12',
          dueDate,
          items: [{ deliverableTypeId: type(key), quantity: 1 }],
        },
        NOW,
      );
      const row = await t.database.db
        .selectFrom('requests')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row.lead_status).toBe(status);
      expect(row.lead_message.length).toBeGreaterThan(10);
    });

    it.each([
      ['R11 6 days is refused', '2026-12-07', 'captions', 'at least 7 calendar days'],
      [
        'R11 a content calendar at 10 days is refused',
        '2026-12-11',
        'calendar',
        '14 days of production',
      ],
    ])('%s', async (_title, dueDate, key, message) => {
      await expect(
        submitRequest(
          t.database.db,
          actor(),
          {
            ...body(),
            month: '2026-12',
            dueDate,
            items: [{ deliverableTypeId: type(key), quantity: 1 }],
          },
          NOW,
        ),
      ).rejects.toMatchObject({ rule: 'R11', message: expect.stringContaining(message) });
    });
  });

  it('R10 an idempotent double submit creates one request', async () => {
    const strategist = await t.as('strategist');
    const key = `double-${dialect}-submit`;
    const send = () =>
      strategist.request({
        method: 'POST',
        url: '/api/requests',
        headers: { 'idempotency-key': key },
        payload: body({ notes: 'double' }),
      });
    const first = await send();
    const second = await send();
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(200);
    expect(second.json().id).toBe(first.json().id);
    const viaBody = await strategist.post('/api/requests', { ...body(), idempotencyKey: key });
    expect(viaBody.json().id).toBe(first.json().id);
    const rows = await t.database.db
      .selectFrom('requests')
      .select('id')
      .where('idempotency_key', '=', key)
      .execute();
    expect(rows).toHaveLength(1);
    // Two submits racing with a fresh key still make one row.
    const raceKey = `race-${dialect}-submit`;
    const racing = await Promise.all(
      [1, 2].map(() =>
        strategist.request({
          method: 'POST',
          url: '/api/requests',
          headers: { 'idempotency-key': raceKey },
          payload: body({ notes: 'race' }),
        }),
      ),
    );
    expect(racing.map((r) => r.statusCode).sort()).toEqual([200, 201]);
    expect(racing[0].json().id).toBe(racing[1].json().id);
    // The same key from another person is another request.
    const coordinator = await t.as('coordinator');
    const theirs = await coordinator.post('/api/requests', { ...body(), idempotencyKey: key });
    expect(theirs.statusCode).toBe(201);
    expect(theirs.json().id).not.toBe(first.json().id);
  });

  it('R14 refuses a plan that does not fit and names the earliest feasible due date', async () => {
    const coordinator = await t.as('coordinator');
    // A content calendar (10 production days) due in 8 days: R11 needs an override first.
    const req = (
      await coordinator.post('/api/requests', {
        ...body({ clientId: fit.ready[1], dueDate: day(8), month: month(8) }),
        items: [{ deliverableTypeId: type('calendar'), quantity: 1 }],
        overrideReason: 'Agreed rush with the client, checking the plan',
      })
    ).json();
    const plan = (
      await coordinator.get(`/api/requests/${req.id}/plan?contractorId=${lina()}`)
    ).json();
    expect(plan.feasible).toBe(false);
    expect(plan.earliestFeasibleDueDate > req.dueDate).toBe(true);
    const res = await coordinator.post(`/api/requests/${req.id}/assign`, {
      contractorId: lina(),
      strategistUserId: t.demo.users.strategist,
      version: req.version,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({
      rule: 'R14',
      details: { earliestFeasibleDueDate: plan.earliestFeasibleDueDate },
    });
    expect(res.json().error.message).toContain('earliest feasible due date');
    const sugg = (await coordinator.get(`/api/requests/${req.id}/suggestions`)).json();
    const linaRow = sugg.items.find(
      (s: { contractor: { id: string } }) => s.contractor.id === lina(),
    );
    expect(linaRow.plan).toMatchObject({
      feasible: false,
      earliestFeasibleDueDate: plan.earliestFeasibleDueDate,
    });
  });

  it('R16 a first pairing adds the brand training; the second assignment of the pair does not', async () => {
    const coordinator = await t.as('coordinator');
    const strategist = await t.as('strategist');
    const pairs = await t.database.db
      .selectFrom('client_contractor_pairings')
      .select(['client_id', 'contractor_id'])
      .execute();
    const paired = new Set(pairs.map((p) => `${p.client_id}:${p.contractor_id}`));
    const contractorId = t.demo.contractorIds[0];
    const clientId = fit.ready.find((c) => !paired.has(`${c}:${contractorId}`));
    expect(clientId).toBeDefined();
    const assign = async () => {
      const req = (await strategist.post('/api/requests', body({ clientId }))).json();
      const res = await coordinator.post(`/api/requests/${req.id}/assign`, {
        contractorId,
        strategistUserId: t.demo.users.strategist,
        version: req.version,
      });
      expect(res.statusCode).toBe(201);
      return res.json().subtasks.map((s: { kind: string }) => s.kind);
    };
    expect((await assign())[0]).toBe('brand_training');
    expect(await assign()).not.toContain('brand_training');
    const pairing = await t.database.db
      .selectFrom('client_contractor_pairings')
      .selectAll()
      .where('client_id', '=', clientId!)
      .where('contractor_id', '=', contractorId)
      .execute();
    expect(pairing).toHaveLength(1);
  });

  it('lists with keyset pagination, and R12 repeats the last request one month on', async () => {
    const coordinator = await t.as('coordinator');
    const first = (await coordinator.get('/api/requests?limit=3')).json();
    expect(first.items).toHaveLength(3);
    expect(first.nextCursor).toBeTruthy();
    const second = (
      await coordinator.get(`/api/requests?limit=3&cursor=${first.nextCursor}`)
    ).json();
    const ids = new Set(first.items.map((r: { id: string }) => r.id));
    expect(second.items.some((r: { id: string }) => ids.has(r.id))).toBe(false);
    expect(second.items[0].dueDate >= first.items[2].dueDate).toBe(true);
    expect((await coordinator.get('/api/requests?cursor=not-a-cursor')).statusCode).toBe(400);

    const strategist = await t.as('strategist');
    const repeat = await strategist.get(`/api/requests/repeat?clientId=${fit.ready[0]}`);
    expect(repeat.statusCode).toBe(200);
    const pre = repeat.json();
    expect(pre.items.length).toBeGreaterThan(0);
    expect(pre.month > pre.sourceMonth).toBe(true);
    const resubmit = await strategist.post('/api/requests', {
      clientId: pre.clientId,
      items: pre.items.map((i: { deliverableTypeId: string; quantity: number }) => ({
        deliverableTypeId: i.deliverableTypeId,
        quantity: i.quantity,
      })),
      month: pre.month,
      dueDate: pre.dueDate,
      collateralReady: pre.collateralReady,
    });
    expect(resubmit.statusCode).toBe(201);
    expect((await strategist.get('/api/requests/repeat?clientId=nope')).statusCode).toBe(404);
  });

  it('declines (coordinator only), cancels and edits (submitter only)', async () => {
    const strategist = await t.as('strategist');
    const coordinator = await t.as('coordinator');
    const a = (await strategist.post('/api/requests', body())).json();
    expect(
      (await strategist.post(`/api/requests/${a.id}/decline`, { reason: 'no' })).statusCode,
    ).toBe(403);
    const declined = await coordinator.post(`/api/requests/${a.id}/decline`, {
      reason: 'No capacity this month',
    });
    expect(declined.json()).toMatchObject({
      status: 'declined',
      declineReason: 'No capacity this month',
    });

    const b = (await strategist.post('/api/requests', body())).json();
    expect(b.abilities).toMatchObject({ edit: true, cancel: true, assign: false });
    const notMine = await coordinator.post(`/api/requests/${b.id}/cancel`, { version: b.version });
    expect(notMine.statusCode).toBe(403);
    const edited = await strategist.patch(`/api/requests/${b.id}`, {
      version: b.version,
      dueDate: day(9),
      notes: 'Moved up',
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      notes: 'Moved up',
      lead: { status: 'warning', days: 9 },
    });
    const stale = await strategist.patch(`/api/requests/${b.id}`, {
      version: b.version,
      notes: 'x',
    });
    expect(stale.statusCode).toBe(409);
    const cancelled = await strategist.post(`/api/requests/${b.id}/cancel`, {
      version: edited.json().version,
    });
    expect(cancelled.json().status).toBe('cancelled');
  });

  it('R5 a contractor cannot see the triage queue, suggestions or assign', async () => {
    const contractor = await t.as('contractor');
    const anyRequest = await t.database.db
      .selectFrom('requests')
      .select('id')
      .executeTakeFirstOrThrow();
    expect((await contractor.get('/api/requests')).statusCode).toBe(403);
    expect((await contractor.get(`/api/requests/${anyRequest.id}/suggestions`)).statusCode).toBe(
      403,
    );
    const assign = await contractor.post(`/api/requests/${anyRequest.id}/assign`, {
      contractorId: lina(),
      strategistUserId: t.demo.users.strategist,
      version: 1,
    });
    expect(assign.statusCode).toBe(403);
    expect((await contractor.post('/api/requests', body())).statusCode).toBe(403);
  });

  it("gives 404 for another workspace's request and leaves it unchanged", async () => {
    const other = await createSecondWorkspace(t, dialect);
    const client = (
      await other.post('/api/clients', {
        name: 'Other Co',
        companyCategory: 'core',
        departmentTier: 1,
      })
    ).json();
    expect(
      (
        await other.put(`/api/clients/${client.id}/one-sheeter`, {
          baseVersion: 0,
          content: fullSheet,
        })
      ).statusCode,
    ).toBeLessThan(300);
    const typeRes = await other.post('/api/deliverable-types', {
      name: 'Post',
      group: 'organic',
      unit: 'item',
      defaultProductionDays: 2,
    });
    const theirs = (
      await other.post('/api/requests', {
        clientId: client.id,
        items: [{ deliverableTypeId: typeRes.json().id, quantity: 1 }],
        month: month(30),
        dueDate: day(30),
        collateralReady: true,
      })
    ).json();
    expect(theirs.status).toBe('submitted');
    const before = await t.database.db
      .selectFrom('requests')
      .selectAll()
      .where('id', '=', theirs.id)
      .executeTakeFirstOrThrow();
    const coordinator = await t.as('coordinator');
    const strategist = await t.as('strategist');
    expect((await coordinator.get(`/api/requests/${theirs.id}`)).statusCode).toBe(404);
    expect((await coordinator.get(`/api/requests/${theirs.id}/suggestions`)).statusCode).toBe(404);
    expect(
      (await coordinator.get(`/api/requests/${theirs.id}/plan?contractorId=${lina()}`)).statusCode,
    ).toBe(404);
    expect(
      (await coordinator.post(`/api/requests/${theirs.id}/decline`, { reason: 'mine now' }))
        .statusCode,
    ).toBe(404);
    const assign = await coordinator.post(`/api/requests/${theirs.id}/assign`, {
      contractorId: lina(),
      strategistUserId: t.demo.users.strategist,
      version: 1,
    });
    expect(assign.statusCode).toBe(404);
    expect(
      (await strategist.patch(`/api/requests/${theirs.id}`, { version: 1, notes: 'x' })).statusCode,
    ).toBe(404);
    const list = (await coordinator.get('/api/requests?limit=200')).json();
    expect(list.items.some((r: { id: string }) => r.id === theirs.id)).toBe(false);
    // Submitting for their client from here is a 404 too.
    expect((await strategist.post('/api/requests', body({ clientId: client.id }))).statusCode).toBe(
      404,
    );
    const after = await t.database.db
      .selectFrom('requests')
      .selectAll()
      .where('id', '=', theirs.id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual(before);
  });
});
