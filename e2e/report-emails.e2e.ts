import { expect as baseExpect, test } from '@playwright/test';
import { signIn } from './helpers.ts';

const SHOTS = process.env.E2E_SHOTS ?? 'test-results/screens';

// A loaded machine: waits for state are generous, never sleeps.
test.describe.configure({ timeout: 180_000 });
const expect = baseExpect.configure({ timeout: 20_000 });

test('reports page: e-mail me a report weekly, see it in my report e-mails, pause and delete it; 390 px', async ({
  page,
}) => {
  await signIn(page, undefined, undefined, '/reports');
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
  const list = page.getByRole('region', { name: 'My report e-mails' });
  await expect(list.getByText('No report e-mails yet.')).toBeVisible();

  const funnel = page.getByRole('region', { name: 'Lead funnel' });
  await expect(funnel.getByRole('link', { name: 'CSV (12 months)' })).toHaveAttribute(
    'href',
    '/api/v1/reports/kpis/lead-funnel/export',
  );
  await funnel.getByLabel('Lead funnel: how often').selectOption('weekly-3');
  await funnel.getByRole('button', { name: 'E-mail me this report' }).click();
  await expect(funnel.getByText('Subscribed.')).toBeVisible();
  await expect(list.getByText('Weekly on Wednesday')).toBeVisible();
  await expect(list.getByText('Active', { exact: true })).toBeVisible();

  const revenue = page.getByRole('region', { name: 'Deals won and revenue' });
  await revenue.getByLabel('Deals won and revenue: how often').selectOption('monthly');
  await revenue.getByRole('button', { name: 'E-mail me this report' }).click();
  await expect(list.getByText('Monthly on day 1')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/reports-1440.png`, fullPage: true });

  await list
    .getByRole('listitem')
    .filter({ hasText: 'Lead funnel' })
    .getByRole('button', { name: 'Pause' })
    .click();
  await expect(list.getByText('Paused', { exact: true })).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/reports-390.png`, fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  await list.getByRole('button', { name: 'Delete the e-mail of Lead funnel' }).click();
  await expect(list.getByText('Weekly on Wednesday')).toHaveCount(0);
  await expect(list.getByText('Monthly on day 1')).toBeVisible();
});
