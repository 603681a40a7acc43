import { expect, test } from '@playwright/test';
import { signInThroughForm } from './support';

/** YYYY-MM-DD `days` after today in the demo workspace's zone. */
function dayFromToday(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(
    new Date(),
  );
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

test('R10–R17 journey: strategist requests, coordinator assigns the top suggestion, contractor acknowledges the brief', async ({
  browser,
}) => {
  // Strategist submits a request 10 days out and sees the 7–13 day warning (R11).
  const strategist = await browser.newPage();
  await signInThroughForm(strategist, 'strategist');
  await strategist.goto('/requests');
  await strategist.getByRole('button', { name: 'New request' }).click();
  await strategist
    .getByLabel('Client', { exact: true })
    .selectOption({ label: 'Harbor & Vine Coffee' });
  await expect(strategist.getByTestId('client-verdict')).toContainText('Fit');
  await strategist.getByLabel('Deliverable type 1').selectOption({ label: 'Static graphic' });
  await strategist.getByLabel('Quantity 1').fill('4');
  await strategist.getByLabel('Due date').fill(dayFromToday(10));
  const verdict = strategist.getByTestId('lead-verdict');
  await expect(verdict).toContainText('R11 · 10 days');
  await expect(verdict).toContainText('14');
  await strategist
    .getByLabel('Preferred contractor (optional)')
    .selectOption({ label: 'Lina Okafor' });
  await strategist.getByRole('button', { name: 'Submit request' }).click();
  await expect(strategist.getByText(/Request submitted/)).toBeVisible();
  await expect(strategist).toHaveURL(/request=/);
  const requestId = new URL(strategist.url()).searchParams.get('request');
  expect(requestId).toBeTruthy();
  await strategist.close();

  // Coordinator opens it from triage: the top suggestion is the preferred contractor, with reasons.
  const coordinator = await browser.newPage();
  await signInThroughForm(coordinator, 'coordinator');
  await coordinator.goto(`/requests?request=${requestId}`);
  const top = coordinator.getByRole('radio', { name: /#1 Lina Okafor/ });
  await expect(top).toBeChecked();
  await expect(coordinator.getByTestId('plan-preview')).toContainText('First draft');
  await coordinator.getByRole('button', { name: 'Assign and plan' }).click();
  await expect(coordinator.getByText(/Assigned — \d+ subtasks planned/)).toBeVisible();
  await coordinator.close();

  // The contractor sees the task in My work, with dates, and acknowledges the brief (R17).
  const contractor = await browser.newPage();
  await signInThroughForm(contractor, 'contractor');
  await contractor.goto('/my-work');
  const awaiting = contractor.getByRole('region', { name: 'Acknowledge the brief (R17)' });
  await awaiting
    .getByRole('button', { name: /Harbor & Vine Coffee/ })
    .first()
    .click();
  await expect(contractor.getByTestId('subtasks')).toContainText('First draft');
  await expect(contractor.getByTestId('subtasks')).toContainText(/(Mon|Tue|Wed|Thu|Fri) \d+ \w{3}/);
  await expect(contractor.getByTestId('brief')).toContainText('Harbor & Vine Coffee');
  await contractor.getByRole('button', { name: "I've read the brief" }).click();
  await expect(contractor.getByText('Brief acknowledged — the draft can start')).toBeVisible();
  await contractor.close();
});
