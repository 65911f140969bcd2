import { expect, test } from '@playwright/test';
import { shot, signIn } from './helpers.ts';

const stamp = Date.now().toString(36).toUpperCase();

// A loaded machine renders slowly: this journey takes many steps.
test.setTimeout(180_000);

test('recurring template → run now → the issued invoice appears → a delivery note of it', async ({
  page,
}) => {
  await signIn(page, undefined, undefined, '/recurring-invoices');
  await expect(page.getByRole('heading', { level: 1, name: 'Recurring invoices' })).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot(shot('recurring-list-390'));
  await page.setViewportSize({ width: 1440, height: 900 });

  await page.getByRole('button', { name: 'New recurring invoice' }).click();
  await page.getByLabel('Name', { exact: true }).fill(`Retainer ${stamp}`);
  await page.getByLabel('Customer name').fill('Željko Šćepanović');
  await page.getByLabel('Customer e-mail').fill('billing@customer.example');
  await page.getByLabel('Period').selectOption('month');
  await page.getByLabel('Description of line 1').fill('Monthly support');
  await page.getByLabel('Quantity of line 1').fill('3');
  await page.getByLabel('Unit of line 1').fill('h');
  await page.getByLabel('Unit price of line 1').fill('80.00');
  await expect(page.getByTestId('next-dates')).toContainText('Next:');
  await page.screenshot(shot('recurring-editor-1440'));
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot(shot('recurring-editor-390'));
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByRole('button', { name: 'Save template' }).click();
  await expect(page).toHaveURL(/\/recurring-invoices\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`Retainer ${stamp}`);
  await expect(page.getByRole('main')).toContainText('No invoices yet.');

  await page.getByRole('button', { name: 'Run now' }).click();
  const dialog = page.getByRole('dialog', { name: 'Make the next invoice now?' });
  await dialog.getByRole('button', { name: 'Make invoice' }).click();
  await expect(dialog).toBeHidden();
  const made = page.getByRole('list', { name: 'Invoices made' });
  await expect(made.getByRole('link', { name: 'Open invoice' })).toHaveCount(1);
  await page.screenshot(shot('recurring-page-1440'));
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot(shot('recurring-page-390'));
  await page.setViewportSize({ width: 1440, height: 900 });

  await made.getByRole('link', { name: 'Open invoice' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/Invoice INV-\d{4}-\d{5}/);
  await expect(page.getByRole('main')).toContainText('Monthly support');
  await expect(page.getByRole('main')).toContainText('Željko Šćepanović');

  // Deliver 2 of the 3 hours, then the list shows the note and what is left.
  await page.getByRole('button', { name: 'Delivery note' }).click();
  const note = page.getByRole('dialog', { name: 'New delivery note' });
  await note.getByLabel('Delivered quantity of line 1').fill('2');
  await note.getByRole('button', { name: 'Create delivery note' }).click();
  await expect(note).toBeHidden();
  await expect(page.getByRole('list', { name: 'Delivery notes' })).toContainText(/DN-\d{4}-\d{5}/);
  await expect(page.getByRole('list', { name: 'Delivered per line' })).toContainText('2 of 3 h delivered');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot(shot('invoice-deliveries-390'));

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/invoices');
  await page.getByRole('button', { name: 'Recurring' }).click();
  await expect(page.getByRole('main')).toContainText(`Retainer ${stamp}`);
  await page.screenshot(shot('recurring-list-1440'));
});

test('recurring pages show the error state when the API fails, at phone width too', async ({ page }) => {
  await signIn(page, undefined, undefined, '/');
  await page.route('**/api/v1/recurring-invoices/*', (route) =>
    route.fulfill({
      status: 500,
      contentType: 'application/json',
      body: JSON.stringify({ error: { code: 'INTERNAL', message: 'Something went wrong' } }),
    }),
  );
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/recurring-invoices/01a1fcbb-0000-7000-8000-000000000000');
  await expect(page.getByRole('alert')).toBeVisible();
  await page.screenshot(shot('recurring-page-error-390'));
  await page.goto('/recurring-invoices/01a1fcbb-0000-7000-8000-000000000000/edit');
  await expect(page.getByRole('alert')).toBeVisible();
});
