import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi, MISSING_ID } from '../helpers/crm-api.ts';
import { addMember } from '../helpers/members.ts';
import { auditActions } from '../helpers/tenant-fixtures.ts';

let owner: BrowserSession;
let other: BrowserSession;
let lead: { id: string };
let deal: { id: string };
const t = setupApiTest();
const c = crmApi(t);
beforeAll(async () => {
  owner = await signUp(t.app);
  other = await signUp(t.app);
  lead = await c.create(owner, '/leads', { firstName: 'Act', lastName: 'Ivity' });
  deal = await c.create(owner, '/deals', { title: 'Activity deal' });
});

const TABLES = ['activities'];
const ids = (res: { json(): { data: { id: string }[] } }) => res.json().data.map((x) => x.id);

describe('activities', () => {
  it('logs an activity on a record: owned by the caller, happened now; audited; on the timeline', async () => {
    const a = await c.create(owner, '/activities', {
      type: 'call',
      subject: 'Discovery call',
      durationMinutes: 15,
      related: { type: 'lead', id: lead.id },
    });
    expect(a).toMatchObject({
      type: 'call',
      ownerId: owner.userId,
      related: { type: 'lead', id: lead.id },
      body: null,
    });
    expect(Math.abs(Date.parse(a.occurredAt) - Date.now())).toBeLessThan(60_000);
    expect(await auditActions(t, owner.tenantId, a.id)).toEqual(['activity.created']);
    const timeline = (await c.api(owner, 'GET', `/leads/${lead.id}/timeline`)).json().data;
    expect(timeline.map((i: { kind: string; title: string }) => [i.kind, i.title])).toContainEqual([
      'activity',
      'Discovery call',
    ]);
    const past = await c.create(owner, '/activities', {
      type: 'meeting',
      subject: 'On site',
      occurredAt: '2024-05-01T09:30:00+02:00',
      related: { type: 'deal', id: deal.id },
    });
    expect(past.occurredAt).toBe('2024-05-01T07:30:00.000Z');
  });

  it('lists by type, linked record and owner; sorts by occurrence; pages every row once', async () => {
    const rel = { type: 'deal', id: deal.id };
    const made = [];
    for (const [i, type] of ['note', 'email', 'note', 'call'].entries())
      made.push(
        await c.create(owner, '/activities', {
          type,
          subject: `S${i}`,
          occurredAt: `2025-0${i + 1}-01T00:00:00Z`,
          related: rel,
        }),
      );
    const onDeal = `/activities?relatedType=deal&relatedId=${deal.id}&limit=100`;
    expect(ids(await c.api(owner, 'GET', `${onDeal}&type=note&sort=occurredAt`))).toEqual([
      made[0].id,
      made[2].id,
    ]);
    expect(ids(await c.api(owner, 'GET', `${onDeal}&sort=-occurredAt`)).slice(0, 4)).toEqual(
      [...made].reverse().map((m) => m.id),
    );
    expect(ids(await c.api(owner, 'GET', `/activities?relatedType=lead&limit=100`))).not.toContain(
      made[0].id,
    );
    expect(ids(await c.api(owner, 'GET', `/activities?ownerId=me&limit=100`))).toContain(made[0].id);
    const all = ids(await c.api(owner, 'GET', '/activities?limit=100'));
    for (const sort of ['occurredAt', '-occurredAt', 'createdAt', '-createdAt']) {
      const paged = await c.pageAll(owner, `/activities?limit=2&sort=${sort}`);
      expect(paged.map((x) => x.id).sort(), sort).toEqual([...all].sort());
    }
  });

  it('updates with the version (stale is a 409, unchanged), archives and deletes, audited', async () => {
    const a = await c.create(owner, '/activities', {
      type: 'note',
      subject: 'Draft',
      related: { type: 'lead', id: lead.id },
    });
    const ok = await c.api(owner, 'PATCH', `/activities/${a.id}`, {
      subject: 'Final',
      body: 'Text',
      version: 1,
    });
    expect(ok.json().data).toMatchObject({ subject: 'Final', body: 'Text', version: 2 });
    const before = await c.snapshot(owner.tenantId, TABLES);
    const stale = await c.api(owner, 'PATCH', `/activities/${a.id}`, { subject: 'Late', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.subject).toBe('Final');
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(before);
    expect((await c.api(owner, 'POST', `/activities/${a.id}/archive`)).json().data.archivedAt).not.toBeNull();
    expect((await c.api(owner, 'DELETE', `/activities/${a.id}`)).statusCode).toBe(200);
    expect(await auditActions(t, owner.tenantId, a.id)).toEqual([
      'activity.created',
      'activity.updated',
      'activity.archived',
      'activity.deleted',
    ]);
  });
});

describe('activities: access and bad input', () => {
  it("another tenant's activity or record is a 404 (path and related.id); nothing changes", async () => {
    const theirLead = await c.create(other, '/leads', { firstName: 'Their', lastName: 'Lead' });
    const theirs = await c.create(other, '/activities', {
      type: 'note',
      subject: 'Theirs',
      related: { type: 'lead', id: theirLead.id },
    });
    const beforeOther = await c.snapshot(other.tenantId, TABLES);
    const beforeMine = await c.snapshot(owner.tenantId, TABLES);
    for (const [method, url, body] of [
      ['GET', `/activities/${theirs.id}`],
      ['PATCH', `/activities/${theirs.id}`, { subject: 'Mine', version: 1 }],
      ['DELETE', `/activities/${theirs.id}`],
      ['POST', `/activities/${theirs.id}/archive`, {}],
      ['POST', '/activities', { type: 'note', subject: 'X', related: { type: 'lead', id: theirLead.id } }],
      ['POST', '/activities', { type: 'note', subject: 'X', related: { type: 'deal', id: lead.id } }],
      ['POST', '/activities', { type: 'note', subject: 'X', related: { type: 'company', id: MISSING_ID } }],
    ] as const) {
      expect(
        (await c.api(owner, method, url, body)).statusCode,
        `${method} ${url} ${JSON.stringify(body)}`,
      ).toBe(404);
    }
    const res = await c.api(owner, 'POST', '/activities', {
      type: 'note',
      subject: 'X',
      related: { type: 'lead', id: theirLead.id },
    });
    expect(res.json().error.details).toEqual([{ path: 'body.related.id', message: 'Not found' }]);
    expect(await c.snapshot(other.tenantId, TABLES)).toEqual(beforeOther);
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(beforeMine);
  });

  it('a sales agent logs only on records they can see and sees only their own activities; crew has no access', async () => {
    const agent = await addMember(t.app, t.database, owner, 'sales');
    const crew = await addMember(t.app, t.database, owner, 'crew');
    const agentLead = await c.create(agent, '/leads', { firstName: 'Agent', lastName: 'Lead' });
    const mine = await c.create(agent, '/activities', {
      type: 'call',
      subject: 'Mine',
      related: { type: 'lead', id: agentLead.id },
    });
    await c.create(owner, '/activities', {
      type: 'call',
      subject: 'Owner on agent lead',
      related: { type: 'lead', id: agentLead.id },
    });
    const before = await c.snapshot(owner.tenantId, TABLES);
    const hidden = await c.api(agent, 'POST', '/activities', {
      type: 'call',
      subject: 'X',
      related: { type: 'lead', id: lead.id },
    });
    expect(hidden.statusCode).toBe(404);
    expect(ids(await c.api(agent, 'GET', '/activities?limit=100'))).toEqual([mine.id]);
    expect((await c.api(agent, 'DELETE', `/activities/${mine.id}`)).statusCode).toBe(403);
    expect((await c.api(crew, 'GET', '/activities')).statusCode).toBe(403);
    expect(
      (
        await c.api(crew, 'POST', '/activities', {
          type: 'note',
          subject: 'X',
          related: { type: 'lead', id: lead.id },
        })
      ).statusCode,
    ).toBe(403);
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(before);
  });

  it('400 for wrong types, missing / unknown / oversize fields, bad ids and cursors', async () => {
    const a = await c.create(owner, '/activities', {
      type: 'note',
      subject: 'Valid',
      related: { type: 'lead', id: lead.id },
    });
    const before = await c.snapshot(owner.tenantId, TABLES);
    const related = { type: 'lead', id: lead.id };
    for (const body of [
      {},
      { type: 'note', subject: 'No related' },
      { type: 'fax', subject: 'X', related },
      { type: 'note', subject: '', related },
      { type: 'note', subject: 'X', related: { type: 'invoice', id: lead.id } },
      { type: 'note', subject: 'X', related: { type: 'lead', id: 'nope' } },
      { type: 'note', subject: 'X', related: { ...related, extra: 1 } },
      { type: 'note', subject: 'X', related, ownerId: other.userId },
      { type: 'note', subject: 'X', related, body: 'x'.repeat(20_001) },
      { type: 'note', subject: 'X', related, durationMinutes: 2000 },
      { type: 'note', subject: 'X', related, occurredAt: 'yesterday' },
    ]) {
      expect(
        (await c.api(owner, 'POST', '/activities', body)).statusCode,
        JSON.stringify(body).slice(0, 90),
      ).toBe(400);
    }
    expect(
      (await c.api(owner, 'PATCH', `/activities/${a.id}`, { type: 'call', version: 1 })).statusCode,
    ).toBe(400);
    for (const q of [
      'type=fax',
      `relatedId=${lead.id}`,
      'relatedType=x',
      'ownerId=none',
      'sort=subject',
      `cursor=${c.craftedCursor(1)}`,
    ]) {
      expect((await c.api(owner, 'GET', `/activities?${q}`)).statusCode, q).toBe(400);
    }
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(before);
  });
});
