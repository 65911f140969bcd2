import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyTasksDue, sendDigests } from '../../src/modules/notifications/index.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi } from '../helpers/crm-api.ts';
import { addMember } from '../helpers/members.ts';
import { dbRows } from '../helpers/tenant-fixtures.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let c: ReturnType<typeof crmApi>;
let owner: BrowserSession;
let agent: BrowserSession;
let other: BrowserSession;

const DAY = '2030-01-15';
beforeAll(async () => {
  t = await createTestApp();
  c = crmApi(t);
  owner = await signUp(t.app);
  agent = await addMember(t.app, t.database, owner, 'sales', 'Agent Due');
  other = await signUp(t.app);
});
afterAll(() => t.close());

const dueOf = (userId: string) =>
  dbRows<{ entity_id: string; title: string }>(
    t,
    sql`select entity_id, title from notifications where user_id = ${userId} and type = 'task.due_today'`,
  );
const digests = (email: string) =>
  dbRows<{ subject: string; text_body: string }>(
    t,
    sql`select subject, text_body from mail_outbox where to_address = ${email} and subject like '%digest%'`,
  );

describe('task due today (daily job)', () => {
  it('notifies the assignee of each open task due that day, once however often it runs', async () => {
    const due = await c.create(owner, '/tasks', {
      title: 'Call back today',
      assigneeId: agent.userId,
      dueAt: `${DAY}T10:00:00.000Z`,
    });
    await c.create(owner, '/tasks', {
      title: 'Tomorrow',
      assigneeId: agent.userId,
      dueAt: '2030-01-16T10:00:00.000Z',
    });
    const done = await c.create(owner, '/tasks', {
      title: 'Already done',
      assigneeId: agent.userId,
      dueAt: `${DAY}T11:00:00.000Z`,
    });
    await c.api(owner, 'POST', `/tasks/${done.id}/complete`, { version: done.version });
    await c.create(other, '/tasks', { title: 'Other company', dueAt: `${DAY}T09:00:00.000Z` });
    await notifyTasksDue(t.database, DAY);
    await notifyTasksDue(t.database, DAY);
    const rows = await dueOf(agent.userId);
    expect(rows.map((r) => r.title)).toEqual(['Call back today']);
    expect(rows[0]?.entity_id).toBe(due.id);
    // The other company's task (assigned to its creator) is notified in its own tenant, nothing mixed.
    expect((await dueOf(other.userId)).map((r) => r.title)).toEqual(['Other company']);
    expect((await dueOf(owner.userId)).map((r) => r.title)).toEqual([]);
  });
});

describe('daily digest (daily job)', () => {
  it('mails each user who chose digest one summary per day, idempotent on retry', async () => {
    const res = await c.api(agent, 'PUT', '/notifications/preferences', {
      items: [{ type: 'task.due_today', inApp: true, email: 'digest' }],
    });
    expect(res.statusCode).toBe(200);
    const now = new Date();
    await sendDigests(t.database, now);
    await sendDigests(t.database, now);
    const mails = await digests(agent.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toContain('(1)');
    expect(mails[0]?.text_body).toContain('A task of yours is due today: Call back today');
    expect(await digests(owner.email)).toEqual([]);
    const marks = await dbRows(t, sql`select user_id, items from notification_digests`);
    expect(marks).toEqual([{ user_id: agent.userId, items: 1 }]);
  });
});
