import { expect, type Page, test } from '@playwright/test';
import { DEMO, signIn } from './helpers.ts';

const SHOTS = process.env.E2E_SHOTS ?? 'test-results/screens';

/** Console errors and failed API answers (4xx/5xx) seen while `page` is watched. */
const watch = (page: Page) => {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('response', (res) => {
    if (res.url().includes('/api/') && res.status() >= 400) problems.push(`${res.status()} ${res.url()}`);
  });
  return problems;
};

test('dispatch: tasks without a checkbox it may not use and without links into pages it may not open', async ({
  page,
}) => {
  await signIn(page, 'dispatch@demo.tessera.test', DEMO.password, '/tasks');
  const problems = watch(page);
  await page.goto('/tasks');
  await expect(page.getByTestId('task-row').first()).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /^Complete / })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /^Open (lead|deal)$/ })).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/tasks-dispatch-1440.png` });
  const openable = page.getByRole('link', { name: /^Open (contact|company)$/ });
  if ((await openable.count()) > 0) {
    await openable.first().click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByTestId('forbidden')).toHaveCount(0);
  }
  expect(problems).toEqual([]);
});

test('sales1: a deal names its company without a broken link or a 404', async ({ page }) => {
  await signIn(page, 'sales1@demo.tessera.test', DEMO.password, '/deals');
  const problems = watch(page);
  const res = await page.request.get('/api/v1/deals?limit=100');
  const deals = ((await res.json()).data as { id: string; companyId: string | null }[]).filter(
    (d) => d.companyId,
  );
  expect(deals.length).toBeGreaterThan(0);
  for (const deal of deals.slice(0, 4)) {
    await page.goto(`/deals/${deal.id}`);
    await expect(page.getByTestId('deal-status')).toBeVisible();
    const company = page.locator('dt', { hasText: /^Company$/ }).locator('xpath=following-sibling::dd[1]');
    await expect(company).not.toHaveText(/^(|—|Company)$/);
    const link = company.getByRole('link');
    if ((await link.count()) > 0) {
      await link.click();
      await expect(page.getByTestId('forbidden')).toHaveCount(0);
      await expect(page.getByText(/not found/i)).toHaveCount(0);
    }
  }
  await page.screenshot({ path: `${SHOTS}/deal-sales1-1440.png` });
  expect(problems).toEqual([]);
});
