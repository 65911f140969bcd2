import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appConsumers } from '../../src/events.ts';
import { findMentions } from '../../src/modules/crm/activities/mentions.ts';
import { createEventDispatcher, type EventDispatcher } from '../../src/platform/events/index.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi } from '../helpers/crm-api.ts';
import { addMember } from '../helpers/members.ts';
import { dbRows } from '../helpers/tenant-fixtures.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const people = [
  { userId: 'ann', name: 'Ann', email: 'ann@x.test' },
  { userId: 'annlee', name: 'Ann Lee', email: 'lee@x.test' },
  { userId: 'bob', name: 'Bob Stone', email: 'bob.stone@x.test' },
];

describe('findMentions (the documented rule)', () => {
  it.each([
    ['@Ann please call', ['ann']],
    ['@ann lee, see this', ['annlee']],
    ['cc @bob.stone@x.test.', ['bob']],
    ['(@Bob Stone) and @Ann!', ['bob', 'ann']],
    ['mail ann@x.test or x@Ann', []],
    ['@Annabel is not Ann', []],
    ['@bob.stone@x.test.org is another address', []],
    ['@Ann @Ann @ann', ['ann']],
    ['no at sign', []],
  ])('%s', (body, expected) => {
    expect(findMentions(body, people)).toEqual(expected);
  });
});

describe('mentioned in a note', () => {
  let t: TestApp;
  let c: ReturnType<typeof crmApi>;
  let dispatcher: EventDispatcher;
  let owner: BrowserSession;
  let agent: BrowserSession;
  let stranger: BrowserSession;
  beforeAll(async () => {
    t = await createTestApp();
    c = crmApi(t);
    dispatcher = createEventDispatcher({
      database: t.database,
      log: pino({ level: 'silent' }),
      consumers: appConsumers(),
      listen: false,
    });
    owner = await signUp(t.app, { name: 'Olga Owner' });
    agent = await addMember(t.app, t.database, owner, 'sales', 'Mia Mention');
    stranger = await signUp(t.app, { name: 'Mia Mention' });
  });
  afterAll(() => t.close());

  const mentionsOf = (userId: string) =>
    dbRows<{ entity: string; entity_id: string }>(
      t,
      sql`select entity, entity_id from notifications where user_id = ${userId} and type = 'note.mentioned'`,
    );

  it('notifies members named as @Full Name or @e-mail, never the author nor another company', async () => {
    const lead = await c.create(owner, '/leads', { firstName: 'Mention', lastName: 'Target' });
    const note = await c.create(owner, '/activities', {
      type: 'note',
      subject: 'Follow-up',
      body: `@Mia Mention can you call? cc @${owner.email} @${stranger.email}`,
      related: { type: 'lead', id: lead.id },
    });
    await dispatcher.drain();
    expect(await mentionsOf(agent.userId)).toEqual([{ entity: 'activity', entity_id: note.id }]);
    expect(await mentionsOf(owner.userId)).toEqual([]);
    expect(await mentionsOf(stranger.userId)).toEqual([]);
  });
});
