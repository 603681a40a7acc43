import { type Browser, expect, type Page, test } from '@playwright/test';
import type { Role } from '../src/contracts/roles';
import { signInThroughForm } from './support';

/**
 * R18–R23 and R30 in the browser: the whole loop on one of the demo contractor's tasks, from the
 * first draft to client-ready, with the client's own words never reaching the contractor.
 */

const RAW = 'Client email: honestly the captions read like a robot wrote them';
const WHAT = 'Rewrite captions 1–3 in a warmer voice';
const WHY = 'The one-sheeter asks for a friendly, first-person voice';
const SCRUBBED = 'Lean into the friendly tone from the brief; first person, short sentences.';

async function as(browser: Browser, role: Role): Promise<Page> {
  const page = await browser.newPage();
  await signInThroughForm(page, role);
  return page;
}

async function openTask(page: Page, taskId: string, base: '/board' | '/my-work') {
  await page.goto(`${base}?task=${taskId}&taskTab=work`);
  await expect(page.getByRole('dialog')).toBeVisible();
}

async function expectStatus(page: Page, label: string) {
  await expect(page.getByTestId('task-status')).toHaveText(label);
}

async function submitVersion(page: Page, taskId: string, link: string, button: string) {
  await openTask(page, taskId, '/my-work');
  await page.getByLabel('Links').fill(link);
  await page.getByRole('button', { name: button }).click();
  await expectStatus(page, 'Internal review');
}

async function scrub(page: Page, taskId: string) {
  await openTask(page, taskId, '/board');
  await page.getByRole('button', { name: 'Scrub and pass to QA…' }).click();
  const form = page.getByRole('form', { name: 'Strategist scrub' });
  await expect(form.getByRole('checkbox').first()).toBeVisible();
  for (const box of await form.getByRole('checkbox').all()) await box.check();
  await form.getByRole('button', { name: 'Pass scrub → QA' }).click();
  await expectStatus(page, 'QA');
}

test('R18–R23 the task loop: draft, revision with the why, scrub, QA fail, fix, QA pass — and the history shows it', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const contractor = await as(browser, 'contractor');
  // A task of Lina's in production, brief acknowledged (R17), found through the API.
  const res = await contractor.request.get('/api/tasks?status=in_production&limit=200');
  expect(res.status()).toBe(200);
  const task = (await res.json()).items.find(
    (t: { briefAcknowledged: boolean }) => t.briefAcknowledged,
  );
  expect(task, 'a demo task of Lina in production').toBeTruthy();
  const id: string = task.id;

  // 1. The contractor hands in the first draft.
  await submitVersion(
    contractor,
    id,
    'https://drive.google.com/drive/folders/draft-v1',
    'Submit draft',
  );

  // 2. The strategist requests a revision: what and why, the client's words kept internal.
  const strategist = await as(browser, 'strategist');
  await openTask(strategist, id, '/board');
  await expect(strategist.getByTestId('versions')).toContainText('Version 1');
  await strategist.getByRole('button', { name: 'Request a revision…' }).click();
  const form = strategist.getByRole('form', { name: 'Request a revision' });
  await form.getByLabel('What to change').fill(WHAT);
  await form.getByRole('button', { name: 'Request revision' }).click();
  await expect(form.getByText(/R20: say why/)).toBeVisible(); // no why, no request
  await form.getByLabel('Why', { exact: true }).fill(WHY);
  await form.getByLabel('Scrubbed feedback for the contractor (optional)').fill(SCRUBBED);
  await form.getByLabel("Client's own words (internal, never shown to the contractor)").fill(RAW);
  await form.getByRole('button', { name: 'Request revision' }).click();
  await expectStatus(strategist, 'Revision');
  await expect(strategist.getByTestId('revision-requests')).toContainText(RAW);

  // 3. The contractor reads what and why (never the client's words) and resubmits.
  await openTask(contractor, id, '/my-work');
  const asked = contractor.getByTestId('revision-requests');
  await expect(asked).toContainText(WHAT);
  await expect(asked).toContainText(WHY);
  await expect(asked).toContainText(SCRUBBED);
  await expect(contractor.getByRole('dialog')).not.toContainText(RAW);
  await submitVersion(
    contractor,
    id,
    'https://drive.google.com/drive/folders/draft-v2',
    'Submit revision',
  );

  // 4. The strategist compares v1 and v2 side by side and passes the scrub.
  await openTask(strategist, id, '/board');
  await expect(strategist.getByTestId('version-compare')).toContainText('Version 2');
  await scrub(strategist, id);

  // 5. QA fails it once, with a reason.
  const qa = await as(browser, 'qa');
  await openTask(qa, id, '/board');
  await qa
    .getByLabel('Reasons to fail')
    .fill('Caption 2 misses the campaign hashtag #BrewedForYou');
  await qa.getByRole('button', { name: 'Fail QA' }).click();
  await expectStatus(qa, 'Revision');

  // 6. The contractor sees the reason, fixes it and resubmits; the strategist scrubs again.
  await openTask(contractor, id, '/my-work');
  await contractor.getByRole('tab', { name: 'History' }).click();
  await expect(contractor.getByTestId('history')).toContainText('#BrewedForYou');
  await submitVersion(
    contractor,
    id,
    'https://drive.google.com/drive/folders/draft-v3',
    'Submit revision',
  );
  await scrub(strategist, id);

  // 7. QA ticks every check and passes: client-ready (R23).
  await openTask(qa, id, '/board');
  const qaForm = qa.getByRole('form', { name: 'QA review' });
  await expect(qaForm.getByRole('checkbox').first()).toBeVisible();
  for (const box of await qaForm.getByRole('checkbox').all()) await box.check();
  await qaForm.getByRole('button', { name: 'Pass QA → client-ready' }).click();
  await expectStatus(qa, 'Client-ready');

  // 8. The history shows every step (R30).
  await qa.getByRole('tab', { name: 'History' }).click();
  const history = qa.getByTestId('history');
  for (const step of [
    'acknowledged the brief',
    'Lina Okafor submitted version 1',
    'Jonathan Reisch requested revision round 1 (1 item)',
    'Lina Okafor submitted version 2',
    'Jonathan Reisch passed the strategist scrub',
    'Priya Nair failed QA',
    'Lina Okafor submitted version 3',
    'Priya Nair passed QA',
  ]) {
    await expect(history).toContainText(step);
  }

  // 9. Nothing the contractor can open on the task shows the client's own words (R5, R19).
  await openTask(contractor, id, '/my-work');
  await expectStatus(contractor, 'Client-ready');
  for (const tab of ['Work', 'Thread', 'History', 'Plan & brief']) {
    await contractor.getByRole('tab', { name: tab }).click();
    await expect(contractor.getByRole('tabpanel')).toBeVisible();
    await expect(contractor.getByRole('dialog')).not.toContainText(RAW);
  }
  const json = await Promise.all(
    ['', '/comments', '/history', '/revisions', '/reviews', '/deliverables'].map(async (p) =>
      (await contractor.request.get(`/api/tasks/${id}${p}`)).text(),
    ),
  );
  for (const body of json) expect(body).not.toContain(RAW);
});

test('a stale version: "X changed this task since you opened it", with the change, and the text kept', async ({
  browser,
  baseURL,
}) => {
  const strategist = await as(browser, 'strategist');
  const list = await strategist.request.get('/api/tasks?status=internal_review&limit=200');
  let id = '';
  for (const t of (await list.json()).items as { id: string }[]) {
    const detail = await (await strategist.request.get(`/api/tasks/${t.id}`)).json();
    if (!detail.pendingRound && detail.abilities.actions.includes('request_revision')) id = t.id;
  }
  expect(id, 'a task in internal review').not.toBe('');
  await openTask(strategist, id, '/board');
  await strategist.getByRole('button', { name: 'Request a revision…' }).click();
  const form = strategist.getByRole('form', { name: 'Request a revision' });
  await form.getByLabel('What to change').fill('Swap the hero image');
  await form.getByLabel('Why', { exact: true }).fill('It is not on-brand');

  // Meanwhile the admin passes the scrub through the API.
  const admin = await as(browser, 'admin');
  const detail = await (await admin.request.get(`/api/tasks/${id}`)).json();
  const checklist = (await (await admin.request.get('/api/checklists/scrub')).json()).items;
  const scrubbed = await admin.request.post(`/api/tasks/${id}/scrub`, {
    headers: { origin: baseURL ?? '' },
    data: {
      checklist: checklist.map((item: string) => ({ item, ok: true })),
      note: '',
      version: detail.version,
    },
  });
  expect(scrubbed.status()).toBe(200);

  await form.getByRole('button', { name: 'Request revision' }).click();
  const notice = strategist.getByTestId('stale-notice');
  await expect(notice).toContainText('Kassandra Ferrante changed this task since you opened it');
  await expect(notice).toContainText('passed the strategist scrub');
  await expectStatus(strategist, 'QA');
  await expect(form.getByLabel('What to change')).toHaveValue('Swap the hero image');
});
