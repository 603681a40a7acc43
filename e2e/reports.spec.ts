import { expect, type Page, test } from '@playwright/test';
import { signInThroughForm } from './support';

/** R32: every report tab draws its charts from the demo data with the numbers in a table. */

async function expectChartAndTable(page: Page, caption: RegExp) {
  const chart = page.getByTestId('chart').first();
  await expect(chart.locator('svg').first()).toBeVisible();
  await expect(page.locator('table caption', { hasText: caption }).first()).toBeAttached();
}

test('an admin reads scorecards, process health, spend and workload as charts and tables', async ({
  page,
}) => {
  await signInThroughForm(page, 'admin');
  await page.getByRole('link', { name: 'Reports' }).click();
  await expect(page.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible();

  await expect(page.getByRole('tab', { name: 'Scorecards' })).toHaveAttribute(
    'data-state',
    'active',
  );
  await expectChartAndTable(page, /On time and QA first pass by contractor/);
  // The bars are drawn (one rectangle per contractor and measure at least).
  await expect(page.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.getByRole('table', { name: 'Contractor scorecards' })).toBeVisible();
  await page.screenshot({ path: 'test-results/reports.png', fullPage: true });

  await page.getByRole('tab', { name: 'Process health' }).click();
  await expect(page).toHaveURL(/tab=process/);
  await expectChartAndTable(page, /Process health shares/);
  await expect(page.getByText('Feedback items with the why').first()).toBeVisible();

  await page.getByRole('tab', { name: 'Spend' }).click();
  await expect(page).toHaveURL(/tab=spend/);
  await expectChartAndTable(page, /Totals per month/);
  await page.getByLabel('Group by').selectOption('contractor');
  await expect(page).toHaveURL(/groupBy=contractor/);
  await expect(page.getByRole('table', { name: /Spend by contractor/ })).toBeVisible();

  await page.getByRole('tab', { name: 'Workload' }).click();
  await expect(page).toHaveURL(/tab=workload/);
  await expectChartAndTable(page, /Load \/ capacity per contractor and week/);
  await expect(page.getByText(/Over capacity next week/)).toBeVisible();
  await page.screenshot({ path: 'test-results/reports-workload.png', fullPage: true });

  // A copied link opens the same tab and filters.
  await page.goto('/reports?tab=spend&groupBy=type&period=quarter');
  await expect(page.getByLabel('Group by')).toHaveValue('type');
  await expect(page.getByLabel('Per', { exact: true })).toHaveValue('quarter');
});
