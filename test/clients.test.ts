import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertClientAssignable } from '../src/server/features/clients/index';
import { createSecondWorkspace, demoClientId, fullSheet } from './support/clients';
import { testDialects } from './support/databases';
import { type Client, createTestApp, type TestApp } from './support/harness';

describe.each(testDialects())('clients (R1, R2, R5) on %s', (dialect) => {
  let t: TestApp;
  let coordinator: Client;
  let strategist: Client;
  let admin: Client;
  let contractor: Client;
  const idOf = (name: string) => demoClientId(t, name);

  beforeAll(async () => {
    t = await createTestApp(dialect);
    [coordinator, strategist, admin, contractor] = await Promise.all([
      t.as('coordinator'),
      t.as('strategist'),
      t.as('admin'),
      t.as('contractor'),
    ]);
  });
  afterAll(async () => {
    await t.close();
  });

  const newClient = async (name: string, extra: Record<string, unknown> = {}) => {
    const res = await strategist.post('/api/clients', {
      name,
      companyCategory: 'core',
      departmentTier: 1,
      ...extra,
    });
    expect(res.statusCode).toBe(201);
    return res.json();
  };

  it('R5 refuses contractors on every client route, so they never see contacts', async () => {
    const id = idOf('Harbor & Vine Coffee');
    const calls = [
      contractor.get('/api/clients'),
      contractor.get(`/api/clients/${id}`),
      contractor.post('/api/clients', { name: 'X', companyCategory: 'core', departmentTier: 1 }),
      contractor.patch(`/api/clients/${id}`, { version: 1, notes: 'x' }),
      contractor.post(`/api/clients/${id}/fit-override`, { reason: 'a long enough reason' }),
      contractor.get(`/api/clients/${id}/one-sheeter`),
      contractor.get(`/api/clients/${id}/one-sheeter/versions`),
      contractor.get('/api/clients/export.csv'),
      contractor.get('/api/client-categories'),
    ];
    for (const res of await Promise.all(calls)) {
      expect(res.statusCode).toBe(403);
      expect(res.body).not.toContain('maya@harborandvine.example');
    }
  });

  it('creates, reads and updates a client with validation, duplicates and stale versions', async () => {
    const created = await newClient('Gale Force Running', {
      strategistUserId: t.demo.users.strategist,
      contacts: [{ name: 'Rae', email: 'RAE@GALE.example' }],
      typicalRevisionRounds: 2,
    });
    expect(created).toMatchObject({
      name: 'Gale Force Running',
      companyCategory: 'core',
      departmentTier: 1,
      strategist: { userId: t.demo.users.strategist, name: 'Jonathan Reisch' },
      contacts: [{ name: 'Rae', email: 'rae@gale.example', role: '', phone: '' }],
      fit: { status: 'eligible', override: null },
      assignable: true,
      oneSheeter: null,
      abilities: { edit: true, overrideFit: false, editOneSheeter: true },
      version: 1,
    });
    const got = await coordinator.get(`/api/clients/${created.id}`);
    expect(got.json().abilities.overrideFit).toBe(true);

    const dup = await strategist.post('/api/clients', {
      name: '  gale force RUNNING ',
      companyCategory: 'growth',
      departmentTier: 2,
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({
      code: 'ALREADY_EXISTS',
      fields: { name: expect.any(String) },
    });

    const bad = await strategist.post('/api/clients', { name: '', departmentTier: 4 });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields)).toEqual(
      expect.arrayContaining(['body.name', 'body.departmentTier', 'body.companyCategory']),
    );
    const unknownCategory = await strategist.post('/api/clients', {
      name: 'Nope',
      companyCategory: 'platinum',
      departmentTier: 1,
    });
    expect(unknownCategory.statusCode).toBe(400);
    expect(unknownCategory.json().error.fields.companyCategory).toBeDefined();
    const notStrategist = await strategist.post('/api/clients', {
      name: 'Nope',
      companyCategory: 'core',
      departmentTier: 1,
      strategistUserId: t.demo.users.coordinator,
    });
    expect(notStrategist.statusCode).toBe(400);
    expect(notStrategist.json().error.fields.strategistUserId).toBeDefined();

    const patched = await coordinator.patch(`/api/clients/${created.id}`, {
      version: 1,
      companyCategory: 'Growth',
      departmentTier: 2,
      collateralReady: false,
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      companyCategory: 'growth',
      version: 2,
      fit: { status: 'not_eligible' },
      assignable: false,
    });
    expect(patched.json().fit.cautions).toEqual([
      'Collateral is usually not ready before the start of the month',
    ]);
    const stale = await strategist.patch(`/api/clients/${created.id}`, { version: 1, notes: 'x' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'STALE_VERSION', details: { current: 2 } });
    const renameClash = await strategist.patch(`/api/clients/${created.id}`, {
      version: 2,
      name: 'lumen skincare',
    });
    expect(renameClash.statusCode).toBe(409);
    expect(renameClash.json().error.code).toBe('ALREADY_EXISTS');
    const qa = await t.as('qa');
    expect((await qa.get(`/api/clients/${created.id}`)).statusCode).toBe(200);
    expect((await qa.patch(`/api/clients/${created.id}`, { version: 2 })).statusCode).toBe(403);
  });

  it('R1/R2 shows the fit verdict in the list and filters by it', async () => {
    const all = (await strategist.get('/api/clients?limit=200')).json().items;
    const byName = Object.fromEntries(all.map((c: { name: string }) => [c.name, c]));
    expect(byName['Harbor & Vine Coffee'].fit).toMatchObject({ status: 'eligible', cautions: [] });
    expect(byName['Peak Trail Outfitters'].fit.status).toBe('eligible_with_cautions');
    expect(byName['Peak Trail Outfitters'].fit.cautions).toHaveLength(2);
    expect(byName['Northshore Realty Partners']).toMatchObject({
      fit: { status: 'not_eligible', override: null },
      assignable: false,
    });
    expect(byName['Tidewater Marine Supply']).toMatchObject({
      fit: { status: 'not_eligible', override: { by: { name: 'Ellie Sebastian' } } },
      assignable: true,
    });
    expect(byName['Harbor & Vine Coffee'].oneSheeter).toMatchObject({
      version: 2,
      completeness: { complete: true },
    });
    const notFit = (await strategist.get('/api/clients?fit=not_eligible')).json().items;
    expect(notFit.length).toBeGreaterThanOrEqual(2);
    expect(notFit.every((c: { fit: { status: string } }) => c.fit.status === 'not_eligible')).toBe(
      true,
    );
    const search = (await strategist.get('/api/clients?q=TRAIL')).json().items;
    expect(search.map((c: { name: string }) => c.name)).toEqual(['Peak Trail Outfitters']);
    const mine = (
      await strategist.get(`/api/clients?strategist=${t.demo.users.strategist}`)
    ).json();
    expect(mine.items.length).toBeGreaterThanOrEqual(12);
    expect((await strategist.get('/api/clients?fit=maybe')).statusCode).toBe(400);
  });

  it('pages the list by name with a keyset cursor', async () => {
    const names: string[] = [];
    let url = '/api/clients?limit=5';
    for (let i = 0; i < 10; i++) {
      const page = (await strategist.get(url)).json();
      names.push(...page.items.map((c: { name: string }) => c.name));
      if (!page.nextCursor) break;
      url = `/api/clients?limit=5&cursor=${page.nextCursor}`;
    }
    const full = (await strategist.get('/api/clients?limit=200')).json().items;
    expect(names).toEqual(full.map((c: { name: string }) => c.name));
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()))).toEqual(
      names,
    );
    expect((await strategist.get('/api/clients?cursor=garbage')).statusCode).toBe(400);
  });

  it('R1 lets only a coordinator override fit, with a written reason, and audits it', async () => {
    const c = await newClient('Quarry Stone Masons', {
      companyCategory: 'other',
      departmentTier: 3,
    });
    const url = `/api/clients/${c.id}/fit-override`;
    expect(
      (await strategist.post(url, { reason: 'Because the owner asked nicely' })).statusCode,
    ).toBe(403);
    const short = await coordinator.post(url, { reason: 'ok' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields['body.reason']).toMatch(/R1/);
    const eligible = await coordinator.post(`/api/clients/${idOf('Lumen Skincare')}/fit-override`, {
      reason: 'Not needed but asked anyway',
    });
    expect(eligible.statusCode).toBe(409);
    const ok = await coordinator.post(url, { reason: 'Spring campaign approved by the owner' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      assignable: true,
      fit: {
        status: 'not_eligible',
        override: {
          reason: 'Spring campaign approved by the owner',
          by: { name: 'Ellie Sebastian' },
        },
      },
    });
    const audit = (await admin.get(`/api/audit?entityType=client&entityId=${c.id}`)).json().items;
    expect(audit[0]).toMatchObject({
      action: 'fit_overridden',
      actorName: 'Ellie Sebastian',
      after: { reason: 'Spring campaign approved by the owner' },
    });
    expect((await strategist.delete(url)).statusCode).toBe(403);
    const cleared = await coordinator.delete(url);
    expect(cleared.json()).toMatchObject({ assignable: false, fit: { override: null } });
  });
  it('archives through PATCH and hides archived clients from the default list', async () => {
    const c = await newClient('Old Mill Cider');
    const res = await strategist.patch(`/api/clients/${c.id}`, { version: 1, archived: true });
    expect(res.json()).toMatchObject({ archived: true, version: 2 });
    const names = (r: { json(): { items: { name: string }[] } }) =>
      r.json().items.map((x) => x.name);
    expect(names(await strategist.get('/api/clients?q=Old Mill'))).toEqual([]);
    expect(names(await strategist.get('/api/clients?q=Old Mill&archived=true'))).toEqual([
      'Old Mill Cider',
    ]);
    expect(names(await strategist.get('/api/clients?q=Old Mill&archived=all'))).toHaveLength(1);
    const audit = (await admin.get(`/api/audit?entityType=client&entityId=${c.id}`)).json().items;
    expect(audit[0]).toMatchObject({ action: 'archived', before: { archived: false } });
    await expect(
      assertClientAssignable(t.database.db, { workspaceId: t.demo.workspaceId, clientId: c.id }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('keeps an editable list of client categories; core and used ones stay', async () => {
    const list = (await strategist.get('/api/client-categories')).json().items;
    expect(list.map((c: { name: string }) => c.name)).toEqual(['core', 'growth', 'other']);
    expect(
      (await strategist.post('/api/client-categories', { name: 'enterprise' })).statusCode,
    ).toBe(403);
    const added = await coordinator.post('/api/client-categories', { name: 'Enterprise' });
    expect(added.statusCode).toBe(201);
    expect(added.json().items.at(-1)).toEqual({ name: 'Enterprise', sort: 4 });
    expect((await admin.post('/api/client-categories', { name: ' enterprise ' })).statusCode).toBe(
      409,
    );
    expect((await coordinator.delete('/api/client-categories/core')).statusCode).toBe(409);
    const used = await coordinator.delete('/api/client-categories/growth');
    expect(used.statusCode).toBe(409);
    expect(used.json().error.message).toMatch(/client/);
    const removed = await coordinator.delete('/api/client-categories/enterprise');
    expect(removed.statusCode).toBe(200);
    expect(removed.json().items).toHaveLength(3);
    expect((await coordinator.delete('/api/client-categories/enterprise')).statusCode).toBe(404);
  });

  it('exports clients as CSV without contacts, and re-importing the export changes nothing', async () => {
    const res = await coordinator.get('/api/clients/export.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain('clients.csv');
    const [header] = res.body.split('\r\n');
    expect(header).toBe(
      'name,category,tier,typical_revision_rounds,collateral_ready,strategist_email,notes,archived',
    );
    expect(res.body).toContain('Harbor & Vine Coffee,core,1,1,yes,strategist@demo.handoff.test');
    expect(res.body).not.toContain('maya@harborandvine.example');
    expect((await (await t.as('qa')).get('/api/clients/export.csv')).statusCode).toBe(403);
    const again = await coordinator.post('/api/clients/import', { csv: res.body });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ invalid: 0, created: 0, updated: 0, written: true });
    expect(again.json().unchanged).toBe(again.json().valid);
  });

  it('imports CSV all or nothing: one bad row writes nothing (422 with the row errors)', async () => {
    const countClients = async () =>
      Number(
        (
          await t.database.db
            .selectFrom('clients')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('workspace_id', '=', t.demo.workspaceId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await countClients();
    const lumenBefore = (await strategist.get(`/api/clients/${idOf('Lumen Skincare')}`)).json();
    const csv = [
      'Name,Company category,Tier,Typical rounds,Collateral ready,Strategist email,Notes',
      'Riverbend Books,growth,1,1,yes,strategist@demo.handoff.test,Indie bookshop',
      'lumen skincare,,,4,no,,',
      'Broken Row,platinum,7,1,maybe,nobody@example.com,',
      'Riverbend Books,core,1,1,yes,,duplicate',
    ].join('\n');
    const res = await coordinator.post('/api/clients/import', { csv });
    expect(res.statusCode).toBe(422);
    const err = res.json().error;
    expect(err.code).toBe('RULE_VIOLATION');
    expect(err.details).toMatchObject({ valid: 2, invalid: 2 });
    const rows = err.details.rows;
    expect(rows[0]).toMatchObject({ line: 2, ok: true, action: 'create' });
    expect(rows[1]).toMatchObject({ line: 3, ok: true, action: 'update' });
    expect(rows[2]).toMatchObject({ line: 4, ok: false });
    expect(Object.keys(rows[2].errors).sort()).toEqual(['collateral_ready', 'tier']);
    expect(rows[3]).toMatchObject({ line: 5, ok: false, errors: { name: expect.any(String) } });
    expect(await countClients()).toBe(before);
    const lumenAfter = (await strategist.get(`/api/clients/${idOf('Lumen Skincare')}`)).json();
    expect(lumenAfter).toEqual(lumenBefore);

    const semantic = await coordinator.post('/api/clients/import', {
      csv: 'name,category,tier,strategist_email\nNew Co,platinum,1,\nOther Co,,,finance@demo.handoff.test',
      dryRun: true,
    });
    expect(semantic.statusCode).toBe(200);
    expect(semantic.json().rows[0].errors).toEqual({ category: expect.stringMatching(/Unknown/) });
    expect(Object.keys(semantic.json().rows[1].errors).sort()).toEqual([
      'category',
      'strategist_email',
      'tier',
    ]);

    const fixed = csv.split('\n').slice(0, 3).join('\n');
    const dry = await coordinator.post('/api/clients/import', { csv: fixed, dryRun: true });
    expect(dry.json()).toMatchObject({
      valid: 2,
      invalid: 0,
      created: 1,
      updated: 1,
      written: false,
    });
    expect(await countClients()).toBe(before);
    expect((await strategist.post('/api/clients/import', { csv: fixed })).statusCode).toBe(403);

    const done = await coordinator.post('/api/clients/import', { csv: fixed });
    expect(done.json()).toMatchObject({ created: 1, updated: 1, written: true });
    expect(await countClients()).toBe(before + 1);
    const lumen = (await strategist.get(`/api/clients/${idOf('Lumen Skincare')}`)).json();
    expect(lumen).toMatchObject({
      name: 'lumen skincare',
      typicalRevisionRounds: 4,
      collateralReady: false,
      companyCategory: 'growth',
      contacts: lumenBefore.contacts,
      fit: { status: 'eligible_with_cautions' },
    });
    const audit = (await admin.get(`/api/audit?entityType=client&entityId=${lumen.id}`)).json();
    expect(audit.items[0]).toMatchObject({ action: 'updated', after: { source: 'csv_import' } });

    const noName = await coordinator.post('/api/clients/import', { csv: 'title,tier\nX,1' });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().error.fields['body.csv']).toMatch(/name/);
  });

  it("gives 404 for another workspace's client and leaves it unchanged", async () => {
    const other = await createSecondWorkspace(t, dialect);
    const created = await other.post('/api/clients', {
      name: 'Secret Client',
      companyCategory: 'other',
      departmentTier: 3,
      contacts: [{ name: 'Hidden', email: 'hidden@secret.example' }],
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const sheet = (
      await other.put(`/api/clients/${id}/one-sheeter`, {
        baseVersion: 0,
        content: fullSheet,
      })
    ).json();
    const before = (await other.get(`/api/clients/${id}`)).json();
    const attempts = [
      admin.get(`/api/clients/${id}`),
      admin.patch(`/api/clients/${id}`, { version: 1, name: 'Stolen' }),
      coordinator.post(`/api/clients/${id}/fit-override`, { reason: 'taking over this client' }),
      coordinator.delete(`/api/clients/${id}/fit-override`),
      admin.get(`/api/clients/${id}/one-sheeter`),
      admin.put(`/api/clients/${id}/one-sheeter`, { baseVersion: 1, content: fullSheet }),
      admin.get(`/api/clients/${id}/one-sheeter/versions`),
      admin.get(`/api/clients/${id}/one-sheeter/versions/1`),
      admin.get(`/api/clients/${id}/one-sheeter/diff?from=0&to=1`),
      admin.get(`/api/briefs/${id}`),
      contractor.get(`/api/briefs/${id}`),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('hidden@secret.example');
    }
    const listed = (await admin.get('/api/clients?q=Secret&archived=all')).json().items;
    expect(listed).toEqual([]);
    expect((await admin.get('/api/clients/export.csv')).body).not.toContain('Secret Client');
    expect((await other.get(`/api/clients/${id}`)).json()).toEqual(before);
    expect((await other.get(`/api/clients/${id}/one-sheeter`)).json()).toEqual(sheet);
    // Same name in two agencies is fine: uniqueness is per workspace.
    expect(
      (
        await other.post('/api/clients', {
          name: 'Lumen Skincare',
          companyCategory: 'core',
          departmentTier: 1,
        })
      ).statusCode,
    ).toBe(201);
  });
});
