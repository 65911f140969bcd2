import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appConsumers } from '../../src/events.ts';
import { createEventDispatcher, type EventDispatcher } from '../../src/platform/events/index.ts';
import { asBrowser, type BrowserSession, logIn, signUp, tokenPair } from '../helpers/auth-client.ts';
import { crmApi } from '../helpers/crm-api.ts';
import { addMember, memberIdOf } from '../helpers/members.ts';
import { connectSocket, listenUrl, refusal, type TestSocket } from '../helpers/socket-client.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let c: ReturnType<typeof crmApi>;
let url: string;
let dispatcher: EventDispatcher;
let owner: BrowserSession;
let agent: BrowserSession;
let stranger: BrowserSession;
const sockets: TestSocket[] = [];

const connect = async (credentials: Parameters<typeof connectSocket>[1]) => {
  const s = await connectSocket(url, credentials);
  sockets.push(s);
  return s;
};

beforeAll(async () => {
  t = await createTestApp();
  c = crmApi(t);
  url = await listenUrl(t.app);
  dispatcher = createEventDispatcher({
    database: t.database,
    log: pino({ level: 'silent' }),
    consumers: appConsumers({ realtime: t.app.realtime }),
    listen: false,
  });
  owner = await signUp(t.app);
  agent = await addMember(t.app, t.database, owner, 'sales');
  stranger = await signUp(t.app);
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await t.close();
});

const ids = (s: TestSocket, event: string) => s.received.filter((m) => m.event === event).map((m) => m.data);

describe('sockets', () => {
  it('are refused without credentials or with bad ones', async () => {
    expect(await refusal(url, {})).toBe('Authentication required');
    expect(await refusal(url, { token: 'not-a-token' })).toMatch(/invalid/i);
    expect(await refusal(url, { token: 'tk_live_bogus' })).toMatch(/invalid/i);
  });

  it('deliver events to the members concerned only: user room, tenant room, record scope, other tenants', async () => {
    const { accessToken } = await tokenPair(t.app, owner.email, owner.password);
    const ownerSocket = await connect({ token: accessToken });
    const agentSocket = await connect({ session: agent });
    const strangerSocket = await connect({ session: stranger });

    const assigned = await c.create(owner, '/leads', { firstName: 'Ada', lastName: 'Byron' });
    const ownersOnly = await c.create(owner, '/leads', { firstName: 'Only', lastName: 'Owner' });
    expect(
      (await c.api(owner, 'POST', `/leads/${assigned.id}/assign`, { ownerId: agent.userId })).statusCode,
    ).toBe(200);
    const task = await c.create(owner, '/tasks', { title: 'Call Ada', assigneeId: agent.userId });
    await dispatcher.drain();
    // The stranger's own event comes after every event of the first tenant (dispatched before it).
    const theirs = await c.create(stranger, '/leads', { firstName: 'Other', lastName: 'Tenant' });
    await dispatcher.drain();

    expect((await agentSocket.next('lead.assigned')).data).toMatchObject({ leadId: assigned.id });
    expect((await agentSocket.next('task.assigned')).data).toMatchObject({ taskId: task.id });
    await agentSocket.next('record.changed', (d) => d.id === task.id);
    expect(await ownerSocket.next('record.changed', (d) => d.id === task.id)).toBeTruthy();
    await strangerSocket.next('record.changed', (d) => d.id === theirs.id);

    // Scope "own": the agent sees the lead now theirs, never the owner's other lead.
    expect(ids(agentSocket, 'record.changed')).toContainEqual({
      entity: 'lead',
      id: assigned.id,
      version: 2,
    });
    expect(ids(agentSocket, 'record.changed').map((d) => d.id)).not.toContain(ownersOnly.id);
    // The owner sees every record but gets no toast for what was addressed to the agent.
    expect(ids(ownerSocket, 'record.changed').map((d) => d.id)).toEqual(
      expect.arrayContaining([assigned.id, ownersOnly.id, task.id]),
    );
    expect(ownerSocket.received.filter((m) => m.event.endsWith('.assigned'))).toEqual([]);
    // Another tenant hears nothing of the first one.
    expect(new Set(strangerSocket.received.map((m) => m.data.id ?? m.data.leadId))).toEqual(
      new Set([theirs.id]),
    );
    // Payloads carry ids only.
    for (const m of [...agentSocket.received, ...ownerSocket.received])
      expect(
        Object.keys(m.data).every(
          (k) => ['entity', 'id', 'version', 'eventId'].includes(k) || k.endsWith('Id'),
        ),
      ).toBe(true);
  });

  it('are disconnected when the session logs out or is revoked, and when the member is disabled', async () => {
    const member = await addMember(t.app, t.database, owner, 'sales');
    const second = await logIn(t.app, member.email, member.password);
    const { accessToken } = await tokenPair(t.app, member.email, member.password);
    const byCookie = await connect({ session: member });
    const bySecond = await connect({ session: second });
    const byToken = await connect({ token: accessToken });
    const bystander = await connect({ session: agent });

    expect(
      (await asBrowser(t.app, second, { method: 'POST', url: '/api/v1/auth/logout' })).statusCode,
    ).toBeLessThan(300);
    expect((await bySecond.next('session.ended')).data.reason).toMatch(/session/i);
    await bySecond.disconnected();

    const sessions = (await c.api(member, 'GET', '/auth/sessions')).json().data as {
      id: string;
      current: boolean;
    }[];
    const others = sessions.filter((s) => !s.current);
    for (const s of others) await c.api(member, 'DELETE', `/auth/sessions/${s.id}`);
    await byToken.disconnected();
    expect(byCookie.socket.connected).toBe(true);

    const m = await memberIdOf(t.app, owner, member.userId);
    const res = await c.api(owner, 'PATCH', `/members/${m.id}`, { status: 'disabled', version: m.version });
    expect(res.statusCode).toBe(200);
    expect((await byCookie.next('session.ended')).data.reason).toMatch(/disabled|ended/i);
    await byCookie.disconnected();
    // Someone else's socket stays.
    expect(bystander.socket.connected).toBe(true);
  });

  it('accept an API key: events its permissions allow, nothing else, and it is disconnected when revoked', async () => {
    const makeKey = async (permissions: string[]) => {
      const res = await c.api(owner, 'POST', '/api-keys', {
        name: `socket ${permissions.join(' ')}`,
        permissions,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().data as { id: string; key: string };
    };
    const leadsKey = await makeKey(['leads.view']);
    const teamsKey = await makeKey(['teams.view']);
    const byLeadsKey = await connect({ token: leadsKey.key });
    const byTeamsKey = await connect({ token: teamsKey.key });

    const lead = await c.create(owner, '/leads', { firstName: 'Key', lastName: 'Holder' });
    const task = await c.create(owner, '/tasks', { title: 'Not for the leads key' });
    await dispatcher.drain();
    await byLeadsKey.next('record.changed', (d) => d.id === lead.id);
    // A marker after both events: the key without leads.view has heard neither by then.
    const marker = await c.create(owner, '/leads', { firstName: 'Marker', lastName: 'Lead' });
    await dispatcher.drain();
    await byLeadsKey.next('record.changed', (d) => d.id === marker.id);
    expect(ids(byLeadsKey, 'record.changed').map((d) => d.id)).not.toContain(task.id);
    expect(ids(byTeamsKey, 'record.changed').map((d) => d.id)).not.toContain(lead.id);

    expect((await c.api(owner, 'DELETE', `/api-keys/${leadsKey.id}`)).statusCode).toBeLessThan(300);
    await byLeadsKey.disconnected();
    expect(byTeamsKey.socket.connected).toBe(true);
    expect(await refusal(url, { token: leadsKey.key })).toMatch(/invalid|revoked/i);
  });
});
