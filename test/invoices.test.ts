import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays, calendarDayIn } from '../src/domain/calendar';
import { isUniqueViolation } from '../src/server/db/dialect';
import { getClientForAssignment } from '../src/server/features/clients';
import { newId } from '../src/server/lib/ids';
import { createSecondWorkspace } from './support/clients';
import { testDialects } from './support/databases';
import { type Client, createTestApp, type TestApp } from './support/harness';

const TZ = 'America/New_York';
const today = () => calendarDayIn(new Date(), TZ);

type Line = { id: string; kind: string; sourceId: string | null; amountMinor: number };

describe.each(testDialects())('contractor invoices (R29) on %s', (dialect) => {
  let t: TestApp;
  let coordinator: Client;
  let finance: Client;
  let lina: Client;
  const linaId = () => t.demo.contractorIds[0];

  /** A fresh task for a contractor, assigned for a month without a budget, then QA-passed. */
  async function passedTask(
    contractorId: string,
    items: [string, number][],
    status = 'ready',
  ): Promise<{
    taskId: string;
    clientId: string;
    month: string;
    items: { id: string; name: string; amountMinor: number }[];
  }> {
    let clientId = '';
    for (const id of t.demo.clientIds) {
      const c = await getClientForAssignment(t.database.db, {
        workspaceId: t.demo.workspaceId,
        clientId: id,
      });
      if (c.assignable && c.oneSheeter.completeness.complete) clientId = id;
    }
    const due = addCalendarDays(today(), 40);
    const strategist = await t.as('strategist');
    const req = (
      await strategist.post('/api/requests', {
        clientId,
        items: items.map(([key, quantity]) => ({
          deliverableTypeId: t.demo.deliverableTypeIds[key],
          quantity,
        })),
        month: due.slice(0, 7),
        dueDate: due,
        collateralReady: true,
      })
    ).json();
    const res = await coordinator.post(`/api/requests/${req.id}/assign`, {
      contractorId,
      strategistUserId: t.demo.users.strategist,
      version: req.version,
    });
    expect(res.statusCode).toBe(201);
    const taskId = res.json().taskId as string;
    await t.database.db.updateTable('tasks').set({ status }).where('id', '=', taskId).execute();
    const task = (await coordinator.get(`/api/tasks/${taskId}`)).json();
    return { taskId, clientId, month: due.slice(0, 7), items: task.items };
  }

  const newDraft = (who: Client = lina) =>
    who.post('/api/invoices', { periodStart: today(), periodEnd: today() });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    coordinator = await t.as('coordinator');
    finance = await t.as('finance');
    lina = await t.as('contractor');
  });
  afterAll(async () => {
    await t.close();
  });

  it('R29 the database itself refuses to bill a piece of work twice (billed_items key)', async () => {
    const db = t.database.db;
    const billed = await db
      .selectFrom('billed_items')
      .selectAll()
      .limit(1)
      .executeTakeFirstOrThrow();
    const other = await db
      .selectFrom('invoices')
      .select(['id'])
      .where('id', '!=', billed.invoice_id)
      .limit(1)
      .executeTakeFirstOrThrow();
    const line = await db
      .selectFrom('invoice_lines')
      .select('id')
      .where('invoice_id', '=', other.id)
      .limit(1)
      .executeTakeFirstOrThrow();
    const err = await db
      .insertInto('billed_items')
      .values({ ...billed, invoice_id: other.id, line_id: line.id })
      .execute()
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(err).not.toBeNull();
    expect(isUniqueViolation(err)).toBe(true);
  });

  it('R29 a draft bills QA-passed work at the rates stored on assignment; a second invoice for the same work is 409', async () => {
    const { items } = await passedTask(linaId(), [
      ['captions', 4],
      ['static', 2],
    ]);
    const captions = items.find((i) => i.name.startsWith('Caption'));
    if (!captions) throw new Error('no captions item');
    // R7: a rate change after assignment does not reprice the work.
    await t.database.db
      .insertInto('rates')
      .values({
        id: newId(),
        workspace_id: t.demo.workspaceId,
        deliverable_type_id: t.demo.deliverableTypeIds.captions,
        contractor_id: linaId(),
        amount_minor: 9900,
        currency: 'USD',
        effective_from: today(),
        note: 'test',
        created_by: null,
        created_at: new Date().toISOString(),
      })
      .execute();
    const res = await newDraft();
    expect(res.statusCode).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({ status: 'draft', number: null, label: 'Draft', currency: 'USD' });
    expect(a.lines).toHaveLength(2);
    const expected = items.reduce((s, i) => s + i.amountMinor, 0);
    expect(a.totalMinor).toBe(expected);
    const capLine = a.lines.find((l: Line) => l.sourceId === captions.id);
    expect(capLine).toMatchObject({ quantity: 4, unitAmountMinor: 4500, amountMinor: 18_000 });

    // Free the captions by taking the line off, and bill them on a second draft.
    const removed = await lina.delete(
      `/api/invoices/${a.id}/lines/${capLine.id}?version=${a.version}`,
    );
    expect(removed.statusCode).toBe(200);
    const b = (await newDraft()).json();
    expect(b.lines.map((l: Line) => l.sourceId)).toEqual([captions.id]);
    const again = await lina.post(`/api/invoices/${a.id}/lines`, {
      sourceType: 'task_item',
      sourceId: captions.id,
      version: removed.json().version,
    });
    expect(again.statusCode).toBe(409);
    // Discarding the second draft frees the work: now it can go on the first.
    expect((await lina.delete(`/api/invoices/${b.id}?version=${b.version}`)).statusCode).toBe(200);
    const added = await lina.post(`/api/invoices/${a.id}/lines`, {
      sourceType: 'task_item',
      sourceId: captions.id,
      version: removed.json().version,
    });
    expect(added.statusCode).toBe(201);
    expect(added.json().totalMinor).toBe(expected);
  });

  it('R29 work that has not passed QA can never be invoiced', async () => {
    const open = await passedTask(linaId(), [['captions', 3]], 'qa');
    expect((await newDraft()).json().error).toMatchObject({ rule: 'R29' });
    const draft = (await lina.get('/api/invoices?status=draft')).json().items[0];
    const add = await lina.post(`/api/invoices/${draft.id}/lines`, {
      sourceType: 'task_item',
      sourceId: open.items[0].id,
      version: draft.version,
    });
    expect(add.statusCode).toBe(422);
    expect(add.json().error).toMatchObject({ rule: 'R29' });

    // Work on the draft whose task goes back into revision blocks the submit.
    const line = (await lina.get(`/api/invoices/${draft.id}`)).json().lines[0];
    const task = await t.database.db
      .selectFrom('invoice_lines')
      .select('task_id')
      .where('id', '=', line.id)
      .executeTakeFirstOrThrow();
    await t.database.db
      .updateTable('tasks')
      .set({ status: 'revision' })
      .where('id', '=', task.task_id as string)
      .execute();
    const submit = await lina.post(`/api/invoices/${draft.id}/submit`, { version: draft.version });
    expect(submit.statusCode).toBe(422);
    expect(submit.json().error.rule).toBe('R29');
    await t.database.db
      .updateTable('tasks')
      .set({ status: 'ready' })
      .where('id', '=', task.task_id as string)
      .execute();
  });

  it('R29 submit, reject, reopen, approve and pay: who may, in which state, numbers without gaps', async () => {
    const draft = (await lina.get('/api/invoices?status=draft')).json().items[0];
    const url = `/api/invoices/${draft.id}`;
    expect((await coordinator.post(`${url}/submit`, { version: draft.version })).statusCode).toBe(
      403,
    );
    expect((await finance.post(`${url}/submit`, { version: draft.version })).statusCode).toBe(403);
    const submitted = await lina.post(`${url}/submit`, { version: draft.version });
    expect(submitted.statusCode).toBe(200);
    const s = submitted.json();
    // The demo gave Lina numbers 1 and 2.
    expect(s).toMatchObject({ status: 'submitted', number: 3, label: 'LO-0003' });

    expect((await lina.post(`${url}/approve`, { version: s.version })).statusCode).toBe(403);
    expect((await coordinator.post(`${url}/approve`, { version: s.version })).statusCode).toBe(403);
    const stale = await finance.post(`${url}/approve`, { version: s.version - 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
    expect((await finance.post(`${url}/reject`, { version: s.version })).statusCode).toBe(400);
    const rejected = await finance.post(`${url}/reject`, {
      version: s.version,
      reason: 'Wrong period on the header',
    });
    expect(rejected.json()).toMatchObject({ status: 'rejected', number: 3 });
    const stillBilled = await t.database.db
      .selectFrom('billed_items')
      .select('source_id')
      .where('invoice_id', '=', draft.id)
      .execute();
    expect(stillBilled).toHaveLength(0);

    const reopened = await lina.post(`${url}/reopen`, { version: rejected.json().version });
    expect(reopened.json()).toMatchObject({ status: 'draft', number: 3 });
    expect(reopened.json().lines.length).toBe(s.lines.length);
    const again = (await lina.post(`${url}/submit`, { version: reopened.json().version })).json();
    expect(again).toMatchObject({ status: 'submitted', number: 3 });

    const approved = (await finance.post(`${url}/approve`, { version: again.version })).json();
    expect(approved).toMatchObject({ status: 'approved', approvedBy: 'Marcus Webb' });
    expect((await finance.post(`${url}/pay`, { version: approved.version })).statusCode).toBe(400);
    const paid = await finance.post(`${url}/pay`, {
      version: approved.version,
      paymentReference: 'SEPA-2026-118',
    });
    expect(paid.json()).toMatchObject({ status: 'paid', paymentReference: 'SEPA-2026-118' });
    const late = await finance.post(`${url}/reject`, {
      version: paid.json().version,
      reason: 'Too late to reject this',
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('ILLEGAL_TRANSITION');
    expect(paid.json().timeline.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['created', 'submitted', 'rejected', 'reopened', 'approved', 'paid']),
    );

    // The next invoice takes the next number: 4, no gap left by the reject and reopen.
    await passedTask(linaId(), [['static', 1]]);
    const next = (await newDraft()).json();
    const nextSubmitted = (
      await lina.post(`/api/invoices/${next.id}/submit`, { version: next.version })
    ).json();
    expect(nextSubmitted.number).toBe(4);

    const kinds = await t.database.db
      .selectFrom('notifications')
      .select(['kind', 'user_id'])
      .where('kind', 'in', ['invoice_submitted', 'invoice_approved', 'invoice_paid'])
      .execute();
    expect(kinds).toEqual(
      expect.arrayContaining([
        { kind: 'invoice_submitted', user_id: t.demo.users.finance },
        { kind: 'invoice_approved', user_id: t.demo.users.contractor },
        { kind: 'invoice_paid', user_id: t.demo.users.contractor },
      ]),
    );
  });

  it('R29 the agency adds bonuses and adjustments with a reason; totals stay in minor units', async () => {
    const queue = (await finance.get('/api/invoices?status=submitted')).json().items;
    const inv = queue.find((i: { contractor: { id: string } }) => i.contractor.id === linaId());
    const url = `/api/invoices/${inv.id}`;
    const bonus = await finance.post(`${url}/lines`, {
      kind: 'bonus',
      description: 'Weekend launch bonus',
      amountMinor: 10_000,
      reason: 'Worked the launch weekend',
      version: inv.version,
    });
    expect(bonus.statusCode).toBe(201);
    const credit = await coordinator.post(`${url}/lines`, {
      kind: 'adjustment',
      description: 'Stock photo licence',
      amountMinor: -2_550,
      reason: 'Agency paid the licence',
      version: bonus.json().version,
    });
    expect(credit.statusCode).toBe(201);
    const c = credit.json();
    expect(c.totalMinor).toBe(inv.totalMinor + 10_000 - 2_550);
    expect(c.subtotalMinor).toBe(inv.totalMinor + 10_000);
    expect(c.byKind).toMatchObject({ bonus: 10_000, adjustment: -2_550 });
    const byLina = await lina.post(`${url}/lines`, {
      kind: 'bonus',
      description: 'Me',
      amountMinor: 1,
      reason: 'I deserve it',
      version: c.version,
    });
    expect(byLina.statusCode).toBe(403);
    const negativeBonus = await finance.post(`${url}/lines`, {
      kind: 'bonus',
      description: 'Oops',
      amountMinor: -5,
      reason: 'Negative bonus',
      version: c.version,
    });
    expect(negativeBonus.statusCode).toBe(400);
    const noReason = await finance.post(`${url}/lines`, {
      kind: 'bonus',
      description: 'No reason',
      amountMinor: 5,
      version: c.version,
    });
    expect(noReason.statusCode).toBe(400);
  });

  it('R5 a contractor never sees another contractor’s invoice, nor any budget', async () => {
    const all = (await finance.get('/api/invoices?limit=200')).json().items;
    const mateos = all.find(
      (i: { contractor: { id: string } }) => i.contractor.id === t.demo.contractorIds[1],
    );
    expect(mateos).toBeDefined();
    for (const path of ['', '/pdf']) {
      expect((await lina.get(`/api/invoices/${mateos.id}${path}`)).statusCode).toBe(404);
    }
    expect(
      (await lina.post(`/api/invoices/${mateos.id}/reopen`, { version: mateos.version }))
        .statusCode,
    ).toBe(404);
    const own = (await lina.get('/api/invoices?limit=200')).json().items;
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((i: { contractor: { id: string } }) => i.contractor.id === linaId())).toBe(
      true,
    );
    const month = today().slice(0, 7);
    expect((await lina.get(`/api/budgets?month=${month}`)).statusCode).toBe(403);
    expect(
      (await lina.get('/api/invoices/export.csv?from=2020-01-01&to=2030-01-01')).statusCode,
    ).toBe(403);
  });

  it('R29 the PDF carries the invoice number, its lines and the total', async () => {
    const paid = (await lina.get('/api/invoices?status=paid')).json().items[0];
    const detail = (await lina.get(`/api/invoices/${paid.id}`)).json();
    const res = await lina.get(`/api/invoices/${paid.id}/pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    const pdf = await getDocumentProxy(new Uint8Array(res.rawPayload));
    const { text } = await extractText(pdf, { mergePages: true });
    expect(text).toContain(detail.label);
    expect(text).toContain('Northwind Social');
    expect(text).toContain(detail.lines[0].description);
    const total = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(
      detail.totalMinor / 100,
    );
    expect(text).toContain(total);
    expect(text).toContain('PAID');
  });

  it('R29 exports approved and paid invoices of a date range as formula-safe CSV', async () => {
    const paid = (await finance.get('/api/invoices?status=paid')).json().items[0];
    await t.database.db
      .updateTable('invoices')
      .set({ payment_reference: '=HYPERLINK("http://evil.example")' })
      .where('id', '=', paid.id)
      .execute();
    const res = await finance.get(`/api/invoices/export.csv?from=${today()}&to=${today()}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.trim().split(/\r?\n/);
    expect(lines[0]).toContain('invoice,contractor');
    expect(res.body).toContain(paid.label);
    expect(res.body).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(res.body).not.toMatch(/,submitted,|,draft,|,rejected,/);
    const none = await finance.get('/api/invoices/export.csv?from=2001-01-01&to=2001-01-31');
    expect(none.body.trim().split(/\r?\n/)).toHaveLength(1);
    expect(
      (await coordinator.get('/api/invoices/export.csv?from=2001-01-01&to=2001-01-31')).statusCode,
    ).toBe(403);
  });

  it('R29 another workspace cannot read or act on an invoice, which stays unchanged', async () => {
    const other = await createSecondWorkspace(t, dialect);
    const inv = (await finance.get('/api/invoices?status=submitted')).json().items[0];
    const before = await t.database.db
      .selectFrom('invoices')
      .selectAll()
      .where('id', '=', inv.id)
      .executeTakeFirstOrThrow();
    expect((await other.get(`/api/invoices/${inv.id}`)).statusCode).toBe(404);
    expect(
      (await other.post(`/api/invoices/${inv.id}/approve`, { version: inv.version })).statusCode,
    ).toBe(404);
    expect((await other.get('/api/invoices')).json().items).toEqual([]);
    const after = await t.database.db
      .selectFrom('invoices')
      .selectAll()
      .where('id', '=', inv.id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual(before);
  });
  it('R21 R27 R29 an approved billable extra round is committed on the budget and billed once', async () => {
    const task = await passedTask(linaId(), [['static', 1]]);
    const committed = async () =>
      (await finance.get(`/api/budgets?month=${task.month}`))
        .json()
        .items.find((r: { client: { id: string } }) => r.client.id === task.clientId)
        .committedMinor;
    const before = await committed();
    const roundId = newId();
    await t.database.db
      .insertInto('revision_rounds')
      .values({
        id: roundId,
        workspace_id: t.demo.workspaceId,
        task_id: task.taskId,
        number: 2,
        source: 'revision_request',
        request_id: null,
        review_id: null,
        needs_approval: 1,
        approval_status: 'approved_billable',
        billable: 1,
        amount_minor: 5_000,
        currency: 'USD',
        decided_by: t.demo.users.coordinator,
        decided_at: new Date().toISOString(),
        reason: 'Client changed the brief',
        created_at: new Date().toISOString(),
      })
      .execute();
    expect(await committed()).toBe(before + 5_000);
    const draft = (await newDraft()).json();
    const round = draft.lines.find((l: Line) => l.kind === 'extra_round');
    expect(round).toMatchObject({ sourceId: roundId, amountMinor: 5_000 });
    const again = await lina.post(`/api/invoices/${draft.id}/lines`, {
      sourceType: 'revision_round',
      sourceId: roundId,
      version: draft.version,
    });
    expect(again.statusCode).toBe(409);
  });
});
