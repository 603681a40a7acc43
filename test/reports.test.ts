import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays, calendarDayIn } from '../src/domain/calendar';
import { testDialects } from './support/databases';
import { type Client, createTestApp, type TestApp } from './support/harness';
import { type ReportData, seedReportData } from './support/reports-data';

/**
 * R32 reports on a fixed data set in a fresh workspace (test/support/reports-data.ts, March–April
 * 2025). Every expected number below is worked out by hand from that data set.
 */

describe.each(testDialects())('R32 reports on %s', (dialect) => {
  let t: TestApp;
  let admin: Client;
  let d: ReportData;
  const today = calendarDayIn(new Date(), 'UTC');
  const MARCH = 'from=2025-03-01&to=2025-03-31';

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const { createAccount, createWorkspace } = await import(
      '../src/server/features/workspaces/service'
    );
    const { userId } = await createAccount(t.ctx, {
      name: 'Rita Reports',
      email: 'rita@reports.test',
      password: 'reports-password',
    });
    const ws = await createWorkspace(t.database.db, {
      name: 'Reports Agency',
      timeZone: 'UTC',
      currency: 'USD',
      adminUserId: userId,
    });
    d = await seedReportData(t.database.db, ws, userId, today);
    admin = await t.signIn('rita@reports.test', 'reports-password', ws);
  });
  afterAll(async () => t?.close());

  const row = (rows: { contractorId: string }[], id: string) =>
    rows.find((r) => r.contractorId === id) as Record<string, unknown>;

  it('R32 scorecards: on-time, revision rounds, QA first pass, escalations, kudos, cost', async () => {
    const res = await admin.get(`/api/reports/scorecards?${MARCH}&deliverableTypeId=${d.reel}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    // Reel tasks only: Ana TA1+TA2, Ben TB1.
    expect(row(body.rows, d.ana)).toMatchObject({
      subtasksDue: 4,
      subtasksOnTime: 3,
      onTimeRate: 0.75,
      tasks: 2,
      avgRevisionRounds: 1.5,
      qaReviewed: 2,
      qaFirstPass: 1,
      qaFirstPassRate: 0.5,
    });
    const all = (await admin.get(`/api/reports/scorecards?${MARCH}`)).json();
    expect(row(all.rows, d.ana)).toMatchObject({
      subtasksDue: 6,
      subtasksOnTime: 3,
      onTimeRate: 0.5,
      finalsDue: 3,
      finalsOnTime: 2,
      tasks: 3,
      avgRevisionRounds: 1,
      qaReviewed: 2,
      qaFirstPass: 1,
      qaFirstPassRate: 0.5,
      escalations: 2,
      kudos: 2,
      feedback: 1,
      acceptedQuantity: 3,
      acceptedAmountMinor: 30000,
      costPerAcceptedMinor: 10000,
    });
    expect(row(all.rows, d.ana).finalOnTimeRate).toBeCloseTo(2 / 3);
    expect(row(all.rows, d.ben)).toMatchObject({
      subtasksDue: 2,
      subtasksOnTime: 1,
      onTimeRate: 0.5,
      finalsDue: 1,
      finalsOnTime: 0,
      finalOnTimeRate: 0,
      tasks: 1,
      avgRevisionRounds: 1,
      qaFirstPassRate: 1,
      escalations: 0,
      kudos: 1,
      costPerAcceptedMinor: 8000,
    });
  });

  it('R32 on time means done by the end of the due day in the workspace time zone', async () => {
    const onTime = async (tz: string) => {
      await t.database.db
        .updateTable('workspaces')
        .set({ time_zone: tz })
        .where('id', '=', admin.workspaceId!)
        .execute();
      const rows = (await admin.get(`/api/reports/scorecards?${MARCH}`)).json().rows;
      return [row(rows, d.ana).subtasksOnTime, row(rows, d.ben).subtasksOnTime];
    };
    try {
      // 2025-03-05T23:00Z is the next morning in Tokyo (late) but the same evening in New York.
      expect(await onTime('Asia/Tokyo')).toEqual([2, 1]);
      expect(await onTime('America/New_York')).toEqual([4, 1]);
    } finally {
      expect(await onTime('UTC')).toEqual([3, 1]);
    }
  });

  it('R32 scorecards: monthly trend and rate in force against quality for a type', async () => {
    const body = (
      await admin.get(
        `/api/reports/scorecards?from=2025-03-01&to=2025-04-30&deliverableTypeId=${d.reel}`,
      )
    ).json();
    const ben = body.trend.filter((p: { contractorId: string }) => p.contractorId === d.ben);
    expect(ben).toEqual([
      {
        contractorId: d.ben,
        month: '2025-03',
        onTimeRate: 0.5,
        qaFirstPassRate: 1,
        avgRevisionRounds: 1,
        tasks: 1,
      },
      {
        contractorId: d.ben,
        month: '2025-04',
        onTimeRate: null,
        qaFirstPassRate: 1,
        avgRevisionRounds: 0,
        tasks: 1,
      },
    ]);
    const b = (
      await admin.get(`/api/reports/scorecards?${MARCH}&deliverableTypeId=${d.reel}`)
    ).json().bargaining;
    expect(b.deliverableType).toMatchObject({ id: d.reel, name: 'Reel' });
    expect(row(b.rows, d.ana)).toMatchObject({
      rateMinor: 10000,
      rateSource: 'negotiated',
      qaFirstPassRate: 0.5,
      onTimeRate: 0.75,
    });
    expect(row(b.rows, d.ben)).toMatchObject({
      rateMinor: 9000,
      rateSource: 'default',
      qaFirstPassRate: 1,
      onTimeRate: 0.5,
    });
  });

  it('R32 scorecards: one contractor gets his row and trend of the whole report, and the same bargaining view', async () => {
    for (const type of ['', `&deliverableTypeId=${d.reel}`]) {
      const all = (await admin.get(`/api/reports/scorecards?${MARCH}${type}`)).json();
      const one = (
        await admin.get(`/api/reports/scorecards?${MARCH}${type}&contractorId=${d.ana}`)
      ).json();
      expect(one.rows).toEqual([row(all.rows, d.ana)]);
      expect(one.trend).toEqual(
        all.trend.filter((p: { contractorId: string }) => p.contractorId === d.ana),
      );
      expect(one.trend.length).toBeGreaterThan(0);
      // The bargaining view compares every contractor whoever the report is about.
      expect(one.bargaining).toEqual(all.bargaining);
      expect(all.bargaining.rows.length).toBeGreaterThan(1);
    }
  });

  it('R32 process health: lead time, notice, why, assignment time, one-sheeters, weekly updates', async () => {
    const res = await admin.get(`/api/reports/process-health?${MARCH}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.requests).toEqual({
      total: 5,
      lead14Plus: { count: 2, total: 5, rate: 0.4 },
      lead7to13: { count: 2, total: 5, rate: 0.4 },
      leadUnder7: { count: 1, total: 5, rate: 0.2 },
      overrides: { count: 1, total: 5, rate: 0.2 },
    });
    expect(body.revisions).toEqual({ withNotice: { count: 1, total: 2, rate: 0.5 }, late: 1 });
    expect(body.feedbackWithWhy).toEqual({ count: 4, total: 4, rate: 1 });
    expect(body.requestToAssignment).toEqual({ count: 4, medianHours: 7, avgHours: 10 });
    expect(body.oneSheeters.complete).toEqual({ count: 1, total: 3, rate: 1 / 3 });
    expect(body.oneSheeters.incomplete).toEqual([
      { clientId: d.bolt, name: '+Bolt', missing: 7 },
      { clientId: d.cora, name: 'Cora', missing: 8 },
    ]);
    const names = (w: { missing: { name: string }[] }) => w.missing.map((m) => m.name);
    expect(body.weeklyUpdates.map((w: { weekStart: string }) => w.weekStart)).toEqual([
      d.lastWeek,
      addCalendarDays(d.lastWeek, -7),
      addCalendarDays(d.lastWeek, -14),
      addCalendarDays(d.lastWeek, -21),
    ]);
    expect(body.weeklyUpdates.map(names)).toEqual([
      ['Ben'],
      ['Ana', 'Ben'],
      ['Ana', 'Ben'],
      ['Ana', 'Ben'],
    ]);

    const acme = (
      await admin.get(`/api/reports/process-health?${MARCH}&clientId=${d.acme}`)
    ).json();
    expect(acme.requests.total).toBe(4);
    expect(acme.requests.lead14Plus.rate).toBe(0.5);
    expect(acme.requestToAssignment).toEqual({ count: 3, medianHours: 4, avgHours: 10 });
    expect(acme.oneSheeters.complete).toEqual({ count: 1, total: 1, rate: 1 });
  });

  it('R32 spend against budget by client, contractor and type, per month and quarter', async () => {
    const range = 'from=2025-03-01&to=2025-04-30';
    const byClient = (await admin.get(`/api/reports/spend?${range}&groupBy=client`)).json();
    const pick = (
      rows: { key: string | null; period: string }[],
      key: string | null,
      period: string,
    ) => rows.find((r) => r.key === key && r.period === period);
    expect(pick(byClient.rows, d.acme, '2025-03')).toMatchObject({
      label: 'Acme',
      budgetMinor: 40000,
      committedMinor: 32500,
      actualMinor: 22500,
    });
    expect(pick(byClient.rows, d.bolt, '2025-03')).toMatchObject({
      budgetMinor: 30000,
      committedMinor: 47000,
      actualMinor: 0,
    });
    expect(pick(byClient.rows, d.acme, '2025-04')).toMatchObject({
      budgetMinor: 10000,
      committedMinor: 8000,
      actualMinor: 8000,
    });
    expect(byClient.totals).toEqual([
      { period: '2025-03', budgetMinor: 70000, committedMinor: 79500, actualMinor: 22500 },
      { period: '2025-04', budgetMinor: 10000, committedMinor: 8000, actualMinor: 8000 },
    ]);

    const byType = (await admin.get(`/api/reports/spend?${range}&groupBy=type`)).json();
    expect(pick(byType.rows, d.reel, '2025-03')).toMatchObject({
      committedMinor: 62000,
      actualMinor: 20000,
    });
    expect(pick(byType.rows, d.carousel, '2025-03')).toMatchObject({
      committedMinor: 15000,
      actualMinor: 0,
    });
    expect(pick(byType.rows, null, '2025-03')).toMatchObject({
      committedMinor: 2500,
      actualMinor: 2500,
    });

    // Ana: TA1 20000 + TA2 10000 + TA3 15000 + the billable round 2500.
    const byCon = (
      await admin.get(`/api/reports/spend?${range}&groupBy=contractor&period=quarter`)
    ).json();
    expect(pick(byCon.rows, d.ana, '2025-Q1')).toMatchObject({
      committedMinor: 47500,
      actualMinor: 22500,
    });
    expect(pick(byCon.rows, d.ben, '2025-Q1')).toMatchObject({
      committedMinor: 32000,
      actualMinor: 0,
    });
    expect(pick(byCon.rows, d.ben, '2025-Q2')).toMatchObject({
      committedMinor: 8000,
      actualMinor: 8000,
    });
    expect(byCon.totals.map((x: { budgetMinor: number }) => x.budgetMinor)).toEqual([70000, 10000]);
  });

  it('R32 workload against capacity with unavailability, and who is over next week', async () => {
    const body = (await admin.get('/api/reports/workload?from=2025-03-05&weeks=2')).json();
    expect(body.weeks).toEqual(['2025-03-03', '2025-03-10']);
    expect(body.contractors.find((c: { name: string }) => c.name === 'Ana').cells).toEqual([
      { weekStart: '2025-03-03', load: 0, unavailableDays: 0, capacity: 10, over: false },
      { weekStart: '2025-03-10', load: 2, unavailableDays: 0, capacity: 10, over: false },
    ]);
    expect(body.contractors.find((c: { name: string }) => c.name === 'Ben').cells[1]).toEqual({
      weekStart: '2025-03-10',
      load: 4,
      unavailableDays: 2,
      capacity: 2.4,
      over: true,
    });
    expect(body.nextWeek).toBe(d.nextWeek);
    expect(body.overNextWeek).toEqual([{ contractorId: d.ben, name: 'Ben' }]);
  });

  it('R32 exports each report as CSV with formula-like cells neutralised', async () => {
    const res = await admin.get('/api/reports/spend?from=2025-03-01&to=2025-03-31&format=csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body.split('\r\n')[0]).toBe(
      'client,period,budget_minor,committed_minor,actual_minor,currency',
    );
    expect(res.body).toContain('"\'+Bolt",2025-03,30000,47000,0,USD');
    for (const path of ['scorecards', 'process-health', 'workload']) {
      const r = await admin.get(`/api/reports/${path}?format=csv`);
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toContain('text/csv');
    }
  });

  it('R5 contractors get 403 on every report; finance and strategists may read them', async () => {
    const contractor = await t.as('contractor');
    for (const path of ['scorecards', 'process-health', 'spend', 'workload']) {
      expect((await contractor.get(`/api/reports/${path}`)).statusCode).toBe(403);
      expect((await contractor.get(`/api/reports/${path}?format=csv`)).statusCode).toBe(403);
    }
    for (const role of ['finance', 'strategist', 'coordinator'] as const) {
      const c = await t.as(role);
      expect((await c.get('/api/reports/spend')).statusCode).toBe(200);
    }
  });

  it("another workspace's contractor or client is not found, and a bad range is refused", async () => {
    const demoAdmin = await t.as('admin');
    expect((await demoAdmin.get(`/api/reports/scorecards?contractorId=${d.ana}`)).statusCode).toBe(
      404,
    );
    expect((await demoAdmin.get(`/api/reports/process-health?clientId=${d.acme}`)).statusCode).toBe(
      404,
    );
    expect((await admin.get('/api/reports/spend?from=2025-04-01&to=2025-03-01')).statusCode).toBe(
      400,
    );
    expect((await admin.get('/api/reports/spend?groupBy=planet')).statusCode).toBe(400);
  });
});
