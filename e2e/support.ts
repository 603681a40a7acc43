import { expect, type Page } from '@playwright/test';
import type { Role } from '../src/contracts/roles';

export const DEMO_PASSWORD = 'handoff-demo';
export const demoEmail = (role: Role) => `${role}@demo.handoff.test`;

/** Signs in through the form, as a person would. */
export async function signInThroughForm(page: Page, role: Role): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(demoEmail(role));
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('current-role')).toBeVisible();
}

/** Signs in through the API (fast path for tests that are about something else). */
export async function signInThroughApi(page: Page, role: Role): Promise<void> {
  const res = await page.request.post('/api/auth/sign-in/email', {
    data: { email: demoEmail(role), password: DEMO_PASSWORD },
    headers: {
      origin: new URL(page.context().pages()[0]?.url() || 'http://localhost:3100').origin,
    },
  });
  expect(res.status()).toBe(200);
}
