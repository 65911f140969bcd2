import { expect, test } from '@playwright/test';
import { signIn } from './helpers.ts';

const SHOTS = process.env.E2E_SHOTS ?? 'test-results/screens';

test('members page fits a phone: no sideways scroll', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, undefined, undefined, '/settings/members');
  await expect(page.getByRole('table', { name: 'Members' })).toBeVisible();
  // Elements reaching past the right edge outside a scroll container (named, so a failure says which one).
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
      .filter((el) => !el.parentElement?.closest('[class*="overflow-x-auto"]'))
      .slice(0, 5)
      .map(
        (el) => `${el.tagName}.${String(el.className).slice(0, 80)} → ${el.getBoundingClientRect().right}`,
      ),
  );
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect({ overflow, wide }).toEqual({ overflow: 0, wide: [] });
  await page.screenshot({ path: `${SHOTS}/members-390.png`, fullPage: true });
});

test('leads on one line at 1440 px, breadcrumb on a lead, links and archive on a company, dashboard', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, undefined, undefined, '/');
  await expect(page.getByTestId('dashboard-my-tasks')).toBeVisible();
  await expect(page.getByTestId('dashboard-recent-leads').getByRole('link').first()).toBeVisible();
  await expect(page.getByText('Modules will appear here as they ship')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/dashboard-1440.png` });

  await page.goto('/leads');
  const table = page.getByRole('table', { name: 'Leads' });
  const firstName = table.getByRole('row').nth(1).getByRole('link').first();
  await expect(firstName).toBeVisible();
  const heights = await table
    .locator('tbody tr')
    .evaluateAll((rows) => rows.slice(0, 10).map((row) => row.getBoundingClientRect().height));
  expect(Math.max(...heights)).toBeLessThan(60); // one line per row
  await page.screenshot({ path: `${SHOTS}/leads-1440.png` });
  const name = (await firstName.textContent()) ?? '';
  await firstName.click();
  const crumb = page.getByRole('navigation', { name: 'Breadcrumb' });
  await expect(crumb).toContainText(name.trim());
  await expect(crumb.getByRole('link', { name: 'Leads' })).toHaveAttribute('href', '/leads');

  // A demo company with an e-mail and a phone (other e2e files create companies without them, newest first).
  const companies = (await (await page.request.get('/api/v1/companies?limit=100')).json()).data as {
    id: string;
    email: string | null;
    phone: string | null;
  }[];
  const withContacts = companies.find((c) => c.email && c.phone);
  expect(withContacts).toBeTruthy();
  await page.goto(`/companies/${withContacts?.id}`);
  await expect(page.locator('a[href^="mailto:"]').first()).toBeVisible();
  await expect(page.locator('a[href^="tel:"]').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Archive' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/company-1440.png` });

  // A lead with an e-mail (leads made by earlier e2e files may have none and list first).
  const existing = (
    (await (await page.request.get('/api/v1/leads?limit=100')).json()).data as {
      email: string | null;
      fullName: string;
    }[]
  ).find((lead) => lead.email);
  expect(existing).toBeTruthy();
  await page.goto('/leads');
  await page.getByRole('button', { name: 'New lead' }).click();
  await page
    .getByRole('dialog')
    .getByLabel('Email')
    .fill(existing?.email ?? '');
  const warning = page.getByTestId('duplicate-email');
  await expect(warning).toContainText(existing?.fullName ?? '');
  await expect(warning.getByRole('link', { name: 'Open the existing lead' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/lead-duplicate-email-1440.png` });
  await page.keyboard.press('Escape');

  await page.goto('/contacts');
  await page.getByRole('button', { name: 'New contact' }).click();
  await expect(page.getByRole('dialog').getByLabel('Company')).toBeVisible();
});
