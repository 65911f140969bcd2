import { sql } from 'drizzle-orm';
import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { appConsumers } from '../../src/events.ts';
import { createEventDispatcher, type EventDispatcher } from '../../src/platform/events/index.ts';
import { setupApiTest } from '../helpers/api-test.ts';
import { asBrowser, type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi, MISSING_ID } from '../helpers/crm-api.ts';
import { addMember } from '../helpers/members.ts';
import { dbRows } from '../helpers/tenant-fixtures.ts';

let dispatcher: EventDispatcher;
let owner: BrowserSession;
let agent: BrowserSession;
let stranger: BrowserSession;

const t = setupApiTest();
const c = crmApi(t);
beforeAll(async () => {
  dispatcher = createEventDispatcher({
    database: t.database,
    log: pino({ level: 'silent' }),
    consumers: appConsumers(),
    listen: false,
  });
  owner = await signUp(t.app);
  agent = await addMember(t.app, t.database, owner, 'sales');
  stranger = await signUp(t.app);
});

const list = async (as: BrowserSession, query = '') => {
  const res = await c.api(as, 'GET', `/notifications${query}`);
  expect(res.statusCode).toBe(200);
  return res.json() as {
    data: { id: string; type: string; entityId: string; readAt: string | null }[];
    pagination: { nextCursor: string | null };
  };
};
const unread = async (as: BrowserSession) =>
  (await c.api(as, 'GET', '/notifications/unread-count')).json().data.unread as number;
const allRows = () => dbRows(t, sql`select id, user_id, read_at from notifications order by id`);

describe('notifications from events', () => {
  it('a lead or task assigned to someone else notifies them once, even when the event is delivered again', async () => {
    const lead = await c.create(owner, '/leads', { firstName: 'Ada', lastName: 'Byron' });
    await c.api(owner, 'POST', `/leads/${lead.id}/assign`, { ownerId: agent.userId });
    const task = await c.create(owner, '/tasks', { title: 'Call Ada', assigneeId: agent.userId });
    await c.create(agent, '/tasks', { title: 'My own task' }); // self-assigned: no notification
    await dispatcher.drain();
    const mine = await list(agent);
    expect(mine.data.map((n) => [n.type, n.entityId])).toEqual([
      ['task.assigned', task.id],
      ['lead.assigned', lead.id],
    ]);
    expect(mine.data[0]).toMatchObject({
      entity: 'task',
      title: 'Call Ada',
      actorUserId: owner.userId,
      readAt: null,
    });
    expect(await unread(agent)).toBe(2);
    expect((await list(owner)).data).toEqual([]);
    const before = await allRows();
    // The same event ids committed again: the consumer itself adds nothing (one row per event and recipient).
    await t.database.db.execute(sql`insert into event_outbox (id, tenant_id, type, payload, actor_user_id)
      select event_id, tenant_id, type, jsonb_build_object('taskId', entity_id, 'assigneeId', user_id,
        'previousAssigneeId', null, 'title', title), actor_user_id
      from notifications where entity = 'task'`);
    expect((await dbRows(t, sql`select id from event_outbox`)).length).toBe(1);
    await dispatcher.drain();
    expect(await dbRows(t, sql`select id from event_outbox`)).toEqual([]);
    expect(await allRows()).toEqual(before);
  });

  it('lists newest first with a keyset cursor and filters unread=true', async () => {
    for (let i = 0; i < 3; i++)
      await c.create(owner, '/tasks', { title: `Task ${i}`, assigneeId: agent.userId });
    await dispatcher.drain();
    const all = (await list(agent, '?limit=100')).data;
    const first = await list(agent, '?limit=2');
    expect(first.data.map((n) => n.id)).toEqual(all.slice(0, 2).map((n) => n.id));
    const second = await list(agent, `?limit=2&cursor=${first.pagination.nextCursor}`);
    expect(second.data.map((n) => n.id)).toEqual(all.slice(2, 4).map((n) => n.id));
    const read = await c.api(agent, 'POST', '/notifications/mark-as-read', { ids: [all[0]?.id] });
    expect(read.json().data).toEqual({ updated: 1 });
    const unreadOnly = (await list(agent, '?unread=true&limit=100')).data;
    expect(unreadOnly.map((n) => n.id)).toEqual(all.slice(1).map((n) => n.id));
    expect(await unread(agent)).toBe(all.length - 1);
  });

  it('mark-as-read {all: true} marks every unread one; marking again changes nothing', async () => {
    const count = await unread(agent);
    expect((await c.api(agent, 'POST', '/notifications/mark-as-read', { all: true })).json().data).toEqual({
      updated: count,
    });
    expect(await unread(agent)).toBe(0);
    expect((await c.api(agent, 'POST', '/notifications/mark-as-read', { all: true })).json().data).toEqual({
      updated: 0,
    });
  });

  it("cannot read or mark another user's or another tenant's notifications", async () => {
    const task = await c.create(owner, '/tasks', { title: 'For the agent', assigneeId: agent.userId });
    await dispatcher.drain();
    const [theirs] = (await list(agent, '?unread=true')).data;
    expect(theirs?.entityId).toBe(task.id);
    const before = await allRows();
    for (const as of [owner, stranger]) {
      const res = await c.api(as, 'POST', '/notifications/mark-as-read', { ids: [theirs?.id, MISSING_ID] });
      expect(res.json().data).toEqual({ updated: 0 });
      expect((await list(as)).data.map((n) => n.id)).not.toContain(theirs?.id);
      await c.api(as, 'POST', '/notifications/mark-as-read', { all: true });
    }
    expect(await allRows()).toEqual(before);
    expect(await unread(agent)).toBe(1);
  });

  it('refuses bad input with 400 and changes nothing; no caller is a 401', async () => {
    const before = await allRows();
    const bad: unknown[] = [
      {},
      { ids: [] },
      { ids: ['not-a-uuid'] },
      { ids: 'x' },
      { ids: [MISSING_ID], all: true },
      { all: false },
      { all: 'true' },
      { all: true, extra: 1 },
      { ids: Array.from({ length: 101 }, () => MISSING_ID) },
      { ids: [`${MISSING_ID}\u0000`] },
      [],
      null,
    ];
    for (const body of bad) {
      const res = await asBrowser(t.app, agent, {
        method: 'POST',
        url: '/api/v1/notifications/mark-as-read',
        payload: JSON.stringify(body),
        headers: { 'content-type': 'application/json' },
      });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_ERROR');
    }
    for (const query of [
      '?unread=maybe',
      '?limit=0',
      '?limit=101',
      '?cursor=%%%',
      '?cursor=WyJ4Il0',
      '?other=1',
    ]) {
      expect((await c.api(agent, 'GET', `/notifications${query}`)).statusCode, query).toBe(400);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/notifications' })).statusCode).toBe(401);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/notifications/unread-count' })).statusCode,
    ).toBe(401);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/notifications/mark-as-read',
          payload: { all: true },
        })
      ).statusCode,
    ).toBe(401);
    expect(await allRows()).toEqual(before);
  });
});
