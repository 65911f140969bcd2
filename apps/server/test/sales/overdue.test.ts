import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { markOverdueInvoices } from '../../src/modules/sales/index.ts';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi } from '../helpers/crm-api.ts';
import { auditActions, dbRows } from '../helpers/tenant-fixtures.ts';
import { eventTypes } from './sales-fixtures.ts';

let owner: BrowserSession;
const t = setupApiTest();
const c = crmApi(() => t);
beforeAll(async () => {
  owner = await signUp(t.app);
}, 60_000);

const lines = [{ description: 'Work', quantity: 1, unitPriceCents: 10000 }];
const issued = async (dueDate: string, email = 'ap@customer.example') => {
  const inv = await c.create(owner, '/invoices', {
    issueDate: '2026-01-01',
    dueDate,
    customer: { name: 'Customer', email },
    lines,
  });
  const res = await c.api(owner, 'POST', `/invoices/${inv.id}/issue`, {});
  if (res.statusCode !== 200) throw new Error(res.body);
  return inv.id as string;
};
const reminderMails = (invoiceNumber: string) =>
  dbRows<{ subject: string }>(
    t,
    sql`select subject from mail_outbox where subject like ${`Reminder: invoice ${invoiceNumber} %`}`,
  );

describe('nightly overdue job', () => {
  it('marks invoices past due overdue (event, audit) and sends each configured reminder once, even when run twice', async () => {
    const late = await issued('2026-01-10');
    const notYet = await issued('2026-02-01');
    const paid = await issued('2026-01-10', 'paid@customer.example');
    await c.api(owner, 'POST', `/invoices/${paid}/payments`, {
      paidOn: '2026-01-05',
      amountCents: 10000,
      method: 'cash',
    });
    // 2026-01-18: 8 days after the due date → the 3- and 7-day reminders (default days 3, 7, 14).
    await markOverdueInvoices(t.database, '2026-01-18');
    await markOverdueInvoices(t.database, '2026-01-18');
    const status = async (id: string) => (await c.api(owner, 'GET', `/invoices/${id}`)).json().data;
    const lateDoc = await status(late);
    expect(lateDoc.status).toBe('overdue');
    expect((await status(notYet)).status).toBe('issued');
    expect((await status(paid)).status).toBe('paid');
    expect((await reminderMails(lateDoc.number)).length).toBe(2);
    expect((await eventTypes(t, owner.tenantId)).filter((e) => e === 'invoice.overdue')).toHaveLength(1);
    expect(await auditActions(t, owner.tenantId, late)).toContain('invoice.overdue');
    // Later the 14-day reminder, once.
    await markOverdueInvoices(t.database, '2026-01-30');
    await markOverdueInvoices(t.database, '2026-01-30');
    expect((await reminderMails(lateDoc.number)).length).toBe(3);
    // A payment takes it out of overdue; paying it fully makes it paid.
    await c.api(owner, 'POST', `/invoices/${late}/payments`, {
      paidOn: '2026-01-31',
      amountCents: 10000,
      method: 'card',
    });
    expect((await status(late)).status).toBe('paid');
  });
});
