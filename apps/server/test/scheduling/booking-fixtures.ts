import { sql } from 'drizzle-orm';
import { signUp } from '../helpers/auth-client.ts';
import type { crmApi } from '../helpers/crm-api.ts';
import { addMember } from '../helpers/members.ts';
import { dbRows } from '../helpers/tenant-fixtures.ts';
import type { TestApp } from '../helpers/test-app.ts';
import { makeAgent, makeType } from './scheduling-fixtures.ts';

type Api = ReturnType<typeof crmApi>;

/** A Monday about five weeks ahead (plus `days`), inside every type's horizon; a winter date (Berlin = UTC+1). */
export const dayAfter = (days: number) => {
  const d = new Date(Date.now() + 35 * 86_400_000);
  d.setUTCDate(d.getUTCDate() + ((8 - (d.getUTCDay() || 7)) % 7) + days);
  return d.toISOString().slice(0, 10);
};

export const BOOKING_TABLES = [
  'scheduling_agents',
  'appointment_types',
  'appointments',
  'scheduling_bookings',
  'leads',
];

export const tenantSlug = async (t: TestApp, tenantId: string) =>
  (await dbRows<{ slug: string }>(t, sql`select slug from tenants where id = ${tenantId}`))[0]
    ?.slug as string;

/** A public request (no cookies) from `ip`. */
export const visit = (
  t: TestApp,
  method: 'GET' | 'POST',
  url: string,
  payload?: object,
  ip = '203.0.113.10',
) =>
  t.app.inject({
    method,
    url: `/api/public${url}`,
    remoteAddress: ip,
    ...(payload ? { payload } : {}),
  } as never);

/** A company with one agent (a Sales member, UTC, 08:00–18:00 every day) and a public 60-minute type. */
export const bookingTenant = async (t: TestApp, c: Api, typeExtra: object = {}) => {
  const owner = await signUp(t.app);
  const sales = await addMember(t.app, t.database, owner, 'sales');
  const agent = await makeAgent(c, owner, sales);
  const type = await makeType(c, owner, { maxDaysAhead: 365, publicBooking: true, ...typeExtra });
  const slug = await tenantSlug(t, owner.tenantId);
  return { owner, sales, agent, type, slug, page: `/booking/${slug}/${type.slug}` };
};

export const mails = (t: TestApp, to: string) =>
  dbRows<{ id: string; subject: string; text_body: string }>(
    t,
    sql`select id, subject, text_body from mail_outbox where to_address = ${to} order by created_at, id`,
  );

export const attachmentsOf = (t: TestApp, mailId: string) =>
  dbRows<{ filename: string; content_type: string; content: Uint8Array }>(
    t,
    sql`select filename, content_type, content from mail_attachments where mail_id = ${mailId} order by position`,
  );

export const person = (n: number | string, startsAt: string, extra: object = {}) => ({
  name: `Vera Visitor${n}`,
  email: `visitor${n}@example.com`,
  phone: '+49 30 1234567',
  address: 'Hauptstr. 1, 10115 Berlin',
  startsAt,
  timeZone: 'Europe/Berlin',
  ...extra,
});
