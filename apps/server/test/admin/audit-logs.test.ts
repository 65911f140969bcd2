import { type AuditLog, auditLogSchema, listEnvelope } from '@tessera/contracts';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor } from '../../src/platform/http/pagination.ts';
import { setupApiTest } from '../helpers/api-test.ts';
import { asBearer, asBrowser, type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { createApiKey, dbRows, memberWithRole } from '../helpers/tenant-fixtures.ts';

let a: BrowserSession;
let b: BrowserSession;
let aTeams: string[];
let bTeam: string;

const createTeam = async (s: BrowserSession, name: string) => {
  const res = await asBrowser(t.app, s, { method: 'POST', url: '/api/v1/teams', payload: { name } });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json().data.id as string;
};

const t = setupApiTest();
beforeAll(async () => {
  a = await signUp(t.app, { name: 'Ada Owner' });
  b = await signUp(t.app, { name: 'Bob Other' });
  aTeams = [];
  for (const name of ['One', 'Two', 'Three', 'Four']) aTeams.push(await createTeam(a, name));
  bTeam = await createTeam(b, 'Other company team');
  await asBrowser(t.app, a, {
    method: 'PATCH',
    url: `/api/v1/teams/${aTeams[0]}`,
    payload: { name: 'Uno', version: 1 },
  });
});

const list = async (s: BrowserSession, query: Record<string, string> = {}) => {
  const res = await asBrowser(t.app, s, { method: 'GET', url: '/api/v1/audit-logs', query });
  expect(res.statusCode, res.body).toBe(200);
  return listEnvelope(auditLogSchema).parse(res.json());
};

/** Every row of a tenant through the API, following cursors. */
const all = async (s: BrowserSession, query: Record<string, string> = {}) => {
  const rows: AuditLog[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 200; i++) {
    const page = await list(s, { ...query, ...(cursor ? { cursor } : {}) });
    rows.push(...page.data);
    expect(page.data.length).toBeLessThanOrEqual(page.pagination.limit);
    cursor = page.pagination.nextCursor ?? undefined;
    if (!cursor) return rows;
  }
  throw new Error('pagination did not end');
};

describe('audit log viewer', () => {
  it('shows the tenant’s rows newest first with the actor’s name', async () => {
    const page = await list(a);
    const inDb = await dbRows<{ id: string }>(
      t,
      sql`select id from audit_logs where tenant_id = ${a.tenantId} order by created_at desc, id desc`,
    );
    expect(page.data.map((r) => r.id)).toEqual(inDb.map((r) => r.id));
    expect(page.pagination).toEqual({ limit: 25, nextCursor: null, hasMore: false });
    const updated = page.data.find((r) => r.action === 'team.updated');
    expect(updated).toMatchObject({
      actorUserId: a.userId,
      actorName: 'Ada Owner',
      targetType: 'team',
      targetId: aTeams[0],
      changes: { name: { from: 'One', to: 'Uno' } },
    });
    expect(updated?.requestId).toBeTruthy();
    expect(page.data.map((r) => r.action)).toEqual(expect.arrayContaining(['tenant.created', 'auth.signup']));
  });

  it('pages return every row exactly once, including rows written in the same transaction', async () => {
    const everything = (await list(a, { limit: '100' })).data.map((r) => r.id);
    for (const limit of ['1', '2', '3']) {
      const paged = (await all(a, { limit })).map((r) => r.id);
      expect(paged).toEqual(everything);
    }
  });

  it('filters by action, target, actor and time', async () => {
    const created = await all(a, { action: 'team.created', limit: '2' });
    expect(created.map((r) => r.targetId).sort()).toEqual([...aTeams].sort());
    const one = await list(a, { targetType: 'team', targetId: aTeams[0] as string });
    expect(one.data.map((r) => r.action)).toEqual(['team.updated', 'team.created']);
    const byActor = await list(a, { actorUserId: a.userId, limit: '100' });
    expect(byActor.data.length).toBeGreaterThan(0);
    expect(byActor.data.every((r) => r.actorUserId === a.userId)).toBe(true);
    const nobody = await list(a, { actorUserId: '00000000-0000-4000-8000-000000000000' });
    expect(nobody.data).toEqual([]);

    const [first] = await dbRows<{ at: string }>(
      t,
      sql`select to_char(max(created_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at
          from audit_logs where tenant_id = ${a.tenantId} and action = 'team.updated'`,
    );
    const since = await list(a, { from: first?.at as string, limit: '100' });
    expect(since.data.map((r) => r.action)).toContain('team.updated');
    expect(since.data.every((r) => r.createdAt >= (first?.at as string))).toBe(true);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await list(a, { from: future })).data).toEqual([]);
    const past = '2000-01-01T00:00:00Z';
    expect((await list(a, { to: past })).data).toEqual([]);
    const window = await list(a, { from: past, to: future, action: 'team.updated' });
    expect(window.data).toHaveLength(1);
  });

  it("never shows another tenant's rows, whatever the filter", async () => {
    const everything = await all(a, { limit: '100' });
    const bIds = (
      await dbRows<{ id: string }>(t, sql`select id from audit_logs where tenant_id = ${b.tenantId}`)
    ).map((r) => r.id);
    expect(bIds.length).toBeGreaterThan(0);
    expect(everything.some((r) => bIds.includes(r.id))).toBe(false);
    expect((await list(a, { targetId: bTeam })).data).toEqual([]);
    expect((await list(a, { actorUserId: b.userId })).data).toEqual([]);
    // B sees only B's.
    const bRows = await all(b, { limit: '100' });
    expect(bRows.map((r) => r.id).sort()).toEqual([...bIds].sort());
  });

  it('names the API key that acted (and its creator)', async () => {
    const key = await createApiKey(t, a, ['teams.manage', 'audit.view']);
    const res = await asBearer(t.app, key.key, {
      method: 'POST',
      url: '/api/v1/teams',
      payload: { name: 'Via key' },
    });
    expect(res.statusCode).toBe(201);
    const viaKey = await asBearer(t.app, key.key, {
      method: 'GET',
      url: `/api/v1/audit-logs?targetId=${res.json().data.id}`,
    });
    expect(viaKey.statusCode).toBe(200);
    expect(viaKey.json().data).toEqual([
      expect.objectContaining({ action: 'team.created', actorApiKeyId: key.id, actorName: 'Ada Owner' }),
    ]);
  });

  it('bad queries and cursors are 400', async () => {
    const bad: Record<string, string>[] = [
      { limit: '0' },
      { limit: '101' },
      { limit: 'many' },
      { unknown: 'x' },
      { actorUserId: 'not-a-uuid' },
      { from: 'yesterday' },
      { to: '2024-13-45' },
      { from: '2025-01-02T00:00:00Z', to: '2025-01-01T00:00:00Z' },
      { action: 'x'.repeat(101) },
      { cursor: 'garbage!' },
      { cursor: 'x'.repeat(501) },
      { cursor: encodeCursor(['2025-01-01T00:00:00.000000Z']) },
      { cursor: encodeCursor(['2025-01-01T00:00:00.000000Z', 'not-a-uuid']) },
      { cursor: encodeCursor(['yesterday', '00000000-0000-4000-8000-000000000000']) },
      { cursor: encodeCursor(['2025-13-45T99:00:00.000000Z', '00000000-0000-4000-8000-000000000000']) },
      { cursor: Buffer.from('{"not":"an array"}').toString('base64url') },
    ];
    for (const query of bad) {
      const res = await asBrowser(t.app, a, { method: 'GET', url: '/api/v1/audit-logs', query });
      expect(res.statusCode, JSON.stringify(query)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_ERROR');
    }
  });

  it('401 without a session; 403 without audit.view (member or API key)', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/audit-logs' })).statusCode).toBe(401);
    const crew = await memberWithRole(t, a.tenantId, { key: 'crew' });
    const denied = await asBrowser(t.app, crew, { method: 'GET', url: '/api/v1/audit-logs' });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe('FORBIDDEN');
    const key = await createApiKey(t, a, ['teams.view']);
    expect((await asBearer(t.app, key.key, { method: 'GET', url: '/api/v1/audit-logs' })).statusCode).toBe(
      403,
    );
  });
});
