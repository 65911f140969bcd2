import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { sendAppointmentReminders } from '../../src/modules/scheduling/index.ts';
import { signRecordLink } from '../../src/platform/auth/index.ts';
import { setupApiTest } from '../helpers/api-test.ts';
import { crmApi } from '../helpers/crm-api.ts';
import { addMember } from '../helpers/members.ts';
import { auditActions, dbRows } from '../helpers/tenant-fixtures.ts';
import { TEST_JWT_SECRET } from '../helpers/test-app.ts';
import { bookingTenant, dayAfter, mails, person, visit } from './booking-fixtures.ts';

const t = setupApiTest({ env: { BOOKING_RATE_LIMIT_PER_MINUTE: '10000' } });
const c = crmApi(t);
let co: Awaited<ReturnType<typeof bookingTenant>>;

beforeAll(async () => {
  co = await bookingTenant(t, c);
});

const slots = async (url: string, day: string) => {
  const res = await visit(t, 'GET', `${url}/slots?from=${day}&days=1&timeZone=UTC`);
  expect(res.statusCode).toBe(200);
  return res.json().data.days[0].slots as { startsAt: string }[];
};
const book = async (n: number | string, day: string, index = 0) => {
  const free = await slots(co.page, day);
  const res = await visit(t, 'POST', co.page, person(n, free[index]?.startsAt as string));
  expect(res.statusCode).toBe(201);
  const data = res.json().data as { token: string; startsAt: string };
  const [row] = await dbRows<{ id: string }>(
    t,
    sql`select id from appointments where tenant_id = ${co.owner.tenantId} and starts_at = ${data.startsAt}`,
  );
  return { ...data, id: row?.id as string };
};

describe('manage link', () => {
  it('views; a tampered, expired, foreign-purpose or foreign token is the same 404', async () => {
    const b = await book('m1', dayAfter(0));
    const view = await visit(t, 'GET', `/booking/manage/${b.token}`);
    expect(view.statusCode).toBe(200);
    expect(view.json().data).toMatchObject({
      status: 'scheduled',
      changeable: true,
      email: 'visitorm1@example.com',
    });
    const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
    const expired = signRecordLink(TEST_JWT_SECRET, 'booking-link', {
      tenantId: co.owner.tenantId,
      recordId: b.id,
      expires: Math.floor(Date.now() / 1000) - 1,
    });
    const quote = signRecordLink(TEST_JWT_SECRET, 'quote-link', {
      tenantId: co.owner.tenantId,
      recordId: b.id,
      expires: Math.floor(Date.now() / 1000) + 3600,
    });
    for (const bad of [flip(b.token, 5), flip(b.token, b.token.length - 3), expired, quote, 'x'.repeat(20)]) {
      const res = await visit(t, 'GET', `/booking/manage/${bad}`);
      expect(res.statusCode).toBe(404);
      expect((await visit(t, 'POST', `/booking/manage/${bad}/cancel`, {})).statusCode).toBe(404);
    }
    expect((await visit(t, 'GET', `/booking/manage/${b.token}`)).json().data.status).toBe('scheduled');
  });

  it('cancels once (time free again, audited, e-mail with a CANCEL .ics); then nothing more changes', async () => {
    const b = await book('m2', dayAfter(1));
    const res = await visit(t, 'POST', `/booking/manage/${b.token}/cancel`, { reason: 'Ill' });
    expect(res.statusCode).toBe(200);
    expect(res.json().data).toMatchObject({ status: 'cancelled', changeable: false });
    expect(await auditActions(t, co.owner.tenantId, b.id)).toEqual([
      'appointment.created',
      'appointment.cancelled',
    ]);
    const sent = await mails(t, 'visitorm2@example.com');
    expect(sent.map((m) => m.subject.split(':')[0])).toEqual([
      'Your appointment is booked',
      'Your appointment is cancelled',
    ]);
    expect((await slots(co.page, dayAfter(1))).map((s) => s.startsAt)).toContain(b.startsAt);
    expect((await visit(t, 'POST', `/booking/manage/${b.token}/cancel`, {})).statusCode).toBe(409);
    const moved = await visit(t, 'POST', `/booking/manage/${b.token}/reschedule`, { startsAt: b.startsAt });
    expect(moved.statusCode).toBe(409);
  });

  it('reschedules to a free time of the same agent (new link); a taken time is a 409; bad input 400', async () => {
    const b = await book('m3', dayAfter(2));
    const other = await book('m4', dayAfter(2), 6);
    const options = await slots(`/booking/manage/${b.token}`, dayAfter(2));
    // Its own time counts as free; the other booking's time does not.
    expect(options.map((s) => s.startsAt)).toContain(b.startsAt);
    expect(options.map((s) => s.startsAt)).not.toContain(other.startsAt);
    const taken = await visit(t, 'POST', `/booking/manage/${b.token}/reschedule`, {
      startsAt: other.startsAt,
    });
    expect(taken.statusCode).toBe(409);
    for (const body of [
      {},
      { startsAt: 'soon' },
      { startsAt: b.startsAt, extra: 1 },
      { startsAt: '2001-01-01T00:00:00Z' },
    ])
      expect((await visit(t, 'POST', `/booking/manage/${b.token}/reschedule`, body)).statusCode).toBe(400);
    const target = options.at(-1)?.startsAt as string;
    const res = await visit(t, 'POST', `/booking/manage/${b.token}/reschedule`, { startsAt: target });
    expect(res.statusCode).toBe(200);
    expect(res.json().data).toMatchObject({ startsAt: target, status: 'scheduled' });
    expect(res.json().data.token).not.toBe(b.token);
    expect(await auditActions(t, co.owner.tenantId, b.id)).toEqual([
      'appointment.created',
      'appointment.rescheduled',
    ]);
    expect((await mails(t, 'visitorm3@example.com')).at(-1)?.subject).toMatch(/^Your appointment was moved/);
  });
});

describe('calendar feed', () => {
  it('the agent creates a feed URL listing their appointments; revoked → 404; others may not', async () => {
    const b = await book('f1', dayAfter(3));
    const path = `/scheduling/agents/${co.agent.id}/calendar-feed`;
    const created = await c.api(co.sales, 'POST', path);
    expect(created.statusCode).toBe(201);
    const url = new URL(created.json().data.url);
    const feed = await t.app.inject({ method: 'GET', url: url.pathname });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    expect(feed.body).toContain(`UID:${b.id}@tessera`);
    expect(feed.body).toContain('METHOD:PUBLISH');
    expect((await c.api(co.sales, 'GET', path)).json().data.url).toBe(created.json().data.url);
    // Someone else without availability.manage: refused; the owner may manage it.
    const colleague = await addMember(t.app, t.database, co.owner, 'sales');
    expect((await c.api(colleague, 'POST', path)).statusCode).toBe(403);
    const tampered = url.pathname.replace(
      /\/calendar-feeds\/(.)/,
      (_m, ch) => `/calendar-feeds/${ch === 'A' ? 'B' : 'A'}`,
    );
    expect((await t.app.inject({ method: 'GET', url: tampered })).statusCode).toBe(404);
    expect((await c.api(co.sales, 'DELETE', path)).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: url.pathname })).statusCode).toBe(404);
    const again = await c.api(co.owner, 'POST', path);
    expect(again.statusCode).toBe(201);
    expect(again.json().data.url).not.toBe(created.json().data.url);
    expect(
      (await t.app.inject({ method: 'GET', url: new URL(again.json().data.url).pathname })).statusCode,
    ).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: url.pathname })).statusCode).toBe(404);
  });
});

describe('reminders', () => {
  it('24 h and 1 h before, to the customer and the agent, each once (the job runs twice)', async () => {
    const b = await book('r1', dayAfter(5));
    const start = Date.parse(b.startsAt);
    const links = { secret: TEST_JWT_SECRET, appUrl: 'http://app.test' };
    const reminders = () =>
      dbRows<{ kind: string; recipient: string }>(
        t,
        sql`select kind, recipient from appointment_reminders where appointment_id = ${b.id} order by kind, recipient`,
      );
    await sendAppointmentReminders(t.database, start - 23 * 3_600_000, links);
    await sendAppointmentReminders(t.database, start - 23 * 3_600_000 + 60_000, links);
    expect(await reminders()).toEqual([
      { kind: '24h', recipient: 'agent' },
      { kind: '24h', recipient: 'customer' },
    ]);
    await sendAppointmentReminders(t.database, start - 30 * 60_000, links);
    await sendAppointmentReminders(t.database, start - 29 * 60_000, links);
    expect(await reminders()).toHaveLength(4);
    const customer = (await mails(t, 'visitorr1@example.com')).filter((m) =>
      m.subject.startsWith('Reminder'),
    );
    expect(customer.map((m) => m.subject.split(',')[0])).toEqual([
      'Reminder: Consultation tomorrow',
      'Reminder: Consultation in one hour',
    ]);
    expect(customer[0]?.text_body).toContain('http://app.test/booking/');
    const agentMail = await mails(t, co.sales.email);
    expect(agentMail.filter((m) => m.subject.startsWith('Reminder'))).toHaveLength(2);
  });
});
