import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays, calendarDayIn } from '../src/domain/calendar';
import { getClientForAssignment } from '../src/server/features/clients';
import { createSecondWorkspace } from './support/clients';
import { testDialects } from './support/databases';
import { type Client, createTestApp, type TestApp } from './support/harness';

const TZ = 'America/New_York';
const today = () => calendarDayIn(new Date(), TZ);

type Row = {
  client: { id: string; name: string };
  budget: { plannedMinor: number; emergencyMaxMinor: number; version: number } | null;
  committedMinor: number;
  actualMinor: number;
  remainingMinor: number | null;
  alert: string;
};

describe.each(testDialects())('budgets (R27) on %s', (dialect) => {
  let t: TestApp;
  let coordinator: Client;
  let finance: Client;
  let strategist: Client;
  let clientId: string;
  // Two months ahead: no demo budget, and no demo work.
  const due = () => addCalendarDays(today(), 70);
  const month = () => due().slice(0, 7);

  const rowOf = async (who: Client, m: string, id: string): Promise<Row> =>
    (await who.get(`/api/budgets?month=${m}`)).json().items.find((r: Row) => r.client.id === id);

  /** A submitted request for 4 captions; returns it with Lina's price for it. */
  async function request() {
    const req = (
      await strategist.post('/api/requests', {
        clientId,
        items: [{ deliverableTypeId: t.demo.deliverableTypeIds.captions, quantity: 4 }],
        month: month(),
        dueDate: due(),
        collateralReady: true,
      })
    ).json();
    const suggestions = (await coordinator.get(`/api/requests/${req.id}/suggestions`)).json();
    const lina = suggestions.items.find(
      (s: { contractor: { id: string } }) => s.contractor.id === t.demo.contractorIds[0],
    );
    return {
      id: req.id as string,
      version: req.version as number,
      price: lina.rateMinor as number,
    };
  }

  const assign = (r: { id: string; version: number }, extra: object = {}, who = coordinator) =>
    who.post(`/api/requests/${r.id}/assign`, {
      contractorId: t.demo.contractorIds[0],
      strategistUserId: t.demo.users.strategist,
      version: r.version,
      ...extra,
    });

  async function setBudget(plannedMinor: number, emergencyMaxMinor: number) {
    const row = await rowOf(finance, month(), clientId);
    const res = await finance.put(`/api/budgets/${clientId}/${month()}`, {
      plannedMinor,
      emergencyMaxMinor,
      version: row.budget?.version ?? 0,
    });
    expect(res.statusCode).toBe(200);
    return res.json() as Row;
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    coordinator = await t.as('coordinator');
    finance = await t.as('finance');
    strategist = await t.as('strategist');
    for (const id of t.demo.clientIds) {
      const c = await getClientForAssignment(t.database.db, {
        workspaceId: t.demo.workspaceId,
        clientId: id,
      });
      if (c.assignable && c.oneSheeter.completeness.complete) clientId = id;
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('R5 contractors (and QA) get 403 on every budget route', async () => {
    for (const role of ['contractor', 'qa'] as const) {
      const who = await t.as(role);
      expect((await who.get(`/api/budgets?month=${month()}`)).statusCode).toBe(403);
      expect(
        (await who.get(`/api/budgets/check?clientId=${clientId}&month=${month()}&amountMinor=1`))
          .statusCode,
      ).toBe(403);
      expect(
        (
          await who.put(`/api/budgets/${clientId}/${month()}`, {
            plannedMinor: 1,
            emergencyMaxMinor: 1,
            version: 0,
          })
        ).statusCode,
      ).toBe(403);
    }
  });

  it('R27 the month overview: planned, committed, actual, remaining and alerts for every client', async () => {
    const list = (await strategist.get(`/api/budgets?month=${today().slice(0, 7)}`)).json();
    expect(list.currency).toBe('USD');
    expect(list.abilities.edit).toBe(false);
    const rows: Row[] = list.items;
    expect(rows.length).toBeGreaterThanOrEqual(t.demo.clientIds.length - 2);
    // The demo: one client over 100 %, one near 80 %, one without a budget.
    expect(rows.some((r) => r.alert === 'over100' && (r.remainingMinor ?? 0) < 0)).toBe(true);
    expect(rows.some((r) => r.alert === 'warn80')).toBe(true);
    expect(rows.some((r) => r.budget === null && r.remainingMinor === null)).toBe(true);
    // Actual spend comes from the demo's approved and paid invoices.
    expect(rows.some((r) => r.actualMinor > 0)).toBe(true);
    expect(list.totals.committedMinor).toBe(rows.reduce((s, r) => s + r.committedMinor, 0));
    // A strategist reads budgets but does not set them.
    const put = await strategist.put(`/api/budgets/${clientId}/${month()}`, {
      plannedMinor: 1,
      emergencyMaxMinor: 1,
      version: 0,
    });
    expect(put.statusCode).toBe(403);
  });

  it('R27 setting a budget: version 0 creates, the version read updates, stale is 409, max ≥ planned', async () => {
    const url = `/api/budgets/${clientId}/${month()}`;
    const bad = await finance.put(url, { plannedMinor: 500, emergencyMaxMinor: 400, version: 0 });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields ?? {}).join()).toContain('emergencyMaxMinor');
    const created = await finance.put(url, {
      plannedMinor: 100_000,
      emergencyMaxMinor: 120_000,
      version: 0,
    });
    expect(created.json().budget).toMatchObject({ plannedMinor: 100_000, version: 1 });
    expect(
      (await finance.put(url, { plannedMinor: 1, emergencyMaxMinor: 1, version: 0 })).statusCode,
    ).toBe(409);
    const updated = await coordinator.put(url, {
      plannedMinor: 90_000,
      emergencyMaxMinor: 90_000,
      version: 1,
    });
    expect(updated.json().budget).toMatchObject({ plannedMinor: 90_000, version: 2 });
    const stale = await finance.put(url, { plannedMinor: 5, emergencyMaxMinor: 5, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
  });

  it('R27 over the planned amount needs an approval with a reason; over the emergency maximum is refused', async () => {
    const r = await request();
    const committed = (await rowOf(finance, month(), clientId)).committedMinor;
    // The plan leaves less than the price; the emergency maximum covers it exactly.
    await setBudget(committed + r.price - 1, committed + r.price);
    const check = (
      await coordinator.get(
        `/api/budgets/check?clientId=${clientId}&month=${month()}&amountMinor=${r.price}`,
      )
    ).json();
    expect(check.status).toBe('needs_approval');

    const plain = await assign(r);
    expect(plain.statusCode).toBe(422);
    expect(plain.json().error).toMatchObject({ code: 'RULE_VIOLATION', rule: 'R27' });
    expect(plain.json().error.message).toContain('needs approval');
    const short = await assign(r, { budgetApprovalReason: 'ok' });
    expect(short.statusCode).toBe(400);
    const approved = await assign(r, {
      budgetApprovalReason: 'Client approved the launch extra in writing',
    });
    expect(approved.statusCode).toBe(201);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'after_json'])
      .where('entity_type', '=', 'budget')
      .where('action', '=', 'over_plan_approved')
      .execute();
    expect(audit.at(-1)?.after_json).toContain('Client approved the launch extra');
    const after = await rowOf(finance, month(), clientId);
    expect(after.committedMinor).toBe(committed + r.price);

    // Now at the emergency maximum: one more is refused, whatever the reason.
    const r2 = await request();
    const refused = await assign(r2, { budgetApprovalReason: 'We really need this one too' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ rule: 'R27' });
    expect(refused.json().error.message).toContain('emergency maximum');
    const check2 = (
      await finance.get(
        `/api/budgets/check?clientId=${clientId}&month=${month()}&amountMinor=${r2.price}`,
      )
    ).json();
    expect(check2.status).toBe('refused');
  });

  it('R27 within the plan passes, and no budget set means no limit', async () => {
    const r = await request();
    const row = await rowOf(finance, month(), clientId);
    await setBudget(row.committedMinor + r.price, row.committedMinor + r.price);
    expect((await assign(r)).statusCode).toBe(201);

    const other = t.demo.clientIds.find((id) => id !== clientId) as string;
    const check = (
      await finance.get(`/api/budgets/check?clientId=${other}&month=2031-01&amountMinor=99999999`)
    ).json();
    expect(check).toMatchObject({ status: 'no_budget', plannedMinor: null });
  });

  it('R27 another workspace cannot set a budget for this client; nothing changes', async () => {
    const other = await createSecondWorkspace(t, dialect);
    const before = await rowOf(finance, month(), clientId);
    const res = await other.put(`/api/budgets/${clientId}/${month()}`, {
      plannedMinor: 1,
      emergencyMaxMinor: 1,
      version: before.budget?.version ?? 0,
    });
    expect(res.statusCode).toBe(404);
    expect(await rowOf(finance, month(), clientId)).toEqual(before);
    const theirs = (await other.get(`/api/budgets?month=${month()}`)).json();
    expect(theirs.items).toEqual([]);
  });
});
