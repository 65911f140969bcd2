import { expect, test } from '@playwright/test';
import { shot, signIn } from './helpers.ts';

// Every app page needs a session: sign in as the demo owner first.
test.beforeEach(async ({ page }) => {
  await signIn(page);
});

test('the app loads with its navigation', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('navigation').first()).toBeVisible();
  await expect(page.getByRole('link', { name: /leads/i }).first()).toBeVisible();
  await page.screenshot(shot('dashboard'));
});

test('a client-side route loads directly (server falls back to the app)', async ({ page }) => {
  const res = await page.goto('/leads');
  expect(res?.status()).toBe(200);
  await expect(page.getByRole('main')).toContainText(/leads/i);
});

test('the status page shows the database connected', async ({ page }) => {
  await page.goto('/status');
  await expect(page.getByTestId('health-db')).toContainText('connected');
  await expect(page.getByTestId('health-db')).not.toContainText('disconnected');
  await expect(page.getByTestId('health-status')).toBeVisible();
  await page.screenshot(shot('status'));
});

test('the reconnect banner appears while the API is unreachable and goes away by itself', async ({
  page,
}) => {
  await page.goto('/status');
  await expect(page.getByTestId('health-db')).toContainText('connected');
  const banner = page.getByText("We're trying to reconnect…");
  await expect(banner).toBeHidden();

  await page.route('**/api/**', (route) => route.abort('connectionrefused'));
  await expect(banner).toBeVisible({ timeout: 30_000 });
  await page.screenshot(shot('reconnecting'));

  await page.unroute('**/api/**');
  await expect(banner).toBeHidden({ timeout: 30_000 });
  await expect(page.getByTestId('health-db')).toContainText('connected');
});

test('the theme toggle switches to dark and is remembered', async ({ page }) => {
  await page.goto('/');
  const html = page.locator('html');
  const wasDark = ((await html.getAttribute('class')) ?? '').includes('dark');
  await page.getByRole('button', { name: wasDark ? /light theme/i : /dark theme/i }).click();
  await expect(html).toHaveClass(wasDark ? /^(?!.*dark)/ : /dark/);
  await page.reload();
  await expect(html).toHaveClass(wasDark ? /^(?!.*dark)/ : /dark/);
  await page.screenshot(shot('theme-toggled'));
});

test('the API reference is browsable', async ({ page }) => {
  await page.goto('/api/docs');
  // Swagger UI parses the whole document before it renders anything (about a megabyte; seconds on a busy machine).
  await expect(page.getByText('Tessera API').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('/api/health').first()).toBeVisible();
  await page.screenshot(shot('api-docs'));
});
