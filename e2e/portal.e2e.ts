import { expect as baseExpect, test } from '@playwright/test';
import { apiCall, DEMO, invitationLink, signIn, signOut } from './helpers.ts';

// The customer portal (ADR 0035): the owner invites a contact from its page; the contact accepts, lands in the
// portal (no staff navigation), sees their company's sent quote — not another company's — accepts it and
// downloads its PDF. Screenshots at desktop and phone width go to test-results/screens.
const stamp = Date.now().toString(36);
const customer = {
  name: 'Paula Portal',
  email: `paula.${stamp}@example.test`,
  password: 'paula-strong-password',
};
const expect = baseExpect.configure({ timeout: 30_000 });
const lines = [{ description: 'Annual service', quantity: 1, unitPriceCents: 48_000 }];

test('a contact invited to the portal sees and accepts only their company’s quote', async ({
  page,
  context,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, DEMO.email, DEMO.password);
  const theirs = await apiCall(page.request, context, 'POST', '/companies', { name: `Portal Co ${stamp}` });
  const other = await apiCall(page.request, context, 'POST', '/companies', { name: `Other Co ${stamp}` });
  const contact = await apiCall(page.request, context, 'POST', '/contacts', {
    firstName: 'Paula',
    lastName: 'Portal',
    email: customer.email,
    companyId: theirs.id,
  });
  const sendQuote = async (companyId: string) => {
    const q = await apiCall(page.request, context, 'POST', '/quotes', { companyId, lines });
    return apiCall(page.request, context, 'POST', `/quotes/${q.id}/send`, { to: 'buyer@example.test' });
  };
  const quote = await sendQuote(theirs.id);
  const foreign = await sendQuote(other.id);

  await page.goto(`/contacts/${contact.id}`);
  await page.getByRole('button', { name: 'Invite to portal' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText(`Invitation sent to ${customer.email}`)).toBeVisible();
  const link = await invitationLink(page, customer.email);
  await signOut(page);

  await page.goto(link);
  await page.getByLabel('Your name').fill(customer.name);
  await page.getByLabel('Password').fill(customer.password);
  await page.getByRole('button', { name: 'Accept invitation' }).click();
  await expect(page).toHaveURL(/\/portal/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(theirs.name);
  // No staff frame: no sidebar links, and a typed staff URL goes back to the portal.
  await expect(page.getByRole('link', { name: 'Leads' })).toHaveCount(0);
  const cards = page.getByTestId('portal-document');
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText(quote.number);
  await expect(page.getByText(foreign.number)).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/portal-quotes.png', fullPage: true });

  await cards.first().getByRole('button', { name: 'Accept' }).click();
  await expect(cards.first()).toContainText('Accepted');
  const download = page.waitForEvent('download');
  await cards.first().getByRole('button', { name: 'PDF' }).click();
  expect((await download).suggestedFilename()).toBe(`${quote.number}.pdf`);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/leads');
  await expect(page).toHaveURL(/\/portal/);
  await page.getByRole('tab', { name: 'Invoices' }).click();
  await expect(page.getByText('No invoices yet')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/portal-invoices-empty-phone.png', fullPage: true });
});

test('settings: access is granted to a company found by typing in the company picker (phone width)', async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, DEMO.email, DEMO.password, '/settings/portal');
  const company = await apiCall(page.request, context, 'POST', '/companies', {
    name: `Zephyr Picker ${stamp}`,
  });
  const email = `granted.${stamp}@example.test`;
  await page.getByLabel('E-mail').fill(email);
  const picker = page.getByRole('combobox', { name: 'Company' });
  await picker.fill(`zephyr picker ${stamp}`);
  const option = page.getByRole('option', { name: company.name });
  await expect(option).toBeVisible();
  await expect(page.getByRole('option')).toHaveCount(1);
  await page.screenshot({ path: 'test-results/screens/portal-settings-picker-phone.png', fullPage: true });
  await option.click();
  await expect(picker).toHaveValue(company.name);
  await page.getByRole('button', { name: 'Grant access' }).click();
  await expect(page.getByRole('table', { name: 'Customer portal' })).toContainText(email);
});
