import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi, MISSING_ID } from '../helpers/crm-api.ts';
import { dbRows, memberWithRole } from '../helpers/tenant-fixtures.ts';
import { pdfPages, pdfSource } from './pdf-text.ts';
import { catalogFor, SALES_TABLES } from './sales-fixtures.ts';
import { samplePng } from './sample-png.ts';
import { blocks, en16931Violations, value } from './ubl-rules.ts';
import { validateUbl } from './ubl-schema.ts';

let owner: BrowserSession;
let other: BrowserSession;
let invoice: { id: string; number: string; dueDate: string };
let draftId: string;
let quoteId: string;
let creditNote: { id: string; number: string };
let otherInvoiceId: string;
let catalog: Awaited<ReturnType<typeof catalogFor>>;
let companyId: string;
const t = setupApiTest();
const c = crmApi(() => t);

/** An issued invoice of `as`: 2 × panel (249.90 @ 20 %) + 1 manual (19.99 @ 7 %) → 621.15 (hand-computed). */
const issuedInvoice = async (
  as: BrowserSession,
  cat: Awaited<ReturnType<typeof catalogFor>>,
  companyId?: string,
) => {
  const draft = await c.create(as, '/invoices', {
    ...(companyId ? { companyId, customer: { taxId: 'HR12345678901' } } : {}),
    buyerReference: 'PO-4711',
    lines: [
      { productId: cat.panel.id, quantity: '2' },
      { productId: cat.book.id, quantity: 1 },
    ],
  });
  const issued = await c.api(as, 'POST', `/invoices/${draft.id}/issue`, {});
  expect(issued.statusCode, issued.body).toBe(200);
  return issued.json().data as { id: string; number: string; dueDate: string };
};

beforeAll(async () => {
  owner = await signUp(t.app);
  other = await signUp(t.app);
  const cat = await catalogFor(c, owner);
  catalog = cat;
  const settings = (await c.api(owner, 'GET', '/sales/settings')).json().data;
  const patched = await c.api(owner, 'PATCH', '/sales/settings', {
    sellerName: 'Müller & Söhne GmbH',
    sellerAddress: { line1: 'Königstraße 12', postalCode: '70173', city: 'Stuttgart', country: 'DE' },
    sellerTaxId: 'DE123456789',
    sellerEmail: 'billing@mueller.example',
    bank: { accountName: 'Müller & Söhne GmbH', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' },
    locale: 'de-DE',
    footer: 'Geschäftsführer: Hans Müller · Amtsgericht Stuttgart',
    version: settings.version,
  });
  expect(patched.statusCode, patched.body).toBe(200);
  const company = await c.create(owner, '/companies', {
    name: 'Željko Šćepanović',
    city: 'Zagreb',
    country: 'HR',
  });
  companyId = company.id;
  invoice = await issuedInvoice(owner, cat, company.id);
  const paid = await c.api(owner, 'POST', `/invoices/${invoice.id}/payments`, {
    paidOn: new Date().toISOString().slice(0, 10),
    amountCents: 10_000,
    method: 'bank_transfer',
  });
  expect(paid.statusCode, paid.body).toBe(201);
  draftId = (await c.create(owner, '/invoices', { lines: [{ productId: cat.panel.id, quantity: '1' }] })).id;
  quoteId = (
    await c.create(owner, '/quotes', {
      companyId: company.id,
      lines: [{ productId: cat.panel.id, quantity: '3' }],
    })
  ).id;
  const full = (await c.api(owner, 'GET', `/invoices/${invoice.id}`)).json().data;
  const manual = full.lines.find((l: { description: string }) => l.description === 'Manual');
  // Credits the manual: 19.99 + 7 % (1.40) = 21.39.
  creditNote = await c.create(owner, `/invoices/${invoice.id}/credit-notes`, {
    lines: [{ lineId: manual.id, quantity: '1' }],
  });
  otherInvoiceId = (await issuedInvoice(other, await catalogFor(c, other))).id;
}, 120_000);

/** 2026-12-19 → 19.12.2026 (de-DE, medium). */
const germanDate = (iso: string) => iso.split('-').reverse().join('.');
const text = async (pdf: Buffer) => (await pdfPages(new Uint8Array(pdf))).join(' ');

describe('GET /invoices/:id/pdf, /quotes/:id/pdf, /credit-notes/:id/pdf', () => {
  it('renders the issued invoice with its number, parties, lines, totals and payments in the tenant locale', async () => {
    const res = await c.api(owner, 'GET', `/invoices/${invoice.id}/pdf`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`inline; filename="${invoice.number}.pdf"`);
    const page = await text(res.rawPayload);
    for (const expected of [
      'RECHNUNG',
      invoice.number,
      'Željko Šćepanović',
      'USt-IdNr.: HR12345678901',
      'Müller & Söhne GmbH',
      'USt-IdNr.: DE123456789',
      'Solar panel 400 W',
      '2 pcs 249,90 € 20 % 499,80 €',
      'Manual',
      '1 pcs 19,99 € 7 % 19,99 €',
      `Zahlbar bis ${germanDate(invoice.dueDate)} ohne Abzug.`,
      'Nettobetrag 519,79 €',
      'USt. 20 % auf 499,80 € 99,96 €',
      'USt. 7 % auf 19,99 € 1,40 €',
      'Gesamtbetrag 621,15 €',
      'Bezahlt −100,00 €',
      'Gutgeschrieben −21,39 €',
      'Offener Betrag 499,76 €',
      'IBAN: DE89 3704 0044 0532 0130 00',
      'PO-4711',
      'Geschäftsführer: Hans Müller',
      'Seite 1 von 1',
    ]) {
      expect(page, expected).toContain(expected);
    }
  });

  it('renders drafts (marked as such), quotes and credit notes', async () => {
    const draft = await c.api(owner, 'GET', `/invoices/${draftId}/pdf`);
    expect(draft.statusCode).toBe(200);
    expect(draft.headers['content-disposition']).toBe('inline; filename="invoice-draft.pdf"');
    expect(await text(draft.rawPayload)).toContain('Entwurf');
    const quote = await c.api(owner, 'GET', `/quotes/${quoteId}/pdf`);
    expect(quote.statusCode, quote.body).toBe(200);
    const quoteText = await text(quote.rawPayload);
    expect(quoteText).toContain('ANGEBOT');
    expect(quoteText).toContain('3 pcs 249,90 € 20 % 749,70 €');
    const credit = await c.api(owner, 'GET', `/credit-notes/${creditNote.id}/pdf`);
    expect(credit.statusCode, credit.body).toBe(200);
    const creditText = await text(credit.rawPayload);
    expect(creditText).toContain('GUTSCHRIFT');
    expect(creditText).toContain(creditNote.number);
    expect(creditText).toContain(`Korrektur zu Rechnung ${invoice.number}`);
    expect(creditText).toContain('Gesamtbetrag 21,39 €');
  });

  it('uses the tenant branding: logo and colours set through PATCH /sales/branding', async () => {
    const before = pdfSource(
      new Uint8Array((await c.api(owner, 'GET', `/invoices/${invoice.id}/pdf`)).rawPayload),
    );
    expect(before).not.toContain('/Subtype /Image');
    const branding = (await c.api(owner, 'GET', '/sales/branding')).json().data;
    const set = await c.api(owner, 'PATCH', '/sales/branding', {
      primaryColor: '#0B5C4A',
      logo: { contentType: 'image/png', data: Buffer.from(samplePng()).toString('base64') },
      version: branding.version,
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().data).toMatchObject({ primaryColor: '#0b5c4a', logo: { contentType: 'image/png' } });
    const after = pdfSource(
      new Uint8Array((await c.api(owner, 'GET', `/invoices/${invoice.id}/pdf`)).rawPayload),
    );
    expect(after).toContain('/Subtype /Image');
    const logo = await c.api(owner, 'GET', '/sales/branding/logo');
    expect(logo.headers['content-type']).toBe('image/png');
    expect(Buffer.from(logo.rawPayload).equals(Buffer.from(samplePng()))).toBe(true);
  });
});

describe('GET /invoices/:id/ubl, /credit-notes/:id/ubl', () => {
  it('exports the issued invoice as UBL 2.1 valid against the OASIS XSD, with the EN 16931 totals', async () => {
    const res = await c.api(owner, 'GET', `/invoices/${invoice.id}/ubl`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${invoice.number}.xml"`);
    const xml = res.body;
    expect(await validateUbl(xml)).toEqual({ valid: true, errors: [] });
    expect(en16931Violations(xml)).toEqual([]);
    expect(value(xml, 'cbc:ID')).toBe(invoice.number);
    expect(value(xml, 'cbc:BuyerReference')).toBe('PO-4711');
    const buyer = blocks(xml, 'cac:AccountingCustomerParty')[0] ?? '';
    expect(value(buyer, 'cbc:RegistrationName')).toBe('Željko Šćepanović');
    expect(value(blocks(buyer, 'cac:PartyTaxScheme')[0] ?? '', 'cbc:CompanyID')).toBe('HR12345678901');
    expect(value(blocks(xml, 'cac:PayeeFinancialAccount')[0] ?? '', 'cbc:ID')).toBe('DE89370400440532013000');
    const totals = blocks(xml, 'cac:LegalMonetaryTotal')[0] ?? '';
    expect(value(totals, 'cbc:TaxInclusiveAmount')).toBe('621.15');
    expect(value(totals, 'cbc:PrepaidAmount')).toBe('100.00');
    expect(value(totals, 'cbc:PayableAmount')).toBe('521.15');
  });

  it('exports the credit note with its billing reference; a draft has no e-invoice (409)', async () => {
    const res = await c.api(owner, 'GET', `/credit-notes/${creditNote.id}/ubl`);
    expect(res.statusCode, res.body).toBe(200);
    expect(await validateUbl(res.body)).toEqual({ valid: true, errors: [] });
    expect(en16931Violations(res.body)).toEqual([]);
    expect(value(blocks(res.body, 'cac:InvoiceDocumentReference')[0] ?? '', 'cbc:ID')).toBe(invoice.number);
    const draft = await c.api(owner, 'GET', `/invoices/${draftId}/ubl`);
    expect(draft.statusCode).toBe(409);
  });
});

describe('document files: access', () => {
  const routes = () => [
    `/invoices/${invoice.id}/pdf`,
    `/invoices/${invoice.id}/ubl`,
    `/quotes/${quoteId}/pdf`,
    `/credit-notes/${creditNote.id}/pdf`,
    `/credit-notes/${creditNote.id}/ubl`,
  ];

  it("another tenant's ids, missing ids and ids of another kind are 404; malformed ids 400; nothing changes", async () => {
    const before = await c.snapshot(owner.tenantId, SALES_TABLES);
    for (const url of routes()) expect((await c.api(other, 'GET', url)).statusCode, url).toBe(404);
    expect((await c.api(owner, 'GET', `/invoices/${otherInvoiceId}/pdf`)).statusCode).toBe(404);
    expect((await c.api(owner, 'GET', `/invoices/${MISSING_ID}/ubl`)).statusCode).toBe(404);
    expect((await c.api(owner, 'GET', `/quotes/${invoice.id}/pdf`)).statusCode).toBe(404);
    expect((await c.api(owner, 'GET', `/invoices/${creditNote.id}/ubl`)).statusCode).toBe(404);
    expect((await c.api(owner, 'GET', '/invoices/not-a-uuid/pdf')).statusCode).toBe(400);
    expect((await c.api(owner, 'GET', '/credit-notes/%00/ubl')).statusCode).toBe(400);
    expect((await c.api(owner, 'GET', '/quotes/12345678-1234-1234-1234-1234567890123/pdf')).statusCode).toBe(
      400,
    );
    expect(await c.snapshot(owner.tenantId, SALES_TABLES)).toEqual(before);
  });

  it('needs the view permission of the kind and the money-field permission (403 otherwise)', async () => {
    const quotesOnly = await memberWithRole(t, owner.tenantId, {
      permissions: ['quotes.view', 'fields.money.view'],
    });
    expect((await c.api(quotesOnly, 'GET', `/quotes/${quoteId}/pdf`)).statusCode).toBe(200);
    expect((await c.api(quotesOnly, 'GET', `/invoices/${invoice.id}/pdf`)).statusCode).toBe(403);
    expect((await c.api(quotesOnly, 'GET', `/credit-notes/${creditNote.id}/ubl`)).statusCode).toBe(403);
    const noMoney = await memberWithRole(t, owner.tenantId, {
      permissions: ['invoices.view', 'quotes.view'],
    });
    for (const url of routes()) expect((await c.api(noMoney, 'GET', url)).statusCode, url).toBe(403);
    const both = await memberWithRole(t, owner.tenantId, {
      permissions: ['invoices.view', 'fields.money.view'],
    });
    expect((await c.api(both, 'GET', `/invoices/${invoice.id}/ubl`)).statusCode).toBe(200);
  });
});

/** The queued e-mails to an address with their attachments (owner connection: the app role cannot read them). */
const attachmentsTo = (to: string) =>
  dbRows<{ subject: string; filename: string; content_type: string; content: Uint8Array }>(
    t,
    sql`select m.subject, a.filename, a.content_type, a.content from mail_outbox m
        join mail_attachments a on a.mail_id = m.id where m.to_address = ${to} order by m.created_at, a.position`,
  );

describe('sending attaches the PDF', () => {
  it('POST /invoices/:id/send queues the e-mail with the invoice PDF (its number, customer, total)', async () => {
    const sent = await issuedInvoice(owner, catalog, companyId);
    const res = await c.api(owner, 'POST', `/invoices/${sent.id}/send`, {
      to: ['buyer@zagreb.example'],
      cc: ['books@zagreb.example'],
    });
    expect(res.statusCode, res.body).toBe(200);
    for (const address of ['buyer@zagreb.example', 'books@zagreb.example']) {
      const [mail, ...more] = await attachmentsTo(address);
      expect(more).toEqual([]);
      expect(mail?.filename).toBe(`${sent.number}.pdf`);
      expect(mail?.content_type).toBe('application/pdf');
      const page = await text(Buffer.from(mail?.content ?? []));
      expect(page).toContain(sent.number);
      expect(page).toContain('Željko Šćepanović');
      expect(page).toContain('Gesamtbetrag 621,15 €');
    }
  });

  it('a draft quote sent gets its number, and the attached quote PDF shows it; a refused send queues nothing', async () => {
    const quote = await c.create(owner, '/quotes', {
      companyId,
      lines: [{ productId: catalog.panel.id, quantity: '1' }],
    });
    const res = await c.api(owner, 'POST', `/quotes/${quote.id}/send`, { to: ['quote@zagreb.example'] });
    expect(res.statusCode, res.body).toBe(200);
    const number = res.json().data.number as string;
    const [mail] = await attachmentsTo('quote@zagreb.example');
    expect(mail?.filename).toBe(`${number}.pdf`);
    const page = await text(Buffer.from(mail?.content ?? []));
    expect(page).toContain('ANGEBOT');
    expect(page).toContain(number);
    const draftInvoiceOfOther = await c.api(other, 'POST', `/invoices/${invoice.id}/send`, {
      to: ['x@zagreb.example'],
    });
    expect(draftInvoiceOfOther.statusCode).toBe(404);
    expect(await attachmentsTo('x@zagreb.example')).toEqual([]);
  });
});
