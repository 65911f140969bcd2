import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { toDocumentView } from '../../src/modules/sales/documents/document-view-mapper.ts';
import { salesDocumentLines, salesDocuments, salesSettings } from '../../src/modules/sales/tables.ts';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi } from '../helpers/crm-api.ts';

let owner: BrowserSession;
const t = setupApiTest();
const c = crmApi(() => t);
beforeAll(async () => {
  owner = await signUp(t.app);
}, 60_000);

/** The stored rows of a document, as the services read them. */
const stored = async (id: string) => {
  const db = t.database.db;
  const [row] = await db.select().from(salesDocuments).where(eq(salesDocuments.id, id));
  const lines = await db
    .select()
    .from(salesDocumentLines)
    .where(and(eq(salesDocumentLines.documentId, id)))
    .orderBy(salesDocumentLines.position);
  const [settings] = await db.select().from(salesSettings).where(eq(salesSettings.tenantId, owner.tenantId));
  if (!row || !settings) throw new Error('missing rows');
  return { row, lines, settings };
};

describe('document view (what the PDF and UBL renderers take)', () => {
  it('maps an issued invoice: seller from settings, buyer snapshot, lines, stored totals and tax categories', async () => {
    const s = (await c.api(owner, 'GET', '/sales/settings')).json().data;
    await c.api(owner, 'PATCH', '/sales/settings', {
      sellerName: 'Tessera Solar GmbH',
      sellerAddress: { line1: 'Hauptstraße 1', postalCode: '10115', city: 'Berlin', country: 'DE' },
      sellerTaxId: 'DE123456789',
      bank: { iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' },
      locale: 'de-DE',
      version: s.version,
    });
    const zero = await c.create(owner, '/tax-rates', { name: 'Exempt', rateBp: 0, category: 'E' });
    const std = await c.create(owner, '/tax-rates', { name: 'Std', rateBp: 1900 });
    const company = await c.create(owner, '/companies', {
      name: 'Željko Šćepanović',
      city: 'Zagreb',
      country: 'HR',
    });
    const inv = await c.create(owner, '/invoices', {
      companyId: company.id,
      customer: { taxId: 'HR12345678901' },
      buyerReference: 'PO-77',
      lines: [
        { description: 'Panel', unit: 'pcs', quantity: '2.5', unitPriceCents: 10000, taxRateId: std.id },
        { description: 'Training', unit: 'h', quantity: 1, unitPriceCents: 5000, taxRateId: zero.id },
      ],
    });
    await c.api(owner, 'POST', `/invoices/${inv.id}/issue`, {});
    const { row, lines, settings } = await stored(inv.id);
    const view = toDocumentView({ row, lines, settings });
    expect(view).toMatchObject({
      kind: 'invoice',
      number: row.number,
      issueDate: row.issueDate,
      dueDate: row.dueDate,
      currency: 'EUR',
      locale: 'de-DE',
      seller: {
        name: 'Tessera Solar GmbH',
        taxId: 'DE123456789',
        address: { city: 'Berlin', country: 'DE' },
        bank: { iban: 'DE89370400440532013000' },
      },
      buyer: {
        name: 'Željko Šćepanović',
        taxId: 'HR12345678901',
        address: { city: 'Zagreb', country: 'HR' },
      },
      buyerReference: 'PO-77',
      netMinor: 30000,
      taxMinor: 4750,
      totalMinor: 34750,
      balanceMinor: 34750,
      documentDiscountMinor: 0,
    });
    expect(view.lines).toEqual([
      expect.objectContaining({
        position: 1,
        quantity: '2.5',
        unitCode: 'C62',
        netMinor: 25000,
        taxCategory: 'S',
      }),
      expect.objectContaining({
        position: 2,
        quantity: '1',
        unitCode: 'HUR',
        netMinor: 5000,
        taxCategory: 'E',
      }),
    ]);
    expect(view.taxBreakdown).toEqual([
      { taxRateBp: 0, taxCategory: 'E', exemptionReason: 'Exempt from VAT', taxableMinor: 5000, taxMinor: 0 },
      { taxRateBp: 1900, taxCategory: 'S', taxableMinor: 25000, taxMinor: 4750 },
    ]);
    // A credit note names the invoice it corrects.
    const note = (await c.api(owner, 'POST', `/invoices/${inv.id}/credit-notes`, {})).json().data;
    const cn = await stored(note.id);
    const cnView = toDocumentView({ ...cn, source: row });
    expect(cnView).toMatchObject({
      kind: 'credit_note',
      precedingDocumentNumber: row.number,
      totalMinor: 34750,
    });
    expect(cnView).not.toHaveProperty('balanceMinor');
  });

  it('a draft has a null number', async () => {
    const d = await c.create(owner, '/quotes', {
      lines: [{ description: 'A', quantity: 1, unitPriceCents: 1 }],
    });
    const { row, lines, settings } = await stored(d.id);
    const view = toDocumentView({ row, lines, settings });
    expect(view.number).toBeNull();
    expect(view.kind).toBe('quote');
  });
});
