import { expect as baseExpect, type Locator, type Page, test } from '@playwright/test';
import { apiCall, signIn } from './helpers.ts';

// The sales journey of issue #11 in the browser, as the demo owner: a deal → "New quote" on the deal page with
// two products from the picker → sent (the dev mailbox holds the customer's e-mail with the PDF) → the customer
// opens the link from that e-mail without signing in and accepts → the owner converts it to an invoice and
// marks the deal won → the invoice is sent (e-mail with its PDF) → a partial payment, then the rest → paid.
// The API is used only to set up the deal's company, the products, and to read the mailbox. Screenshots of the
// deal's quotes, the public quote page and the paid invoice at 1440 and 390 px go to test-results/screens.
const stamp = Date.now().toString(36);
const expect = baseExpect.configure({ timeout: 30_000 });
const customerEmail = `buyer.${stamp}@example.test`;
const SHOTS = 'test-results/screens';
const WIDTHS = [
  [1440, 900],
  [390, 844],
] as const;

interface Mail {
  id: string;
  to: string;
  subject: string;
  text: string;
  attachments: { id: string; filename: string; contentType: string }[];
}

/** The e-mail to the customer whose subject names the document; its one attachment is that document's PDF. */
const mailWithPdf = async (page: Page, number: string): Promise<Mail> => {
  let mail: Mail | undefined;
  await baseExpect
    .poll(
      async () => {
        const mails = (await (await page.request.get('/api/v1/dev/mailbox')).json()).data as Mail[];
        mail = mails.find((m) => m.to === customerEmail && m.subject.includes(number));
        return mail?.attachments.map((a) => [a.filename, a.contentType]);
      },
      { timeout: 30_000 },
    )
    .toEqual([[`${number}.pdf`, 'application/pdf']]);
  if (!mail) throw new Error(`no e-mail for ${number}`);
  const file = await page.request.get(
    `/api/v1/dev/mailbox/${mail.id}/attachments/${mail.attachments[0]?.id}`,
  );
  expect(file.headers()['content-type']).toBe('application/pdf');
  expect((await file.body()).subarray(0, 5).toString()).toBe('%PDF-');
  return mail;
};

const shoot = async (page: Page, name: string, target?: Locator) => {
  for (const [width, height] of WIDTHS) {
    await page.setViewportSize({ width, height });
    if (target) {
      await target.scrollIntoViewIfNeeded();
      await target.screenshot({ path: `${SHOTS}/${name}-${width}.png` });
    } else await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
};

test('deal → quote with two products → sent → accepted by the customer → invoice → sent → paid', async ({
  page,
  context,
  browser,
}) => {
  test.setTimeout(300_000);
  const started = Date.now();
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page);
  const api = (method: string, url: string, data?: object) =>
    apiCall(page.request, context, method, url, data);

  // Set-up: the customer company, its deal, a 19 % rate and two products (the journey starts at the deal).
  const company = await api('POST', '/companies', { name: `Sonnenhof ${stamp}`, email: customerEmail });
  const deal = await api('POST', '/deals', { title: `Solar roof ${stamp}`, companyId: company.id });
  const rate = await api('POST', '/tax-rates', { name: `VAT19 ${stamp}`, rateBp: 1900 });
  const panel = await api('POST', '/products', {
    sku: `AAPAN-${stamp}`,
    name: `Aa panel ${stamp}`,
    unitPriceCents: 120_000,
    taxRateId: rate.id,
  });
  const mounting = await api('POST', '/products', {
    sku: `AAMNT-${stamp}`,
    name: `Aa mounting ${stamp}`,
    kind: 'service',
    unitPriceCents: 35_000,
    taxRateId: rate.id,
  });

  // The deal page: its (empty) quotes card and "New quote".
  await page.goto(`/deals/${deal.id}`);
  await expect(page.getByRole('heading', { name: deal.title })).toBeVisible();
  const dealDocs = page.getByTestId('deal-documents');
  await expect(dealDocs).toContainText('No quotes yet');
  await dealDocs.getByRole('link', { name: 'New quote' }).click();

  // The editor: made for the deal, its company chosen; two products from the picker; live totals.
  await expect(page).toHaveURL(/\/quotes\/new\?dealId=/);
  await expect(page.getByRole('heading', { name: 'New quote' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(`For the deal ${deal.title}`);
  await expect(page.getByLabel('Customer (company)')).toHaveValue(company.name);
  await page.getByLabel('Product of line 1').selectOption({ label: `${panel.sku} · ${panel.name}` });
  await page.getByLabel('Quantity of line 1').fill('2');
  await page.getByRole('button', { name: 'Add line' }).click();
  await page.getByLabel('Product of line 2').selectOption({ label: `${mounting.sku} · ${mounting.name}` });
  // 2 × 1,200.00 + 350.00 = 2,750.00 net + 19 % (522.50) = 3,272.50.
  await expect(page.getByTestId('document-total')).toContainText('3,272.50');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page).toHaveURL(/\/quotes\/[0-9a-f-]{36}$/);
  const quoteUrl = page.url();
  await expect(page.getByRole('heading', { name: 'Quote (draft)' })).toBeVisible();
  const status = page.getByTestId('document-status');
  await expect(status).toHaveText('Draft');

  // Send: the dialog offers the customer's e-mail; the quote gets its number and is "Sent".
  await page.getByRole('button', { name: 'Send' }).click();
  const sendDialog = page.getByRole('dialog', { name: 'Send by e-mail' });
  await expect(sendDialog.getByLabel('To')).toHaveValue(customerEmail);
  await sendDialog.getByRole('button', { name: 'Send' }).click();
  await expect(sendDialog).toBeHidden();
  const quoteHeading = page.getByRole('heading', { level: 1 });
  await expect(quoteHeading).toHaveText(/^Quote QUO-\d{4}-\d{5}$/);
  const quoteNumber = (await quoteHeading.textContent())?.replace('Quote ', '') ?? '';
  await expect(status).toHaveText('Sent');
  const quoteMail = await mailWithPdf(page, quoteNumber);
  const link = /https?:\/\/\S+\/q\/\S+/.exec(quoteMail.text)?.[0];
  expect(link, quoteMail.text).toBeTruthy();

  // The customer opens the link from the e-mail in a fresh browser (no session) and accepts.
  const customer = await browser.newContext({ baseURL: new URL(page.url()).origin });
  const publicPage = await customer.newPage();
  await publicPage.setViewportSize({ width: 1440, height: 900 });
  const url = new URL(link ?? '');
  await publicPage.goto(url.pathname + url.search);
  const publicQuote = publicPage.getByTestId('public-quote');
  await expect(publicQuote.getByRole('heading', { name: `Quote ${quoteNumber}` })).toBeVisible();
  await expect(publicQuote).toContainText(panel.name);
  await expect(publicQuote).toContainText(mounting.name);
  await expect(publicQuote).toContainText('3,272.50');
  await shoot(publicPage, 'quote-journey-public-quote');
  await publicPage.getByRole('button', { name: 'Accept quote' }).click();
  await publicPage.getByRole('button', { name: 'Yes, accept' }).click();
  await expect(publicPage.getByText(/You accepted this quote/)).toBeVisible();
  await expect(publicPage.getByRole('button', { name: 'Accept quote' })).toHaveCount(0);
  await shoot(publicPage, 'quote-journey-public-quote-accepted');
  await customer.close();

  // Back as the owner: the quote shows accepted; convert it to an invoice and mark the deal won.
  await page.goto(quoteUrl);
  await expect(status).toHaveText('Accepted');
  await page.getByRole('button', { name: 'Convert to invoice' }).click();
  const convert = page.getByRole('dialog', { name: 'Create the invoice?' });
  await expect(convert.getByLabel('Mark the deal as won')).toBeChecked();
  await convert.getByRole('button', { name: 'Create invoice' }).click();
  await expect(page).toHaveURL(/\/invoices\/[0-9a-f-]{36}$/);
  const invoiceUrl = page.url();
  await expect(page.getByRole('heading', { name: 'Invoice (draft)' })).toBeVisible();
  await expect(status).toHaveText('Draft');
  await expect(page.getByTestId('open-balance')).toContainText('3,272.50');

  // The deal is won; its card lists the quote (invoiced) and the invoice (draft).
  await page.getByRole('link', { name: 'Open deal' }).click();
  await expect(page).toHaveURL(new RegExp(`/deals/${deal.id}$`));
  await expect(page.getByTestId('deal-status')).toHaveText('Won');
  const rows = dealDocs.getByTestId('deal-document');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: `Quote ${quoteNumber}` })).toContainText('Invoiced');
  await expect(rows.filter({ hasText: 'Invoice (draft)' })).toContainText('Draft');
  await expect(rows.first()).toContainText('3,272.50');
  await shoot(page, 'quote-journey-deal-quotes', dealDocs);

  // Send the invoice: it is issued (numbered) and e-mailed with its PDF.
  await rows.filter({ hasText: 'Invoice (draft)' }).getByRole('link').click();
  await expect(page).toHaveURL(invoiceUrl);
  await page.getByRole('button', { name: 'Send' }).click();
  const invoiceSend = page.getByRole('dialog', { name: 'Send by e-mail' });
  await expect(invoiceSend.getByLabel('To')).toHaveValue(customerEmail);
  await invoiceSend.getByRole('button', { name: 'Send' }).click();
  await expect(invoiceSend).toBeHidden();
  const invoiceHeading = page.getByRole('heading', { level: 1 });
  await expect(invoiceHeading).toHaveText(/^Invoice INV-\d{4}-\d{5}$/);
  const invoiceNumber = (await invoiceHeading.textContent())?.replace('Invoice ', '') ?? '';
  await expect(status).toHaveText('Sent');
  await mailWithPdf(page, invoiceNumber);

  // A partial payment, then the rest (the dialog offers the open balance).
  await page.getByRole('button', { name: 'Record payment' }).click();
  const payment = page.getByRole('dialog', { name: 'Record a payment' });
  await expect(payment.getByLabel('Amount')).toHaveValue('3272.50');
  await payment.getByLabel('Amount').fill('1000.00');
  await payment.getByRole('button', { name: 'Record payment' }).click();
  await expect(payment).toBeHidden();
  await expect(status).toHaveText('Partially paid');
  await expect(page.getByTestId('open-balance')).toContainText('2,272.50');
  await page.getByRole('button', { name: 'Record payment' }).click();
  await expect(payment.getByLabel('Amount')).toHaveValue('2272.50');
  await payment.getByRole('button', { name: 'Record payment' }).click();
  await expect(payment).toBeHidden();
  await expect(status).toHaveText('Paid');
  await expect(page.getByTestId('open-balance')).toContainText('0.00');
  await expect(page.getByRole('button', { name: 'Record payment' })).toHaveCount(0);
  await shoot(page, 'quote-journey-invoice-paid');

  // What the API holds agrees with what the pages showed.
  const invoice = await api('GET', invoiceUrl.replace(/^.*\/invoices\//, '/invoices/'));
  expect(invoice).toMatchObject({ status: 'paid', totalCents: 327_250, paidCents: 327_250, balanceCents: 0 });
  expect(await api('GET', `/deals/${deal.id}`)).toMatchObject({ status: 'won' });
  test.info().annotations.push({ type: 'duration', description: `${Date.now() - started} ms` });
});
