import { sql } from 'drizzle-orm';
import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { appConsumers } from '../../src/events.ts';
import { createEventDispatcher, type EventDispatcher } from '../../src/platform/events/index.ts';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi, MISSING_ID } from '../helpers/crm-api.ts';
import { addMember } from '../helpers/members.ts';
import { auditActions, dbRows } from '../helpers/tenant-fixtures.ts';

let dispatcher: EventDispatcher;
let owner: BrowserSession;
let manager: BrowserSession;
let agent: BrowserSession;
let agent2: BrowserSession;
let other: BrowserSession;
let project: { id: string };
let task: { id: string };
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
  other = await signUp(t.app);
  manager = await addMember(t.app, t.database, owner, 'manager', 'Manny');
  agent = await addMember(t.app, t.database, owner, 'sales', 'Sally');
  agent2 = await addMember(t.app, t.database, owner, 'sales', 'Sam');
  project = await c.create(owner, '/projects', { name: 'Depot', code: 'DEP' });
  task = await c.create(owner, '/tasks', {
    title: 'Wire the depot',
    description: 'Three rooms',
    assigneeId: agent.userId,
    related: { type: 'project', id: project.id },
  });
});

const TABLES = ['task_comments', 'tasks', 'notifications'];
const url = (taskId = task.id) => `/tasks/${taskId}/comments`;
type Comment = { id: string; body: string; authorId: string; version: number; editedAt: string | null };
const bodies = async (as: BrowserSession, taskId = task.id) =>
  (await c.pageAll<Comment>(as, `${url(taskId)}?limit=2`)).map((x) => x.body);
const commentNotifications = (tenantId: string) =>
  dbRows<{ user_id: string; entity_id: string; title: string; actor_user_id: string }>(
    t,
    sql`select user_id, entity_id, title, actor_user_id from notifications
         where tenant_id = ${tenantId} and type = 'task.commented' order by created_at, id`,
  );

describe('task comments', () => {
  it('lists, adds (oldest first, paged); on the project timeline; the assignee is notified of others’ comments', async () => {
    expect((await c.api(agent, 'GET', url())).json()).toMatchObject({
      data: [],
      pagination: { hasMore: false },
    });
    const first = await c.create(owner, url(), { body: '  Start with the north room  ' });
    expect(first).toMatchObject({
      taskId: task.id,
      authorId: owner.userId,
      body: 'Start with the north room',
      editedAt: null,
      version: 1,
    });
    const second = await c.create(agent, url(), { body: 'On it' });
    const third = await c.create(owner, url(), { body: 'x'.repeat(5000) });
    expect(await bodies(agent)).toEqual(['Start with the north room', 'On it', 'x'.repeat(5000)]);
    expect(await bodies(owner)).toEqual(await bodies(agent));
    // The manager's scope (team) does not reach a task assigned outside their team: no comments either.
    expect((await c.api(manager, 'GET', url())).statusCode).toBe(404);
    // On the timeline of the record the task is linked to, with the task it belongs to.
    const timeline = (await c.api(owner, 'GET', `/projects/${project.id}/timeline?limit=100`)).json()
      .data as {
      kind: string;
      id: string;
      title: string;
      detail: string;
      actorId: string;
      data: { taskId: string };
    }[];
    const comments = timeline.filter((i) => i.kind === 'comment');
    expect(comments.map((i) => i.id).sort()).toEqual([first.id, second.id, third.id].sort());
    expect(comments.find((i) => i.id === second.id)).toMatchObject({
      title: 'Wire the depot',
      detail: 'On it',
      actorId: agent.userId,
      data: { taskId: task.id },
    });
    expect(await auditActions(t, owner.tenantId, first.id)).toEqual(['task_comment.created']);
    // The assignee hears of each of the owner's comments, not of their own; nobody else is told.
    await dispatcher.drain();
    const notice = {
      user_id: agent.userId,
      entity_id: task.id,
      title: 'Wire the depot',
      actor_user_id: owner.userId,
    };
    expect(await commentNotifications(owner.tenantId)).toEqual([notice, notice]);
    const inbox = (await c.api(agent, 'GET', '/notifications')).json().data as { type: string }[];
    expect(inbox.filter((n) => n.type === 'task.commented')).toHaveLength(2);
  });

  it('the author edits and deletes their own comment; someone else’s is refused unless they may delete tasks', async () => {
    const mine = await c.create(agent, url(), { body: 'Cables ordered' });
    const owners = await c.create(owner, url(), { body: 'Thanks' });
    const before = await c.snapshot(owner.tenantId, TABLES);
    for (const [as, method, path, body] of [
      [owner, 'PATCH', `${url()}/${mine.id}`, { body: 'Mine now', version: 1 }],
      [agent, 'DELETE', `${url()}/${owners.id}`],
      [agent, 'PATCH', `${url()}/${mine.id}`, { body: 'Stale', version: 2 }],
    ] as const) {
      const res = await c.api(as, method, path, body);
      const expected = body && 'version' in body && body.version === 2 ? 409 : 403;
      expect(res.statusCode, `${method} ${path}`).toBe(expected);
    }
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(before);
    const edited = (
      await c.api(agent, 'PATCH', `${url()}/${mine.id}`, { body: 'Cables delivered', version: 1 })
    ).json().data as Comment;
    expect(edited).toMatchObject({ body: 'Cables delivered', version: 2 });
    expect(edited.editedAt).not.toBeNull();
    expect(await auditActions(t, owner.tenantId, mine.id)).toEqual([
      'task_comment.created',
      'task_comment.updated',
    ]);
    // The owner (tasks.delete) removes the agent's comment; the agent removes their own.
    expect((await c.api(owner, 'DELETE', `${url()}/${mine.id}`)).json().data).toEqual({ deleted: true });
    expect((await c.api(agent, 'DELETE', `${url()}/${mine.id}`)).statusCode).toBe(404);
    const again = await c.create(agent, url(), { body: 'One more' });
    expect((await c.api(agent, 'DELETE', `${url()}/${again.id}`)).statusCode).toBe(200);
    const left = await bodies(owner);
    expect(left).toContain('Thanks');
    expect(left).not.toContain('Cables delivered');
    expect(left).not.toContain('One more');
  });

  it('record scope: a sales member with scope own cannot read or write comments of a task they cannot see', async () => {
    const before = await c.snapshot(owner.tenantId, TABLES);
    const [some] = (await c.api(owner, 'GET', url())).json().data as Comment[];
    for (const [method, path, body] of [
      ['GET', url()],
      ['POST', url(), { body: 'Peek' }],
      ['PATCH', `${url()}/${some?.id}`, { body: 'Peek', version: 1 }],
      ['DELETE', `${url()}/${some?.id}`],
    ] as const)
      expect((await c.api(agent2, method, path, body)).statusCode, `${method} ${path}`).toBe(404);
    // Nor on the timeline: agent2 sees no comments of it there.
    const timeline = await c.api(agent2, 'GET', `/projects/${project.id}/timeline`);
    if (timeline.statusCode === 200)
      expect((timeline.json().data as { kind: string }[]).filter((i) => i.kind === 'comment')).toEqual([]);
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(before);
  });

  it("another tenant's task or comment ids are 404; a comment of another task is 404; nothing changes", async () => {
    const theirTask = await c.create(other, '/tasks', { title: 'Theirs' });
    const theirs = await c.create(other, url(theirTask.id), { body: 'Their note' });
    const [mine] = (await c.api(owner, 'GET', url())).json().data as Comment[];
    const second = await c.create(owner, '/tasks', { title: 'Second task' });
    const beforeMine = await c.snapshot(owner.tenantId, TABLES);
    const beforeTheirs = await c.snapshot(other.tenantId, TABLES);
    for (const [method, path, body] of [
      ['GET', url(theirTask.id)],
      ['POST', url(theirTask.id), { body: 'Hello' }],
      ['PATCH', `${url(theirTask.id)}/${theirs.id}`, { body: 'Hello', version: 1 }],
      ['DELETE', `${url(theirTask.id)}/${theirs.id}`],
      ['PATCH', `${url()}/${theirs.id}`, { body: 'Hello', version: 1 }],
      ['DELETE', `${url()}/${theirs.id}`],
      ['PATCH', `${url(second.id)}/${mine?.id}`, { body: 'Moved', version: 1 }],
      ['DELETE', `${url(second.id)}/${mine?.id}`],
      ['GET', url(MISSING_ID)],
      ['POST', url(MISSING_ID), { body: 'Hello' }],
      ['DELETE', `${url()}/${MISSING_ID}`],
    ] as const)
      expect((await c.api(owner, method, path, body)).statusCode, `${method} ${path}`).toBe(404);
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(beforeMine);
    expect(await c.snapshot(other.tenantId, TABLES)).toEqual(beforeTheirs);
  });

  it('bad bodies, ids and queries are 400; nothing changes', async () => {
    const [some] = (await c.api(owner, 'GET', url())).json().data as Comment[];
    const before = await c.snapshot(owner.tenantId, TABLES);
    const bad: [string, string, unknown][] = [
      ['POST', url(), {}],
      ['POST', url(), { body: '' }],
      ['POST', url(), { body: '   ' }],
      ['POST', url(), { body: 'x'.repeat(5001) }],
      ['POST', url(), { body: 5 }],
      ['POST', url(), { body: null }],
      ['POST', url(), { body: ['a'] }],
      ['POST', url(), { body: 'ok', authorId: agent.userId }],
      ['POST', url(), { body: 'a\u0000b' }],
      ['POST', url('not-a-uuid'), { body: 'ok' }],
      ['PATCH', `${url()}/${some?.id}`, { body: 'ok' }],
      ['PATCH', `${url()}/${some?.id}`, { body: 'ok', version: 0 }],
      ['PATCH', `${url()}/${some?.id}`, { body: '', version: 1 }],
      ['PATCH', `${url()}/${some?.id}`, { body: 'ok', version: 1, taskId: MISSING_ID }],
      ['PATCH', `${url()}/x'--`, { body: 'ok', version: 1 }],
      ['DELETE', `${url()}/123`, undefined],
      ['GET', `${url()}?limit=0`, undefined],
      ['GET', `${url()}?limit=101`, undefined],
      ['GET', `${url()}?limit=abc`, undefined],
      ['GET', `${url()}?cursor=garbage`, undefined],
      ['GET', `${url()}?cursor=${c.craftedCursor('2030-01-01 00:00:00')}`, undefined],
      ['GET', `${url()}?cursor=${c.craftedCursor('2030-13-45T99:00:00.000000Z')}`, undefined],
      ['GET', `${url()}?cursor=${c.craftedCursor('2030-02-30T10:00:00.000000Z')}`, undefined],
      ['GET', `${url()}?cursor=${c.craftedCursor('2030-01-01T10:00:00.000000Z', "x'--")}`, undefined],
      ['GET', `${url()}?sort=-createdAt`, undefined],
    ];
    for (const [method, path, body] of bad) {
      const res = await c.api(owner, method, path, body as object);
      expect(res.statusCode, `${method} ${path} ${JSON.stringify(body)?.slice(0, 80)}`).toBe(400);
    }
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(before);
  });

  it('deleting the task deletes its comments', async () => {
    const doomed = await c.create(owner, '/tasks', { title: 'Doomed' });
    await c.create(owner, url(doomed.id), { body: 'Soon gone' });
    expect((await c.api(owner, 'DELETE', `/tasks/${doomed.id}`)).statusCode).toBe(200);
    expect(
      await dbRows(
        t,
        sql`select id from task_comments where tenant_id = ${owner.tenantId} and task_id = ${doomed.id}`,
      ),
    ).toEqual([]);
  });
});
