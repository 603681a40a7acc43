import { expect, test } from '@playwright/test';
import { ROLE_LABELS, type Role, sectionsFor } from '../src/contracts/roles';
import { SECTION_LABELS } from './labels';
import { signInThroughForm } from './support';

const ROLES: Role[] = ['admin', 'coordinator', 'strategist', 'qa', 'finance', 'contractor'];

for (const role of ROLES) {
  test(`${role} signs in and sees exactly the navigation the role may use`, async ({ page }) => {
    await signInThroughForm(page, role);
    await expect(page.getByTestId('current-role')).toHaveText(ROLE_LABELS[role]);
    const nav = page.getByRole('navigation', { name: 'Main' });
    const expected = sectionsFor(role).map((s) => SECTION_LABELS[s]);
    await expect(nav.getByRole('link')).toHaveText(expected);
  });
}

test('a contractor gets 403/404 from the API outside their scope (R5)', async ({ page }) => {
  await signInThroughForm(page, 'contractor');
  for (const path of ['/api/members', '/api/invitations', '/api/audit']) {
    const res = await page.request.get(path);
    expect(res.status(), path).toBe(403);
  }
  await expect(page.getByRole('link', { name: 'Clients' })).toHaveCount(0);
  await page.goto('/settings');
  await expect(page.getByText('Not available for your role')).toBeVisible();
});

test('an admin invites a contractor, who accepts from the dev outbox link', async ({
  page,
  browser,
}) => {
  await signInThroughForm(page, 'admin');
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Invite by e-mail').fill('newbie@example.com');
  await page.getByLabel('Role', { exact: true }).selectOption('contractor');
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText('Invitation sent to newbie@example.com')).toBeVisible();

  const guest = await browser.newPage();
  await guest.goto(page.url().replace(/\/settings.*/, '/dev/outbox'));
  const link = guest.getByRole('link', { name: /\/invite\// }).first();
  await link.click();
  await expect(guest.getByRole('heading', { name: 'Join Northwind Social' })).toBeVisible();
  await guest.getByLabel('Your name').fill('New Contractor');
  await guest.getByLabel('Choose a password').fill('a-good-password');
  await guest.getByRole('button', { name: 'Accept invitation' }).click();
  await expect(guest.getByTestId('current-role')).toHaveText('Contractor');
  await guest.close();
});

test('the command palette jumps to a section from the keyboard', async ({ page }) => {
  await signInThroughForm(page, 'coordinator');
  await page.keyboard.press('Control+k');
  await page.getByPlaceholder('Jump to… or type a command').fill('contractors');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/contractors$/);
});
