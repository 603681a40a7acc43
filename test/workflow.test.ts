import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSecondWorkspace } from './support/clients';
import { testDialects } from './support/databases';
import { createTestApp, type TestApp } from './support/harness';
import {
  freshTask,
  type Loop,
  qaVerdict,
  requestRevision,
  scrubAll,
  signInLoop,
  submitVersion,
  taskInProduction,
  taskVersion,
} from './support/workflow';

describe.each(testDialects())('task thread, history and transitions on %s', (dialect) => {
  let t: TestApp;
  let loop: Loop;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    loop = await signInLoop(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('R18 refuses a comment on a subtask with a message pointing to the parent task', async () => {
    const taskId = await freshTask(t, loop);
    const subtask = (await loop.contractor.get(`/api/tasks/${taskId}`)).json().subtasks[0];
    for (const c of [loop.contractor, loop.strategist]) {
      const res = await c.post(`/api/subtasks/${subtask.id}/comments`, { body: 'hello' });
      expect(res.statusCode).toBe(422);
      expect(res.json().error).toMatchObject({
        code: 'RULE_VIOLATION',
        rule: 'R18',
        message: 'Discuss on the parent task',
        details: { parentTaskId: taskId },
      });
    }
    const none = await t.database.db
      .selectFrom('comments')
      .select('id')
      .where('task_id', '=', taskId)
      .where('kind', '!=', 'system')
      .execute();
    expect(none).toEqual([]);
  });

  it('R19 stores client feedback internal; contractors post only to everyone; @mentions resolve', async () => {
    const taskId = await freshTask(t, loop);
    const fb = await loop.strategist.post(`/api/tasks/${taskId}/comments`, {
      body: 'Client said: the colours are hideous',
      kind: 'client_feedback',
      visibility: 'all',
    });
    expect(fb.statusCode).toBe(201);
    expect(fb.json()).toMatchObject({ kind: 'client_feedback', visibility: 'internal' });
    const internal = await loop.contractor.post(`/api/tasks/${taskId}/comments`, {
      body: 'psst',
      visibility: 'internal',
    });
    expect(internal.statusCode).toBe(403);
    const feedback = await loop.contractor.post(`/api/tasks/${taskId}/comments`, {
      body: 'psst',
      kind: 'client_feedback',
    });
    expect(feedback.statusCode).toBe(403);
    const hi = await loop.contractor.post(`/api/tasks/${taskId}/comments`, {
      body: 'Question for @Jonathan Reisch: see https://drive.google.com/abc',
    });
    expect(hi.statusCode).toBe(201);
    expect(hi.json().mentions).toEqual([
      { userId: t.demo.users.strategist, name: 'Jonathan Reisch' },
    ]);
    // Internal comments never mention the contractor.
    const note = await loop.strategist.post(`/api/tasks/${taskId}/comments`, {
      body: '@Lina Okafor is late again',
      visibility: 'internal',
    });
    expect(note.json().mentions).toEqual([]);
    // The person written as @Name hears of it in the bell; an internal note tells no contractor.
    const bell = (await loop.strategist.get('/api/notifications?limit=50')).json() as {
      items: { kind: string; title: string; link: string }[];
    };
    const told = bell.items.filter((n) => n.kind === 'mentioned' && n.link.includes(taskId));
    expect(told).toHaveLength(1);
    expect(told[0].title).toMatch(/mentioned you/);
    const contractorBell = (await loop.contractor.get('/api/notifications?limit=50')).json() as {
      items: { kind: string; link: string }[];
    };
    expect(
      contractorBell.items.filter((n) => n.kind === 'mentioned' && n.link.includes(taskId)),
    ).toEqual([]);
    expect(
      (await loop.contractor.post(`/api/tasks/${taskId}/comments`, { body: '' })).statusCode,
    ).toBe(400);
    const big = 'x'.repeat(10_001);
    expect(
      (await loop.strategist.post(`/api/tasks/${taskId}/comments`, { body: big })).statusCode,
    ).toBe(400);
  });

  it('R19 the task page carries the latest 50 comments the viewer may read; its cursor pages to the older ones', async () => {
    const taskId = await freshTask(t, loop);
    for (let i = 0; i < 56; i++) {
      const internal = i % 11 === 3; // 5 internal notes: the contractor still has more than 50
      const res = await loop.strategist.post(`/api/tasks/${taskId}/comments`, {
        body: `${internal ? 'Internal' : 'Shared'} note ${i}`,
        visibility: internal ? 'internal' : 'all',
      });
      expect(res.statusCode).toBe(201);
    }
    for (const [who, session] of [
      ['coordinator', loop.coordinator],
      ['contractor', loop.contractor],
    ] as const) {
      const page = (await session.get(`/api/tasks/${taskId}`)).json() as {
        comments: { id: string; body: string; visibility: string }[];
        olderCommentsCursor: string | null;
      };
      const thread = (await session.get(`/api/tasks/${taskId}/comments`)).json() as {
        items: { id: string; body: string; mentions: unknown[] }[];
        olderCursor: string | null;
      };
      // The same 50 as the thread's first page, in the same order, and the same way back.
      expect(page.comments, who).toHaveLength(50);
      expect(page.comments.map((c) => c.id)).toEqual(thread.items.map((c) => c.id));
      // Notes posted within the same millisecond tie on time; their ids keep the posting order.
      expect(page.comments.at(-1)?.body).toBe('Shared note 55');
      expect(page.olderCommentsCursor).toBe(thread.olderCursor);
      expect(page.olderCommentsCursor).not.toBeNull();
      const older = (
        await session.get(
          `/api/tasks/${taskId}/comments?before=${encodeURIComponent(page.olderCommentsCursor ?? '')}`,
        )
      ).json() as { items: { id: string; visibility: string }[]; olderCursor: string | null };
      expect(older.olderCursor).toBeNull();
      const all = [...older.items, ...page.comments];
      expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
      const visible = await t.database.db
        .selectFrom('comments')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('task_id', '=', taskId)
        .$if(who === 'contractor', (q) =>
          q.where('visibility', '=', 'all').where('kind', '!=', 'client_feedback'),
        )
        .executeTakeFirstOrThrow();
      expect(all).toHaveLength(Number(visible.n));
      if (who === 'contractor') expect(all.every((c) => c.visibility === 'all')).toBe(true);
    }
  });

  it('R5 R19 the contractor never receives internal comments or raw client feedback from any task endpoint', async () => {
    const taskId = await taskInProduction(t, loop);
    const SECRET = 'INTERNAL-ONLY-7f3a';
    const RAW = 'RAW-CLIENT-WORDS-91bc';
    const RAW_ITEM = 'RAW-ITEM-FEEDBACK-55de';
    const OVERRIDE = 'OVERRIDE-REASON-1234';
    await loop.strategist.post(`/api/tasks/${taskId}/comments`, {
      body: SECRET,
      visibility: 'internal',
    });
    await loop.strategist.post(`/api/tasks/${taskId}/comments`, {
      body: RAW,
      kind: 'client_feedback',
    });
    expect((await submitVersion(loop, taskId)).statusCode).toBe(201);
    const req = await requestRevision(loop.strategist, taskId, {}, [
      {
        what: 'Warmer tone',
        why: 'The brand voice is friendly',
        clientFeedbackRaw: RAW_ITEM,
        scrubbedText: 'Make it warmer',
      },
    ]);
    expect(req.statusCode).toBe(201);
    expect(JSON.stringify(req.json())).toContain(RAW_ITEM); // staff see it
    await t.database.db
      .updateTable('revision_requests')
      .set({ override_reason: OVERRIDE })
      .where('task_id', '=', taskId)
      .execute();
    const paths = [
      '',
      '/comments',
      '/history',
      '/revisions',
      '/deliverables',
      '/reviews',
      '/mentionable',
    ];
    const bodies: string[] = [];
    for (const p of paths) {
      const res = await loop.contractor.get(`/api/tasks/${taskId}${p}`);
      expect(res.statusCode, p).toBe(200);
      bodies.push(res.body);
    }
    for (const p of ['/api/tasks?limit=200', '/api/my-work', '/api/notifications']) {
      bodies.push((await loop.contractor.get(p)).body);
    }
    for (const body of bodies) {
      for (const secret of [SECRET, RAW, RAW_ITEM, OVERRIDE]) expect(body).not.toContain(secret);
      expect(body).not.toContain('clientFeedbackRaw');
    }
    const revisions = (await loop.contractor.get(`/api/tasks/${taskId}/revisions`)).json();
    expect(revisions.requests[0].items[0]).toEqual({
      id: expect.any(String),
      what: 'Warmer tone',
      why: 'The brand voice is friendly',
      scrubbedText: 'Make it warmer',
    });
    const staff = (await loop.strategist.get(`/api/tasks/${taskId}/comments`)).json();
    expect(JSON.stringify(staff)).toContain(SECRET);
  });

  it('R20 refuses feedback without the why, naming the item', async () => {
    const taskId = await taskInProduction(t, loop);
    await submitVersion(loop, taskId);
    const before = await taskVersion(loop.strategist, taskId);
    for (const second of [{ what: 'Fix the logo' }, { what: 'Fix the logo', why: '   ' }]) {
      const res = await requestRevision(loop.strategist, taskId, {}, [
        { what: 'Shorter', why: 'Mobile' },
        second,
      ]);
      expect(res.statusCode).toBe(422);
      expect(res.json().error).toMatchObject({ rule: 'R20', details: { itemIndex: 1 } });
      expect(res.json().error.message).toContain('Item 2');
    }
    expect((await requestRevision(loop.strategist, taskId, {}, [])).statusCode).toBe(400);
    expect(await taskVersion(loop.strategist, taskId)).toBe(before);
    const stored = await t.database.db
      .selectFrom('revision_requests')
      .select('id')
      .where('task_id', '=', taskId)
      .execute();
    expect(stored).toEqual([]);
  });

  it('409 STALE_VERSION with the current version and what changed; nothing is written', async () => {
    const taskId = await taskInProduction(t, loop);
    const seen = await taskVersion(loop.strategist, taskId);
    expect((await submitVersion(loop, taskId)).statusCode).toBe(201);
    const res = await loop.strategist.post(`/api/tasks/${taskId}/revision-requests`, {
      items: [{ what: 'x', why: 'y' }],
      version: seen,
    });
    expect(res.statusCode).toBe(409);
    const err = res.json().error;
    expect(err.code).toBe('STALE_VERSION');
    expect(err.message).toContain('Lina Okafor changed this task');
    expect(err.details.current).toBe(seen + 1);
    expect(err.details.changes.map((c: { summary: string }) => c.summary).join(' ')).toContain(
      'submitted version 1',
    );
    const comment = await loop.strategist.post(`/api/tasks/${taskId}/comments`, {
      body: 'late',
      version: seen,
    });
    expect(comment.statusCode).toBe(409);
  });

  it('R23 R30 the whole loop: only QA-passed work is client-ready, and the history tells each step', async () => {
    const taskId = await taskInProduction(t, loop);
    expect((await submitVersion(loop, taskId)).statusCode).toBe(201);
    expect((await requestRevision(loop.strategist, taskId)).statusCode).toBe(201);
    expect((await submitVersion(loop, taskId)).statusCode).toBe(201);
    expect((await scrubAll(loop, taskId)).json().task.status).toBe('qa');
    // Nothing but QA's pass leads to client-ready: close from QA is illegal…
    const close = await loop.coordinator.post(`/api/tasks/${taskId}/transition`, {
      action: 'close',
      version: await taskVersion(loop.coordinator, taskId),
    });
    expect(close.statusCode).toBe(409);
    expect(close.json().error.code).toBe('ILLEGAL_TRANSITION');
    // …and there is no transition action named for it.
    const sneak = await loop.admin.post(`/api/tasks/${taskId}/transition`, {
      action: 'qa_pass',
      version: await taskVersion(loop.admin, taskId),
    });
    expect(sneak.statusCode).toBe(400);
    const fail = await qaVerdict(loop, taskId, 'fail', 'Caption 2 has a typo in the hashtag');
    expect(fail.json().task.status).toBe('revision');
    expect((await submitVersion(loop, taskId)).statusCode).toBe(201);
    await scrubAll(loop, taskId);
    const pass = await qaVerdict(loop, taskId, 'pass');
    expect(pass.statusCode).toBe(200);
    expect(pass.json().task).toMatchObject({ status: 'ready', statusLabel: 'Client-ready' });
    const row = await t.database.db
      .selectFrom('tasks')
      .select(['qa_fail_count', 'rounds_used'])
      .where('id', '=', taskId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ qa_fail_count: 1, rounds_used: 1 });

    const closed = await loop.strategist.post(`/api/tasks/${taskId}/transition`, {
      action: 'close',
      version: await taskVersion(loop.strategist, taskId),
    });
    expect(closed.json().status).toBe('closed');
    const reopen = await loop.strategist.post(`/api/tasks/${taskId}/transition`, {
      action: 'reopen',
      version: await taskVersion(loop.strategist, taskId),
    });
    expect(reopen.statusCode).toBe(403);
    const reopened = await loop.coordinator.post(`/api/tasks/${taskId}/transition`, {
      action: 'reopen',
      version: await taskVersion(loop.coordinator, taskId),
      reason: 'Client found a wrong price',
    });
    expect(reopened.json().status).toBe('revision');

    const history = (await loop.contractor.get(`/api/tasks/${taskId}/history?limit=200`)).json();
    const lines = history.items.map((h: { summary: string }) => h.summary).join('\n');
    for (const step of [
      'acknowledged the brief',
      'submitted version 1',
      'requested revision round 1',
      'submitted version 2',
      'passed the strategist scrub',
      'failed QA',
      'submitted version 3',
      'passed QA',
      'Close',
      'Reopen',
    ]) {
      expect(lines).toContain(step);
    }
  });

  it('another workspace: its admin gets 404 on every workflow route and nothing changes', async () => {
    const taskId = await taskInProduction(t, loop);
    await submitVersion(loop, taskId);
    const other = await createSecondWorkspace(t, dialect);
    const version = await taskVersion(loop.strategist, taskId);
    const attempts = [
      other.get(`/api/tasks/${taskId}/comments`),
      other.get(`/api/tasks/${taskId}/history`),
      other.get(`/api/tasks/${taskId}/revisions`),
      other.get(`/api/tasks/${taskId}/reviews`),
      other.get(`/api/tasks/${taskId}/deliverables`),
      other.post(`/api/tasks/${taskId}/comments`, { body: 'hi' }),
      other.post(`/api/tasks/${taskId}/revision-requests`, {
        items: [{ what: 'a', why: 'b' }],
        version,
      }),
      other.post(`/api/tasks/${taskId}/scrub`, { checklist: [{ item: 'a', ok: true }], version }),
      other.post(`/api/tasks/${taskId}/qa`, { result: 'pass', checklist: [], version }),
      other.post(`/api/tasks/${taskId}/transition`, { action: 'cancel', version }),
    ];
    for (const res of await Promise.all(attempts)) expect(res.statusCode).toBe(404);
    expect(await taskVersion(loop.strategist, taskId)).toBe(version);
  });
});
