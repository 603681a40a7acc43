import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays, calendarDayIn } from '../src/domain/calendar';
import { rateInForceFor } from '../src/server/features/rates';
import { testDialects } from './support/databases';
import { createTestApp, type TestApp } from './support/harness';

interface RateCardItem {
  deliverableType: { id: string; name: string; version: number };
  current: { amountMinor: number; effectiveFrom: string } | null;
  upcoming: { amountMinor: number }[];
  history: { amountMinor: number; effectiveFrom: string }[];
  negotiatedInForce: { contractorName: string; amountMinor: number }[];
}

describe.each(testDialects())('rate card on %s', (dialect) => {
  let t: TestApp;
  let today: string;
  const idOf = (name: string) => async () => {
    const c = await t.as('coordinator');
    const items = (await c.get(`/api/contractors?q=${encodeURIComponent(name)}`)).json().items;
    return items[0].id as string;
  };
  beforeAll(async () => {
    t = await createTestApp(dialect);
    today = calendarDayIn(new Date(), 'America/New_York');
  });
  afterAll(async () => {
    await t.close();
  });

  const rateCount = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('rates')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('R7 the demo rate card has every type with its default in force and its history', async () => {
    const finance = await t.as('finance');
    const res = await finance.get('/api/rate-card');
    expect(res.statusCode).toBe(200);
    const items: RateCardItem[] = res.json().items;
    expect(items.map((i) => i.deliverableType.name)).toContain('Influencer campaign report');
    const captions = items.find((i) => i.deliverableType.name === 'Caption copy')!;
    expect(captions.current?.amountMinor).toBe(4000);
    expect(captions.history.map((h) => h.amountMinor)).toEqual([4000, 3500]);
    expect(captions.negotiatedInForce).toEqual([
      expect.objectContaining({ contractorName: 'Lina Okafor', amountMinor: 4500 }),
    ]);
    const calendar = items.find((i) => i.deliverableType.name === 'Monthly content calendar')!;
    expect(calendar.current?.amountMinor).toBe(120_000);
  });

  it('R7 prices at the rate in force: history, negotiated over default, future-dated', async () => {
    const coordinator = await t.as('coordinator');
    const type = await coordinator.post('/api/deliverable-types', {
      name: 'Blog post',
      group: 'organic',
      unit: 'item',
      defaultProductionDays: 5,
      qaChecklist: ['Proofread'],
    });
    expect(type.statusCode).toBe(201);
    const typeId = type.json().id as string;
    const mateo = await idOf('Mateo')();
    const post = (body: object) =>
      coordinator.post('/api/rates', { deliverableTypeId: typeId, currency: 'USD', ...body });
    const future = addCalendarDays(today, 30);
    for (const body of [
      { contractorId: null, amountMinor: 10_000, effectiveFrom: '2025-01-01', note: 'first' },
      { contractorId: null, amountMinor: 12_000, effectiveFrom: '2026-01-01' },
      { contractorId: null, amountMinor: 15_000, effectiveFrom: future },
      { contractorId: mateo, amountMinor: 11_000, effectiveFrom: '2025-06-01' },
    ]) {
      expect((await post(body)).statusCode).toBe(201);
    }

    const card = async (asOf?: string) =>
      (
        (await coordinator.get(`/api/rate-card${asOf ? `?asOf=${asOf}` : ''}`)).json()
          .items as RateCardItem[]
      ).find((i) => i.deliverableType.id === typeId)!;
    expect((await card('2024-12-31')).current).toBeNull();
    expect((await card('2025-03-01')).current?.amountMinor).toBe(10_000);
    const now = await card();
    expect(now.current).toMatchObject({ amountMinor: 12_000, effectiveFrom: '2026-01-01' });
    expect(now.upcoming.map((u) => u.amountMinor)).toEqual([15_000]);
    expect(now.history.map((h) => h.amountMinor)).toEqual([15_000, 12_000, 10_000]);
    expect((await card(future)).current?.amountMinor).toBe(15_000);

    const mine = async (asOf: string) =>
      (await coordinator.get(`/api/contractors/${mateo}/rates?asOf=${asOf}`))
        .json()
        .items.find((i: { deliverableType: { id: string } }) => i.deliverableType.id === typeId);
    const before = await mine('2025-03-01');
    expect(before.inForce).toMatchObject({ amountMinor: 10_000, source: 'default' });
    expect(before.negotiated).toBeNull();
    const after = await mine('2025-07-01');
    expect(after.inForce).toMatchObject({ amountMinor: 11_000, source: 'negotiated' });
    expect(after.default.amountMinor).toBe(10_000);
    expect(after.history).toHaveLength(1);

    // The service other features use (assignment prices at the rate in force when assigned).
    const scope = {
      workspaceId: t.demo.workspaceId,
      contractorId: mateo,
      deliverableTypeId: typeId,
    };
    expect(await rateInForceFor(t.database.db, { ...scope, date: '2025-02-01' })).toMatchObject({
      amountMinor: 10_000,
      source: 'default',
      unit: 'item',
    });
    expect(await rateInForceFor(t.database.db, { ...scope, date: future })).toMatchObject({
      amountMinor: 11_000,
      source: 'negotiated',
    });
    const grace = await idOf('Grace')();
    expect(
      await rateInForceFor(t.database.db, { ...scope, contractorId: grace, date: future }),
    ).toMatchObject({ amountMinor: 15_000, source: 'default' });
  });

  it('R7 a strategist cannot change rates (403); finance can', async () => {
    const types = (await (await t.as('admin')).get('/api/deliverable-types')).json().items;
    const body = {
      deliverableTypeId: types[0].id,
      contractorId: null,
      amountMinor: 99_900,
      currency: 'USD',
      effectiveFrom: today,
    };
    const before = await rateCount();
    const strategist = await (await t.as('strategist')).post('/api/rates', body);
    expect(strategist.statusCode).toBe(403);
    expect(strategist.json().error.message).toMatch(/^A strategist can't change rates/);
    expect((await (await t.as('qa')).post('/api/rates', body)).statusCode).toBe(403);
    expect((await (await t.as('contractor')).post('/api/rates', body)).statusCode).toBe(403);
    expect(await rateCount()).toBe(before);
    expect((await (await t.as('finance')).post('/api/rates', body)).statusCode).toBe(201);
    expect(await rateCount()).toBe(before + 1);
  });

  it('R7 refuses bad rates: not a date, archived type, unknown contractor', async () => {
    const admin = await t.as('admin');
    const created = await admin.post('/api/deliverable-types', {
      name: 'Old format',
      group: 'influencer',
      unit: 'hour',
      defaultProductionDays: 1,
    });
    const id = created.json().id;
    const base = { deliverableTypeId: id, amountMinor: 100, currency: 'usd', effectiveFrom: today };
    const badDate = await admin.post('/api/rates', { ...base, effectiveFrom: '2026-02-30' });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.fields['body.effectiveFrom']).toBe('Not a calendar date');
    const ghost = await admin.post('/api/rates', { ...base, contractorId: 'nobody' });
    expect(ghost.statusCode).toBe(404);
    expect(
      (await admin.patch(`/api/deliverable-types/${id}`, { version: 1, archived: true }))
        .statusCode,
    ).toBe(200);
    const archived = await admin.post('/api/rates', base);
    expect(archived.statusCode).toBe(422);
    expect(archived.json().error.rule).toBe('R7');
    const stale = await admin.patch(`/api/deliverable-types/${id}`, { version: 1, sort: 5 });
    expect(stale.statusCode).toBe(409);
    const listed = (await admin.get('/api/deliverable-types')).json().items;
    expect(listed.map((x: { id: string }) => x.id)).not.toContain(id);
    const all = (await admin.get('/api/deliverable-types?includeArchived=true')).json().items;
    expect(all.map((x: { id: string }) => x.id)).toContain(id);
  });

  it('R5 a contractor sees deliverable types and his own rates, never the card or others', async () => {
    const contractor = await t.as('contractor');
    expect((await contractor.get('/api/deliverable-types')).statusCode).toBe(200);
    expect((await contractor.get('/api/rate-card')).statusCode).toBe(403);
    const me = (await contractor.get('/api/me/contractor')).json();
    const own = await contractor.get(`/api/contractors/${me.id}/rates`);
    expect(own.statusCode).toBe(200);
    const captions = own
      .json()
      .items.find(
        (i: { deliverableType: { name: string } }) => i.deliverableType.name === 'Caption copy',
      );
    expect(captions.inForce).toMatchObject({ amountMinor: 4500, source: 'negotiated' });
    expect(captions.history[0].note).toBe('');
    const mateo = await idOf('Mateo')();
    const other = await contractor.get(`/api/contractors/${mateo}/rates`);
    expect(other.statusCode).toBe(404);
    expect(other.body).not.toContain('20000');
    expect((await contractor.post('/api/deliverable-types', { name: 'x' })).statusCode).toBe(403);
  });

  it('R7 CSV: exports the history; an import with one bad row writes nothing', async () => {
    const coordinator = await t.as('coordinator');
    const exported = await coordinator.get('/api/rates/export.csv');
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toMatch(/text\/csv/);
    expect(exported.body.split('\r\n')[0]).toBe(
      'deliverable_type,contractor_email,contractor_name,amount,currency,effective_from,note',
    );
    expect(exported.body).toContain('Caption copy,contractor@demo.handoff.test,Lina Okafor,45.00');

    const before = await rateCount();
    const bad = [
      'deliverable_type,contractor_email,amount,currency,effective_from,note',
      'Caption copy,,42.50,USD,2027-01-01,New card',
      'Podcast,,10,USD,2027-01-01,',
      'Carousel,nobody@example.com,1o0,USD,2027-13-01,',
    ].join('\n');
    const refused = await coordinator.post('/api/rates/import', { csv: bad });
    expect(refused.statusCode).toBe(422);
    const rows = refused.json().error.details.rows;
    expect(rows.map((r: { line: number }) => r.line)).toEqual([3, 4]);
    expect(Object.keys(rows[1].errors).sort()).toEqual([
      'amount',
      'contractor_email',
      'effective_from',
    ]);
    expect(await rateCount()).toBe(before);

    const good = [
      'deliverable_type,contractor_email,amount,currency,effective_from,note',
      'caption copy,,42.50,USD,2027-01-01,New card',
      'Carousel,mateo.alvarez@example.com,"1,400",USD,2027-01-01,',
    ].join('\n');
    const preview = await coordinator.post('/api/rates/import', { csv: good, dryRun: true });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ dryRun: true, created: 2 });
    expect(await rateCount()).toBe(before);
    const done = await coordinator.post('/api/rates/import', { csv: good });
    expect(done.json()).toMatchObject({ dryRun: false, created: 2, unchanged: 0 });
    expect(await rateCount()).toBe(before + 2);
    const again = await coordinator.post('/api/rates/import', { csv: good });
    expect(again.json()).toMatchObject({ created: 0, unchanged: 2 });
    expect(await rateCount()).toBe(before + 2);
    const audit = (await (await t.as('admin')).get('/api/audit?entityType=rate')).json().items;
    expect(audit[0]).toMatchObject({ action: 'imported' });
    expect(
      (await (await t.as('strategist')).post('/api/rates/import', { csv: good })).statusCode,
    ).toBe(403);
  });

  it("gives 404 for another workspace's types and contractors and leaves them unchanged", async () => {
    const other = await createSecondWorkspace(t, 'rates');
    const type = await other.post('/api/deliverable-types', {
      name: 'Their type',
      group: 'organic',
      unit: 'item',
      defaultProductionDays: 2,
    });
    const typeId = type.json().id;
    const contractor = await other.post('/api/contractors', {
      name: 'Their Contractor',
      email: 'theirs@other.test',
      timeZone: 'UTC',
    });
    const contractorId = contractor.json().id;
    const otherCard = (await other.get('/api/rate-card')).json();

    const admin = await t.as('admin');
    const patch = await admin.patch(`/api/deliverable-types/${typeId}`, {
      version: 1,
      name: 'Mine',
    });
    expect(patch.statusCode).toBe(404);
    const rate = await admin.post('/api/rates', {
      deliverableTypeId: typeId,
      amountMinor: 1,
      currency: 'USD',
      effectiveFrom: today,
    });
    expect(rate.statusCode).toBe(404);
    const types = (await admin.get('/api/deliverable-types')).json().items;
    const negotiated = await admin.post('/api/rates', {
      deliverableTypeId: types[0].id,
      contractorId,
      amountMinor: 1,
      currency: 'USD',
      effectiveFrom: today,
    });
    expect(negotiated.statusCode).toBe(404);
    expect((await admin.get(`/api/contractors/${contractorId}/rates`)).statusCode).toBe(404);
    expect((await other.get('/api/rate-card')).json()).toEqual(otherCard);
  });
});

async function createSecondWorkspace(t: TestApp, tag: string) {
  const { createAccount, createWorkspace } = await import(
    '../src/server/features/workspaces/service'
  );
  const email = `olga.${tag}@other.test`;
  const { userId } = await createAccount(t.ctx, {
    name: 'Olga Other',
    email,
    password: 'other-password',
  });
  const workspaceId = await createWorkspace(t.database.db, {
    name: 'Other Agency',
    timeZone: 'UTC',
    currency: 'USD',
    adminUserId: userId,
  });
  return t.signIn(email, 'other-password', workspaceId);
}
