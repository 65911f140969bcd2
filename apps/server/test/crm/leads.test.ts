import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi } from '../helpers/crm-api.ts';
import { addMember } from '../helpers/members.ts';

let owner: BrowserSession;
let other: BrowserSession;
const t = setupApiTest();
beforeAll(async () => {
  owner = await signUp(t.app);
  other = await signUp(t.app);
});

const { api } = crmApi(() => t);
const create = async (as: BrowserSession, body: object) => {
  const res = await api(as, 'POST', '/leads', body);
  if (res.statusCode !== 201) throw new Error(`${res.statusCode} ${res.body}`);
  return res.json().data;
};
const leadsRows = async (tenantId: string) =>
  (
    (await t.database.db.execute(
      sql`select id, first_name, status, owner_id, version, archived_at from leads where tenant_id = ${tenantId} order by id`,
    )) as unknown as { rows: unknown[] }
  ).rows;

describe('leads CRUD', () => {
  it('creates a lead owned by its creator, with an audit row; gets it; lists it', async () => {
    const lead = await create(owner, {
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ADA@Example.com',
      phone: '+1 (555) 010-2000',
      companyName: 'Analytical Engines',
      estimatedValueCents: 500000,
      tags: ['vip', 'vip'],
    });
    expect(lead).toMatchObject({
      fullName: 'Ada Lovelace',
      email: 'ada@example.com',
      status: 'new',
      ownerId: owner.userId,
      version: 1,
      tags: ['vip'],
      currency: 'USD',
    });
    expect((await api(owner, 'GET', `/leads/${lead.id}`)).json().data.id).toBe(lead.id);
    const audit = (
      (await t.database.db.execute(
        sql`select action from audit_logs where target_id = ${lead.id}`,
      )) as unknown as { rows: { action: string }[] }
    ).rows;
    expect(audit.map((a) => a.action)).toEqual(['lead.created']);
  });

  it('pages with a keyset cursor: every lead exactly once, in order', async () => {
    for (let i = 0; i < 7; i++) await create(owner, { firstName: `P${i}`, lastName: 'Pager', score: i * 10 });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await api(
        owner,
        'GET',
        `/leads?limit=3&sort=score${cursor ? `&cursor=${cursor}` : ''}&q=pager`,
      );
      const body = res.json();
      seen.push(...body.data.map((l: { firstName: string }) => l.firstName));
      cursor = body.pagination.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['P0', 'P1', 'P2', 'P3', 'P4', 'P5', 'P6']);
    const total = (await api(owner, 'GET', '/leads?q=pager&includeTotal=true&limit=2')).json().pagination;
    expect(total).toMatchObject({ total: 7, hasMore: true });
  });

  it('a lead nobody scored has no score (null, not 0): it sorts below scored ones and a score can be cleared', async () => {
    const unscored = await create(owner, { firstName: 'U1', lastName: 'Unscored' });
    expect(unscored.score).toBeNull();
    await create(owner, { firstName: 'Z0', lastName: 'Unscored', score: 0 });
    await create(owner, { firstName: 'U2', lastName: 'Unscored' });
    await create(owner, { firstName: 'S5', lastName: 'Unscored', score: 5 });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await api(
        owner,
        'GET',
        `/leads?limit=1&sort=-score${cursor ? `&cursor=${cursor}` : ''}&q=unscored`,
      );
      const body = res.json();
      seen.push(...body.data.map((l: { firstName: string }) => l.firstName));
      cursor = body.pagination.nextCursor;
    } while (cursor);
    expect(seen.slice(0, 2)).toEqual(['S5', 'Z0']);
    expect(seen.slice(2).sort()).toEqual(['U1', 'U2']);
    const ranged = (await api(owner, 'GET', '/leads?q=unscored&scoreMin=0')).json().data;
    expect(ranged.map((l: { firstName: string }) => l.firstName).sort()).toEqual(['S5', 'Z0']);
    const scored = await api(owner, 'PATCH', `/leads/${unscored.id}`, { score: 40, version: 1 });
    expect(scored.json().data.score).toBe(40);
    const cleared = await api(owner, 'PATCH', `/leads/${unscored.id}`, { score: null, version: 2 });
    expect(cleared.json().data).toMatchObject({ score: null, version: 3 });
  });

  it('updates with the version; a stale version is a 409 with the current record and changes nothing', async () => {
    const lead = await create(owner, { firstName: 'Ver', lastName: 'Sion' });
    const ok = await api(owner, 'PATCH', `/leads/${lead.id}`, { score: 50, version: 1 });
    expect(ok.json().data).toMatchObject({ score: 50, version: 2 });
    const stale = await api(owner, 'PATCH', `/leads/${lead.id}`, { score: 99, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.score).toBe(50);
    const viaIfMatch = await api(owner, 'PATCH', `/leads/${lead.id}`, { score: 60 }, { 'if-match': '"2"' });
    expect(viaIfMatch.json().data.version).toBe(3);
  });

  it("another tenant's lead is a 404 everywhere and stays unchanged", async () => {
    const theirs = await create(other, { firstName: 'Their', lastName: 'Lead' });
    const before = await leadsRows(other.tenantId);
    for (const [method, url, body] of [
      ['GET', `/leads/${theirs.id}`],
      ['PATCH', `/leads/${theirs.id}`, { score: 1, version: 1 }],
      ['DELETE', `/leads/${theirs.id}`],
      ['POST', `/leads/${theirs.id}/status`, { status: 'lost' }],
      ['POST', `/leads/${theirs.id}/convert`, {}],
      ['POST', `/leads/${theirs.id}/archive`, {}],
    ] as [string, string, object?][]) {
      expect((await api(owner, method, url, body)).statusCode, `${method} ${url}`).toBe(404);
    }
    const bulk = (await api(owner, 'POST', '/leads/bulk', { action: 'archive', ids: [theirs.id] })).json()
      .data;
    expect(bulk).toMatchObject({ succeeded: 0, failed: 1 });
    expect(await leadsRows(other.tenantId)).toEqual(before);
    expect(
      (await api(owner, 'GET', '/leads?limit=100')).json().data.map((l: { id: string }) => l.id),
    ).not.toContain(theirs.id);
  });
});

describe('lead actions', () => {
  it('status follows the allowed transitions', async () => {
    const lead = await create(owner, { firstName: 'Stat', lastName: 'Us' });
    expect(
      (await api(owner, 'POST', `/leads/${lead.id}/status`, { status: 'qualified' })).json().data.status,
    ).toBe('qualified');
    const bad = await api(owner, 'POST', `/leads/${lead.id}/status`, { status: 'new' });
    expect(bad.statusCode).toBe(409);
    expect((await api(owner, 'POST', `/leads/${lead.id}/status`, { status: 'won' })).statusCode).toBe(409);
    expect(
      (await api(owner, 'POST', `/leads/${lead.id}/status`, { status: 'lost', reason: 'Budget' })).json()
        .data,
    ).toMatchObject({ status: 'lost', statusReason: 'Budget' });
  });

  it('converts into contact + company + deal in one go, reusing an existing company by name', async () => {
    const first = await create(owner, {
      firstName: 'Con',
      lastName: 'Vert',
      email: 'con@acme-roofing.com',
      companyName: 'Acme Roofing',
      estimatedValueCents: 120000,
    });
    const res = await api(owner, 'POST', `/leads/${first.id}/convert`, {});
    expect(res.statusCode).toBe(200);
    const out = res.json().data;
    expect(out.lead).toMatchObject({
      status: 'won',
      convertedContactId: out.contact.id,
      convertedCompanyId: out.company.id,
      convertedDealId: out.deal.id,
    });
    expect(out.company).toMatchObject({ name: 'Acme Roofing', domain: 'acme-roofing.com' });
    expect(out.deal).toMatchObject({ amountCents: 120000, contactId: out.contact.id, status: 'open' });
    expect((await api(owner, 'POST', `/leads/${first.id}/convert`, {})).statusCode).toBe(409);
    const second = await create(owner, { firstName: 'Sec', lastName: 'Ond', companyName: 'acme roofing ' });
    const again = (await api(owner, 'POST', `/leads/${second.id}/convert`, { createDeal: false })).json()
      .data;
    expect(again.company.id).toBe(out.company.id);
    expect(again.deal).toBeNull();
  });

  it('conversion is atomic: a failure midway leaves no company, contact or deal behind', async () => {
    const lead = await create(owner, {
      firstName: 'Atom',
      lastName: 'Ic',
      companyName: `Unique Co ${Date.now()}`,
    });
    const count = async (table: string) =>
      Number(
        (
          (await t.database.db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as {
            rows: { n: number }[];
          }
        ).rows[0]?.n,
      );
    const before = await Promise.all(['companies', 'contacts', 'deals'].map(count));
    const missingPipeline = await api(owner, 'POST', `/leads/${lead.id}/convert`, {
      pipelineId: '01a1fcbb-0000-7000-8000-000000000000',
    });
    expect(missingPipeline.statusCode).toBe(404);
    expect(await Promise.all(['companies', 'contacts', 'deals'].map(count))).toEqual(before);
    expect((await api(owner, 'GET', `/leads/${lead.id}`)).json().data.convertedAt).toBeNull();
  });

  it('an agent with scope "own" sees and changes only their own leads; money is hidden without fields.money.view', async () => {
    const agent = await addMember(t.app, t.database, owner, 'sales');
    const mine = await create(agent, { firstName: 'Mine', lastName: 'Only', estimatedValueCents: 100 });
    const notMine = await create(owner, { firstName: 'Not', lastName: 'Mine' });
    const listed = (await api(agent, 'GET', '/leads?limit=100')).json().data.map((l: { id: string }) => l.id);
    expect(listed).toEqual([mine.id]);
    expect((await api(agent, 'GET', `/leads/${notMine.id}`)).statusCode).toBe(404);
    expect((await api(agent, 'PATCH', `/leads/${notMine.id}`, { score: 1, version: 1 })).statusCode).toBe(
      404,
    );
    const marketing = await addMember(t.app, t.database, owner, 'marketing');
    const seen = (await api(marketing, 'GET', `/leads/${mine.id}`)).json().data;
    expect(seen).not.toHaveProperty('estimatedValueCents');
  });

  it('bulk assigns with a result per id; duplicates are found and merged', async () => {
    const a = await create(owner, { firstName: 'Dup', lastName: 'Licate', email: 'dup@example.com' });
    const b = await create(owner, {
      firstName: 'Dupe',
      lastName: 'Two',
      email: 'dup@example.com',
      phone: '555-1234',
      tags: ['x'],
    });
    const bulk = (
      await api(owner, 'POST', '/leads/bulk', {
        action: 'tag',
        ids: [a.id, b.id, '01a1fcbb-0000-7000-8000-000000000000'],
        add: ['campaign'],
      })
    ).json().data;
    expect(bulk).toMatchObject({ succeeded: 2, failed: 1 });
    const groups = (await api(owner, 'GET', '/leads/duplicates')).json().data;
    const group = groups.find(
      (g: { reason: string; value: string }) => g.reason === 'email' && g.value === 'dup@example.com',
    );
    expect(group.leads.map((l: { id: string }) => l.id).sort()).toEqual([a.id, b.id].sort());
    const merged = (
      await api(owner, 'POST', '/leads/merge', { primaryId: a.id, duplicateIds: [b.id] })
    ).json().data;
    expect(merged).toMatchObject({ phone: '555-1234' });
    expect(merged.tags.sort()).toEqual(['campaign', 'x']);
    expect((await api(owner, 'GET', `/leads/${b.id}`)).json().data.archivedAt).not.toBeNull();
  });

  it('the timeline merges activities, tasks and audit entries, newest first', async () => {
    const lead = await create(owner, { firstName: 'Time', lastName: 'Line' });
    await api(owner, 'POST', `/leads/${lead.id}/status`, { status: 'in_progress' });
    const items = (await api(owner, 'GET', `/leads/${lead.id}/timeline`)).json().data;
    expect(items.map((i: { title: string }) => i.title)).toEqual(['lead.status_changed', 'lead.created']);
  });
});

describe('bad input changes nothing', () => {
  it('rejects wrong types, missing and unknown fields, oversize values, bad ids and bad cursors with 400', async () => {
    const before = await leadsRows(owner.tenantId);
    for (const body of [
      {},
      { firstName: 'A' },
      { firstName: 'A', lastName: 'B', score: 101 },
      { firstName: 'A', lastName: 'B', score: '5' },
      { firstName: 'A', lastName: 'B', tenantId: other.tenantId },
      { firstName: 'A', lastName: 'B', status: 'won' },
      { firstName: 'x'.repeat(121), lastName: 'B' },
      { firstName: 'A', lastName: 'B', email: 'nope' },
      { firstName: 'A', lastName: 'B', estimatedValueCents: -1 },
      { firstName: 'A', lastName: 'B', currency: 'usd' },
    ]) {
      expect((await api(owner, 'POST', '/leads', body)).statusCode, JSON.stringify(body)).toBe(400);
    }
    for (const q of [
      'limit=0',
      'limit=101',
      'sort=password',
      'cursor=garbage',
      'status=maybe',
      'ownerId=123',
      'includeTotal=yes',
      'unknown=1',
    ]) {
      expect((await api(owner, 'GET', `/leads?${q}`)).statusCode, q).toBe(400);
    }
    expect((await api(owner, 'GET', '/leads/not-a-uuid')).statusCode).toBe(400);
    expect(
      (await api(owner, 'POST', '/leads', { firstName: 'A', lastName: 'B', ownerId: other.userId }))
        .statusCode,
    ).toBe(404);
    expect(await leadsRows(owner.tenantId)).toEqual(before);
  });

  it('an Idempotency-Key retry returns the same lead and creates one', async () => {
    const before = (await leadsRows(owner.tenantId)).length;
    const body = { firstName: 'Idem', lastName: 'Potent' };
    const a = await api(owner, 'POST', '/leads', body, { 'idempotency-key': 'lead-create-1' });
    const b = await api(owner, 'POST', '/leads', body, { 'idempotency-key': 'lead-create-1' });
    expect(b.json().data.id).toBe(a.json().data.id);
    expect((await leadsRows(owner.tenantId)).length).toBe(before + 1);
  });
});

describe('money fields', () => {
  it('a role that cannot see money fields cannot write them either (403, nothing written)', async () => {
    const marketing = await addMember(t.app, t.database, owner, 'marketing');
    const before = await leadsRows(owner.tenantId);
    const res = await api(marketing, 'POST', '/leads', {
      firstName: 'No',
      lastName: 'Money',
      estimatedValueCents: 500,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.details[0].path).toBe('body.estimatedValueCents');
    expect(await leadsRows(owner.tenantId)).toEqual(before);
    expect((await api(marketing, 'POST', '/leads', { firstName: 'No', lastName: 'Money' })).statusCode).toBe(
      201,
    );
  });
});

describe('money and scope leaks', () => {
  it('a role without money permission cannot sort or filter by value, nor see money changes in the timeline', async () => {
    const marketing = await addMember(t.app, t.database, owner, 'marketing');
    expect((await api(marketing, 'GET', '/leads?sort=-estimatedValueCents')).statusCode).toBe(403);
    expect((await api(marketing, 'GET', '/leads?valueMin=1')).statusCode).toBe(403);
    const lead = await create(owner, { firstName: 'Money', lastName: 'Trail', estimatedValueCents: 900 });
    await api(owner, 'PATCH', `/leads/${lead.id}`, { estimatedValueCents: 1200, score: 5, version: 1 });
    const items = (await api(marketing, 'GET', `/leads/${lead.id}/timeline`)).json().data;
    const changes = items.map((i: { data: { changes?: object } }) => i.data.changes ?? {});
    expect(JSON.stringify(changes)).not.toContain('estimatedValueCents');
    expect(JSON.stringify(changes)).toContain('score');
  });

  it('conversion by a scope-own agent does not reuse (or reveal) a company outside their scope', async () => {
    const name = `Hidden Co ${Date.now()}`;
    const hidden = await create(owner, { firstName: 'Own', lastName: 'Er', companyName: name });
    const ownerConversion = (
      await api(owner, 'POST', `/leads/${hidden.id}/convert`, { createDeal: false })
    ).json().data;
    const agent = await addMember(t.app, t.database, owner, 'sales');
    const mine = await create(agent, { firstName: 'Ag', lastName: 'Ent', companyName: name });
    const res = await api(agent, 'POST', `/leads/${mine.id}/convert`, { createDeal: false });
    expect(res.statusCode).toBe(200);
    expect(res.json().data.company.id).not.toBe(ownerConversion.company.id);
  });
});
