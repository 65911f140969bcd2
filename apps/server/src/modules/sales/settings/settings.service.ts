import {
  formatDocumentNumber,
  numberPeriod,
  type SalesSettings,
  type salesSettingsUpdateInput,
} from '@tessera/contracts';
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { diffChanges, writeAudit } from '../../../platform/audit/index.ts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import * as kit from '../../../platform/records/index.ts';
import { salesCounters, salesSettings } from './settings.tables.ts';

export type SettingsRow = typeof salesSettings.$inferSelect;
export type NumberedKind = 'invoice' | 'quote' | 'credit_note' | 'delivery_note';

/** The tenant's sales settings (created with the defaults on first use). */
export const settingsOf = async (tx: Tx, tenantId: string): Promise<SettingsRow> => {
  await tx.insert(salesSettings).values({ tenantId }).onConflictDoNothing();
  const [row] = await tx.select().from(salesSettings).where(eq(salesSettings.tenantId, tenantId));
  if (!row) throw new Error('sales settings missing');
  return row;
};

const toSettings = (r: SettingsRow): SalesSettings => ({
  invoicePattern: r.invoicePattern,
  quotePattern: r.quotePattern,
  creditNotePattern: r.creditNotePattern,
  deliveryNotePattern: r.deliveryNotePattern,
  rounding: r.rounding,
  currency: r.currency,
  locale: r.locale,
  sellerName: r.sellerName,
  sellerAddress: r.sellerAddress,
  sellerTaxId: r.sellerTaxId,
  sellerRegistrationId: r.sellerRegistrationId,
  sellerEmail: r.sellerEmail,
  bank: r.bank,
  paymentTermsDays: r.paymentTermsDays,
  footer: r.footer,
  reminderDays: r.reminderDays,
  version: r.version,
});

export const getSalesSettings = (ctx: AuthedContext) =>
  kit.inTenant(ctx, async (t) => toSettings(await settingsOf(t, ctx.tenantId)));

const AUDITED = Object.keys(toSettings({} as never)).filter((k) => k !== 'version');

/** Changes the settings when `version` matches (stale → 409 with the current ones); audited. */
export const updateSalesSettings = (ctx: AuthedContext, input: z.output<typeof salesSettingsUpdateInput>) =>
  kit.inTenant(ctx, async (t) => {
    const { version, ...patch } = input;
    const before = await settingsOf(t, ctx.tenantId);
    const [locked] = await t
      .select()
      .from(salesSettings)
      .where(eq(salesSettings.tenantId, ctx.tenantId))
      .for('update');
    if (!locked || locked.version !== version)
      throw kit.conflict('Sales settings', toSettings(locked ?? before));
    const [after] = await t
      .update(salesSettings)
      .set({ ...patch, version: sql`${salesSettings.version} + 1` })
      .where(eq(salesSettings.tenantId, ctx.tenantId))
      .returning();
    if (!after) throw new AppError('NOT_FOUND', 'Sales settings not found');
    await writeAudit(t, ctx, {
      action: 'sales_settings.updated',
      targetType: 'sales_settings',
      targetId: ctx.tenantId,
      changes: diffChanges(locked as never, after as never, AUDITED),
    });
    return toSettings(after);
  });

const PATTERN: Record<NumberedKind, keyof SettingsRow> = {
  invoice: 'invoicePattern',
  quote: 'quotePattern',
  credit_note: 'creditNotePattern',
  delivery_note: 'deliveryNotePattern',
};

/**
 * The next number of a kind, inside the issuing transaction: the counter row is incremented with
 * `INSERT … ON CONFLICT DO UPDATE`, which keeps it locked until the transaction ends. Concurrent issues
 * wait for each other; a rollback returns the number. Gapless and unique (sales_documents_number_key too).
 */
export const nextNumber = async (tx: Tx, tenantId: string, kind: NumberedKind, isoDate: string) => {
  const settings = await settingsOf(tx, tenantId);
  const pattern = settings[PATTERN[kind]] as string;
  const period = numberPeriod(pattern, isoDate);
  const [row] = await tx
    .insert(salesCounters)
    .values({ tenantId, kind, period, lastValue: 1 })
    .onConflictDoUpdate({
      target: [salesCounters.tenantId, salesCounters.kind, salesCounters.period],
      set: { lastValue: sql`${salesCounters.lastValue} + 1` },
    })
    .returning({ value: salesCounters.lastValue });
  if (!row) throw new Error('counter update returned nothing');
  return formatDocumentNumber(pattern, isoDate, row.value);
};
