import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi, MISSING_ID } from '../helpers/crm-api.ts';
import { addMember } from '../helpers/members.ts';
import { auditActions } from '../helpers/tenant-fixtures.ts';

let owner: BrowserSession;
let other: BrowserSession;
let agent: BrowserSession;
let contact: { id: string };
const t = setupApiTest();
const c = crmApi(t);
beforeAll(async () => {
  owner = await signUp(t.app);
  other = await signUp(t.app);
  agent = await addMember(t.app, t.database, owner, 'sales');
  contact = await c.create(owner, '/contacts', { firstName: 'Task', lastName: 'Target' });
});

const TABLES = ['tasks'];
const ids = (res: { json(): { data: { id: string }[] } }) => res.json().data.map((x) => x.id);
const titles = (res: { json(): { data: { title: string }[] } }) => res.json().data.map((x) => x.title);

describe('tasks', () => {
  it('creates a task assigned to its creator by default, linked to a record; audited; on its timeline', async () => {
    const task = await c.create(owner, '/tasks', {
      title: 'Call back',
      dueAt: '2030-01-02T09:00:00Z',
      priority: 'high',
      related: { type: 'contact', id: contact.id },
    });
    expect(task).toMatchObject({
      assigneeId: owner.userId,
      status: 'open',
      priority: 'high',
      dueAt: '2030-01-02T09:00:00.000Z',
      related: { type: 'contact', id: contact.id },
      completedAt: null,
    });
    expect(await auditActions(t, owner.tenantId, task.id)).toEqual(['task.created']);
    const timeline = (await c.api(owner, 'GET', `/contacts/${contact.id}/timeline`)).json().data;
    expect(timeline.map((i: { kind: string }) => i.kind)).toContain('task');
    const loose = await c.create(owner, '/tasks', { title: 'Unassigned', assigneeId: null });
    expect(loose).toMatchObject({ assigneeId: null, related: null });
  });

  it('"my tasks" = assigneeId=me&status=open,in_progress; sorts by due date (undated last) and priority', async () => {
    const tenant = await signUp(t.app);
    const mk = (title: string, extra: object) => c.create(tenant, '/tasks', { title, ...extra });
    await mk('late', { dueAt: '2030-03-01T00:00:00Z', priority: 'low' });
    await mk('soon', { dueAt: '2030-01-01T00:00:00Z', priority: 'urgent', status: 'in_progress' });
    await mk('undated', { priority: 'normal' });
    await mk('done', { dueAt: '2029-01-01T00:00:00Z', status: 'done' });
    await mk('nobody', { dueAt: '2029-06-01T00:00:00Z', assigneeId: null, priority: 'high' });
    const mine = '/tasks?assigneeId=me&status=open,in_progress';
    expect(titles(await c.api(tenant, 'GET', mine))).toEqual(['soon', 'late', 'undated']);
    expect(titles(await c.api(tenant, 'GET', `${mine}&sort=-dueAt`))).toEqual(['undated', 'late', 'soon']);
    expect(
      titles(await c.api(tenant, 'GET', '/tasks?status=open&status=in_progress&sort=-priority')),
    ).toEqual(['soon', 'nobody', 'undated', 'late']);
    expect(titles(await c.api(tenant, 'GET', '/tasks?assigneeId=none'))).toEqual(['nobody']);
    expect(
      titles(await c.api(tenant, 'GET', '/tasks?dueFrom=2029-12-31T00:00:00Z&dueTo=2030-02-01T00:00:00Z')),
    ).toEqual(['soon']);
    for (const sort of ['dueAt', '-dueAt', 'priority', '-priority', 'createdAt', '-createdAt']) {
      const paged = await c.pageAll<{ title: string }>(tenant, `/tasks?limit=2&sort=${sort}`);
      expect(paged.map((x) => x.title).sort(), sort).toEqual(['done', 'late', 'nobody', 'soon', 'undated']);
    }
  });

  it('completes a task (done + completedAt); completing it again is a no-op 200; stale version is a 409', async () => {
    const task = await c.create(owner, '/tasks', { title: 'Finish me' });
    await c.api(owner, 'PATCH', `/tasks/${task.id}`, { priority: 'urgent', version: 1 });
    const before = await c.snapshot(owner.tenantId, TABLES);
    expect((await c.api(owner, 'POST', `/tasks/${task.id}/complete`, { version: 1 })).statusCode).toBe(409);
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(before);
    const done = (await c.api(owner, 'POST', `/tasks/${task.id}/complete`)).json().data;
    expect(done).toMatchObject({ status: 'done', version: 3 });
    expect(done.completedAt).not.toBeNull();
    const again = await c.api(owner, 'POST', `/tasks/${task.id}/complete`, { version: 1 });
    expect(again.statusCode).toBe(200);
    expect(again.json().data).toEqual(done);
    const reopened = (await c.api(owner, 'PATCH', `/tasks/${task.id}`, { status: 'open', version: 3 })).json()
      .data;
    expect(reopened).toMatchObject({ status: 'open', completedAt: null });
    const viaPatch = (await c.api(owner, 'PATCH', `/tasks/${task.id}`, { status: 'done', version: 4 })).json()
      .data;
    expect(viaPatch.completedAt).not.toBeNull();
    expect(await auditActions(t, owner.tenantId, task.id)).toEqual([
      'task.created',
      'task.updated',
      'task.completed',
      'task.updated',
      'task.updated',
    ]);
  });
});

describe('tasks: access and bad input', () => {
  it("another tenant's task, assignee or related record is a 404; nothing changes", async () => {
    const theirContact = await c.create(other, '/contacts', { firstName: 'Their', lastName: 'Contact' });
    const theirs = await c.create(other, '/tasks', { title: 'Their task' });
    const mine = await c.create(owner, '/tasks', { title: 'My task' });
    const beforeOther = await c.snapshot(other.tenantId, TABLES);
    const beforeMine = await c.snapshot(owner.tenantId, TABLES);
    for (const [method, url, body] of [
      ['GET', `/tasks/${theirs.id}`],
      ['PATCH', `/tasks/${theirs.id}`, { title: 'Mine', version: 1 }],
      ['DELETE', `/tasks/${theirs.id}`],
      ['POST', `/tasks/${theirs.id}/complete`, {}],
      ['POST', `/tasks/${theirs.id}/archive`],
      ['POST', '/tasks', { title: 'X', assigneeId: other.userId }],
      ['PATCH', `/tasks/${mine.id}`, { assigneeId: other.userId, version: 1 }],
      ['POST', '/tasks', { title: 'X', related: { type: 'contact', id: theirContact.id } }],
      ['POST', '/tasks', { title: 'X', related: { type: 'deal', id: MISSING_ID } }],
    ] as const) {
      expect(
        (await c.api(owner, method, url, body)).statusCode,
        `${method} ${url} ${JSON.stringify(body)}`,
      ).toBe(404);
    }
    expect(await c.snapshot(other.tenantId, TABLES)).toEqual(beforeOther);
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(beforeMine);
  });

  it('a sales agent sees only tasks assigned to them; crew may update but not create', async () => {
    const crew = await addMember(t.app, t.database, owner, 'crew');
    const forAgent = await c.create(owner, '/tasks', { title: 'For the agent', assigneeId: agent.userId });
    const forCrew = await c.create(owner, '/tasks', { title: 'For the crew', assigneeId: crew.userId });
    const notTheirs = await c.create(owner, '/tasks', { title: 'Owner only' });
    const before = await c.snapshot(owner.tenantId, TABLES);
    expect(ids(await c.api(agent, 'GET', '/tasks?limit=100'))).toEqual([forAgent.id]);
    expect((await c.api(agent, 'GET', `/tasks/${notTheirs.id}`)).statusCode).toBe(404);
    expect((await c.api(agent, 'POST', `/tasks/${notTheirs.id}/complete`)).statusCode).toBe(404);
    expect(
      (await c.api(agent, 'POST', '/tasks', { title: 'X', related: { type: 'contact', id: contact.id } }))
        .statusCode,
    ).toBe(404);
    expect((await c.api(crew, 'POST', '/tasks', { title: 'Crew task' })).statusCode).toBe(403);
    expect((await c.api(crew, 'DELETE', `/tasks/${forCrew.id}`)).statusCode).toBe(403);
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(before);
    expect(ids(await c.api(crew, 'GET', '/tasks?assigneeId=me&status=open,in_progress'))).toEqual([
      forCrew.id,
    ]);
    expect((await c.api(crew, 'POST', `/tasks/${forCrew.id}/complete`)).json().data.status).toBe('done');
  });

  it('400 for wrong types, missing / unknown / oversize fields, bad ids and cursors', async () => {
    const task = await c.create(owner, '/tasks', { title: 'Valid task' });
    const before = await c.snapshot(owner.tenantId, TABLES);
    for (const body of [
      {},
      { title: '' },
      { title: 'x'.repeat(201) },
      { title: 'A', priority: 'asap' },
      { title: 'A', status: 'blocked' },
      { title: 'A', dueAt: '2030-01-01' },
      { title: 'A', assigneeId: 'me' },
      { title: 'A', description: 'x'.repeat(20_001) },
      { title: 'A', completedAt: '2030-01-01T00:00:00Z' },
      { title: 'A', related: { type: 'contact' } },
    ]) {
      expect((await c.api(owner, 'POST', '/tasks', body)).statusCode, JSON.stringify(body).slice(0, 80)).toBe(
        400,
      );
    }
    expect((await c.api(owner, 'PATCH', `/tasks/${task.id}`, { title: 'No version' })).statusCode).toBe(400);
    expect((await c.api(owner, 'PATCH', `/tasks/${task.id}`, { related: null, version: 1 })).statusCode).toBe(
      400,
    );
    expect((await c.api(owner, 'POST', `/tasks/${task.id}/complete`, { version: 'x' })).statusCode).toBe(400);
    for (const q of [
      'status=open,blocked',
      'assigneeId=someone',
      'dueFrom=soon',
      'sort=title',
      'relatedId=x',
      `sort=dueAt&cursor=${c.craftedCursor('someday')}`,
      `sort=priority&cursor=${c.craftedCursor('high')}`,
    ]) {
      expect((await c.api(owner, 'GET', `/tasks?${q}`)).statusCode, q).toBe(400);
    }
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(before);
  });
});
