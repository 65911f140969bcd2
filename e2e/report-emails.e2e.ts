import { expect as baseExpect, test } from '@playwright/test';
import { signIn } from './helpers.ts';

const SHOTS = process.env.E2E_SHOTS ?? 'test-results/screens';

// A loaded machine: waits for state are generous, never sleeps.
test.describe.configure({ timeout: 180_000 });
const expect = baseExpect.configure({ timeout: 20_000 });

test('report page: e-mail me a report weekly with its filters, see it in my report e-mails, pause and delete it; 390 px', async ({
  page,
}) => {
  await signIn(page, undefined, undefined, '/reports');
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
  const list = page.getByRole('region', { name: 'My report e-mails' });
  await expect(list.getByText(/No report e-mails yet/)).toBeVisible();

  await page.getByRole('link', { name: /Lead funnel/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lead funnel' })).toBeVisible();
  await page.getByLabel('Lead funnel: how often').selectOption('weekly-3');
  const subscribed = page.waitForResponse(
    (r) => r.url().endsWith('/api/v1/report-subscriptions') && r.request().method() === 'POST',
  );
  await page.getByRole('button', { name: 'E-mail me this report' }).click();
  expect((await subscribed).status()).toBe(201);
  await expect(page.getByText(/Subscribed/)).toBeVisible();

  await page.goto('/reports/revenue-by-month');
  await expect(page.getByRole('heading', { level: 1, name: 'Deals won and revenue' })).toBeVisible();
  await page.getByLabel('Deals won and revenue: how often').selectOption('monthly');
  await page.getByRole('button', { name: 'E-mail me this report' }).click();
  await expect(page.getByText(/Subscribed/)).toBeVisible();

  await page.goto('/reports');
  await expect(list.getByText(/Weekly on Wednesday/)).toBeVisible();
  await expect(list.getByText(/Monthly on day 1/)).toBeVisible();
  await expect(list.getByText('Active', { exact: true })).toHaveCount(2);
  await page.screenshot({ path: `${SHOTS}/report-emails-1440.png`, fullPage: true });

  await list
    .getByRole('listitem')
    .filter({ hasText: 'Lead funnel' })
    .getByRole('button', { name: 'Pause' })
    .click();
  await expect(list.getByText('Paused', { exact: true })).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/report-emails-390.png`, fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  await list.getByRole('button', { name: 'Delete the e-mail of Lead funnel' }).click();
  await expect(list.getByText(/Weekly on Wednesday/)).toHaveCount(0);
  await expect(list.getByText(/Monthly on day 1/)).toBeVisible();
});
