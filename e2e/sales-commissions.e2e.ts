import { expect, test } from '@playwright/test';
import { apiCall, shot, signIn } from './helpers.ts';

// Commission rules are set up on their settings page (rate in percent, tiers), a paid invoice earns under
// the agent's rule, and the statement shows the line with its invoice number linking to the invoice.
const stamp = Date.now().toString(36);

test('commission rules page → a paid invoice → the statement with its line and totals', async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  await signIn(page);
  const api = (method: string, url: string, data?: object) =>
    apiCall(page.request, context, method, url, data);
  const me = await api('GET', '/auth/me');
  const myName: string = me.user?.name ?? me.name;

  await page.goto('/settings/commission-rules');
  await expect(page.getByRole('heading', { name: 'Commission rules' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'New rule' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name', { exact: true }).fill(`Mine ${stamp}`);
  // Bad input is reported in the form and nothing is sent.
  await dialog.getByLabel('Rate (%)', { exact: true }).fill('150');
  await dialog.getByRole('button', { name: 'Create rule' }).click();
  await expect(dialog.getByText('Choose an agent', { exact: true })).toBeVisible();
  await expect(dialog.getByText(/A percentage from 0 to 100/)).toBeVisible();
  await dialog.getByRole('combobox', { name: 'Agent' }).selectOption({ label: myName });
  await dialog.getByLabel('Rate (%)', { exact: true }).fill('2.5');
  await dialog.getByRole('button', { name: 'Add tier' }).click();
  await dialog.getByLabel('Tier 1 From volume').fill('1000000');
  await dialog.getByLabel('Tier 1 Rate (%)').fill('4');
  await dialog.getByRole('button', { name: 'Create rule' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row', { name: new RegExp(`Mine ${stamp}`) });
  await expect(row).toContainText('2.5 %');
  await expect(row).toContainText('4 %');
  const rule = (await api('GET', `/commission-rules?q=${stamp}`))[0];
  expect(rule).toMatchObject({ rateBp: 250, tiers: [{ fromCents: 100_000_000, rateBp: 400 }] });
  await page.screenshot(shot('commission-rules'));

  const draft = await api('POST', '/invoices', {
    lines: [{ description: `Commissioned ${stamp}`, quantity: '2', unitPriceCents: 50_000 }],
  });
  const invoice = await api('POST', `/invoices/${draft.id}/issue`, {});
  await api('POST', `/invoices/${invoice.id}/payments`, {
    paidOn: new Date().toISOString().slice(0, 10),
    amountCents: invoice.totalCents,
    method: 'card',
  });

  await page.goto('/commissions');
  const link = page.getByRole('link', { name: invoice.number }).first();
  await expect(link).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('row', { name: new RegExp(invoice.number) })).toContainText(`Mine ${stamp}`);
  await page.screenshot(shot('commission-statement'));
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/invoices/${invoice.id}$`));

  // Archived: gone from the list, back with "Show archived rules".
  await page.goto('/settings/commission-rules');
  await page
    .getByRole('row', { name: new RegExp(`Mine ${stamp}`) })
    .getByRole('button', { name: 'Archive' })
    .click();
  await page.getByRole('dialog').getByRole('button', { name: 'Archive' }).click();
  await expect(page.getByRole('row', { name: new RegExp(`Mine ${stamp}`) })).toHaveCount(0);
  await page.getByLabel('Show archived rules').check();
  await expect(page.getByRole('row', { name: new RegExp(`Mine ${stamp}`) })).toBeVisible();
});
