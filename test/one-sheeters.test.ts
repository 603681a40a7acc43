import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RuleViolation } from '../src/domain/rule-violation';
import {
  assertClientAssignable,
  getClientForAssignment,
} from '../src/server/features/clients/index';
import { demoClientId, fullSheet } from './support/clients';
import { testDialects } from './support/databases';
import { type Client, createTestApp, type TestApp } from './support/harness';

describe.each(testDialects())('one-sheeters and briefs (R3, R4, R5) on %s', (dialect) => {
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

  it('R3 keeps every one-sheeter version, refuses a stale save with 409, and diffs versions', async () => {
    const c = await newClient('Juniper Yoga');
    const url = `/api/clients/${c.id}/one-sheeter`;
    const empty = (await strategist.get(url)).json();
    expect(empty).toMatchObject({ version: 0, updatedBy: null, completeness: { filled: 0 } });
    expect(empty.sections).toHaveLength(10);

    const first = await strategist.put(url, {
      baseVersion: 0,
      content: { brandVoice: 'Calm', audience: 'Beginners' },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      version: 1,
      updatedBy: { name: 'Jonathan Reisch' },
      completeness: { complete: false, requiredFilled: 2, requiredTotal: 8 },
    });
    const stale = await coordinator.put(url, { baseVersion: 0, content: fullSheet });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'STALE_VERSION', details: { current: 1 } });

    const second = await coordinator.put(url, { baseVersion: 1, content: fullSheet });
    expect(second.json()).toMatchObject({
      version: 2,
      completeness: {
        filled: 8,
        total: 10,
        requiredFilled: 8,
        complete: true,
        missingRequired: [],
      },
    });
    const same = await coordinator.put(url, { baseVersion: 2, content: fullSheet });
    expect(same.json().version).toBe(2);

    const badLink = await coordinator.put(url, {
      baseVersion: 2,
      content: { ...fullSheet, visualIdentityLinks: ['javascript:alert(1)'] },
    });
    expect(badLink.statusCode).toBe(400);
    const qa = await t.as('qa');
    expect((await qa.put(url, { baseVersion: 2, content: fullSheet })).statusCode).toBe(403);
    const list = (await qa.get(`${url}/versions`)).json();
    expect(list.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(list.items[0]).toMatchObject({
      author: { name: 'Ellie Sebastian' },
      completeness: { complete: true },
    });
    const page = (await qa.get(`${url}/versions?limit=1`)).json();
    expect(page).toMatchObject({ items: [{ version: 2 }], nextBefore: 2 });
    const next = (await qa.get(`${url}/versions?limit=1&before=2`)).json();
    expect(next).toMatchObject({ items: [{ version: 1 }], nextBefore: null });
    const v1 = (await strategist.get(`${url}/versions/1`)).json();
    expect(v1.content.brandVoice).toBe('Calm');
    expect((await strategist.get(`${url}/versions/9`)).statusCode).toBe(404);

    const diff = (await strategist.get(`${url}/diff?from=1&to=2`)).json();
    const changed = diff.sections.filter((s: { changed: boolean }) => s.changed);
    expect(changed.map((s: { key: string }) => s.key)).toEqual([
      'brandVoice',
      'audience',
      'productsServices',
      'goals',
      'dosAndDonts',
      'visualIdentityLinks',
      'contentPillars',
      'communityManagement',
    ]);
    expect(changed[0]).toMatchObject({
      label: 'Brand voice',
      before: 'Calm',
      after: 'Bold and direct',
    });
    const fromEmpty = (await strategist.get(`${url}/diff?from=0&to=1`)).json();
    expect(fromEmpty.sections.filter((s: { changed: boolean }) => s.changed)).toHaveLength(2);
    const audit = (await admin.get(`/api/audit?entityType=one_sheeter&entityId=${c.id}`)).json();
    expect(audit.items).toHaveLength(2);
    expect(audit.items[0].after).toMatchObject({ version: 2, complete: true });
  });

  it('R4 assertClientAssignable names the missing sections; R1 refuses a not-fit client', async () => {
    const db = t.database.db;
    const scope = (name: string) => ({ workspaceId: t.demo.workspaceId, clientId: idOf(name) });
    const refusal = async (name: string) => {
      try {
        await assertClientAssignable(db, scope(name));
      } catch (err) {
        return err as RuleViolation;
      }
      throw new Error(`${name} was assignable`);
    };
    const incomplete = await refusal('Maple & Moss Home');
    expect(incomplete).toBeInstanceOf(RuleViolation);
    expect(incomplete.rule).toBe('R4');
    expect(incomplete.details.missingSections).toEqual([
      'Visual identity links',
      'Community management SOP',
    ]);
    expect(incomplete.message).toContain('Visual identity links, Community management SOP');
    const missing = await refusal('Orbit Cycling Studio');
    expect(missing.rule).toBe('R4');
    expect(missing.message).toMatch(/no one-sheeter/);
    expect(missing.details.missingSections).toHaveLength(8);
    const notFit = await refusal('Northshore Realty Partners');
    expect(notFit.rule).toBe('R1');
    await expect(
      assertClientAssignable(db, scope('Tidewater Marine Supply')),
    ).resolves.toMatchObject({ assignable: true, fit: { status: 'not_eligible' } });
    const harbor = await getClientForAssignment(db, scope('Harbor & Vine Coffee'));
    expect(harbor).toMatchObject({
      name: 'Harbor & Vine Coffee',
      assignable: true,
      oneSheeter: { version: 2, completeness: { complete: true } },
    });
    await expect(
      getClientForAssignment(db, { workspaceId: 'elsewhere', clientId: harbor.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('R5 the brief holds only the name, one-sheeter and cautions; unpaired contractors get 404', async () => {
    const id = idOf('Peak Trail Outfitters');
    const preview = await coordinator.get(`/api/briefs/${id}`);
    expect(preview.statusCode).toBe(200);
    const brief = preview.json();
    expect(Object.keys(brief).sort()).toEqual([
      'cautions',
      'client',
      'completeness',
      'content',
      'version',
    ]);
    expect(Object.keys(brief.client).sort()).toEqual(['id', 'name']);
    expect(brief.cautions).toHaveLength(2);
    expect(preview.body).not.toContain('devon@peaktrail.example');
    expect(preview.body).not.toContain('Product photos usually arrive');
    // A client created just now, so no demo pairing can exist for it.
    const fresh = await newClient('Unpaired Pottery');
    const denied = await contractor.get(`/api/briefs/${fresh.id}`);
    expect(denied.statusCode).toBe(404);
    expect(denied.body).not.toContain('Unpaired Pottery');
  });

  it('R5 a contractor paired with the client reads its brief', async () => {
    const db = t.database.db;
    const id = idOf('Harbor & Vine Coffee');
    const userId = t.demo.users.contractor;
    const workspaceId = t.demo.workspaceId;
    let contractorRow = await db
      .selectFrom('contractors')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (!contractorRow) {
      const now = new Date().toISOString();
      contractorRow = { id: `test-contractor-${dialect}` };
      await db
        .insertInto('contractors')
        .values({
          id: contractorRow.id,
          workspace_id: workspaceId,
          user_id: userId,
          name: 'Lina Okafor',
          email: 'contractor@demo.handoff.test',
          time_zone: 'UTC',
          country: '',
          skills_json: '[]',
          weekly_capacity: 10,
          capacity_unit: 'items',
          portfolio_links_json: '[]',
          included_revision_rounds: 1,
          payment_terms: '',
          currency: 'USD',
          status: 'active',
          scorecard_json: '{}',
          trial_outcome: '',
          notes: '',
          version: 1,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    await db
      .insertInto('client_contractor_pairings')
      .values({
        workspace_id: workspaceId,
        client_id: id,
        contractor_id: contractorRow.id,
        first_assigned_at: new Date().toISOString(),
        brand_training_done_at: null,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const res = await contractor.get(`/api/briefs/${id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      client: { id, name: 'Harbor & Vine Coffee' },
      version: 2,
      completeness: { complete: true },
    });
    expect(res.body).not.toContain('maya@harborandvine.example');
    expect(res.body).not.toContain('Retainer since 2023');
    const other = await newClient('Another Unpaired Client');
    expect((await contractor.get(`/api/briefs/${other.id}`)).statusCode).toBe(404);
  });
});
