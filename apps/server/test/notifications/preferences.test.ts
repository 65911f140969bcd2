import { NOTIFICATION_TYPES } from '@tessera/contracts';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appConsumers } from '../../src/events.ts';
import { createEventDispatcher, type EventDispatcher } from '../../src/platform/events/index.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi } from '../helpers/crm-api.ts';
import { addMember } from '../helpers/members.ts';
import { dbRows } from '../helpers/tenant-fixtures.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let c: ReturnType<typeof crmApi>;
let dispatcher: EventDispatcher;
let owner: BrowserSession;
let agent: BrowserSession;
let outsider: BrowserSession;

beforeAll(async () => {
  t = await createTestApp();
  c = crmApi(t);
  dispatcher = createEventDispatcher({
    database: t.database,
    log: pino({ level: 'silent' }),
    consumers: appConsumers(),
    listen: false,
  });
  owner = await signUp(t.app);
  agent = await addMember(t.app, t.database, owner, 'sales', 'Agent Smith');
  outsider = await addMember(t.app, t.database, owner, 'sales', 'Not In Team');
});
afterAll(() => t.close());

const prefs = async (as: BrowserSession) => {
  const res = await c.api(as, 'GET', '/notifications/preferences');
  expect(res.statusCode).toBe(200);
  return res.json().data.items as { type: string; inApp: boolean; email: string }[];
};
const prefRows = () => dbRows(t, sql`select * from notification_preferences order by user_id, type`);
const mailTo = (email: string) =>
  dbRows<{ subject: string; text_body: string }>(
    t,
    sql`select subject, text_body from mail_outbox
        where to_address = ${email} and subject not like '%invit%' order by created_at`,
  );
const notificationsOf = (userId: string) =>
  dbRows<{ type: string; read_at: Date | null }>(
    t,
    sql`select type, read_at from notifications where user_id = ${userId} order by id`,
  );

describe('GET/PUT /api/v1/notifications/preferences', () => {
  it('lists every type with the defaults (in-app on, e-mail off) before any choice', async () => {
    expect(await prefs(agent)).toEqual(
      NOTIFICATION_TYPES.map((type) => ({ type, inApp: true, email: 'off' })),
    );
  });

  it('stores the given types and keeps the others; each user has their own', async () => {
    const res = await c.api(agent, 'PUT', '/notifications/preferences', {
      items: [{ type: 'lead.assigned', inApp: false, email: 'instant' }],
    });
    expect(res.statusCode).toBe(200);
    const items = res.json().data.items;
    expect(items.find((i: { type: string }) => i.type === 'lead.assigned')).toEqual({
      type: 'lead.assigned',
      inApp: false,
      email: 'instant',
    });
    expect(items.find((i: { type: string }) => i.type === 'task.assigned')).toMatchObject({
      inApp: true,
      email: 'off',
    });
    expect(await prefs(agent)).toEqual(items);
    expect((await prefs(owner)).every((p) => p.inApp && p.email === 'off')).toBe(true);
    // Changing it again updates the one row.
    await c.api(agent, 'PUT', '/notifications/preferences', {
      items: [{ type: 'lead.assigned', inApp: false, email: 'instant' }],
    });
    expect((await prefRows()).filter((r) => r.user_id === agent.userId)).toHaveLength(1);
  });

  it('refuses bad input with a 400 and changes nothing', async () => {
    const before = await prefRows();
    const good = { type: 'task.assigned', inApp: true, email: 'digest' };
    const bodies: unknown[] = [
      {},
      { items: [] },
      { items: 'all' },
      { items: [{ ...good, type: 'lead.created' }] },
      { items: [{ ...good, type: 'sms.everything' }] },
      { items: [{ ...good, inApp: 'yes' }] },
      { items: [{ ...good, email: 'weekly' }] },
      { items: [{ ...good, extra: 1 }] },
      { items: [{ type: 'task.assigned', inApp: true }] },
      { items: [good, good] },
      { items: [good], userId: owner.userId },
      { items: Array.from({ length: 50 }, () => good) },
      { items: [{ ...good, type: 'x'.repeat(10_000) }] },
      { items: [{ ...good, type: "lead.assigned' or 1=1 --" }] },
      { items: [{ ...good, inApp: null }] },
      { items: [{ ...good, type: 'task.assigned\u0000' }] },
    ];
    for (const body of bodies) {
      const res = await c.api(agent, 'PUT', '/notifications/preferences', body as object);
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
    }
    expect(await prefRows()).toEqual(before);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/notifications/preferences' });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('notifications follow the preferences', () => {
  it('e-mail instant and in-app off: a mail in the outbox, no unread notification', async () => {
    const lead = await c.create(owner, '/leads', { firstName: 'Grace', lastName: 'Hopper' });
    await c.api(owner, 'POST', `/leads/${lead.id}/assign`, { ownerId: agent.userId });
    await dispatcher.drain();
    expect(await notificationsOf(agent.userId)).toEqual([]);
    const mails = await mailTo(agent.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe('A lead was assigned to you');
    expect(mails[0]?.text_body).toContain('Agent Smith');
    // Redelivery adds nothing (delivery record per consumer and event).
    await dispatcher.drain();
    expect(await mailTo(agent.email)).toHaveLength(1);
  });

  it('a deal won tells the members of the owner’s teams, not others nor whoever won it', async () => {
    const team = await c.create(owner, '/teams', { name: 'Roofing' });
    for (const s of [owner, agent])
      expect((await c.api(owner, 'POST', `/teams/${team.id}/members`, { userId: s.userId })).statusCode).toBe(
        200,
      );
    const [pipe] = (await c.api(owner, 'GET', '/pipelines')).json().data;
    const won = pipe.stages.find((s: { name: string }) => s.name === 'Won').id;
    const deal = await c.create(owner, '/deals', { title: 'Big roof' });
    const res = await c.api(owner, 'POST', `/deals/${deal.id}/stage`, { stageId: won, version: 1 });
    expect(res.statusCode).toBe(200);
    await dispatcher.drain();
    expect(await notificationsOf(agent.userId)).toEqual([{ type: 'deal.won', read_at: null }]);
    expect(await notificationsOf(owner.userId)).toEqual([]);
    expect(await notificationsOf(outsider.userId)).toEqual([]);
  });
});
