import { readFileSync } from 'node:fs';
import { expect as baseExpect, test } from '@playwright/test';
import { DEMO, shot, signIn, signOut } from './helpers.ts';

const SALES1 = { email: 'sales1@demo.tessera.test', password: DEMO.password };

// Lazy chunks and a loaded machine: waits for state are generous, never sleeps.
test.describe.configure({ timeout: 240_000 });
const expect = baseExpect.configure({ timeout: 30_000 });

test('reports: the owner runs the lead funnel, changes period and owner (in the URL, back works), downloads the CSV; a sales agent has no money reports', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await signIn(page, DEMO.email, DEMO.password, '/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
  await expect(page).toHaveURL(/\/reports$/);
  const list = page.getByTestId('report-list');
  await expect(list.getByRole('heading', { name: 'CRM' })).toBeVisible();
  await expect(list.getByRole('heading', { name: 'Sales' })).toBeVisible();
  await expect(list.getByRole('link', { name: /Accounts receivable/ })).toBeVisible();
  await page.screenshot(shot('reports-list-light-1440'));

  await list.getByRole('link', { name: /Lead funnel/ }).click();
  await expect(page).toHaveURL(/\/reports\/lead-funnel$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Lead funnel' })).toBeVisible();
  const table = page.getByTestId('report-table');
  const totals = page.getByTestId('report-totals');
  await expect(table.getByRole('columnheader', { name: 'Reached' })).toBeVisible();
  await expect(table).toHaveAttribute('aria-busy', 'false');
  // The chart is the widgets' lazily loaded one.
  await expect(page.getByTestId('report-chart').locator('.recharts-funnel-trapezoid').first()).toBeVisible();
  const yearTotals = await totals.innerText();
  await page.screenshot(shot('reports-lead-funnel-light-1440'));

  // The period: last month (the demo's leads spread over half a year, so fewer than in twelve months).
  await page.getByLabel('Period').selectOption('last-month');
  await expect(page).toHaveURL(/period=last-month/);
  await expect.poll(() => totals.innerText()).not.toBe(yearTotals);
  await expect(table).toHaveAttribute('aria-busy', 'false');
  const monthTotals = await totals.innerText();

  // A filter: one agent's leads.
  await page.getByLabel('Owner').selectOption({ label: 'Sofia Alvarez' });
  await expect(page).toHaveURL(/period=last-month&ownerId=[0-9a-f-]{36}/);
  await expect.poll(() => totals.innerText()).not.toBe(monthTotals);
  await expect(table).toHaveAttribute('aria-busy', 'false');
  const agentTotals = await totals.innerText();
  await expect(page.getByRole('link', { name: 'Open list' })).toHaveAttribute(
    'href',
    /^\/leads\?ownerId=[0-9a-f-]{36}$/,
  );

  // The CSV of the same query: header row, the statuses, the total line.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^lead-funnel-\d{4}-\d{2}-01-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = readFileSync((await download.path()) as string, 'utf8')
    .trimEnd()
    .split('\r\n');
  expect(lines[0]).toBe('Status,Leads,Reached,Conversion');
  expect(lines.length).toBeGreaterThan(2);
  expect(lines.some((l) => l.startsWith('new,'))).toBe(true);
  expect(lines.at(-1)).toMatch(/^Total,/);

  // Back: the owner filter goes, the month stays.
  await page.goBack();
  await expect(page).toHaveURL(/\/reports\/lead-funnel\?period=last-month$/);
  await expect(page.getByLabel('Owner')).toHaveValue('');
  await expect.poll(() => totals.innerText()).toBe(monthTotals);
  await page.goForward();
  await expect.poll(() => totals.innerText()).toBe(agentTotals);

  // Dark mode and phone width.
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await page.screenshot(shot('reports-lead-funnel-dark-1440'));
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole('heading', { level: 1, name: 'Lead funnel' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Download CSV' })).toBeVisible();
  await page.screenshot(shot('reports-lead-funnel-dark-390'));
  await page.goto('/reports/revenue-by-month?grouping=week&period=this-quarter');
  await expect(page.getByLabel('Group by')).toHaveValue('week');
  await expect(page.getByTestId('report-table')).toBeVisible();
  await expect(page.getByTestId('report-chart').locator('.recharts-line-curve')).toBeVisible();
  await page.screenshot(shot('reports-revenue-dark-390'));
  await page.getByRole('button', { name: 'Switch to light theme' }).click();
  await expect(page.locator('html')).not.toHaveClass(/dark/);
  await page.goto('/reports');
  await expect(page.getByTestId('report-list')).toBeVisible();
  await page.screenshot(shot('reports-list-light-390'));
  await page.goto('/reports/lead-funnel?period=this-year');
  await expect(page.getByTestId('report-table')).toBeVisible();
  await expect(page.getByTestId('report-table').getByRole('cell', { name: 'In progress' })).toBeVisible();
  await expect(page.getByTestId('report-chart').locator('.recharts-funnel-trapezoid').first()).toBeVisible();
  await page.screenshot(shot('reports-lead-funnel-light-390'));
  await page.setViewportSize({ width: 1440, height: 1000 });

  // A sales agent: the CRM reports of their own records, not the money (invoice) reports, no CSV export.
  await signOut(page);
  await signIn(page, SALES1.email, SALES1.password, '/reports');
  const own = page.getByTestId('report-list');
  await expect(own.getByRole('link', { name: /Lead funnel/ })).toBeVisible();
  await expect(own.getByRole('heading', { name: 'Sales' })).toHaveCount(0);
  for (const name of [/Accounts receivable/, /Invoice ageing/, /Transactions/])
    await expect(own.getByRole('link', { name })).toHaveCount(0);
  await own.getByRole('link', { name: /Lead funnel/ }).click();
  await expect(page.getByTestId('report-table')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Download CSV' })).toHaveCount(0);
  await page.goto('/reports/ar-summary');
  await expect(page.getByRole('heading', { name: 'Report not available' })).toBeVisible();
});
