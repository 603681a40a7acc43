import { expect, type Page, test } from '@playwright/test';
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

/** "Mon 7 Dec" (with the year when it is not this year), as the screens show a day. */
function dayLabel(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
    ...(d.getUTCFullYear() !== new Date().getUTCFullYear() ? { year: 'numeric' } : {}),
  })
    .format(d)
    .replace(',', '');
}

async function openTab(page: Page, name: string) {
  await page.getByRole('tab', { name }).click();
}

test('R6–R8: a coordinator adds a contractor with a negotiated rate and time away, and sees them in the panel', async ({
  page,
}) => {
  await signInThroughForm(page, 'coordinator');
  await page.goto('/contractors');
  await page.getByRole('button', { name: 'Add contractor' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add contractor' });
  await dialog.getByLabel('Name', { exact: true }).fill('Rosa Lindqvist');
  await dialog.getByLabel('E-mail', { exact: true }).fill('rosa.lindqvist@example.com');
  await dialog.getByLabel('Time zone').fill('Europe/Stockholm');
  await dialog.getByLabel('Country').fill('Sweden');
  await dialog.getByLabel('Caption copy').check();
  await dialog.getByLabel('Static graphic').check();
  await dialog.getByRole('button', { name: 'Add contractor' }).click();

  const panel = page.getByRole('dialog', { name: 'Rosa Lindqvist' });
  await expect(panel).toBeVisible();
  await expect(panel.getByText('Applied').first()).toBeVisible();
  await expect(page).toHaveURL(/contractor=/);

  // R7: a negotiated rate replaces the default for this contractor only.
  await openTab(page, 'Rates');
  await panel.getByLabel('Deliverable type').selectOption({ label: 'Caption copy' });
  await panel.getByLabel('Amount').fill('42.50');
  await panel.getByLabel('Note').fill('Agreed on the intro call');
  await panel.getByRole('button', { name: 'Add negotiated rate' }).click();
  const captionRow = panel.getByRole('row', { name: /Caption copy/ }).first();
  await expect(captionRow).toContainText('$42.50');
  await expect(captionRow).toContainText('Negotiated');
  await captionRow.getByRole('button', { name: /History/ }).click();
  await expect(panel.getByText('Agreed on the intro call')).toBeVisible();

  // R8: a range of days away, shown with weekdays.
  await openTab(page, 'Availability');
  const start = dayFromToday(30);
  const end = dayFromToday(32);
  await panel.getByLabel('First day away').fill(start);
  await panel.getByLabel('Last day away').fill(end);
  await panel.getByLabel('Kind').selectOption('travel');
  await panel.getByLabel('Note (optional)').fill('Design conference');
  await panel.getByRole('button', { name: /^Add / }).click();
  const away = panel.getByRole('list', { name: 'Upcoming time away' });
  await expect(away).toContainText(`${dayLabel(start)} – ${dayLabel(end)}`);
  await expect(away).toContainText('Travel');
  await expect(away).toContainText('Design conference');

  // Reopening from the list shows the same record.
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await page.getByRole('row', { name: /Rosa Lindqvist/ }).click();
  await openTab(page, 'Rates');
  await expect(panel.getByRole('row', { name: /Caption copy/ }).first()).toContainText('$42.50');
});

test('R9: the pipeline refuses a skipped stage with the server’s message', async ({ page }) => {
  await signInThroughForm(page, 'coordinator');
  await page.goto('/contractors?view=pipeline');
  await page.getByLabel('Move Sofia Marchetti to').selectOption('trial');
  await expect(page.getByText(/can't skip vetting stages/)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Applied' })).toContainText('Sofia Marchetti');
});

test('R3/R4: a strategist completes an incomplete one-sheeter and sees the versions and the diff', async ({
  page,
}) => {
  await signInThroughForm(page, 'strategist');
  await page.goto('/clients');
  await page.getByRole('row', { name: /Maple & Moss Home/ }).click();
  await openTab(page, 'One-sheeter');
  const completeness = page.getByTestId('one-sheeter-completeness');
  await expect(completeness).toContainText('6/10');

  await page.getByLabel('Visual identity links').fill('https://maplemoss.example/brand-book');
  await page
    .getByLabel('Which inquiries go to customer service')
    .fill('Orders, returns and delivery questions go to support@maplemoss.example.');
  await page.getByLabel('How to answer positive comments').fill('Thank them warmly, by name.');
  await page
    .getByLabel('How to answer negative comments')
    .fill('Acknowledge, apologise once, move to DMs.');
  await page.getByLabel('Who to escalate to').fill('Hannah Brooks, founder');
  await page.getByRole('button', { name: 'Save one-sheeter' }).click();
  await expect(page.getByText('Saved as version 2')).toBeVisible();
  await expect(completeness).toContainText('8/10');
  await expect(completeness).toContainText('100% of required');

  await openTab(page, 'Brief history');
  await expect(page.getByRole('list', { name: 'Versions' }).getByRole('listitem')).toHaveCount(2);
  const diff = page.getByTestId('one-sheeter-diff');
  await expect(diff).toContainText('Visual identity links');
  await expect(diff).toContainText('https://maplemoss.example/brand-book');
});

test('R8: a contractor adds a day off from a phone', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  // On a phone the sidebar (with the role label signInThroughForm waits for) is folded away.
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(demoEmail('contractor'));
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Open menu' })).toBeVisible();
  await page.goto('/availability');
  await expect(page.getByRole('heading', { name: 'Your time away' })).toBeVisible();
  const day = dayFromToday(40);
  await page.getByLabel('First day away').fill(day);
  await page.getByLabel('Last day away').fill(day);
  await page.getByLabel('Note (optional)').fill('Dentist');
  const add = page.getByRole('button', { name: `Add ${dayLabel(day)}` });
  const box = await add.boundingBox();
  expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
  await add.click();
  const away = page.getByRole('list', { name: 'Upcoming time away' });
  await expect(away).toContainText(dayLabel(day));
  await expect(away).toContainText('Dentist');
  // Nothing overflows the phone's width.
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await context.close();
});

test('CSV: an invalid contractor row is shown and blocks the import until fixed', async ({
  page,
}) => {
  await signInThroughForm(page, 'coordinator');
  await page.goto('/contractors');
  await page.getByRole('button', { name: 'Import / export' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: /Export contractors/ }).click();
  const file = await downloading;
  expect(file.suggestedFilename()).toBe('contractors.csv');

  await page.getByRole('button', { name: 'Import / export' }).click();
  await page.getByRole('menuitem', { name: /Import contractors/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Import contractors from CSV' });
  const paste = dialog.getByLabel('…or paste CSV text');
  await paste.fill('name,email,skills\nZed Import,not-an-email,Caption copy\n');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  const preview = dialog.getByRole('table', { name: 'Import preview' });
  await expect(preview).toContainText('email');
  await expect(dialog.getByRole('button', { name: /^Import \d+ row/ })).toBeDisabled();

  await paste.fill('name,email,skills\nZed Import,zed.import@example.com,Caption copy\n');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(preview).toContainText('create');
  await dialog.getByRole('button', { name: 'Import 1 row' }).click();
  await expect(page.getByText('Imported: 1 created')).toBeVisible();
  await expect(page.getByRole('row', { name: /Zed Import/ })).toBeVisible();
});

test('a roster longer than one page loads the rest with "Load more"', async ({ page, baseURL }) => {
  await signInThroughForm(page, 'coordinator');
  // 201 contractors by CSV, named to sort after everyone else so no other test loses a row.
  const rows = Array.from({ length: 201 }, (_, i) => {
    const n = String(i + 1).padStart(3, '0');
    return `Zz Roster ${n},zz.roster.${n}@example.com`;
  });
  const imported = await page.request.post('/api/contractors/import', {
    headers: { origin: new URL(baseURL ?? page.url()).origin },
    data: { csv: `name,email\n${rows.join('\n')}\n` },
  });
  expect(imported.status(), await imported.text()).toBe(200);

  await page.goto('/contractors?q=Zz%20Roster');
  const roster = page.getByRole('row', { name: /Zz Roster/ });
  await expect(roster).toHaveCount(200);
  await expect(page.getByText('Showing the first 200 (by name)')).toBeVisible();
  await page.getByRole('button', { name: 'Load more' }).click();
  await expect(roster).toHaveCount(201);
  await expect(page.getByRole('row', { name: /Zz Roster 201/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Load more' })).toHaveCount(0);
});
