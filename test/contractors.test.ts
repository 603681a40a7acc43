import nodeIcal, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays, calendarDayIn } from '../src/domain/calendar';
import { unavailableRanges } from '../src/server/features/availability';
import { isFirstPairing, recordPairing } from '../src/server/features/contractors';
import { testDialects } from './support/databases';
import { type Client, createTestApp, type TestApp } from './support/harness';

interface Row {
  id: string;
  name: string;
  status: string;
  version: number;
  weeklyCapacity: number;
  skills: string[];
}

describe.each(testDialects())('contractors, availability and vetting on %s', (dialect) => {
  let t: TestApp;
  let today: string;
  let coordinator: Client;
  let byName: (name: string) => Promise<Row>;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    today = calendarDayIn(new Date(), 'America/New_York');
    coordinator = await t.as('coordinator');
    byName = async (name) => {
      const items = (await coordinator.get(`/api/contractors?q=${encodeURIComponent(name)}`)).json()
        .items;
      return (await coordinator.get(`/api/contractors/${items[0].id}`)).json();
    };
  });
  afterAll(async () => {
    await t.close();
  });

  const contractorRow = (id: string) =>
    t.database.db.selectFrom('contractors').selectAll().where('id', '=', id).executeTakeFirst();

  it('R6 lists contractors by name with filters and keyset pages; contractors may not', async () => {
    const all: Row[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/contractors?limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page: { items: Row[]; nextCursor: string | null } = (await coordinator.get(url)).json();
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(all).toHaveLength(10);
    expect(new Set(all.map((r) => r.id)).size).toBe(10);
    const names = all.map((r) => r.name);
    expect(names).toContain('Lina Okafor');
    const active = (await coordinator.get('/api/contractors?status=active')).json().items;
    expect(active).toHaveLength(6);
    const pipeline = (await coordinator.get('/api/contractors?status=trial,applied')).json().items;
    expect(pipeline.map((r: Row) => r.name).sort()).toEqual(['Naomi Brooks', 'Sofia Marchetti']);
    const reel = t.demo.deliverableTypeIds.reel;
    const reels = (await coordinator.get(`/api/contractors?skill=${reel}`)).json().items;
    expect(reels.map((r: Row) => r.name).sort()).toEqual([
      'Mateo Álvarez',
      'Oliver Hughes',
      'Sofia Marchetti',
    ]);
    expect((await coordinator.get('/api/contractors?q=ANGEL')).json().items[0].scorecard).toEqual({
      quality: 4,
      communication: 5,
      reliability: 5,
      brandFit: 4,
    });
    expect((await coordinator.get('/api/contractors?cursor=garbage')).statusCode).toBe(400);
    expect((await coordinator.get('/api/contractors?status=retired')).statusCode).toBe(400);
    expect((await (await t.as('contractor')).get('/api/contractors')).statusCode).toBe(403);
  });

  it('R6 creates and edits a contractor with optimistic locking and an invitation', async () => {
    const created = await coordinator.post('/api/contractors', {
      name: 'Ada Lovelace',
      email: 'Ada@Example.com',
      timeZone: 'Europe/London',
      skills: [t.demo.deliverableTypeIds.captions],
      weeklyCapacity: 10,
      inviteEmail: true,
    });
    expect(created.statusCode).toBe(201);
    const { id, invitationLink } = created.json();
    expect(invitationLink).toContain('/invite/');
    const profile = (await coordinator.get(`/api/contractors/${id}`)).json();
    expect(profile).toMatchObject({
      email: 'ada@example.com',
      status: 'applied',
      includedRevisionRounds: 1,
      paymentTerms: 'Net 15',
      nextStatuses: ['interviewed', 'offboarded'],
    });
    const ok = await coordinator.patch(`/api/contractors/${id}`, {
      version: profile.version,
      paymentTerms: 'Net 30',
      includedRevisionRounds: 2,
    });
    expect(ok.statusCode).toBe(200);
    const stale = await coordinator.patch(`/api/contractors/${id}`, {
      version: profile.version,
      notes: 'late edit',
    });
    expect(stale.statusCode).toBe(409);
    expect((await contractorRow(id))?.notes).toBe('');
    const bad = await coordinator.post('/api/contractors', {
      name: 'X',
      email: 'x@example.com',
      timeZone: 'Mars/Olympus',
      skills: ['nope'],
    });
    expect(bad.statusCode).toBe(400);
    const unknownSkill = await coordinator.post('/api/contractors', {
      name: 'X',
      email: 'x@example.com',
      timeZone: 'UTC',
      skills: ['nope'],
    });
    expect(unknownSkill.statusCode).toBe(400);
    expect(unknownSkill.json().error.fields.skills).toMatch(/Unknown deliverable type/);
    const dup = await coordinator.post('/api/contractors', {
      name: 'Ada Again',
      email: 'ada@example.com',
      timeZone: 'UTC',
    });
    expect(dup.statusCode).toBe(409);
    expect(
      (await (await t.as('strategist')).post('/api/contractors', { name: 'S' })).statusCode,
    ).toBe(403);

    // The invited person signs up and is linked to this record by the invited e-mail.
    const token = invitationLink.split('/invite/')[1];
    const accepted = await t.anonymous.post(`/api/invitations/by-token/${token}/accept`, {
      name: 'Ada Lovelace',
      password: 'analytical-engine',
    });
    expect(accepted.statusCode).toBe(200);
    const ada = await t.signIn('ada@example.com', 'analytical-engine', t.demo.workspaceId);
    const mine = await ada.get('/api/me/contractor');
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ id, linked: true, paymentTerms: 'Net 30' });
    expect((await contractorRow(id))?.user_id).not.toBeNull();
  });

  it('R5 a contractor sees and edits only his own profile', async () => {
    const contractor = await t.as('contractor');
    const me = (await contractor.get('/api/me/contractor')).json();
    expect(me.name).toBe('Lina Okafor');
    expect(me).not.toHaveProperty('scorecard');
    expect(me).not.toHaveProperty('notes');
    expect(me).not.toHaveProperty('trialOutcome');
    expect((await contractor.get(`/api/contractors/${me.id}`)).statusCode).toBe(200);
    const mateo = await byName('Mateo');
    const other = await contractor.get(`/api/contractors/${mateo.id}`);
    expect(other.statusCode).toBe(404);
    expect(
      (await contractor.patch(`/api/contractors/${me.id}`, { version: me.version })).statusCode,
    ).toBe(403);
    const updated = await contractor.patch('/api/me/contractor-profile', {
      version: me.version,
      timeZone: 'Europe/Lisbon',
      weeklyCapacity: 25,
      portfolioLinks: ['https://lina.example.com'],
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ timeZone: 'Europe/Lisbon', weeklyCapacity: 25 });
    const badTz = await contractor.patch('/api/me/contractor-profile', {
      version: me.version + 1,
      timeZone: 'Nowhere/Land',
    });
    expect(badTz.statusCode).toBe(400);
    expect((await (await t.as('qa')).get('/api/me/contractor')).statusCode).toBe(403);
  });

  it('R8 a contractor records and removes his own unavailability, never someone else’s', async () => {
    const contractor = await t.as('contractor');
    const me = (await contractor.get('/api/me/contractor')).json();
    const start = addCalendarDays(today, 40);
    const added = await contractor.post(`/api/contractors/${me.id}/unavailability`, {
      start,
      end: addCalendarDays(start, 2),
      kind: 'time_off',
      note: 'Long weekend',
    });
    expect(added.statusCode).toBe(201);
    const list = (await contractor.get(`/api/contractors/${me.id}/unavailability`)).json().items;
    expect(list.map((u: { note: string }) => u.note)).toContain('Long weekend');
    const mateo = await byName('Mateo');
    const theirs = await contractor.post(`/api/contractors/${mateo.id}/unavailability`, {
      start,
      end: start,
      kind: 'other',
    });
    expect(theirs.statusCode).toBe(404);
    expect((await contractor.get(`/api/contractors/${mateo.id}/unavailability`)).statusCode).toBe(
      404,
    );
    const mateoRange = (await coordinator.get(`/api/contractors/${mateo.id}/unavailability`)).json()
      .items[0];
    expect((await contractor.delete(`/api/unavailability/${mateoRange.id}`)).statusCode).toBe(404);
    expect(
      (await (await t.as('strategist')).delete(`/api/unavailability/${mateoRange.id}`)).statusCode,
    ).toBe(403);
    for (const [body, field] of [
      [{ start, end: addCalendarDays(start, -1), kind: 'travel' }, 'body.end'],
      [{ start: '2026-02-30', end: '2026-03-02', kind: 'travel' }, 'body.start'],
      [{ start, end: addCalendarDays(start, 366), kind: 'travel' }, 'body.end'],
      [{ start, end: start, kind: 'holiday' }, 'body.kind'],
    ] as const) {
      const res = await contractor.post(`/api/contractors/${me.id}/unavailability`, body);
      expect(res.statusCode).toBe(400);
      expect(Object.keys(res.json().error.fields)).toContain(field);
    }
    expect((await contractor.delete(`/api/unavailability/${added.json().id}`)).statusCode).toBe(
      200,
    );
    const after = (await contractor.get(`/api/contractors/${me.id}/unavailability`)).json().items;
    expect(after.map((u: { note: string }) => u.note)).not.toContain('Long weekend');
  });

  it('R8 the team calendar shows who is away in a window, in one answer', async () => {
    const res = await coordinator.get(
      `/api/availability?from=${today}&to=${addCalendarDays(today, 21)}`,
    );
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { contractor: Row; ranges: { kind: string }[] }[];
    expect(items).toHaveLength(8); // 6 active, 1 trial, 1 paused
    const away = items.filter((i) => i.ranges.length > 0).map((i) => i.contractor.name);
    expect(away.sort()).toEqual(['Mateo Álvarez', 'Tomás Ferreira']);
    expect(items.map((i) => i.contractor.name)).not.toContain('Sofia Marchetti');
    const wide = await coordinator.get(
      `/api/availability?from=${today}&to=${addCalendarDays(today, 120)}`,
    );
    expect(wide.statusCode).toBe(400);
    expect(
      (await (await t.as('contractor')).get(`/api/availability?from=${today}&to=${today}`))
        .statusCode,
    ).toBe(403);
    const mateo = await byName('Mateo');
    const ranges = await unavailableRanges(t.database.db, {
      workspaceId: t.demo.workspaceId,
      contractorId: mateo.id,
      from: today,
      to: addCalendarDays(today, 30),
    });
    expect(ranges).toEqual([{ start: addCalendarDays(today, 5), end: addCalendarDays(today, 9) }]);
  });

  it('R8 publishes unavailability as an iCal feed; a new or revoked link kills the old one', async () => {
    const contractor = await t.as('contractor');
    const me = (await contractor.get('/api/me/contractor')).json();
    const start = addCalendarDays(today, 60);
    await contractor.post(`/api/contractors/${me.id}/unavailability`, {
      start,
      end: addCalendarDays(start, 3),
      kind: 'travel',
      note: 'Lisbon trip',
    });
    const first = await contractor.post(`/api/contractors/${me.id}/unavailability/feed`);
    expect(first.statusCode).toBe(201);
    const url = new URL(first.json().url);
    const feed = await t.anonymous.get(url.pathname);
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    const events = Object.values(nodeIcal.sync.parseICS(feed.body)).filter(
      (e): e is VEvent => e?.type === 'VEVENT',
    );
    const localDay = (d: Date) =>
      `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    const trip = events.find((e) => e.description === 'Lisbon trip')!;
    expect(trip.summary).toBe('Away: Travel');
    expect(trip.datetype).toBe('date');
    expect(localDay(trip.start)).toBe(start);
    expect(localDay(trip.end!)).toBe(addCalendarDays(start, 4)); // DTEND is exclusive
    expect(
      events.some((e) => e.summary === 'Away: Travel' && e.description === 'Conference in Berlin'),
    ).toBe(true);

    const mateo = await byName('Mateo');
    expect(
      (await contractor.post(`/api/contractors/${mateo.id}/unavailability/feed`)).statusCode,
    ).toBe(404);
    const second = await coordinator.post(`/api/contractors/${me.id}/unavailability/feed`);
    expect((await t.anonymous.get(url.pathname)).statusCode).toBe(404);
    const secondPath = new URL(second.json().url).pathname;
    expect((await t.anonymous.get(secondPath)).statusCode).toBe(200);
    expect(
      (await contractor.delete(`/api/contractors/${me.id}/unavailability/feed`)).statusCode,
    ).toBe(200);
    expect((await t.anonymous.get(secondPath)).statusCode).toBe(404);
    expect((await t.anonymous.get('/api/feeds/not-a-real-token-at-all.ics')).statusCode).toBe(404);
  });

  it('R9 refuses a skipped vetting stage and audits an allowed move', async () => {
    const sofia = await byName('Sofia');
    const skip = await coordinator.post(`/api/contractors/${sofia.id}/status`, {
      status: 'active',
    });
    expect(skip.statusCode).toBe(422);
    expect(skip.json().error).toMatchObject({ code: 'RULE_VIOLATION', rule: 'R9' });
    expect(skip.json().error.message).toContain('move from applied to interviewed first');
    expect((await contractorRow(sofia.id))?.status).toBe('applied');
    const move = await coordinator.post(`/api/contractors/${sofia.id}/status`, {
      status: 'interviewed',
      note: 'Great call',
    });
    expect(move.statusCode).toBe(200);
    const audit = (
      await (await t.as('admin')).get(`/api/audit?entityType=contractor&entityId=${sofia.id}`)
    ).json().items;
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['status_changed']);
    expect(audit[0]).toMatchObject({
      actorName: 'Ellie Sebastian',
      before: { status: 'applied' },
      after: { status: 'interviewed', note: 'Great call' },
    });
    const contractor = await t.as('contractor');
    expect(
      (await contractor.post(`/api/contractors/${sofia.id}/status`, { status: 'offboarded' }))
        .statusCode,
    ).toBe(403);
    expect((await contractor.get(`/api/contractors/${sofia.id}/references`)).statusCode).toBe(403);
    expect((await contractor.get(`/api/contractors/${sofia.id}/interview-notes`)).statusCode).toBe(
      403,
    );
    expect((await contractor.get('/api/contractors/compare?ids=a,b')).statusCode).toBe(403);
  });

  it('R9 keeps interview notes, references and a scorecard; strategists may read them', async () => {
    const naomi = await byName('Naomi');
    expect(
      (
        await coordinator.post(`/api/contractors/${naomi.id}/interview-notes`, {
          body: 'Second call: strong on hooks.',
        })
      ).statusCode,
    ).toBe(201);
    const ref = await coordinator.post(`/api/contractors/${naomi.id}/references`, {
      pastClient: 'Oak & Ash',
      contact: 'Lee',
      whatTheySaid: 'Dependable',
      contactedAt: today,
    });
    expect(ref.statusCode).toBe(201);
    const strategist = await t.as('strategist');
    const notes = (await strategist.get(`/api/contractors/${naomi.id}/interview-notes`)).json()
      .items;
    expect(notes[0]).toMatchObject({
      body: 'Second call: strong on hooks.',
      authorName: 'Ellie Sebastian',
    });
    const refs = (await strategist.get(`/api/contractors/${naomi.id}/references`)).json().items;
    expect(refs.map((r: { pastClient: string }) => r.pastClient)).toContain('Oak & Ash');
    expect(
      (await strategist.post(`/api/contractors/${naomi.id}/references`, { pastClient: 'x' }))
        .statusCode,
    ).toBe(403);
    const score = { quality: 5, communication: 4, reliability: 5, brandFit: 4 };
    const put = await coordinator.put(`/api/contractors/${naomi.id}/scorecard`, {
      ...score,
      trialOutcome: 'Captions approved first time',
      version: naomi.version,
    });
    expect(put.statusCode).toBe(200);
    const after = (await coordinator.get(`/api/contractors/${naomi.id}`)).json();
    expect(after).toMatchObject({ scorecard: score, trialOutcome: 'Captions approved first time' });
    const outOfRange = await coordinator.put(`/api/contractors/${naomi.id}/scorecard`, {
      ...score,
      quality: 6,
      version: after.version,
    });
    expect(outOfRange.statusCode).toBe(400);
  });

  it('R9 compares candidates side by side on rates, skills, scorecard and capacity', async () => {
    const lina = await byName('Lina');
    const mateo = await byName('Mateo');
    const res = await coordinator.get(`/api/contractors/compare?ids=${lina.id},${mateo.id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.contractors.map((c: Row) => c.name)).toEqual(['Lina Okafor', 'Mateo Álvarez']);
    const captions = t.demo.deliverableTypeIds.captions;
    const linaCaptions = body.contractors[0].rates.find(
      (r: { deliverableTypeId: string }) => r.deliverableTypeId === captions,
    );
    expect(linaCaptions).toMatchObject({
      inForce: { amountMinor: 4500, source: 'negotiated' },
      default: { amountMinor: 4000 },
      negotiated: { amountMinor: 4500 },
    });
    const mateoCaptions = body.contractors[1].rates.find(
      (r: { deliverableTypeId: string }) => r.deliverableTypeId === captions,
    );
    expect(mateoCaptions).toMatchObject({ inForce: { source: 'default' }, negotiated: null });
    expect(body.contractors[1].scorecard.quality).toBe(5);
    expect(body.contractors[0].skills).toContain(captions);
    expect((await coordinator.get(`/api/contractors/compare?ids=${lina.id}`)).statusCode).toBe(400);
    expect((await coordinator.get('/api/contractors/compare?ids=a,b,c,d,e')).statusCode).toBe(400);
    expect(
      (await coordinator.get(`/api/contractors/compare?ids=${lina.id},nobody`)).statusCode,
    ).toBe(404);
  });

  it('R6 CSV import validates every row: one bad row writes nothing; dry run previews', async () => {
    const exported = await coordinator.get('/api/contractors/export.csv');
    expect(exported.statusCode).toBe(200);
    expect(exported.body).toContain('Lina Okafor,contractor@demo.handoff.test,active');
    const count = async () =>
      (await t.database.db.selectFrom('contractors').select('id').execute()).length;
    const before = await count();
    const header = 'name,email,status,time_zone,skills,weekly_capacity';
    const bad = [
      header,
      'New Person,new.person@example.com,applied,America/New_York,Caption copy; Carousel,10',
      'Broken,not-an-email,applied,Mars/Base,Knitting,lots',
      'Sofia Marchetti,sofia.marchetti@example.com,active,,,',
    ].join('\n');
    const refused = await coordinator.post('/api/contractors/import', { csv: bad });
    expect(refused.statusCode).toBe(422);
    const rows = refused.json().error.details.rows;
    expect(rows.map((r: { line: number }) => r.line)).toEqual([3, 4]);
    expect(Object.keys(rows[0].errors).sort()).toEqual([
      'email',
      'skills',
      'time_zone',
      'weekly_capacity',
    ]);
    expect(rows[1].errors.status).toMatch(/skip vetting stages/);
    expect(await count()).toBe(before);

    const good = [
      header,
      'New Person,new.person@example.com,applied,America/New_York,Caption copy; Carousel,10',
      'Sofia Marchetti,sofia.marchetti@example.com,,,,30',
    ].join('\n');
    const preview = await coordinator.post('/api/contractors/import', { csv: good, dryRun: true });
    expect(preview.json()).toMatchObject({ dryRun: true, created: 1, updated: 1 });
    expect(await count()).toBe(before);
    const done = await coordinator.post('/api/contractors/import', { csv: good });
    expect(done.json()).toMatchObject({ created: 1, updated: 1 });
    expect(await count()).toBe(before + 1);
    expect((await byName('Sofia')).weeklyCapacity).toBe(30);
    expect((await byName('New Person')).skills).toHaveLength(2);
  });

  it('R16 records the first pairing of a contractor with a client once', async () => {
    // A candidate who has never been assigned work, so the demo's assignments cannot interfere.
    const created = await coordinator.post('/api/contractors', {
      name: 'Pat Pairing',
      email: 'pat.pairing@example.com',
      timeZone: 'UTC',
    });
    const contractorId: string = created.json().id;
    const clientId = t.demo.clientIds[0];
    const scope = { workspaceId: t.demo.workspaceId, clientId, contractorId };
    expect(await isFirstPairing(t.database.db, scope)).toBe(true);
    const actor = { workspaceId: t.demo.workspaceId, userId: t.demo.users.coordinator };
    const pair = () =>
      t.database.db
        .transaction()
        .execute((tx) => recordPairing(tx, actor, { clientId, contractorId }));
    expect(await pair()).toBe(true);
    expect(await isFirstPairing(t.database.db, scope)).toBe(false);
    expect(await pair()).toBe(false);
    const other = { ...scope, clientId: t.demo.clientIds[1] };
    expect(await isFirstPairing(t.database.db, other)).toBe(true);
  });

  it("gives 404 for another workspace's contractor and leaves it unchanged", async () => {
    const other = await createSecondWorkspace(t);
    const created = await other.post('/api/contractors', {
      name: 'Their Person',
      email: 'their.person@other.test',
      timeZone: 'UTC',
    });
    const id = created.json().id;
    const before = await contractorRow(id);
    const admin = await t.as('admin');
    expect((await admin.get(`/api/contractors/${id}`)).statusCode).toBe(404);
    expect(
      (await admin.patch(`/api/contractors/${id}`, { version: 1, name: 'Mine' })).statusCode,
    ).toBe(404);
    expect(
      (await admin.post(`/api/contractors/${id}/status`, { status: 'interviewed' })).statusCode,
    ).toBe(404);
    expect(
      (
        await admin.put(`/api/contractors/${id}/scorecard`, {
          quality: 1,
          communication: 1,
          reliability: 1,
          brandFit: 1,
          version: 1,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await admin.post(`/api/contractors/${id}/interview-notes`, { body: 'x' })).statusCode,
    ).toBe(404);
    expect(
      (
        await admin.post(`/api/contractors/${id}/unavailability`, {
          start: today,
          end: today,
          kind: 'other',
        })
      ).statusCode,
    ).toBe(404);
    expect((await admin.post(`/api/contractors/${id}/unavailability/feed`)).statusCode).toBe(404);
    const lina = await byName('Lina');
    expect((await admin.get(`/api/contractors/compare?ids=${lina.id},${id}`)).statusCode).toBe(404);
    expect(await contractorRow(id)).toEqual(before);
    const list = (await admin.get('/api/contractors?q=Their')).json().items;
    expect(list).toEqual([]);
  });
});

async function createSecondWorkspace(t: TestApp) {
  const { createAccount, createWorkspace } = await import(
    '../src/server/features/workspaces/service'
  );
  const { userId } = await createAccount(t.ctx, {
    name: 'Olga Other',
    email: 'olga@other.test',
    password: 'other-password',
  });
  const workspaceId = await createWorkspace(t.database.db, {
    name: 'Other Agency',
    timeZone: 'UTC',
    currency: 'USD',
    adminUserId: userId,
  });
  return t.signIn('olga@other.test', 'other-password', workspaceId);
}
