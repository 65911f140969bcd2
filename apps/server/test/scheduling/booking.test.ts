import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { signUp } from '../helpers/auth-client.ts';
import { crmApi } from '../helpers/crm-api.ts';
import { dbRows } from '../helpers/tenant-fixtures.ts';
import {
  attachmentsOf,
  BOOKING_TABLES,
  bookingTenant,
  dayAfter,
  mails,
  person,
  tenantSlug,
  visit,
} from './booking-fixtures.ts';
import { makeType } from './scheduling-fixtures.ts';

const t = setupApiTest({ env: { BOOKING_RATE_LIMIT_PER_MINUTE: '10000' } });
const c = crmApi(t);
let co: Awaited<ReturnType<typeof bookingTenant>>;
const DAY = dayAfter(0);

beforeAll(async () => {
  co = await bookingTenant(t, c);
});

const slotsOf = async (page: string, day = DAY, zone = 'Europe/Berlin') => {
  const res = await visit(t, 'GET', `${page}/slots?from=${day}&days=1&timeZone=${encodeURIComponent(zone)}`);
  expect(res.statusCode).toBe(200);
  return res.json().data.days[0].slots as { startsAt: string; endsAt: string; time: string }[];
};

describe('public booking page', () => {
  it('shows the company and the type, and free times in the visitor’s zone (no agents)', async () => {
    const page = await visit(t, 'GET', co.page);
    expect(page.statusCode).toBe(200);
    expect(page.json().data).toMatchObject({
      type: { name: 'Consultation', durationMinutes: 60, locationKind: 'office' },
    });
    const berlin = await slotsOf(co.page);
    const utc = await slotsOf(co.page, DAY, 'UTC');
    expect(berlin.length).toBeGreaterThan(5);
    // Winter: Berlin is UTC+1, so the same instant reads one hour later.
    const first = utc.find((s) => s.startsAt === berlin[0]?.startsAt);
    expect(Number(berlin[0]?.time.slice(0, 2))).toBe(Number(first?.time.slice(0, 2)) + 1);
    expect(JSON.stringify(berlin)).not.toContain(co.agent.id);
    const links = await c.api(co.sales, 'GET', '/scheduling/booking-links');
    expect(links.json().data).toEqual([
      expect.objectContaining({ typeId: co.type.id, path: `/book/${co.slug}/${co.type.slug}` }),
    ]);
  });

  it('books: lead created (source booking), appointment, confirmation e-mail with .ics and signed links', async () => {
    const [slot] = await slotsOf(co.page);
    const res = await visit(t, 'POST', co.page, person(1, slot?.startsAt as string));
    expect(res.statusCode).toBe(201);
    const booked = res.json().data;
    expect(booked).toMatchObject({ startsAt: slot?.startsAt, leadCreated: true });
    const [lead] = await dbRows<{ id: string; source: string; owner_id: string; email: string }>(
      t,
      sql`select id, source, owner_id, email from leads where tenant_id = ${co.owner.tenantId}`,
    );
    expect(lead).toMatchObject({
      source: 'booking',
      owner_id: co.sales.userId,
      email: 'visitor1@example.com',
    });
    const [appt] = await dbRows<{ lead_id: string; source: string; agent_id: string; created_by: null }>(
      t,
      sql`select lead_id, source, agent_id, created_by from appointments where tenant_id = ${co.owner.tenantId}`,
    );
    expect(appt).toEqual({ lead_id: lead?.id, source: 'public', agent_id: co.agent.id, created_by: null });
    const [mail] = await mails(t, 'visitor1@example.com');
    expect(mail?.subject).toMatch(/^Your appointment is booked: Consultation/);
    expect(mail?.text_body).toContain(`/booking/${booked.token}?action=cancel`);
    const [ics] = await attachmentsOf(t, mail?.id as string);
    expect(ics?.filename).toBe('appointment.ics');
    const text = Buffer.from(ics?.content as Uint8Array).toString('utf8');
    expect(text).toContain('BEGIN:VCALENDAR\r\n');
    expect(text).toContain(`DTSTART:${String(slot?.startsAt).replace(/[-:]/g, '').slice(0, 15)}Z`);
    expect(text).toContain('METHOD:REQUEST');
    // The booked time is no longer offered.
    expect((await slotsOf(co.page)).map((s) => s.startsAt)).not.toContain(slot?.startsAt);
  });

  it('matches the lead by e-mail on a second booking (no new lead)', async () => {
    const slots = await slotsOf(co.page, dayAfter(1));
    const res = await visit(
      t,
      'POST',
      co.page,
      person(1, slots[2]?.startsAt as string, { email: 'VISITOR1@example.com' }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json().data.leadCreated).toBe(false);
    const leads = await c.rows('leads', co.owner.tenantId);
    expect(leads).toHaveLength(1);
    const appts = await c.rows('appointments', co.owner.tenantId);
    expect(new Set(appts.map((a) => a.lead_id))).toEqual(new Set([leads[0]?.id]));
  });

  it('another tenant’s slug, an unknown or private type: the same 404, nothing booked', async () => {
    const other = await signUp(t.app);
    const otherSlug = await tenantSlug(t, other.tenantId);
    const otherType = await makeType(c, other, { publicBooking: true, maxDaysAhead: 365 });
    const privateType = await makeType(c, co.owner, { maxDaysAhead: 365 });
    const [slot] = await slotsOf(co.page, dayAfter(2));
    const before = await c.snapshot(co.owner.tenantId, BOOKING_TABLES);
    const bodies = new Set<string>();
    for (const page of [
      `/booking/${co.slug}/${otherType.slug}`,
      `/booking/${otherSlug}/${co.type.slug}`,
      `/booking/no-such-company/${co.type.slug}`,
      `/booking/${co.slug}/${privateType.slug}`,
      `/booking/${co.slug}/nope`,
    ]) {
      for (const res of [
        await visit(t, 'GET', page),
        await visit(t, 'GET', `${page}/slots?timeZone=UTC`),
        await visit(t, 'POST', page, person(9, slot?.startsAt as string)),
      ]) {
        expect(res.statusCode).toBe(404);
        bodies.add(res.json().error.message);
      }
    }
    expect([...bodies]).toEqual(['This booking page does not exist']);
    expect(await c.snapshot(co.owner.tenantId, BOOKING_TABLES)).toEqual(before);
    expect(await mails(t, 'visitor9@example.com')).toEqual([]);
  });

  it('bad input and the honeypot: clear 400s, nothing stored or sent', async () => {
    const [slot, second] = await slotsOf(co.page, dayAfter(3));
    const at = slot?.startsAt as string;
    const onSite = await makeType(c, co.owner, {
      publicBooking: true,
      maxDaysAhead: 365,
      locationKind: 'on_site',
    });
    const before = await c.snapshot(co.owner.tenantId, BOOKING_TABLES);
    const cases: [object, string][] = [
      [{ ...person(5, at), name: '' }, 'name'],
      [{ ...person(5, at), email: 'not-an-email' }, 'email'],
      [{ ...person(5, at), phone: 'call me' }, 'phone'],
      [{ ...person(5, at), timeZone: 'Mars/Olympus' }, 'timeZone'],
      [{ ...person(5, at), startsAt: 'tomorrow' }, 'startsAt'],
      [{ ...person(5, at), startsAt: '2001-01-01T10:00:00Z' }, 'startsAt'],
      [{ ...person(5, at), name: 'x'.repeat(121) }, 'name'],
      [{ ...person(5, at), name: 'Ve\u0000ra' }, 'name'],
      [{ ...person(5, at), agentId: co.agent.id }, ''],
      [{ ...person(5, at), website: 'http://spam.example' }, 'website'],
      [{ ...person(5, at), email: 42 }, 'email'],
    ];
    for (const [body, path] of cases) {
      const res = await visit(t, 'POST', co.page, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.message).toBeTruthy();
      if (path) expect(JSON.stringify(res.json().error.details)).toContain(path);
    }
    // A time the page does not offer (between two steps) is a 409 saying so.
    const odd = new Date(Date.parse(at) + 7 * 60_000).toISOString();
    const misaligned = await visit(t, 'POST', co.page, person(5, odd));
    expect(misaligned.statusCode).toBe(409);
    expect(misaligned.json().error.message).toMatch(/not available/);
    // On-site types need the address.
    const noAddress = await visit(t, 'POST', `/booking/${co.slug}/${onSite.slug}`, {
      ...person(5, second?.startsAt as string),
      address: undefined,
    });
    expect(noAddress.statusCode).toBe(400);
    expect(noAddress.json().error.details[0].path).toBe('address');
    const after = await c.snapshot(co.owner.tenantId, BOOKING_TABLES);
    expect(after).toEqual(before);
    expect(await mails(t, 'visitor5@example.com')).toEqual([]);
  });

  it('20 concurrent bookings of one slot: exactly one wins, the others get 409', async () => {
    const [slot] = await slotsOf(co.page, dayAfter(4));
    const before = await c.rows('appointments', co.owner.tenantId);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        visit(t, 'POST', co.page, person(`race${i}`, slot?.startsAt as string), `198.51.100.${i + 1}`),
      ),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((s) => s === 201)).toHaveLength(1);
    expect(codes.filter((s) => s === 409)).toHaveLength(19);
    const after = await c.rows('appointments', co.owner.tenantId);
    expect(after.length - before.length).toBe(1);
    const raceMail = await dbRows(t, sql`select id from mail_outbox where to_address like 'visitorrace%'`);
    expect(raceMail).toHaveLength(1);
    const raceLeads = await dbRows(
      t,
      sql`select id from leads where tenant_id = ${co.owner.tenantId} and email like 'visitorrace%'`,
    );
    expect(raceLeads).toHaveLength(1);
  });
});
