import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi } from '../helpers/crm-api.ts';
import { addMember } from '../helpers/members.ts';

let owner: BrowserSession;
let dispatcher: BrowserSession;
let worker: BrowserSession;
const t = setupApiTest();
const c = crmApi(t);
const day = (d: number, h = 0) => new Date(Date.UTC(2031, 2, d, h)).toISOString();

beforeAll(async () => {
  owner = await signUp(t.app);
  dispatcher = await addMember(t.app, t.database, owner, 'dispatch');
  worker = await addMember(t.app, t.database, owner, 'crew');
});

describe('dispatch board', () => {
  it('loads crews, crewed jobs in the window and the filtered unassigned queue in one request', async () => {
    const a = await c.create(dispatcher, '/crews', { name: 'A crew', memberIds: [worker.userId] });
    const b = await c.create(dispatcher, '/crews', { name: 'B crew' });
    const inWeek = await c.create(dispatcher, '/jobs', {
      title: 'In week',
      crewId: a.id,
      scheduledStart: day(3, 8),
      scheduledEnd: day(3, 10),
    });
    const other = await c.create(dispatcher, '/jobs', {
      title: 'B job',
      crewId: b.id,
      scheduledStart: day(4, 8),
      scheduledEnd: day(4, 9),
    });
    await c.create(dispatcher, '/jobs', {
      title: 'Next month',
      crewId: a.id,
      scheduledStart: day(30, 8),
      scheduledEnd: day(30, 9),
    });
    const urgent = await c.create(dispatcher, '/jobs', {
      title: 'Urgent queue',
      priority: 'urgent',
      requiredSkills: ['gas'],
      siteAddress: '9 Elm Road, Northside',
    });
    const normal = await c.create(dispatcher, '/jobs', {
      title: 'Normal queue',
      scheduledStart: day(5, 8),
      scheduledEnd: day(5, 9),
    });
    const url = `/dispatch/board?from=${encodeURIComponent(day(2))}&to=${encodeURIComponent(day(9))}`;
    const board = (await c.api(dispatcher, 'GET', url)).json().data;
    expect(board.crews.map((x: { name: string }) => x.name)).toEqual(['A crew', 'B crew']);
    expect(board.jobs.map((j: { id: string }) => j.id)).toEqual([inWeek.id, other.id]);
    expect(board.unassigned.map((j: { id: string }) => j.id)).toEqual([urgent.id, normal.id]);
    expect(board.jobs[0]).toMatchObject({ crewId: a.id, status: 'dispatched', late: false });
    const past = await c.create(dispatcher, '/jobs', {
      title: 'Overdue',
      crewId: b.id,
      scheduledStart: '2020-01-06T08:00:00.000Z',
      scheduledEnd: '2020-01-06T09:00:00.000Z',
    });
    const overdue = (
      await c.api(
        dispatcher,
        'GET',
        '/dispatch/board?from=2020-01-06T00:00:00.000Z&to=2020-01-07T00:00:00.000Z',
      )
    ).json().data;
    expect(overdue.jobs).toEqual([expect.objectContaining({ id: past.id, late: true })]);
    const filtered = (await c.api(dispatcher, 'GET', `${url}&skill=gas&area=northside`)).json().data;
    expect(filtered.unassigned.map((j: { id: string }) => j.id)).toEqual([urgent.id]);
    expect((await c.api(dispatcher, 'GET', `${url}&priority=low`)).json().data.unassigned).toEqual([]);
    // A crew member's board: their crew and its jobs only.
    const theirs = (await c.api(worker, 'GET', url)).json().data;
    expect(theirs.crews.map((x: { id: string }) => x.id)).toEqual([a.id]);
    expect(theirs.jobs.map((j: { id: string }) => j.id)).toEqual([inWeek.id]);
    expect(theirs.unassigned).toEqual([]);
  });

  it('refuses bad windows and unknown parameters (400), and callers without the permissions (403)', async () => {
    for (const q of [
      '',
      `from=${day(9)}&to=${day(2)}`,
      `from=${day(1)}&to=${day(28)}`,
      `from=${day(1)}&to=${day(2)}&extra=1`,
      `from=${day(1)}&to=${day(2)}&priority=asap`,
      `from=nope&to=${day(2)}`,
    ])
      expect((await c.api(dispatcher, 'GET', `/dispatch/board?${q}`)).statusCode, q).toBe(400);
    const outsider = await addMember(t.app, t.database, owner, 'marketing');
    expect((await c.api(outsider, 'GET', `/dispatch/board?from=${day(1)}&to=${day(2)}`)).statusCode).toBe(
      403,
    );
  });
});
