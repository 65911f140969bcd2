import { sql } from 'drizzle-orm';
import { bigint, check, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { timestamps, versionColumn } from '../../../platform/db/columns.ts';
import { tenants } from '../../identity/index.ts';

/** A postal address as the documents print it (ISO 3166 alpha-2 country). */
export interface AddressValue {
  line1?: string;
  line2?: string;
  postalCode?: string;
  city?: string;
  region?: string;
  country?: string;
}
export interface BankValue {
  accountName?: string;
  iban?: string;
  bic?: string;
  bankName?: string;
}

/** The sales module's per-tenant settings: numbering, rounding, the seller as documents show it. */
export const salesSettings = pgTable(
  'sales_settings',
  {
    tenantId: uuid('tenant_id')
      .primaryKey()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    invoicePattern: text('invoice_pattern').notNull().default('INV-{YYYY}-{SEQ:5}'),
    quotePattern: text('quote_pattern').notNull().default('QUO-{YYYY}-{SEQ:5}'),
    creditNotePattern: text('credit_note_pattern').notNull().default('CN-{YYYY}-{SEQ:5}'),
    deliveryNotePattern: text('delivery_note_pattern').notNull().default('DN-{YYYY}-{SEQ:5}'),
    rounding: text('rounding', { enum: ['line', 'document'] })
      .notNull()
      .default('document'),
    currency: text('currency').notNull().default('EUR'),
    locale: text('locale').notNull().default('en-US'),
    sellerName: text('seller_name'),
    sellerAddress: jsonb('seller_address').$type<AddressValue>().notNull().default({}),
    sellerTaxId: text('seller_tax_id'),
    sellerRegistrationId: text('seller_registration_id'),
    sellerEmail: text('seller_email'),
    bank: jsonb('bank').$type<BankValue>().notNull().default({}),
    paymentTermsDays: integer('payment_terms_days').notNull().default(14),
    footer: text('footer'),
    reminderDays: integer('reminder_days').array().notNull().default(sql`'{3,7,14}'::integer[]`),
    version: versionColumn(),
    ...timestamps(),
  },
  () => [
    check('sales_settings_terms', sql`payment_terms_days BETWEEN 0 AND 365`),
    check('sales_settings_rounding', sql`rounding IN ('line','document')`),
  ],
);

/**
 * Document number counters: one row per tenant, kind and period (the year when the pattern has {YYYY}). The
 * issuing transaction increments its row (`INSERT … ON CONFLICT DO UPDATE`), which holds the row lock until
 * commit: concurrent issues queue, and a rolled-back issue gives its number back — gapless and unique.
 */
export const salesCounters = pgTable(
  'sales_counters',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    period: text('period').notNull(),
    lastValue: bigint('last_value', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.kind, t.period] }),
    check('sales_counters_positive', sql`last_value > 0`),
  ],
);
