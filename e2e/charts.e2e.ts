import { expect as baseExpect, test } from '@playwright/test';
import { DEMO, signIn } from './helpers.ts';

const SHOTS = process.env.E2E_SHOTS ?? 'test-results/screens';

// Lazy chunks and a loaded machine: waits for state are generous, never sleeps.
test.describe.configure({ timeout: 180_000 });
const expect = baseExpect.configure({ timeout: 20_000 });

test('the charting library is not part of the sign-in page’s JavaScript', async ({ page }) => {
  const scripts: string[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  await page.goto('/login');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((s) => s.includes('kpi-chart'))).toEqual([]);
});

test('dashboard charts: bar, line, funnel, pie; dark mode; table fallback; a funnel step opens the filtered lead list', async ({
  page,
}) => {
  const chartChunk = page.waitForResponse((r) => r.url().includes('/assets/kpi-chart-') && r.ok());
  await signIn(page, DEMO.email, DEMO.password, '/');
  await chartChunk; // loaded when the first chart renders
  const funnel = page.locator('[data-widget="lead-funnel"]');
  const steps = funnel.locator('.recharts-funnel-trapezoid');
  await expect(steps.first()).toBeVisible();
  await expect(funnel.getByRole('img', { name: /^Lead funnel \(Reached\): New \d+/ })).toBeVisible();
  await expect(
    page.locator('[data-widget="pipeline-by-stage"] .recharts-bar-rectangle').first(),
  ).toBeVisible();
  await expect(page.locator('[data-widget="revenue-by-month"] .recharts-line-curve')).toBeVisible();
  await expect(page.locator('[data-widget="lead-sources"] .recharts-pie-sector').first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/charts-dashboard-light-1440.png`, fullPage: true });

  // Dark mode: the chart colours follow the page (CSS variables).
  const fill = () =>
    steps
      .first()
      .locator('path')
      .first()
      .evaluate((el) => getComputedStyle(el).fill);
  const light = await fill();
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await expect.poll(fill).not.toBe(light);
  expect(await fill()).toBe('rgb(129, 140, 248)'); // --chart-1 in dark mode
  await page.screenshot({ path: `${SHOTS}/charts-dashboard-dark-1440.png`, fullPage: true });

  // The same figures as a table, each step a link to its list.
  await funnel.getByRole('button', { name: 'Table' }).click();
  await expect(funnel.getByTestId('chart-table')).toBeVisible();
  await expect(funnel.getByRole('link', { name: 'Qualified' })).toHaveAttribute(
    'href',
    '/leads?status=qualified',
  );
  await funnel.getByRole('button', { name: 'Chart' }).click();

  // Drill-down: a click on the "Won" step opens the leads list filtered by that status.
  await steps.nth(3).click();
  await expect(page).toHaveURL(/\/leads\?status=won$/);
  await expect(page.getByRole('heading', { name: 'Leads' })).toBeVisible();
  await expect(page.getByText('Status: Won').first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/charts-drilldown-leads-1440.png`, fullPage: true });

  await page.goto('/');
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.locator('[data-widget="lead-funnel"] .recharts-funnel-trapezoid').first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/charts-dashboard-dark-390.png`, fullPage: true });
});
