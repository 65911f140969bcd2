import type { Permission } from '@tessera/contracts';
import { and, eq, lte } from 'drizzle-orm';
import type { Logger } from 'pino';
import { z } from 'zod';
import { jobContext } from '../../../platform/context/service-context.ts';
import { type Database, withTenant } from '../../../platform/db/index.ts';
import { defineJob, type SendJob } from '../../../platform/jobs/index.ts';
import * as kit from '../../../platform/records/index.ts';
import { tenants } from '../../identity/index.ts';
import { salesRecurringInvoices } from './recurring.tables.ts';
import { generateNext } from './recurring-generate.ts';

/** What the job may do as the system: make, issue and send invoices from templates of any owner. */
const JOB_PERMISSIONS: Permission[] = [
  'invoices.view',
  'invoices.manage',
  'invoices.issue',
  'invoices.send',
  'companies.view',
  'contacts.view',
  'products.view',
  'fields.money.view',
];
/** Periods one run catches up per template at most (a template paused for long, a job down for days). */
const MAX_CATCH_UP = 60;

/**
 * Every tenant's due templates: each period in its own transaction (one failing template does not hold the
 * others back). Safe to run twice or on two workers at once — see generateNext.
 */
export const generateRecurringInvoices = async (
  database: Database,
  today: string,
  opts: { log?: Logger; sendJob?: SendJob } = {},
) => {
  const log = opts.log ?? (console as unknown as Logger);
  const all = await database.db.select({ id: tenants.id }).from(tenants);
  let made = 0;
  for (const { id: tenantId } of all) {
    const due = await withTenant(database, tenantId, (tx) =>
      tx
        .select({ id: salesRecurringInvoices.id })
        .from(salesRecurringInvoices)
        .where(
          and(
            eq(salesRecurringInvoices.tenantId, tenantId),
            eq(salesRecurringInvoices.status, 'active'),
            lte(salesRecurringInvoices.nextDate, today),
          ),
        ),
    );
    const ctx = jobContext({ database, log, tenantId, userId: null, permissions: JOB_PERMISSIONS });
    for (const { id } of due) {
      for (let i = 0; i < MAX_CATCH_UP; i++) {
        const generated = await kit
          .inTenant(ctx, (t) => generateNext(t, ctx, { sendJob: opts.sendJob }, id, today, 'due'))
          .catch((err: unknown) => {
            log.error({ err, tenantId, templateId: id }, 'recurring invoice failed');
            return null;
          });
        if (!generated) break;
        made++;
      }
    }
    await ctx.runAfterCommit();
  }
  return { made };
};

/** Daily at 02:00 UTC: the invoices of recurring templates whose period has come. */
export const salesRecurringJob = defineJob({
  name: 'sales.recurring',
  payload: z.object({}).loose(),
  cron: '0 2 * * *',
  retry: { limit: 3, delaySeconds: 60 },
  handler: async (_p, { database, log, send }) => {
    await generateRecurringInvoices(database, new Date().toISOString().slice(0, 10), { log, sendJob: send });
  },
});
