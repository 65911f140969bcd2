import { expect, test } from '@playwright/test';
import { shot, signIn } from './helpers.ts';

const stamp = Date.now().toString(36).toUpperCase();

test.describe.configure({ mode: 'serial' });
// A loaded machine renders slowly: this journey takes many steps.
test.setTimeout(240_000);

test('tax rate and product → invoice with live totals → issue → partial and final payment → paid', async ({
  page,
}) => {
  await signIn(page, undefined, undefined, '/settings/tax-rates');
  await page.getByRole('button', { name: 'New tax rate' }).click();
  const rateForm = page.getByRole('dialog', { name: 'New tax rate' });
  await rateForm.getByLabel('Name').fill(`VAT ${stamp}`);
  await rateForm.getByLabel('Rate (%)').fill('20');
  await rateForm.getByRole('button', { name: 'Create tax rate' }).click();
  await expect(rateForm).toBeHidden();

  await page.goto('/products');
  await page.getByRole('button', { name: 'New product' }).click();
  const productForm = page.getByRole('dialog', { name: 'New product' });
  await productForm.getByLabel('SKU').fill(`P-${stamp}`);
  await productForm.getByLabel('Name').fill(`Panel ${stamp}`);
  await productForm.getByLabel('Unit price').fill('249.90');
  await productForm.getByLabel('Tax rate').selectOption({ label: `VAT ${stamp} (20 %)` });
  await productForm.getByRole('button', { name: 'Create product' }).click();
  await expect(productForm).toBeHidden();
  await expect(page.getByRole('main')).toContainText(`Panel ${stamp}`);

  await page.goto('/invoices/new');
  await page.getByLabel('Product of line 1').selectOption({ label: `P-${stamp} · Panel ${stamp}` });
  await page.getByLabel('Quantity of line 1').fill('2');
  // 2 × 249.90 = 499.80 + 20 % = 599.76, computed in the browser by the shared calculation.
  await expect(page.getByTestId('document-total')).toContainText('599.76');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot(shot('sales-invoice-editor-390'));
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page).toHaveURL(/\/invoices\/[0-9a-f-]{36}$/);

  await page.getByRole('button', { name: 'Issue' }).click();
  await page
    .getByRole('dialog', { name: 'Issue this invoice?' })
    .getByRole('button', { name: 'Issue' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/Invoice INV-\d{4}-\d{5}/);

  for (const amount of ['100.00', '499.76']) {
    await page.getByRole('button', { name: 'Record payment' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record a payment' });
    await dialog.getByLabel('Amount').fill(amount);
    await dialog.getByRole('button', { name: 'Record payment' }).click();
    await expect(dialog).toBeHidden();
  }
  await expect(page.getByTestId('open-balance')).toContainText('0.00');
  await expect(page.getByRole('main')).toContainText('Paid');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot(shot('sales-invoice-paid-390'));
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/invoices');
  await expect(page.getByRole('main')).toContainText(/INV-\d{4}-\d{5}/, { timeout: 30_000 });
  await page.screenshot(shot('sales-invoices-list'));
});
