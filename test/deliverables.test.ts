import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/server/demo/seed';
import { addMember, createAccount } from '../src/server/features/workspaces/service';
import { createSecondWorkspace } from './support/clients';
import { testDialects } from './support/databases';
import { type Client, createTestApp, type TestApp } from './support/harness';
import {
  freshTask,
  type Loop,
  signInLoop,
  taskInProduction,
  taskVersion,
} from './support/workflow';

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('IHDR fake image body'),
]);
const HTML = Buffer.from('<!DOCTYPE html><html><script>alert(document.cookie)</script></html>');
const b64 = (b: Buffer) => b.toString('base64');

describe.each(testDialects())('deliverable versions and attachments on %s', (dialect) => {
  let t: TestApp;
  let loop: Loop;
  let mateo: Client;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    loop = await signInLoop(t);
    // A second contractor with a sign-in: the demo's second contractor record, linked by e-mail.
    const other = await t.database.db
      .selectFrom('contractors')
      .select(['email', 'name'])
      .where('id', '=', t.demo.contractorIds[1])
      .executeTakeFirstOrThrow();
    const { userId } = await createAccount(t.ctx, {
      name: other.name,
      email: other.email,
      password: DEMO_PASSWORD,
    });
    await addMember(
      t.database.db,
      { workspaceId: t.demo.workspaceId, userId: t.demo.users.admin },
      { userId, role: 'contractor' },
    );
    mateo = await t.signIn(other.email, DEMO_PASSWORD, t.demo.workspaceId);
  });
  afterAll(async () => {
    await t.close();
  });

  const upload = (c: Client, taskId: string, filename: string, data: Buffer) =>
    c.post(`/api/tasks/${taskId}/attachments`, { filename, dataBase64: b64(data) });

  it('refuses an HTML page renamed .png by its bytes, and other file types', async () => {
    const id = await taskInProduction(t, loop);
    const html = await upload(loop.contractor, id, 'cute-cat.png', HTML);
    expect(html.statusCode).toBe(415);
    expect(html.json().error.message).toContain('does not contain PNG data');
    expect((await upload(loop.contractor, id, 'page.html', HTML)).statusCode).toBe(415);
    expect((await upload(loop.contractor, id, 'notes.txt', HTML)).statusCode).toBe(415);
    const bad = await loop.contractor.post(`/api/tasks/${id}/attachments`, {
      filename: 'x.png',
      dataBase64: 'not base64!!',
    });
    expect(bad.statusCode).toBe(400);
    const stored = await t.database.db
      .selectFrom('attachments')
      .select('id')
      .where('task_id', '=', id)
      .execute();
    expect(stored).toEqual([]);
  });

  it('refuses a file over 5 MB and more than 3 files for a version', async () => {
    const id = await taskInProduction(t, loop);
    const big = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]);
    expect((await upload(loop.contractor, id, 'big.png', big)).statusCode).toBe(413);
    const huge = Buffer.concat([PNG, Buffer.alloc(7 * 1024 * 1024)]);
    const refused = await upload(loop.contractor, id, 'huge.png', huge);
    expect(refused.statusCode).toBe(413);
    expect(refused.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    for (let i = 0; i < 3; i++) {
      expect((await upload(loop.contractor, id, `shot-${i}.png`, PNG)).statusCode).toBe(201);
    }
    expect((await upload(loop.contractor, id, 'shot-4.png', PNG)).statusCode).toBe(409);
    const staged = (await loop.contractor.get(`/api/tasks/${id}/attachments/staged`)).json().items;
    expect(staged).toHaveLength(3);
    expect((await loop.contractor.delete(`/api/attachments/${staged[0].id}`)).statusCode).toBe(200);
    expect((await upload(loop.contractor, id, 'shot-4.png', PNG)).statusCode).toBe(201);
  });

  it('R17 R23 the first version is the draft: in production → internal review, with its files', async () => {
    const scheduled = await freshTask(t, loop);
    const early = await loop.contractor.post(`/api/tasks/${scheduled}/deliverables`, {
      links: ['https://drive.google.com/early'],
      version: await taskVersion(loop.contractor, scheduled),
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('ILLEGAL_TRANSITION');

    const id = await taskInProduction(t, loop);
    const file = (await upload(loop.contractor, id, 'grid.png', PNG)).json();
    const noLinks = await loop.contractor.post(`/api/tasks/${id}/deliverables`, {
      links: [],
      version: await taskVersion(loop.contractor, id),
    });
    expect(noLinks.statusCode).toBe(400);
    const js = await loop.contractor.post(`/api/tasks/${id}/deliverables`, {
      links: ['javascript:alert(1)'],
      version: await taskVersion(loop.contractor, id),
    });
    expect(js.statusCode).toBe(400);
    const res = await loop.contractor.post(`/api/tasks/${id}/deliverables`, {
      links: ['https://www.canva.com/design/abc', 'https://www.dropbox.com/s/x'],
      attachmentIds: [file.id],
      note: 'Grid and captions',
      version: await taskVersion(loop.contractor, id),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      deliverable: {
        number: 1,
        links: [
          { url: 'https://www.canva.com/design/abc', label: 'Canva' },
          { url: 'https://www.dropbox.com/s/x', label: 'Dropbox' },
        ],
        attachments: [{ id: file.id, filename: 'grid.png', contentType: 'image/png' }],
      },
      task: { status: 'internal_review' },
    });
    const list = (await loop.strategist.get(`/api/tasks/${id}/deliverables`)).json();
    expect(list.items).toHaveLength(1);
    const draft = (await loop.strategist.get(`/api/tasks/${id}`))
      .json()
      .subtasks.find((s: { kind: string }) => s.kind === 'draft');
    expect(draft.status).toBe('done');
    // Submitting again while in review is not a thing.
    const again = await loop.contractor.post(`/api/tasks/${id}/deliverables`, {
      links: ['https://drive.google.com/again'],
      version: await taskVersion(loop.contractor, id),
    });
    expect(again.statusCode).toBe(409);
    expect((await loop.strategist.post(`/api/tasks/${id}/deliverables`, {})).statusCode).toBe(403);
  });

  it('serves a file as an attachment with nosniff and its whitelisted type; other contractors get 404', async () => {
    const id = await taskInProduction(t, loop);
    const file = (await upload(loop.contractor, id, 'shot.png', PNG)).json();
    // Not submitted yet: only its uploader sees it.
    expect((await loop.strategist.get(`/api/attachments/${file.id}`)).statusCode).toBe(404);
    await loop.contractor.post(`/api/tasks/${id}/deliverables`, {
      links: [],
      attachmentIds: [file.id],
      version: await taskVersion(loop.contractor, id),
    });
    for (const c of [loop.contractor, loop.strategist, loop.qa]) {
      const res = await c.get(`/api/attachments/${file.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('image/png');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="shot.png"/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(Buffer.from(res.rawPayload).equals(PNG)).toBe(true);
    }
    expect((await mateo.get(`/api/attachments/${file.id}`)).statusCode).toBe(404);
    expect((await mateo.get(`/api/tasks/${id}/deliverables`)).statusCode).toBe(404);
    expect((await mateo.delete(`/api/attachments/${file.id}`)).statusCode).toBe(404);
    // Another contractor cannot submit on Lina's task either.
    const theirs = await mateo.post(`/api/tasks/${id}/attachments`, {
      filename: 'x.png',
      dataBase64: b64(PNG),
    });
    expect(theirs.statusCode).toBe(404);
    const other = await createSecondWorkspace(t, dialect);
    expect((await other.get(`/api/attachments/${file.id}`)).statusCode).toBe(404);
    expect((await other.get(`/api/tasks/${id}/deliverables`)).statusCode).toBe(404);
    const count = await t.database.db
      .selectFrom('attachments')
      .select('id')
      .where('task_id', '=', id)
      .execute();
    expect(count).toHaveLength(1);
  });

  it('a download link names its workspace in ?workspace= (a link cannot send the header), checked like the header', async () => {
    const id = await taskInProduction(t, loop);
    const file = (await upload(loop.contractor, id, 'shot.png', PNG)).json();
    await loop.contractor.post(`/api/tasks/${id}/deliverables`, {
      links: [],
      attachmentIds: [file.id],
      version: await taskVersion(loop.contractor, id),
    });
    const elsewhere = 'a-workspace-they-are-not-in';
    const ws = loop.strategist.workspaceId;
    const bare = loop.strategist.withWorkspace(''); // no header, as a browser link
    expect((await bare.get(`/api/attachments/${file.id}?workspace=${ws}`)).statusCode).toBe(200);
    // Not a member there: refused, not answered from the person's first workspace.
    const foreign = await bare.get(`/api/attachments/${file.id}?workspace=${elsewhere}`);
    expect(foreign.statusCode).toBe(403);
    // The header, when sent, wins.
    const both = await loop.strategist.get(`/api/attachments/${file.id}?workspace=${elsewhere}`);
    expect(both.statusCode).toBe(200);
    // Only routes that allow it read the query: elsewhere the parameter changes nothing.
    const board = await bare.get(`/api/tasks/${id}?workspace=${elsewhere}`);
    expect(board.statusCode).toBe(200);
  });
});
