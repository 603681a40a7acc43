import { type Browser, expect, type Page, test } from '@playwright/test';
import { signInThroughForm } from './support';

async function as(browser: Browser, role: 'contractor' | 'coordinator' | 'admin'): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInThroughForm(page, role);
  return page;
}

const ISSUE = 'My October invoice is still unpaid after 45 days; the agreement says Net 15.';
const NOTES = 'Finance paid it today; the payment run now checks contractor invoices every Friday.';

test('R24 R25 R26: a contractor escalates and posts his weekly update; the coordinator resolves it with notes; an admin’s announcement reaches the contractor', async ({
  browser,
}) => {
  // The contractor escalates from /escalations: it reaches the process owner at once.
  const contractor = await as(browser, 'contractor');
  await contractor.goto('/escalations');
  await expect(contractor.getByText('Escalations reach')).toContainText('Kassandra Ferrante');
  await contractor.getByRole('button', { name: 'Escalate', exact: true }).click();
  const dialog = contractor.getByRole('dialog', { name: 'Escalate an issue' });
  await dialog.getByLabel('What kind of issue').selectOption({ label: 'Payment' });
  await dialog.getByText('High', { exact: true }).click();
  await dialog.getByLabel('What happened').fill(ISSUE);
  await dialog.getByRole('button', { name: 'Escalate', exact: true }).click();
  const panel = contractor.getByRole('dialog', { name: 'Payment escalation' });
  await expect(panel).toBeVisible();
  await expect(panel.getByText('Open', { exact: true })).toBeVisible();
  await expect(panel.getByText(ISSUE)).toBeVisible();
  await panel.getByRole('button', { name: 'Close panel' }).click();

  // R25: the weekly update from My work.
  await contractor.goto('/my-work');
  const card = contractor.getByRole('region', { name: 'Weekly update' });
  await card.getByRole('button', { name: 'Write update' }).click();
  await card.getByLabel('Progress').fill('Delivered the December calendar draft for scrub.');
  await card.getByLabel('Blockers').fill('Waiting on the gift guide photos.');
  await card.getByRole('button', { name: 'Post update' }).click();
  await expect(card.getByText('Posted', { exact: true })).toBeVisible();
  await expect(card.getByText('Waiting on the gift guide photos.')).toBeVisible();

  // The coordinator sees it open, acknowledges it and resolves it with notes.
  const coordinator = await as(browser, 'coordinator');
  await coordinator.goto('/escalations');
  const row = coordinator.getByRole('row', { name: /Payment/ });
  await expect(row).toContainText('Open');
  await expect(row).toContainText('Lina Okafor');
  await row.click();
  const handling = coordinator.getByRole('dialog', { name: 'Payment escalation' });
  await handling.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(handling.getByText('Acknowledged by Ellie Sebastian')).toBeVisible();
  await expect(handling.getByRole('button', { name: 'Resolve' })).toBeDisabled();
  await handling.getByLabel('Resolution notes').fill(NOTES);
  await handling.getByRole('button', { name: 'Resolve' }).click();
  await expect(handling.getByText('Resolved by Ellie Sebastian')).toBeVisible();
  await expect(handling.getByText(NOTES)).toBeVisible();
  await handling.getByRole('button', { name: 'Close panel' }).click();

  // …and finds the contractor's update on the Weekly updates tab.
  await coordinator.getByRole('tab', { name: 'Weekly updates' }).click();
  await coordinator.getByRole('button', { name: 'This week' }).click();
  await expect(coordinator.getByText('Waiting on the gift guide photos.')).toBeVisible();

  // The contractor reads the outcome of his escalation.
  await contractor.goto('/escalations?status=resolved');
  await contractor.getByRole('row', { name: /Payment/ }).click();
  await expect(contractor.getByText(NOTES)).toBeVisible();

  // R26: an admin's announcement reaches the contractor too.
  const admin = await as(browser, 'admin');
  await admin.goto('/announcements');
  await admin.getByRole('button', { name: 'New announcement' }).click();
  const composer = admin.getByRole('dialog', { name: 'New announcement' });
  await composer.getByLabel('Title').fill('Team call moves to Thursday');
  await composer
    .getByLabel('Message')
    .fill('Contractors welcome: 16:00 New York time, link in Slack.');
  await composer.getByRole('button', { name: 'Publish' }).click();
  await expect(admin.getByRole('heading', { name: 'Team call moves to Thursday' })).toBeVisible();

  await contractor.goto('/announcements');
  const news = contractor.getByRole('article', { name: 'Team call moves to Thursday' });
  await expect(news).toContainText('Contractors welcome');
  await expect(news.getByText('Unread')).toBeAttached();
  await news.getByRole('button', { name: 'Mark read' }).click();
  await expect(news.getByRole('button', { name: 'Mark read' })).toHaveCount(0);
  // Staff-only news stays with the staff.
  await expect(contractor.getByText('Rate card review in January')).toHaveCount(0);
});
