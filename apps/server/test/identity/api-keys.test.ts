import { apiKeyCreatedSchema, apiKeySchema, listEnvelope, successEnvelope } from '@tessera/contracts';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../src/platform/auth/index.ts';
import { setupApiTest } from '../helpers/api-test.ts';
import { asBearer, asBrowser, type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { auditActions, createApiKey, dbRows, memberWithRole } from '../helpers/tenant-fixtures.ts';

const t = setupApiTest();

const MISSING = '00000000-0000-4000-8000-000000000000';
const future = () => new Date(Date.now() + 86_400_000).toISOString();

const keysOf = (tenantId: string) =>
  dbRows<Record<string, unknown>>(t, sql`select * from api_keys where tenant_id = ${tenantId} order by id`);
/** Everything but last_used_at (a key's own use touches it). */
const snapshot = async (tenantId: string) => ({
  keys: (await keysOf(tenantId)).map(({ last_used_at: _, ...rest }) => rest),
  audit: await auditActions(t, tenantId),
});
const teamsGet = (key: string) => asBearer(t.app, key, { method: 'GET', url: '/api/v1/teams' });

describe('api keys: create, list, use, revoke', () => {
  it('returns the key once, stores only its hash, and lists keys without it', async () => {
    const owner = await signUp(t.app);
    const expiresAt = future();
    const res = await asBrowser(t.app, owner, {
      method: 'POST',
      url: '/api/v1/api-keys',
      payload: { name: ' Zapier ', permissions: ['teams.view', 'teams.view', 'members.view'], expiresAt },
    });
    expect(res.statusCode, res.body).toBe(201);
    const created = successEnvelope(apiKeyCreatedSchema).parse(res.json()).data;
    expect(created.key).toMatch(/^tsk_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({
      name: 'Zapier',
      permissions: ['teams.view', 'members.view'],
      expiresAt: new Date(expiresAt).toISOString(),
      lastUsedAt: null,
      revokedAt: null,
    });
    // The prefix (shown in lists) is `tsk_…` + the first characters of the secret part.
    expect(created.prefix).toMatch(/^tsk_….{6}$/);
    expect(created.key.slice('tsk_'.length + 33).startsWith(created.prefix.slice(-6))).toBe(true);

    const [row] = await keysOf(owner.tenantId);
    expect(row).toMatchObject({ key_hash: sha256(created.key), created_by: owner.userId, name: 'Zapier' });
    expect(JSON.stringify(row)).not.toContain(created.key);

    const list = await asBrowser(t.app, owner, { method: 'GET', url: '/api/v1/api-keys' });
    expect(list.statusCode).toBe(200);
    const body = listEnvelope(apiKeySchema).parse(list.json());
    expect(body.data.map((k) => k.id)).toEqual([created.id]);
    expect(list.body).not.toContain(created.key);
    expect(list.body).not.toContain(sha256(created.key));
    expect(list.json().data[0]).not.toHaveProperty('key');

    const [audit] = await dbRows<{ action: string; changes: unknown }>(
      t,
      sql`select action, changes from audit_logs where target_id = ${created.id}`,
    );
    expect(audit?.action).toBe('api_key.created');
    expect(JSON.stringify(audit)).not.toContain(created.key);
    expect(JSON.stringify(audit)).not.toContain(sha256(created.key));
    expect(audit?.changes).toMatchObject({ name: { from: null, to: 'Zapier' } });
    // Not kept for Idempotency-Key replays either (that would store the plain key).
    expect(JSON.stringify(await dbRows(t, sql`select * from idempotency_keys`))).not.toContain(created.key);
  });

  it('authenticates as Bearer or X-API-Key with exactly its permissions, and records last use', async () => {
    const owner = await signUp(t.app);
    const key = await createApiKey(t, owner, ['teams.view']);
    expect((await teamsGet(key.key)).statusCode).toBe(200);
    const viaHeader = await t.app.inject({
      method: 'GET',
      url: '/api/v1/teams',
      headers: { 'x-api-key': key.key },
    });
    expect(viaHeader.statusCode).toBe(200);
    const teamsBefore = await dbRows(t, sql`select * from teams where tenant_id = ${owner.tenantId}`);
    const post = await asBearer(t.app, key.key, {
      method: 'POST',
      url: '/api/v1/teams',
      payload: { name: 'X' },
    });
    expect(post.statusCode).toBe(403);
    expect(await dbRows(t, sql`select * from teams where tenant_id = ${owner.tenantId}`)).toEqual(
      teamsBefore,
    );
    expect((await asBearer(t.app, key.key, { method: 'GET', url: '/api/v1/api-keys' })).statusCode).toBe(403);
    expect((await asBearer(t.app, key.key, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(403);
    const [row] = await keysOf(owner.tenantId);
    expect(row?.last_used_at).not.toBeNull();
    const listed = await asBrowser(t.app, owner, { method: 'GET', url: '/api/v1/api-keys' });
    expect(listed.json().data[0].lastUsedAt).not.toBeNull();
  });

  it('a revoked key is refused on the very next request; revoking again changes nothing', async () => {
    const owner = await signUp(t.app);
    const key = await createApiKey(t, owner, ['teams.view']);
    const other = await createApiKey(t, owner, ['teams.view']);
    expect((await teamsGet(key.key)).statusCode).toBe(200);
    const revoked = await asBrowser(t.app, owner, { method: 'DELETE', url: `/api/v1/api-keys/${key.id}` });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().data.revokedAt).not.toBeNull();
    expect((await teamsGet(key.key)).statusCode).toBe(401);
    expect((await teamsGet(other.key)).statusCode).toBe(200);
    const again = await asBrowser(t.app, owner, { method: 'DELETE', url: `/api/v1/api-keys/${key.id}` });
    expect(again.statusCode).toBe(200);
    expect(again.json().data.revokedAt).toBe(revoked.json().data.revokedAt);
    expect(await auditActions(t, owner.tenantId, key.id)).toEqual(['api_key.created', 'api_key.revoked']);
    // Still listed, marked revoked.
    const list = await asBrowser(t.app, owner, { method: 'GET', url: '/api/v1/api-keys' });
    expect(list.json().data.find((k: { id: string }) => k.id === key.id).revokedAt).not.toBeNull();
  });

  it('an expired key is refused', async () => {
    const owner = await signUp(t.app);
    const key = await createApiKey(t, owner, ['teams.view'], { expiresAt: future() });
    expect((await teamsGet(key.key)).statusCode).toBe(200);
    await t.database.db.execute(
      sql`update api_keys set expires_at = now() - interval '1 minute' where id = ${key.id}`,
    );
    const res = await teamsGet(key.key);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('malformed and forged keys are refused', async () => {
    const a = await signUp(t.app);
    const b = await signUp(t.app);
    const key = await createApiKey(t, a, ['teams.view']);
    const forged = key.key.replace(a.tenantId.replaceAll('-', ''), b.tenantId.replaceAll('-', ''));
    for (const bad of ['tsk_garbage', `${key.key}x`, forged, key.key.slice(0, -1)]) {
      expect((await teamsGet(bad)).statusCode, bad).toBe(401);
    }
  });

  it('lists keys newest first, page by page, each exactly once', async () => {
    const owner = await signUp(t.app);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await createApiKey(t, owner, ['teams.view'])).id);
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 10; i++) {
      const res = await asBrowser(t.app, owner, {
        method: 'GET',
        url: '/api/v1/api-keys',
        query: { limit: '2', ...(cursor ? { cursor } : {}) },
      });
      expect(res.statusCode).toBe(200);
      seen.push(...res.json().data.map((k: { id: string }) => k.id));
      cursor = res.json().pagination.nextCursor ?? undefined;
      if (!cursor) break;
    }
    expect(seen).toEqual([...ids].reverse());
  });
});

describe('api keys: nobody can grant more than they hold', () => {
  it('a member with api_keys.manage but not teams.manage cannot give a key teams.manage', async () => {
    const owner = await signUp(t.app);
    const limited = await memberWithRole(t, owner.tenantId, {
      permissions: ['api_keys.manage', 'teams.view'],
    });
    const before = await snapshot(owner.tenantId);
    const res = await asBrowser(t.app, limited, {
      method: 'POST',
      url: '/api/v1/api-keys',
      payload: { name: 'Escalate', permissions: ['teams.view', 'teams.manage', 'audit.view'] },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    expect(res.json().error.message).toContain('teams.manage');
    expect(res.json().error.details).toEqual({ missing: ['audit.view', 'teams.manage'] });
    expect(await snapshot(owner.tenantId)).toEqual(before);
    const allowed = await createApiKey(t, limited, ['teams.view']);
    const [row] = await dbRows(t, sql`select created_by from api_keys where id = ${allowed.id}`);
    expect(row).toEqual({ created_by: limited.userId });
  });

  it('a key with api_keys.manage cannot mint a stronger key', async () => {
    const owner = await signUp(t.app);
    const minter = await createApiKey(t, owner, ['api_keys.manage', 'teams.view']);
    const before = await snapshot(owner.tenantId);
    const res = await asBearer(t.app, minter.key, {
      method: 'POST',
      url: '/api/v1/api-keys',
      payload: { name: 'Stronger', permissions: ['teams.manage'] },
    });
    expect(res.statusCode).toBe(403);
    expect(await snapshot(owner.tenantId)).toEqual(before);
    // Keys never mint keys at all (a child key would outlive its parent).
    const weaker = await asBearer(t.app, minter.key, {
      method: 'POST',
      url: '/api/v1/api-keys',
      payload: { name: 'Weaker', permissions: ['teams.view'] },
    });
    expect(weaker.statusCode).toBe(403);
    expect(await snapshot(owner.tenantId)).toEqual(before);
  });

  it("a key is limited by its creator's current access: demoted → fewer permissions, disabled → refused", async () => {
    const owner = await signUp(t.app);
    const admin = await memberWithRole(t, owner.tenantId, { key: 'admin' });
    const key = await createApiKey(t, admin, ['teams.view', 'teams.manage']);
    expect((await teamsGet(key.key)).statusCode).toBe(200);
    // Demote the creator to crew (no teams.*): the key loses those permissions at once.
    await t.database.db.execute(
      sql`update memberships set role_id = (select id from roles where tenant_id = ${owner.tenantId} and key = 'crew') where tenant_id = ${owner.tenantId} and user_id = ${admin.userId}`,
    );
    expect((await teamsGet(key.key)).statusCode).toBe(403);
    await t.database.db.execute(
      sql`update memberships set role_id = (select id from roles where tenant_id = ${owner.tenantId} and key = 'admin'), status = 'disabled' where tenant_id = ${owner.tenantId} and user_id = ${admin.userId}`,
    );
    expect((await teamsGet(key.key)).statusCode).toBe(401);
  });
});

describe('api keys: rejected requests change nothing', () => {
  it('bad input is 400', async () => {
    const owner = await signUp(t.app);
    const key = await createApiKey(t, owner, ['teams.view']);
    const before = await snapshot(owner.tenantId);
    const bad = [
      {},
      { name: 'A' },
      { permissions: ['teams.view'] },
      { name: '', permissions: ['teams.view'] },
      { name: 'x'.repeat(121), permissions: ['teams.view'] },
      { name: 42, permissions: ['teams.view'] },
      { name: 'A', permissions: [] },
      { name: 'A', permissions: 'teams.view' },
      { name: 'A', permissions: ['teams.fly'] },
      { name: 'A', permissions: ['teams.view'], expiresAt: 'tomorrow' },
      { name: 'A', permissions: ['teams.view'], expiresAt: new Date(Date.now() - 60_000).toISOString() },
      { name: 'A', permissions: ['teams.view'], keyHash: 'x' },
      { name: 'A', permissions: ['teams.view'], tenantId: MISSING },
      { name: 'A', permissions: ['teams.view'], createdBy: MISSING },
    ];
    for (const payload of bad) {
      const res = await asBrowser(t.app, owner, { method: 'POST', url: '/api/v1/api-keys', payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_ERROR');
    }
    for (const url of ['/api/v1/api-keys?limit=0', '/api/v1/api-keys?cursor=zz', '/api/v1/api-keys?x=1']) {
      expect((await asBrowser(t.app, owner, { method: 'GET', url })).statusCode, url).toBe(400);
    }
    expect(
      (await asBrowser(t.app, owner, { method: 'DELETE', url: '/api/v1/api-keys/nope' })).statusCode,
    ).toBe(400);
    expect(await snapshot(owner.tenantId)).toEqual(before);
    expect((await teamsGet(key.key)).statusCode).toBe(200);
  });

  it('401 without a session, 403 without api_keys.manage', async () => {
    const owner = await signUp(t.app);
    const key = await createApiKey(t, owner, ['teams.view']);
    const crew: BrowserSession = await memberWithRole(t, owner.tenantId, { key: 'crew' });
    const before = await snapshot(owner.tenantId);
    const reqs = [
      { method: 'GET', url: '/api/v1/api-keys' },
      { method: 'POST', url: '/api/v1/api-keys', payload: { name: 'A', permissions: ['jobs.view'] } },
      { method: 'DELETE', url: `/api/v1/api-keys/${key.id}` },
    ] as const;
    for (const req of reqs) {
      expect((await t.app.inject(req)).statusCode, `${req.method} ${req.url}`).toBe(401);
      const res = await asBrowser(t.app, crew, req);
      expect(res.statusCode, `${req.method} ${req.url}`).toBe(403);
    }
    expect(await snapshot(owner.tenantId)).toEqual(before);
  });

  it("tenant isolation: another tenant's key ids are 404, and a key never sees another tenant", async () => {
    const a = await signUp(t.app);
    const b = await signUp(t.app);
    const keyA = await createApiKey(t, a, ['teams.view', 'api_keys.manage']);
    const keyB = await createApiKey(t, b, ['teams.view']);
    const teamB = await asBrowser(t.app, b, {
      method: 'POST',
      url: '/api/v1/teams',
      payload: { name: 'B team' },
    });
    const teamBId = teamB.json().data.id;
    const beforeB = await snapshot(b.tenantId);
    const del = await asBrowser(t.app, a, { method: 'DELETE', url: `/api/v1/api-keys/${keyB.id}` });
    expect(del.statusCode).toBe(404);
    expect(
      (await asBrowser(t.app, a, { method: 'DELETE', url: `/api/v1/api-keys/${MISSING}` })).statusCode,
    ).toBe(404);
    expect(
      (await asBearer(t.app, keyA.key, { method: 'DELETE', url: `/api/v1/api-keys/${keyB.id}` })).statusCode,
    ).toBe(404);
    expect(await snapshot(b.tenantId)).toEqual(beforeB);
    expect((await teamsGet(keyB.key)).statusCode).toBe(200);

    const listA = await asBearer(t.app, keyA.key, { method: 'GET', url: '/api/v1/teams' });
    expect(listA.json().data).toEqual([]);
    expect(
      (await asBearer(t.app, keyA.key, { method: 'GET', url: `/api/v1/teams/${teamBId}` })).statusCode,
    ).toBe(404);
    const keysA = await asBearer(t.app, keyA.key, { method: 'GET', url: '/api/v1/api-keys' });
    expect(keysA.json().data.map((k: { id: string }) => k.id)).toEqual([keyA.id]);
  });
});
