import { expect, type Page, test } from '@playwright/test';
import { signIn } from './helpers.ts';

const stamp = Date.now().toString(36);
const title = `Roof renewal ${stamp}`;
const SHOTS = process.env.DEAL_SHOTS_DIR ?? 'test-results/screens';

test.describe.configure({ mode: 'serial' });

const cardIn = (page: Page, stage: string) =>
  page.getByTestId(`stage-${stage}`).getByTestId('deal-card').filter({ hasText: title });

test('create a deal from a company, open it, move it, mark it won: the board shows it under Won', async ({
  page,
}) => {
  await signIn(page, undefined, undefined, '/companies');
  const companyLink = page.getByRole('table', { name: 'Companies' }).getByRole('link').first();
  const company = (await companyLink.textContent())?.trim() ?? '';
  expect(company).not.toBe('');
  await companyLink.click();
  await expect(page.getByRole('heading', { name: company })).toBeVisible();

  // "New deal" on the company page: the company is chosen already.
  await page.getByRole('button', { name: 'New deal' }).click();
  const form = page.getByRole('dialog', { name: 'New deal' });
  await expect(form.getByLabel('Company')).toHaveValue(/.+/);
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Amount').fill('12,500.50');
  await form.getByLabel('Expected close').fill('2027-03-31');
  await form.getByRole('button', { name: 'Create deal' }).click();
  await expect(form).toBeHidden();

  // Creating opens the deal page.
  await expect(page).toHaveURL(/\/deals\/[0-9a-f-]{36}$/);
  const dealUrl = page.url();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await expect(page.getByTestId('deal-status')).toHaveText('Open');
  const main = page.getByRole('main');
  await expect(main).toContainText('$12,500.50');
  await expect(main.getByRole('link', { name: company })).toBeVisible();

  // The company page lists it, and its link opens it.
  await main.getByRole('link', { name: company }).click();
  await page.getByRole('link', { name: title }).click();
  await expect(page).toHaveURL(dealUrl);

  // Move it on the board ("Move to…" menu of its card), then open it from the card.
  await page.goto('/deals');
  await expect(cardIn(page, 'Qualification')).toBeVisible();
  await page.getByRole('button', { name: `Move ${title} to…` }).click();
  await page.getByRole('menuitem', { name: 'Move to Proposal' }).click();
  await expect(cardIn(page, 'Proposal')).toBeVisible();
  await expect(cardIn(page, 'Qualification')).toHaveCount(0);
  await cardIn(page, 'Proposal').getByRole('link', { name: title }).click();
  await expect(page).toHaveURL(dealUrl);
  await expect(page.getByTestId('deal-stage')).toHaveText('Proposal');

  // Mark it won from its page.
  await page.getByRole('button', { name: 'Mark as won' }).click();
  await page
    .getByRole('dialog', { name: 'Mark deal as won' })
    .getByRole('button', { name: 'Mark as won' })
    .click();
  await expect(page.getByTestId('deal-status')).toHaveText('Won');
  await expect(page.getByTestId('deal-stage')).toHaveText('Won');
  await expect(page.getByText('This deal was won')).toBeVisible();
  for (const [width, height] of [
    [1440, 900],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${SHOTS}/deal-page-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1440, height: 900 });

  // The board still shows it, under Won, counted in the column's total.
  await page.getByRole('link', { name: '← Deals' }).click();
  await expect(cardIn(page, 'Won')).toBeVisible();
  await expect(cardIn(page, 'Proposal')).toHaveCount(0);
  await page.reload();
  await expect(cardIn(page, 'Won')).toBeVisible();
  await expect(page.getByTestId('stage-Won').getByTestId('stage-total')).not.toHaveText(/^\$0\.00/);
  await page.getByTestId('kanban').evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
  await page.screenshot({ path: `${SHOTS}/deals-board-won-1440.png` });

  // Closed columns collapse to their count and total.
  await page.getByRole('button', { name: 'Collapse Won' }).click();
  await expect(cardIn(page, 'Won')).toHaveCount(0);
  await page.getByRole('button', { name: 'Expand Won' }).click();
  await expect(cardIn(page, 'Won')).toBeVisible();
});
