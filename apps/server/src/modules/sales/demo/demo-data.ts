import {
  documentCreateInput,
  permissions,
  salesSettingsUpdateInput,
  taxRateCreateInput,
} from '@tessera/contracts';
import { asc, eq } from 'drizzle-orm';
import pino from 'pino';
import { jobContext } from '../../../platform/context/service-context.ts';
import { newId } from '../../../platform/db/columns.ts';
import type { Database } from '../../../platform/db/index.ts';
import * as kit from '../../../platform/records/index.ts';
import { companies } from '../../crm/index.ts';
import { tenants, users } from '../../identity/index.ts';
import { taxRateService } from '../catalog/catalog.services.ts';
import { issueDraft } from '../documents/document-actions.service.ts';
import { createDraft } from '../documents/documents.service.ts';
import { recordPayment } from '../payments/payments.service.ts';
import { portalAccess } from '../portal/portal.tables.ts';
import { getSalesSettings, updateSalesSettings } from '../settings/settings.service.ts';

/** The people the demo seed made (the CRM's DemoPeople shape) and the demo customer member. */
export interface SalesDemoPeople {
  owner: string;
  customer?: string;
}

/** What the sales demo makes for the portal's company (the demo test checks these). */
export const SALES_DEMO_COUNTS = { quotes: 3, invoices: 2, payments: 2 } as const;

const line = (description: string, quantity: number, unitPriceCents: number) => ({
  description,
  quantity,
  unitPriceCents,
});

/**
 * Sales demo data for the customer portal: the seller's name, address and e-mail in the sales settings; for the first company (by name, the work demo's client too) two sent
 * quotes and a draft, a paid and a partially paid invoice — made by the owner through the module's own services
 * (numbers, totals, audit and events as in real use) — and the demo customer's portal access to that company.
 */
export const seedSalesDemo = async (database: Database, tenantId: string, people: SalesDemoPeople) => {
  const ctx = jobContext({
    database,
    log: pino({ level: 'silent' }),
    tenantId,
    userId: people.owner,
    permissions,
    requestId: 'seed',
  });
  const company = await kit.inTenant(
    ctx,
    async (t) =>
      (
        await t
          .select({ id: companies.id })
          .from(companies)
          .where(eq(companies.tenantId, tenantId))
          .orderBy(asc(companies.name), asc(companies.id))
          .limit(1)
      )[0],
  );
  if (!company) return;
  // The seller the demo's quotes, invoices, PDFs and the customer's quote page print (a real tenant fills this
  // in under the sales settings); without it they come "from" nobody.
  const settings = await getSalesSettings(ctx);
  if (!settings.sellerName) {
    const [tenant] = await kit.inTenant(ctx, (t) =>
      t.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, tenantId)),
    );
    await updateSalesSettings(
      ctx,
      salesSettingsUpdateInput.parse({
        sellerName: tenant?.name ?? 'Demo Services Co',
        sellerAddress: {
          line1: 'Königstraße 12',
          postalCode: '70173',
          city: 'Stuttgart',
          country: 'DE',
        },
        sellerEmail: 'billing@demo.tessera.test',
        version: settings.version,
      }),
    );
  }
  // A standard rate (not the default: the demo's documents stay untaxed) — the work demo's approved materials
  // expense carries 20 % tax, and invoicing a project's billable work needs a rate that reproduces it.
  await taxRateService.create(ctx, taxRateCreateInput.parse({ name: 'VAT 20 %', rateBp: 2000 }));
  const make = (kind: 'quote' | 'invoice', lines: ReturnType<typeof line>[], issue = true) =>
    kit.inTenant(ctx, async (t) => {
      // Through the contract, as a request would be (quantities become thousandths).
      const input = documentCreateInput.parse({ companyId: company.id, lines });
      const draft = await createDraft(t, ctx, kind, input);
      return issue ? issueDraft(t, ctx, draft) : draft;
    });
  await make('quote', [line('Roof inspection', 1, 18_000), line('Solar panel 400 W', 12, 24_990)]);
  await make('quote', [line('Heat pump service', 1, 35_000), line('Filter set', 2, 4_500)]);
  await make('quote', [line('Gutter cleaning', 1, 9_500)], false);
  const paid = await make('invoice', [line('Boiler maintenance', 1, 22_000), line('Call-out', 1, 6_500)]);
  const open = await make('invoice', [line('Window repair', 3, 14_000)]);
  await recordPayment(ctx, paid.id, {
    paidOn: paid.issueDate,
    amountCents: paid.totalCents,
    method: 'bank_transfer',
    reference: 'Thank you',
  });
  await recordPayment(ctx, open.id, {
    paidOn: open.issueDate,
    amountCents: Math.round(open.totalCents / 2),
    method: 'card',
    reference: null,
  });
  if (!people.customer) return;
  const customerId = people.customer;
  await kit.inTenant(ctx, async (t) => {
    const [customer] = await t.select({ email: users.email }).from(users).where(eq(users.id, customerId));
    if (!customer) return;
    await t.insert(portalAccess).values({
      id: newId(),
      tenantId,
      email: customer.email.toLowerCase(),
      userId: customerId,
      companyId: company.id,
      createdBy: people.owner,
    });
  });
};
