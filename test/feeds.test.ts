import nodeIcal, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSecondWorkspace } from './support/clients';
import { testDialects } from './support/databases';
import { type Client, createTestApp, type TestApp } from './support/harness';
import { insertTask } from './support/work';

/** The feed path of a URL the API returned (the test app answers by inject, not by host). */
const pathOf = (url: string) => new URL(url).pathname;

function eventsOf(ics: string): VEvent[] {
  return Object.values(nodeIcal.sync.parseICS(ics)).filter(
    (e): e is VEvent => e?.type === 'VEVENT',
  );
}

/** node-ical gives URL;VALUE=URI as { params, val }. */
const urlOf = (e: VEvent) => {
  const u = e.url as unknown;
  return typeof u === 'string' ? u : (u as { val?: string } | undefined)?.val;
};

// node-ical gives an all-day DATE as local midnight of that day.
const localDay = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

describe.each(testDialects())('iCalendar feeds of due dates on %s', (dialect) => {
  let t: TestApp;
  let contractor: Client;
  let coordinator: Client;
  let personUrl = '';
  let taskId = '';

  beforeAll(async () => {
    t = await createTestApp(dialect);
    contractor = await t.as('contractor');
    coordinator = await t.as('coordinator');
    ({ taskId } = await insertTask(t, {
      subtasks: [
        { title: 'First draft', dueDate: '2026-12-14', assignee: 'contractor' },
        { title: 'Strategist scrub', dueDate: '2026-12-16', assignee: 'strategist' },
        { title: 'Final version', dueDate: '2026-12-18', assignee: 'contractor' },
        { title: 'Brand training', dueDate: '2026-12-10', assignee: 'contractor', status: 'done' },
      ],
    }));
  });
  afterAll(async () => {
    await t?.close();
  });

  it("a person's feed is a valid .ics of their open subtasks as all-day events", async () => {
    const res = await contractor.post('/api/me/feeds/person');
    expect(res.statusCode).toBe(201);
    personUrl = res.json().url;
    expect(personUrl).toMatch(/^http:\/\/localhost:3000\/api\/feeds\/due\/[A-Za-z0-9_-]{43}\.ics$/);
    const feed = await t.anonymous.get(pathOf(personUrl));
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    expect(feed.body).toContain('X-WR-TIMEZONE:America/New_York');
    const mine = eventsOf(feed.body).filter(
      (e) => urlOf(e) === `http://localhost:3000/my-work?task=${taskId}`,
    );
    expect(mine.map((e) => e.summary).sort()).toEqual([
      'Due: Final version — Harbor & Vine Coffee',
      'Due: First draft — Harbor & Vine Coffee',
    ]);
    const draft = mine.find((e) => String(e.summary).includes('First draft'));
    expect(draft?.datetype).toBe('date');
    expect(localDay(draft?.start as Date)).toBe('2026-12-14');
    expect(localDay(draft?.end as Date)).toBe('2026-12-15');
    const list = (await contractor.get('/api/me/feeds')).json();
    expect(list.items).toEqual([{ kind: 'person', active: true, createdAt: expect.any(String) }]);
  });

  it('the team feed is for staff: every due date, with who it is for', async () => {
    expect((await contractor.post('/api/me/feeds/team')).statusCode).toBe(403);
    const res = await coordinator.post('/api/me/feeds/team');
    expect(res.statusCode).toBe(201);
    const feed = await t.anonymous.get(pathOf(res.json().url));
    const ours = eventsOf(feed.body).filter(
      (e) => urlOf(e) === `http://localhost:3000/board?task=${taskId}`,
    );
    expect(ours.map((e) => e.summary).sort()).toEqual([
      'Due: Final version — Harbor & Vine Coffee · Lina Okafor',
      'Due: First draft — Harbor & Vine Coffee · Lina Okafor',
      'Due: Strategist scrub — Harbor & Vine Coffee · Jonathan Reisch',
    ]);
    // A coordinator who becomes a contractor loses the team feed at once.
    const db = t.database.db;
    const where = { workspace_id: t.demo.workspaceId, user_id: t.demo.users.coordinator };
    await db
      .updateTable('memberships')
      .set({ role: 'contractor' })
      .where('workspace_id', '=', where.workspace_id)
      .where('user_id', '=', where.user_id)
      .execute();
    expect((await t.anonymous.get(pathOf(res.json().url))).statusCode).toBe(404);
    await db
      .updateTable('memberships')
      .set({ role: 'coordinator' })
      .where('workspace_id', '=', where.workspace_id)
      .where('user_id', '=', where.user_id)
      .execute();
    expect((await t.anonymous.get(pathOf(res.json().url))).statusCode).toBe(200);
  });

  it('a new link replaces the old one, and turning it off revokes it', async () => {
    const again = (await contractor.post('/api/me/feeds/person')).json().url;
    expect(again).not.toBe(personUrl);
    expect((await t.anonymous.get(pathOf(personUrl))).statusCode).toBe(404);
    expect((await t.anonymous.get(pathOf(again))).statusCode).toBe(200);
    expect((await contractor.delete('/api/me/feeds/person')).statusCode).toBe(200);
    expect((await t.anonymous.get(pathOf(again))).statusCode).toBe(404);
    expect((await contractor.get('/api/me/feeds')).json().items[0].active).toBe(false);
    expect((await t.anonymous.get('/api/feeds/due/not-a-real-token-at-all.ics')).statusCode).toBe(
      404,
    );
  });

  it("another workspace's team feed shows none of this workspace's due dates", async () => {
    const other = await createSecondWorkspace(t, dialect);
    const res = await other.post('/api/me/feeds/team');
    expect(res.statusCode).toBe(201);
    const feed = await t.anonymous.get(pathOf(res.json().url));
    expect(feed.statusCode).toBe(200);
    expect(eventsOf(feed.body)).toEqual([]);
  });
});
