import { expect, test } from '@playwright/test';
import { apiCall, shot, signIn } from './helpers.ts';

// The deal form's contact field searches every contact as you type: the demo company has 120 contacts, and the
// one made here sorts last by name (beyond the first 100 the form used to offer).
test('new deal: the contact picker finds a contact beyond the first page by typing; 390 px', async ({
  page,
  context,
}) => {
  await signIn(page, undefined, undefined, '/deals');
  const contact = await apiCall(page.request, context, 'POST', '/contacts', {
    firstName: 'Quill',
    lastName: 'Zzyzx',
    email: 'quill.zzyzx@example.test',
  });
  await page.getByRole('button', { name: 'New deal' }).click();
  const dialog = page.getByRole('dialog', { name: 'New deal' });
  const field = dialog.getByRole('combobox', { name: 'Contact' });
  await field.click();
  await field.fill('zzyzx');
  const option = dialog.getByRole('option', { name: /Quill Zzyzx/ });
  await expect(option).toContainText('quill.zzyzx@example.test');
  await page.screenshot(shot('contact-picker-1440'));
  await option.click();
  await expect(field).toHaveValue('Quill Zzyzx');
  await dialog.getByLabel('Title').fill('Picker deal');
  const created = page.waitForResponse(
    (r) => r.url().endsWith('/api/v1/deals') && r.request().method() === 'POST',
  );
  await dialog.getByRole('button', { name: 'Create deal' }).click();
  const res = await created;
  expect(res.status()).toBe(201);
  expect((await res.json()).data.contactId).toBe(contact.id);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/deals');
  await page.getByRole('button', { name: 'New deal' }).click();
  const small = page.getByRole('dialog', { name: 'New deal' }).getByRole('combobox', { name: 'Contact' });
  await small.click();
  await small.fill('zzy');
  await expect(page.getByRole('option', { name: /Quill Zzyzx/ })).toBeVisible();
  await page.screenshot(shot('contact-picker-390'));
});
