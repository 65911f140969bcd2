import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { writeAudit } from '../../../platform/audit/index.ts';
import { type Database, type Tx, withTenant } from '../../../platform/db/index.ts';
import { emit } from '../../../platform/events/index.ts';
import { defineJob } from '../../../platform/jobs/index.ts';
import { queueMail } from '../../../platform/mail/index.ts';
import { tenants } from '../../identity/index.ts';
import { settingsOf } from '../settings/settings.service.ts';
import { invoiceRef } from './document-actions.service.ts';
import type { DocumentRow } from './document-record.ts';
import { salesDocuments, salesReminders } from './documents.tables.ts';

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * One tenant's nightly pass, in its transaction: issued or sent invoices past their due date become `overdue`
 * (`invoice.overdue`, audited); then every open invoice past due gets the reminder of each configured day it
 * reached, once — the `sales_reminders` row and the e-mail are written together, so a retry or a second
 * worker sends nothing twice.
 */
export const runOverdue = async (tx: Tx, tenantId: string, today: string) => {
  const due = (await tx
    .update(salesDocuments)
    .set({ status: 'overdue', version: sql`${salesDocuments.version} + 1` })
    .where(
      and(
        eq(salesDocuments.tenantId, tenantId),
        eq(salesDocuments.kind, 'invoice'),
        inArray(salesDocuments.status, ['issued', 'sent']),
        lt(salesDocuments.dueDate, today),
      ),
    )
    .returning()) as DocumentRow[];
  const actor = { tenantId, userId: null };
  for (const row of due) {
    await writeAudit(tx, actor, {
      action: 'invoice.overdue',
      targetType: 'invoice',
      targetId: row.id,
      changes: { status: { from: 'issued', to: 'overdue' } },
    });
    await emit(tx, actor, 'invoice.overdue', invoiceRef(row));
  }
  const settings = await settingsOf(tx, tenantId);
  const open = (await tx
    .select()
    .from(salesDocuments)
    .where(
      and(
        eq(salesDocuments.tenantId, tenantId),
        eq(salesDocuments.kind, 'invoice'),
        inArray(salesDocuments.status, ['overdue', 'partially_paid']),
        lt(salesDocuments.dueDate, today),
      ),
    )) as DocumentRow[];
  let reminders = 0;
  for (const row of open) {
    if (!row.customerEmail || !row.dueDate) continue;
    const late = daysBetween(row.dueDate, today);
    for (const day of settings.reminderDays.filter((d) => d <= late)) {
      const [fresh] = await tx
        .insert(salesReminders)
        .values({ tenantId, invoiceId: row.id, dayOffset: day })
        .onConflictDoNothing()
        .returning();
      if (!fresh) continue;
      await queueMail(tx, {
        to: row.customerEmail,
        subject: `Reminder: invoice ${row.number} is ${late} days overdue`,
        text: `Hello ${row.customerName ?? ''},\n\nInvoice ${row.number} was due on ${row.dueDate}; ${(
          (row.totalCents - row.paidCents - row.creditedCents) / 100
        ).toFixed(2)} ${row.currency} are still open.\n\n${settings.sellerName ?? ''}`,
        tenantRef: tenantId,
      });
      reminders++;
    }
  }
  return { overdue: due.length, reminders };
};

/** Every tenant, one transaction each. */
export const markOverdueInvoices = async (database: Database, today: string) => {
  const all = await database.db.select({ id: tenants.id }).from(tenants);
  for (const { id } of all) await withTenant(database, id, (tx) => runOverdue(tx, id, today));
};

/** Nightly at 01:30 UTC: overdue invoices and payment reminders. */
export const salesOverdueJob = defineJob({
  name: 'sales.overdue',
  payload: z.object({}).loose(),
  cron: '30 1 * * *',
  retry: { limit: 3, delaySeconds: 60 },
  handler: async (_p, { database }) => markOverdueInvoices(database, new Date().toISOString().slice(0, 10)),
});
