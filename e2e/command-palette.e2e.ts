import { expect, type Page, test } from '@playwright/test';
import { shot, signIn } from './helpers.ts';

const stamp = Date.now().toString(36);
const lead = { first: 'Paletta', last: `Keyes ${stamp}` };

test.describe.configure({ mode: 'serial' });

const openPalette = async (page: Page) => {
  // The shortcut works once the signed-in app has rendered (its header's search button shows).
  await expect(page.getByRole('button', { name: 'Search' })).toBeVisible();
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Search and commands' });
  await expect(palette).toBeVisible();
  const input = palette.getByRole('combobox', { name: 'Search records and commands' });
  await expect(input).toBeFocused();
  return { palette, input };
};

test('Ctrl+K: the "New lead" command opens the create dialog; typing a lead\'s name and Enter opens it', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page);
  const first = await openPalette(page);
  await page.screenshot(shot('palette-commands'));
  await first.input.fill('new lead');
  await expect(first.palette.getByRole('option')).toHaveText(['New lead']);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/leads\?new=1$/);
  const form = page.getByRole('dialog', { name: 'New lead' });
  await form.getByLabel('First name').fill(lead.first);
  await form.getByLabel('Last name').fill(lead.last);
  await form.getByRole('button', { name: 'Create lead' }).click();
  await expect(page.getByRole('heading', { name: new RegExp(lead.last) })).toBeVisible();
  const leadUrl = new URL(page.url()).pathname;

  await page.goto('/deals');
  const search = await openPalette(page);
  await search.input.fill(`keyes ${stamp}`);
  const hit = search.palette.getByRole('option', { name: new RegExp(`${lead.first} ${lead.last}`) });
  await expect(hit).toBeVisible();
  await expect(search.palette.getByRole('group', { name: 'Leads' })).toBeVisible();
  await expect(hit).toHaveAttribute('aria-selected', 'true');
  await page.screenshot(shot('palette-search'));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${leadUrl}$`));
  await expect(page.getByRole('heading', { name: new RegExp(lead.last) })).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Search and commands' })).toBeHidden();
});

test('the "New deal" and "New task" commands open their dialogs; closing one leaves the page as it was', async ({
  page,
}) => {
  await signIn(page);
  for (const [command, path] of [
    ['New deal', '/deals'],
    ['New task', '/tasks'],
  ] as const) {
    const { palette, input } = await openPalette(page);
    await input.fill(command.toLowerCase());
    await expect(palette.getByRole('option')).toHaveText([command]);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: command });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
  }
});

test('the leads grid is driven from the keyboard: ↓ moves, Enter opens the row', async ({ page }) => {
  await signIn(page, undefined, undefined, '/leads');
  const table = page.getByRole('table', { name: 'Leads' });
  const rows = table.locator('tbody tr[data-row-index]');
  await expect(rows.nth(1)).toBeVisible();
  const secondName = await rows.nth(1).getByRole('link').first().textContent();
  await rows.first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(1)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/leads\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: secondName ?? '' })).toBeVisible();
});

test('at phone width the palette fits and works from the header button', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page);
  await page.getByRole('button', { name: 'Search' }).click();
  const palette = page.getByRole('dialog', { name: 'Search and commands' });
  await palette.getByRole('combobox').fill(stamp);
  await expect(palette.getByRole('option', { name: new RegExp(lead.last) })).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await page.screenshot(shot('palette-phone'));
  await page.keyboard.press('Escape');
  await expect(palette).toBeHidden();
});

test("the owner's Get started checklist shows on the dashboard and stays dismissed", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page);
  const card = page.getByTestId('onboarding-checklist');
  await expect(card).toBeVisible();
  await expect(card.getByRole('heading', { name: 'Get started' })).toBeVisible();
  await expect(card.getByRole('link', { name: /Import your leads/ })).toHaveAttribute('href', '/leads');
  await page.screenshot(shot('onboarding-checklist'));
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot(shot('onboarding-checklist-phone'));
  await card.getByRole('button', { name: 'Dismiss' }).click();
  await expect(card).toBeHidden();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByTestId('onboarding-checklist')).toBeHidden();
});
