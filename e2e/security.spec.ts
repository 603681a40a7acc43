import { expect, test } from '@playwright/test';
import { signInThroughForm } from './support';

// Stored text is shown as text: markup saved through the API never runs in a colleague's browser.
const PAYLOAD = '<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>';

test('stored markup in a client and its one-sheeter is shown literally and never runs (XSS)', async ({
  page,
  baseURL,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  await signInThroughForm(page, 'admin');
  const headers = { origin: new URL(baseURL ?? page.url()).origin };

  const created = await page.request.post('/api/clients', {
    headers,
    data: {
      name: `XSS ${Date.now()} ${PAYLOAD}`.slice(0, 120),
      companyCategory: 'core',
      departmentTier: 1,
      notes: PAYLOAD,
      contacts: [{ name: PAYLOAD, role: PAYLOAD, email: '', phone: '' }],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const client = await created.json();

  // Two versions, so the history's diff has the markup on both sides.
  for (const [baseVersion, audience] of [
    [0, 'first'],
    [1, PAYLOAD],
  ] as const) {
    const saved = await page.request.put(`/api/clients/${client.id}/one-sheeter`, {
      headers,
      data: {
        baseVersion,
        content: { brandVoice: PAYLOAD, audience, competitors: PAYLOAD, contentPillars: [PAYLOAD] },
      },
    });
    expect(saved.status(), await saved.text()).toBe(200);
  }

  await page.goto(`/clients?client=${client.id}&tab=one-sheeter`);
  await expect(page.getByLabel('Brand voice', { exact: false }).first()).toHaveValue(PAYLOAD);
  await expect(page.getByLabel('Competitors', { exact: false }).first()).toHaveValue(PAYLOAD);
  // The name is rendered as text (heading and list row), markup and all.
  await expect(page.getByText(PAYLOAD, { exact: false }).first()).toBeVisible();

  await page.goto(`/clients?client=${client.id}&tab=overview`);
  await expect(page.getByText(PAYLOAD, { exact: false }).first()).toBeVisible();
  await page.goto(`/clients?client=${client.id}&tab=history`);
  await expect(page.getByRole('list', { name: 'Versions' }).getByRole('listitem')).toHaveCount(2);
  // The diff of version 1 → 2 shows the markup as changed text.
  await expect(page.getByTestId('one-sheeter-diff').getByText(PAYLOAD).first()).toBeVisible();

  expect(
    await page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
  ).toBeUndefined();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(dialogs).toEqual([]);
});
