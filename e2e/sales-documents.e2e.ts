import { type APIRequestContext, type BrowserContext, expect, test } from '@playwright/test';
import { shot, signIn } from './helpers.ts';

// The invoice page shows the invoice's PDF (rendered by the server with the tenant's branding) and offers the
// PDF and the UBL e-invoice as downloads (the files themselves are checked by the API tests); sending it queues an e-mail with the PDF attached (dev mailbox).
const stamp = Date.now().toString(36);

const csrfOf = async (context: BrowserContext) =>
  (await context.cookies()).find((c) => /(^|-)tessera_csrf$/.test(c.name))?.value ?? '';

const call = async (
  request: APIRequestContext,
  context: BrowserContext,
  method: string,
  url: string,
  data?: object,
) => {
  const res = await request.fetch(`/api/v1${url}`, {
    method,
    headers: { 'x-csrf-token': await csrfOf(context) },
    ...(data ? { data } : {}),
  });
  expect(res.status(), `${method} ${url}: ${await res.text()}`).toBeLessThan(300);
  return (await res.json()).data;
};

test('invoice page: PDF preview, PDF and e-invoice downloads; the sent e-mail carries the PDF', async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  await signIn(page);
  const api = (method: string, url: string, data?: object) => call(page.request, context, method, url, data);
  const settings = await api('GET', '/sales/settings');
  await api('PATCH', '/sales/settings', {
    sellerName: 'Demo Solar GmbH',
    sellerAddress: { line1: 'Königstraße 12', postalCode: '70173', city: 'Stuttgart', country: 'DE' },
    sellerTaxId: 'DE123456789',
    bank: { iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' },
    version: settings.version,
  });
  const branding = await api('GET', '/sales/branding');
  await api('PATCH', '/sales/branding', { primaryColor: '#0b5c4a', version: branding.version });
  const rate = await api('POST', '/tax-rates', { name: `VAT ${stamp}`, rateBp: 1900 });
  const company = await api('POST', '/companies', {
    name: `Željko Šćepanović ${stamp}`,
    email: `zeljko-${stamp}@example.test`,
  });
  const draft = await api('POST', '/invoices', {
    companyId: company.id,
    lines: [{ description: 'Über-Kabel 5 m', quantity: '3', unitPriceCents: 1990, taxRateId: rate.id }],
  });
  const invoice = await api('POST', `/invoices/${draft.id}/issue`, {});

  await page.goto(`/invoices/${invoice.id}`);
  await expect(page.getByRole('heading', { name: `Invoice ${invoice.number}` })).toBeVisible({
    timeout: 30_000,
  });
  const preview = page.frameLocator(`iframe[title="PDF of ${invoice.number}"]`);
  await expect(page.locator(`iframe[title="PDF of ${invoice.number}"]`)).toBeVisible({ timeout: 30_000 });
  await expect(preview.locator('body')).toBeAttached();

  await expect(page.getByRole('button', { name: 'Download PDF' })).toBeEnabled({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'E-invoice (XML)' })).toBeVisible();
  await page.screenshot(shot('invoice-pdf-preview'));

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole('button', { name: 'Download PDF' })).toBeVisible();
  await page.screenshot(shot('invoice-pdf-preview-390'));

  await api('POST', `/invoices/${invoice.id}/send`, { to: [`zeljko-${stamp}@example.test`] });
  const mails = (await (await page.request.get('/api/v1/dev/mailbox')).json()).data as {
    id: string;
    to: string;
    attachments: { id: string; filename: string; contentType: string }[];
  }[];
  const mail = mails.find((m) => m.to === `zeljko-${stamp}@example.test`);
  expect(mail?.attachments.map((a) => [a.filename, a.contentType])).toEqual([
    [`${invoice.number}.pdf`, 'application/pdf'],
  ]);
  const file = await page.request.get(
    `/api/v1/dev/mailbox/${mail?.id}/attachments/${mail?.attachments[0]?.id}`,
  );
  expect(file.headers()['content-type']).toBe('application/pdf');
  expect((await file.body()).subarray(0, 5).toString()).toBe('%PDF-');
});
