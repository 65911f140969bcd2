import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appConsumers } from '../../src/events.ts';
import { createEventDispatcher, type EventDispatcher } from '../../src/platform/events/index.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi } from '../helpers/crm-api.ts';
import { addMember } from '../helpers/members.ts';
import { connectSocket, listenUrl, type TestSocket } from '../helpers/socket-client.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { waitFor } from '../helpers/wait-for.ts';

let t: TestApp;
let c: ReturnType<typeof crmApi>;
let url: string;
let dispatcher: EventDispatcher;
let owner: BrowserSession;
let dispatch: BrowserSession;
let member: BrowserSession;
let outsider: BrowserSession;
const sockets: TestSocket[] = [];

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
  dispatch = await addMember(t.app, t.database, owner, 'dispatch');
  member = await addMember(t.app, t.database, owner, 'crew');
  outsider = await addMember(t.app, t.database, owner, 'crew');
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await t.close();
});

describe('job sockets', () => {
  it('job.assigned reaches the crew members’ rooms; status changes reach whoever may see the job', async () => {
    const connect = async (session: BrowserSession) => {
      const s = await connectSocket(url, { session });
      sockets.push(s);
      return s;
    };
    const [board, crewSocket, outsiderSocket] = await Promise.all([
      connect(dispatch),
      connect(member),
      connect(outsider),
    ]);
    const crew = await c.create(owner, '/crews', { name: 'Socket crew', memberIds: [member.userId] });
    const job = await c.create(dispatch, '/jobs', { title: 'Live job' });
    const assigned = await c.api(dispatch, 'POST', `/jobs/${job.id}/assign`, {
      crewId: crew.id,
      scheduledStart: '2031-05-05T08:00:00.000Z',
      scheduledEnd: '2031-05-05T09:00:00.000Z',
    });
    expect(assigned.statusCode).toBe(200);
    await dispatcher.drain();
    expect((await crewSocket.next('job.assigned')).data).toMatchObject({ jobId: job.id });
    expect((await board.next('job.status_changed')).data).toMatchObject({ jobId: job.id });
    expect(await crewSocket.next('record.changed', (d) => d.id === job.id)).toBeTruthy();
    expect((await c.api(member, 'POST', `/jobs/${job.id}/status`, { status: 'en_route' })).statusCode).toBe(
      200,
    );
    await dispatcher.drain();
    await waitFor(
      () =>
        board.received.filter((m) => m.event === 'job.status_changed' && m.data.jobId === job.id).length ===
        2,
    );
    // The dispatcher (the actor of the assignment) got no job.assigned; the other crew member heard nothing of it.
    expect(board.received.filter((m) => m.event === 'job.assigned')).toEqual([]);
    expect(outsiderSocket.received.filter((m) => m.data.id === job.id || m.data.jobId === job.id)).toEqual(
      [],
    );
  });
});
