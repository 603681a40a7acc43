import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import { signInThroughForm } from './support';

/**
 * R29 end to end: the demo contractor invoices her QA-passed work (the demo rejected her last
 * invoice, so that work is billable again), finance approves and pays it, and the PDF carries
 * the lines and the total.
 */
test('the contractor invoices QA-passed work; finance approves and pays it; the PDF has the lines and total', async ({
  page,
  browser,
}) => {
  await signInThroughForm(page, 'contractor');
  await page.getByRole('link', { name: 'Invoices' }).click();
  await expect(page.getByRole('heading', { name: 'My invoices' })).toBeVisible();
  await page.getByRole('button', { name: 'New invoice' }).click();
  const dialog = page.getByRole('dialog', { name: 'New invoice' });
  const work = dialog.getByRole('list', { name: 'Work not invoiced yet' });
  await expect(work.getByRole('listitem').first()).toBeVisible();
  await dialog.getByRole('button', { name: 'Create draft' }).click();
  await expect(page.getByText(/Draft created with \d+ lines/)).toBeVisible();

  const panel = page.getByRole('dialog', { name: /Invoice Draft · Lina Okafor/ });
  const lines = panel.getByTestId('invoice-lines');
  await expect(lines.locator('tbody tr').first()).toBeVisible();
  const firstLine = (await lines.locator('tbody tr td span').first().textContent()) ?? '';
  const total = (await panel.getByTestId('invoice-total').textContent()) ?? '';
  await panel.getByRole('button', { name: 'Submit invoice' }).click();
  await expect(page.getByText('Submitted — finance has been told')).toBeVisible();
  const submitted = page.getByRole('dialog', { name: /Invoice LO-\d{4} · Lina Okafor/ });
  await expect(submitted.getByText('Waiting for approval')).toBeVisible();
  const title = (await submitted.getByRole('heading').first().textContent()) ?? '';
  const label = title.match(/LO-\d{4}/)?.[0] ?? '';
  expect(label).not.toBe('');

  // Finance, in another browser: the queue, approve, then mark paid with a reference.
  const financeContext = await browser.newContext();
  const fin = await financeContext.newPage();
  await signInThroughForm(fin, 'finance');
  await fin.getByRole('link', { name: 'Invoices' }).click();
  await fin.getByRole('tab', { name: 'To approve' }).click();
  await fin.getByRole('row', { name: new RegExp(label) }).click();
  const finPanel = fin.getByRole('dialog', { name: new RegExp(`Invoice ${label}`) });
  await expect(finPanel.getByTestId('invoice-total')).toHaveText(total);
  await finPanel.getByRole('button', { name: /^Approve/ }).click();
  await expect(fin.getByText('Approved — it now waits for payment')).toBeVisible();
  await finPanel.getByRole('button', { name: 'Mark paid…' }).click();
  await finPanel.getByLabel('Payment reference').fill('WISE-E2E-0001');
  await finPanel.getByRole('button', { name: 'Mark paid', exact: true }).click();
  await expect(fin.getByText('Marked paid')).toBeVisible();
  await expect(finPanel.getByText('Paid', { exact: true }).first()).toBeVisible();

  const downloading = fin.waitForEvent('download');
  await finPanel.getByRole('button', { name: 'PDF' }).click();
  const download = await downloading;
  const file = await download.path();
  const pdf = await getDocumentProxy(new Uint8Array(await readFile(file)));
  const { text } = await extractText(pdf, { mergePages: true });
  expect(text).toContain(label);
  expect(text).toContain(firstLine);
  expect(text).toContain(total);
  expect(text).toContain('WISE-E2E-0001');
  await financeContext.close();

  // The contractor sees it paid.
  await page.reload();
  await expect(
    page
      .getByRole('dialog', { name: new RegExp(`Invoice ${label}`) })
      .getByText('Paid', { exact: true })
      .first(),
  ).toBeVisible();
});
