import { expect as baseExpect, test } from '@playwright/test';
import { DEMO, signIn, signOut } from './helpers.ts';

const SHOTS = process.env.E2E_SHOTS ?? 'test-results/screens';

// Lazy chunks and a loaded machine: waits for state are generous, never sleeps.
test.describe.configure({ timeout: 180_000 });
const expect = baseExpect.configure({ timeout: 20_000 });

test('the owner changes the sales hub (adds a widget, removes a navigation entry); a sales member sees it after reload', async ({
  page,
}) => {
  await signIn(page, 'sales1@demo.tessera.test', DEMO.password, '/');
  const main = page.getByRole('navigation', { name: 'Main' });
  await expect(main.getByRole('link', { name: 'Quotes' })).toBeVisible();
  await expect(page.locator('[data-widget="activity"]')).toHaveCount(0);
  await signOut(page);

  await signIn(page, DEMO.email, DEMO.password, '/settings/hubs');
  await page.getByLabel('Role').selectOption({ label: 'Sales agent' });
  await expect(page.getByLabel('Display name')).toHaveValue('Sales hub');
  await page.getByRole('group', { name: 'Navigation' }).getByLabel('Quotes').uncheck();
  await page.getByRole('group', { name: 'Dashboard widgets' }).getByLabel('Recent activity').check();
  await page.getByRole('button', { name: 'Preview as this role' }).click();
  await expect(page.getByTestId('hub-preview')).toContainText('Recent activity');
  await expect(page.getByTestId('hub-preview')).not.toContainText('Quotes');
  await page.screenshot({ path: `${SHOTS}/hub-editor-1440.png`, fullPage: true });
  await page.getByRole('button', { name: /^Save version/ }).click();
  await expect(page.getByRole('region', { name: 'Versions' })).toContainText('v1');

  // An invalid override is refused with the field named.
  await page.getByLabel('Override (JSON)').fill('{"metadata":{"displayName":""}}');
  await page.getByRole('button', { name: /^Save version/ }).click();
  await expect(page.getByTestId('hub-errors')).toContainText('metadata.displayName');
  await signOut(page);

  await signIn(page, 'sales1@demo.tessera.test', DEMO.password, '/');
  await page.reload();
  await expect(page.locator('[data-widget="activity"]')).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Quotes' }),
  ).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/hub-sales-dashboard-1440.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/hub-sales-dashboard-390.png`, fullPage: true });
});

test('company settings and features screens', async ({ page }) => {
  await signIn(page, DEMO.email, DEMO.password, '/settings/company');
  await expect(page.getByLabel('Company name on documents')).toBeVisible();
  await page.getByLabel('Locale').fill('de-DE');
  await page.getByLabel('Currency').selectOption('EUR');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  await expect(page.getByTestId('format-preview')).toContainText('€');
  await page.screenshot({ path: `${SHOTS}/company-settings-1440.png`, fullPage: true });
  // The demo company is shared by every e2e file: put its locale and currency back.
  await page.getByLabel('Locale').fill('en-US');
  await page.getByLabel('Currency').selectOption('USD');
  const saved = page.waitForResponse(
    (r) => r.url().endsWith('/api/v1/settings') && r.request().method() === 'PATCH' && r.ok(),
  );
  await page.getByRole('button', { name: 'Save settings' }).click();
  await saved;
  await expect(page.getByTestId('format-preview')).toContainText('$');
  // Admin access by address: a list without the owner's own address is refused (it would lock them out).
  const addresses = page.getByLabel('Allowed addresses and ranges');
  await addresses.fill('198.51.100.0/24');
  await page.getByRole('button', { name: 'Save address list' }).click();
  await expect(page.getByText(/would lock you out/)).toBeVisible();
  await page.getByRole('button', { name: 'Add my address' }).click();
  await page.getByRole('button', { name: 'Save address list' }).click();
  await expect(page.getByText('Address list saved.')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/company-admin-access-1440.png`, fullPage: true });
  // Put it back: any address.
  await page.getByLabel('Allowed addresses and ranges').fill('');
  await page.getByRole('button', { name: 'Save address list' }).click();
  await expect(page.getByText('Admin changes are allowed from any address.')).toBeVisible();
  await page.goto('/settings/features');
  await expect(page.getByRole('switch', { name: 'CRM on' })).toBeChecked();
  await page.screenshot({ path: `${SHOTS}/features-1440.png`, fullPage: true });
});

test('the owner dashboard: KPI widgets, drill-down to the list, dark mode', async ({ page }) => {
  await signIn(page, DEMO.email, DEMO.password, '/');
  const roi = page.locator('[data-widget="source-roi"]');
  await expect(roi.getByRole('table')).toBeVisible();
  await expect(page.locator('[data-widget="win-rate"]').getByTestId('kpi-number')).not.toContainText(
    'Not available',
  );
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await page.screenshot({ path: `${SHOTS}/hub-owner-dashboard-dark-1440.png`, fullPage: true });
  await roi.getByRole('link', { name: 'Open list' }).click();
  await expect(page).toHaveURL(/\/leads/);
});
