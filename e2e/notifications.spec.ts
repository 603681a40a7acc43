import { type APIRequestContext, expect, request, test } from '@playwright/test';
import { DEMO_PASSWORD, demoEmail, signInThroughForm } from './support';

/** YYYY-MM-DD `days` after today in the demo workspace's zone. */
function dayFromToday(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(
    new Date(),
  );
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** An API client signed in as a demo person (cookie + our Origin, as the SPA sends). */
async function apiAs(
  baseURL: string,
  role: 'strategist' | 'coordinator',
): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  const res = await api.post('/api/auth/sign-in/email', {
    data: { email: demoEmail(role), password: DEMO_PASSWORD },
  });
  expect(res.status()).toBe(200);
  return api;
}

const find = (items: { id: string; name: string }[], name: string) => {
  const hit = items.find((i) => i.name === name);
  if (!hit) throw new Error(`no ${name}`);
  return hit;
};

test('R31 a coordinator assigns work; the contractor sees the bell count rise and follows it to the task', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await signInThroughForm(page, 'contractor');
  const bell = page.getByTestId('notification-bell');
  await expect(bell).toBeVisible();
  const countNow = async () => {
    const badge = page.getByTestId('notification-count');
    return (await badge.count()) === 0 ? 0 : Number(await badge.textContent());
  };
  const before = await countNow();

  // Through the API, as the agency would: the strategist requests, the coordinator assigns.
  const strategist = await apiAs(baseURL as string, 'strategist');
  const coordinator = await apiAs(baseURL as string, 'coordinator');
  const clients = (await (await coordinator.get('/api/clients')).json()).items;
  const types = (await (await coordinator.get('/api/deliverable-types')).json()).items;
  const contractors = (await (await coordinator.get('/api/contractors')).json()).items;
  const members = (await (await coordinator.get('/api/members')).json()).items;
  const due = dayFromToday(30);
  const created = await strategist.post('/api/requests', {
    data: {
      clientId: find(clients, 'Harbor & Vine Coffee').id,
      items: [{ deliverableTypeId: find(types, 'Caption copy').id, quantity: 3 }],
      month: due.slice(0, 7),
      dueDate: due,
      collateralReady: true,
    },
  });
  expect(created.status()).toBe(201);
  const req = await created.json();
  const assigned = await coordinator.post(`/api/requests/${req.id}/assign`, {
    data: {
      contractorId: find(contractors, 'Lina Okafor').id,
      strategistUserId: members.find((m: { role: string }) => m.role === 'strategist').userId,
      version: req.version,
    },
  });
  expect(assigned.status()).toBe(201);
  const { taskId } = await assigned.json();

  // The bell polls every 30 seconds: the count rises without a reload.
  await expect(page.getByTestId('notification-count')).toHaveText(String(before + 1), {
    timeout: 45_000,
  });
  await expect(bell).toHaveAccessibleName(`Notifications, ${before + 1} unread`);

  await bell.click();
  const list = page.getByRole('list', { name: 'Latest notifications' });
  const item = list.getByRole('button', { name: /New work: Harbor & Vine Coffee/ }).first();
  await expect(item).toContainText('acknowledge the brief');
  await item.click();
  await expect(page).toHaveURL(new RegExp(`/my-work\\?task=${taskId}`));
  await expect(page.getByTestId('notification-count')).toHaveText(String(before), {
    timeout: 10_000,
  });
  await strategist.dispose();
  await coordinator.dispose();
});

test('personal settings are reachable from the person menu by every role', async ({ page }) => {
  await signInThroughForm(page, 'contractor');
  await page.getByRole('button', { name: /^Account:/ }).click();
  await page.getByRole('menuitem', { name: 'My settings' }).click();
  await expect(page).toHaveURL(/\/me\/settings$/);
  await expect(page.getByRole('heading', { name: 'Notifications' })).toBeVisible();
  // A contractor is offered only the kinds that reach contractors.
  await expect(page.getByRole('checkbox', { name: 'New work assigned: E-mail' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /Request waiting for triage/ })).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'QA passed: E-mail' }).check();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Notification settings saved')).toBeVisible();

  // A calendar link is made once and can be copied.
  await page.getByRole('button', { name: 'Make link' }).click();
  await expect(page.getByRole('textbox', { name: 'My due dates link' })).toHaveValue(
    /\/api\/feeds\/due\/.+\.ics$/,
  );
  const ics = await page.request.get(
    await page.getByRole('textbox', { name: 'My due dates link' }).inputValue(),
  );
  expect(ics.status()).toBe(200);
  expect(await ics.text()).toContain('BEGIN:VCALENDAR');
  // No team calendar for a contractor.
  await expect(page.getByText('Team due dates')).toHaveCount(0);
});
