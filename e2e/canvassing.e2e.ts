import { expect as baseExpect, test } from '@playwright/test';
import { DEMO, signIn } from './helpers.ts';

// A canvasser on a phone-sized page records an interested visit (with the device's position); the lead
// appears in the leads list, and the territory's offline map shows the new marker.
const stamp = Date.now().toString(36);
const expect = baseExpect.configure({ timeout: 30_000 });

test('a canvasser records an interested visit on a phone; the lead and the map marker appear', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    geolocation: { latitude: 39.8, longitude: -89.645 },
    permissions: ['geolocation'],
  });
  const page = await context.newPage();
  await signIn(page, DEMO.email, DEMO.password, '/canvassing');
  await expect(page.getByRole('heading', { name: 'Record a visit' })).toBeVisible();
  await page.getByLabel('Territory').selectOption({ label: 'Old Town' });
  await page.getByLabel('Address').fill(`${stamp} Market Street, Springfield`);
  await page.getByRole('button', { name: 'Use my current position' }).click();
  await expect(page.getByText('Position: 39.80000')).toBeVisible();
  await page.getByRole('button', { name: 'Interested', exact: true }).click();
  await page.getByLabel('Contact name').fill(`Casey Door${stamp}`);
  await page.screenshot({ path: 'test-results/screens/canvassing-record-visit.png', fullPage: true });
  await page.getByRole('button', { name: 'Save visit' }).click();
  await expect(page.getByText('Visit saved — the lead is in your leads.')).toBeVisible();
  await expect(page.getByTestId('stat-doors')).not.toHaveText('…');

  await page.goto('/leads');
  await page.getByRole('searchbox').first().fill(`Door${stamp}`);
  await expect(page.getByText(`Door${stamp}`).first()).toBeVisible();

  await page.goto('/territories');
  await page.getByRole('link', { name: 'Old Town' }).click();
  await expect(page.getByTestId('territory-map')).toBeVisible();
  await expect(page.locator('[data-testid="visit-marker"][data-outcome="interested"]')).toHaveCount(1);
  await page.screenshot({ path: 'test-results/screens/canvassing-territory-map.png', fullPage: true });
  await context.close();
});
