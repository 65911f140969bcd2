import { listEnvelope, successEnvelope, teamSchema } from '@tessera/contracts';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { encodeCursor } from '../../src/platform/http/pagination.ts';
import { setupApiTest } from '../helpers/api-test.ts';
import { asBearer, asBrowser, type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { auditActions, createApiKey, dbRows, memberWithRole } from '../helpers/tenant-fixtures.ts';

const t = setupApiTest();

const MISSING = '00000000-0000-4000-8000-000000000000';

const create = async (s: BrowserSession, name: string, description?: string) => {
  const res = await asBrowser(t.app, s, {
    method: 'POST',
    url: '/api/v1/teams',
    payload: { name, ...(description === undefined ? {} : { description }) },
  });
  expect(res.statusCode, res.body).toBe(201);
  return successEnvelope(teamSchema).parse(res.json()).data;
};

/** Everything about a tenant's teams, to prove a rejected request changed nothing. */
const snapshot = async (tenantId: string) => ({
  teams: await dbRows(t, sql`select * from teams where tenant_id = ${tenantId} order by id`),
  members: await dbRows(
    t,
    sql`select * from team_members where tenant_id = ${tenantId} order by team_id, user_id`,
  ),
  audit: await auditActions(t, tenantId),
});

describe('teams: happy path', () => {
  it('create → get → rename (version bump, audited diff) → members → delete', async () => {
    const owner = await signUp(t.app);
    const crew = await memberWithRole(t, owner.tenantId, { key: 'crew' });
    const team = await create(owner, '  North crew ', 'Roofing, north side');
    expect(team).toMatchObject({ name: 'North crew', description: 'Roofing, north side', memberIds: [] });
    expect(team.version).toBe(1);

    const got = await asBrowser(t.app, owner, { method: 'GET', url: `/api/v1/teams/${team.id}` });
    expect(got.statusCode).toBe(200);
    expect(got.json().data).toEqual(team);

    const renamed = await asBrowser(t.app, owner, {
      method: 'PATCH',
      url: `/api/v1/teams/${team.id}`,
      payload: { name: 'North', version: 1 },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json().data).toMatchObject({
      name: 'North',
      description: 'Roofing, north side',
      version: 2,
    });
    const [updateAudit] = await dbRows<{ changes: unknown }>(
      t,
      sql`select changes from audit_logs where target_id = ${team.id} and action = 'team.updated'`,
    );
    expect(updateAudit?.changes).toEqual({ name: { from: 'North crew', to: 'North' } });

    for (const userId of [crew.userId, owner.userId, crew.userId]) {
      const add = await asBrowser(t.app, owner, {
        method: 'POST',
        url: `/api/v1/teams/${team.id}/members`,
        payload: { userId },
      });
      expect(add.statusCode, add.body).toBe(200);
    }
    const withMembers = await asBrowser(t.app, owner, { method: 'GET', url: `/api/v1/teams/${team.id}` });
    expect(withMembers.json().data.memberIds).toEqual([crew.userId, owner.userId]);

    const removed = await asBrowser(t.app, owner, {
      method: 'DELETE',
      url: `/api/v1/teams/${team.id}/members/${crew.userId}`,
    });
    expect(removed.statusCode).toBe(200);
    expect(removed.json().data.memberIds).toEqual([owner.userId]);
    // Removing again is a no-op (safe to retry), not a second audit row.
    const again = await asBrowser(t.app, owner, {
      method: 'DELETE',
      url: `/api/v1/teams/${team.id}/members/${crew.userId}`,
    });
    expect(again.statusCode).toBe(200);

    const del = await asBrowser(t.app, owner, { method: 'DELETE', url: `/api/v1/teams/${team.id}` });
    expect(del.statusCode).toBe(200);
    expect(del.json().data).toEqual({ deleted: true });
    expect(
      (await asBrowser(t.app, owner, { method: 'GET', url: `/api/v1/teams/${team.id}` })).statusCode,
    ).toBe(404);
    expect(await dbRows(t, sql`select * from team_members where team_id = ${team.id}`)).toEqual([]);
    expect(await auditActions(t, owner.tenantId, team.id)).toEqual([
      'team.created',
      'team.updated',
      'team.member_added',
      'team.member_added',
      'team.member_removed',
      'team.deleted',
    ]);
  });

  it('a PATCH that changes nothing keeps the version and writes no audit row', async () => {
    const owner = await signUp(t.app);
    const team = await create(owner, 'Same');
    const res = await asBrowser(t.app, owner, {
      method: 'PATCH',
      url: `/api/v1/teams/${team.id}`,
      payload: { name: 'Same', version: 1 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().data.version).toBe(1);
    expect(await auditActions(t, owner.tenantId, team.id)).toEqual(['team.created']);
  });

  it('lists the tenant’s teams by name, page by page, each exactly once', async () => {
    const owner = await signUp(t.app);
    const other = await signUp(t.app);
    await create(other, 'Alpha of another company');
    for (const name of ['delta', 'Bravo', 'alpha', 'Echo', 'charlie']) await create(owner, name);
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 10; i++) {
      const res = await asBrowser(t.app, owner, {
        method: 'GET',
        url: '/api/v1/teams',
        query: { limit: '2', ...(cursor ? { cursor } : {}) },
      });
      expect(res.statusCode, res.body).toBe(200);
      const body = listEnvelope(teamSchema).parse(res.json());
      seen.push(...body.data.map((x) => x.name));
      cursor = body.pagination.nextCursor ?? undefined;
      expect(body.pagination.hasMore).toBe(Boolean(cursor));
      if (!cursor) break;
    }
    expect(seen).toEqual(['alpha', 'Bravo', 'charlie', 'delta', 'Echo']);
    const all = await asBrowser(t.app, owner, { method: 'GET', url: '/api/v1/teams' });
    expect(all.json().pagination).toEqual({ limit: 25, nextCursor: null, hasMore: false });
  });

  it('Idempotency-Key on create: a retry replays the answer and creates one team', async () => {
    const owner = await signUp(t.app);
    const send = () =>
      asBrowser(t.app, owner, {
        method: 'POST',
        url: '/api/v1/teams',
        headers: { 'idempotency-key': 'create-team-1' },
        payload: { name: 'Once' },
      });
    const first = await send();
    const second = await send();
    expect(second.statusCode).toBe(201);
    expect(second.json().data.id).toBe(first.json().data.id);
    expect((await snapshot(owner.tenantId)).teams).toHaveLength(1);
  });
});

describe('teams: rejected requests change nothing', () => {
  it('bad bodies, queries and ids are 400', async () => {
    const owner = await signUp(t.app);
    const team = await create(owner, 'Existing');
    const before = await snapshot(owner.tenantId);
    const badCreates = [
      {},
      { name: '' },
      { name: '   ' },
      { name: 42 },
      { name: 'x'.repeat(121) },
      { name: 'Ok', description: 'x'.repeat(501) },
      { name: 'Ok', description: 7 },
      { name: 'Ok', tenantId: MISSING },
      { name: 'Ok', id: MISSING },
      { name: 'Ok', version: 3 },
    ];
    for (const payload of badCreates) {
      const res = await asBrowser(t.app, owner, { method: 'POST', url: '/api/v1/teams', payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_ERROR');
    }
    const badPatches = [
      {},
      { name: 'New' },
      { name: 'New', version: '1' },
      { name: 'New', version: 0 },
      { name: '', version: 1 },
      { name: 'x'.repeat(121), version: 1 },
      { name: 'New', version: 1, tenantId: MISSING },
    ];
    for (const payload of badPatches) {
      const res = await asBrowser(t.app, owner, {
        method: 'PATCH',
        url: `/api/v1/teams/${team.id}`,
        payload,
      });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    const badRequests = [
      { method: 'GET', url: '/api/v1/teams/not-a-uuid' },
      { method: 'PATCH', url: '/api/v1/teams/123', payload: { name: 'X', version: 1 } },
      { method: 'DELETE', url: '/api/v1/teams/not-a-uuid' },
      { method: 'POST', url: '/api/v1/teams/nope/members', payload: { userId: owner.userId } },
      { method: 'POST', url: `/api/v1/teams/${team.id}/members`, payload: { userId: 'nope' } },
      { method: 'POST', url: `/api/v1/teams/${team.id}/members`, payload: {} },
      { method: 'POST', url: `/api/v1/teams/${team.id}/members`, payload: { userId: owner.userId, x: 1 } },
      { method: 'DELETE', url: `/api/v1/teams/${team.id}/members/nope` },
      { method: 'GET', url: '/api/v1/teams?limit=0' },
      { method: 'GET', url: '/api/v1/teams?limit=101' },
      { method: 'GET', url: '/api/v1/teams?sort=name' },
      { method: 'GET', url: '/api/v1/teams?cursor=garbage' },
      { method: 'GET', url: `/api/v1/teams?cursor=${encodeCursor([1, 2])}` },
      { method: 'GET', url: `/api/v1/teams?cursor=${encodeCursor(['a', 'not-a-uuid'])}` },
    ] as const;
    for (const req of badRequests) {
      const res = await asBrowser(t.app, owner, req);
      expect(res.statusCode, `${req.method} ${req.url}`).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_ERROR');
    }
    expect(await snapshot(owner.tenantId)).toEqual(before);
  });

  it('names are unique per tenant, case-insensitively (409), but not across tenants', async () => {
    const owner = await signUp(t.app);
    const other = await signUp(t.app);
    await create(other, 'Sales');
    const sales = await create(owner, 'Sales');
    const support = await create(owner, 'Support');
    const before = await snapshot(owner.tenantId);
    const dup = await asBrowser(t.app, owner, {
      method: 'POST',
      url: '/api/v1/teams',
      payload: { name: 'SALES' },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('CONFLICT');
    const rename = await asBrowser(t.app, owner, {
      method: 'PATCH',
      url: `/api/v1/teams/${support.id}`,
      payload: { name: 'sales', version: 1 },
    });
    expect(rename.statusCode).toBe(409);
    expect(await snapshot(owner.tenantId)).toEqual(before);
    // Changing only the case of its own name is fine.
    const recase = await asBrowser(t.app, owner, {
      method: 'PATCH',
      url: `/api/v1/teams/${sales.id}`,
      payload: { name: 'SALES', version: 1 },
    });
    expect(recase.statusCode).toBe(200);
  });

  it('a stale version is a 409 with the current team in details, and changes nothing', async () => {
    const owner = await signUp(t.app);
    const team = await create(owner, 'Versioned');
    const first = await asBrowser(t.app, owner, {
      method: 'PATCH',
      url: `/api/v1/teams/${team.id}`,
      payload: { description: 'first', version: 1 },
    });
    expect(first.json().data.version).toBe(2);
    const before = await snapshot(owner.tenantId);
    const stale = await asBrowser(t.app, owner, {
      method: 'PATCH',
      url: `/api/v1/teams/${team.id}`,
      payload: { description: 'second', version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');
    expect(stale.json().error.details.current).toMatchObject({
      id: team.id,
      description: 'first',
      version: 2,
    });
    expect(await snapshot(owner.tenantId)).toEqual(before);
  });

  it("another tenant's team and users are 404, and their rows stay as they were", async () => {
    const mine = await signUp(t.app);
    const theirs = await signUp(t.app);
    const myTeam = await create(mine, 'Mine');
    const theirTeam = await create(theirs, 'Theirs');
    await asBrowser(t.app, theirs, {
      method: 'POST',
      url: `/api/v1/teams/${theirTeam.id}/members`,
      payload: { userId: theirs.userId },
    });
    const beforeTheirs = await snapshot(theirs.tenantId);
    const beforeMine = await snapshot(mine.tenantId);
    const attempts = [
      { method: 'GET', url: `/api/v1/teams/${theirTeam.id}` },
      { method: 'PATCH', url: `/api/v1/teams/${theirTeam.id}`, payload: { name: 'Hijacked', version: 1 } },
      { method: 'DELETE', url: `/api/v1/teams/${theirTeam.id}` },
      { method: 'POST', url: `/api/v1/teams/${theirTeam.id}/members`, payload: { userId: mine.userId } },
      { method: 'DELETE', url: `/api/v1/teams/${theirTeam.id}/members/${theirs.userId}` },
      // Their user is not a member of my company: cannot be put in my team.
      { method: 'POST', url: `/api/v1/teams/${myTeam.id}/members`, payload: { userId: theirs.userId } },
      { method: 'POST', url: `/api/v1/teams/${myTeam.id}/members`, payload: { userId: MISSING } },
      { method: 'GET', url: `/api/v1/teams/${MISSING}` },
    ] as const;
    for (const req of attempts) {
      const res = await asBrowser(t.app, mine, req);
      expect(res.statusCode, `${req.method} ${req.url}`).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
    const list = await asBrowser(t.app, mine, { method: 'GET', url: '/api/v1/teams' });
    expect(list.json().data.map((x: { id: string }) => x.id)).toEqual([myTeam.id]);
    expect(await snapshot(theirs.tenantId)).toEqual(beforeTheirs);
    expect(await snapshot(mine.tenantId)).toEqual(beforeMine);
  });
});

describe('teams: access', () => {
  it('401 without a session, 403 without the permission; view-only roles can read but not change', async () => {
    const owner = await signUp(t.app);
    const team = await create(owner, 'Guarded');
    const crew = await memberWithRole(t, owner.tenantId, { key: 'crew' });
    const dispatcher = await memberWithRole(t, owner.tenantId, { key: 'dispatch' });
    const before = await snapshot(owner.tenantId);
    const writes = [
      { method: 'POST', url: '/api/v1/teams', payload: { name: 'New' } },
      { method: 'PATCH', url: `/api/v1/teams/${team.id}`, payload: { name: 'X', version: 1 } },
      { method: 'DELETE', url: `/api/v1/teams/${team.id}` },
      { method: 'POST', url: `/api/v1/teams/${team.id}/members`, payload: { userId: crew.userId } },
      { method: 'DELETE', url: `/api/v1/teams/${team.id}/members/${owner.userId}` },
    ] as const;
    const reads = [
      { method: 'GET', url: '/api/v1/teams' },
      { method: 'GET', url: `/api/v1/teams/${team.id}` },
    ] as const;
    for (const req of [...reads, ...writes]) {
      const anon = await t.app.inject(req);
      expect(anon.statusCode, `${req.method} ${req.url}`).toBe(401);
      const res = await asBrowser(t.app, crew, req);
      expect(res.statusCode, `${req.method} ${req.url}`).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    for (const req of reads) expect((await asBrowser(t.app, dispatcher, req)).statusCode).toBe(200);
    for (const req of writes) expect((await asBrowser(t.app, dispatcher, req)).statusCode).toBe(403);
    expect(await snapshot(owner.tenantId)).toEqual(before);
  });

  it('an API key gets exactly its permissions', async () => {
    const owner = await signUp(t.app);
    const team = await create(owner, 'Keyed');
    const viewer = await createApiKey(t, owner, ['teams.view']);
    const manager = await createApiKey(t, owner, ['teams.view', 'teams.manage']);
    const list = await asBearer(t.app, viewer.key, { method: 'GET', url: '/api/v1/teams' });
    expect(list.statusCode).toBe(200);
    expect(list.json().data.map((x: { id: string }) => x.id)).toEqual([team.id]);
    const before = await snapshot(owner.tenantId);
    const denied = await asBearer(t.app, viewer.key, {
      method: 'POST',
      url: '/api/v1/teams',
      payload: { name: 'By key' },
    });
    expect(denied.statusCode).toBe(403);
    expect(await snapshot(owner.tenantId)).toEqual(before);
    const created = await asBearer(t.app, manager.key, {
      method: 'POST',
      url: '/api/v1/teams',
      payload: { name: 'By key' },
    });
    expect(created.statusCode).toBe(201);
    const [row] = await dbRows<{ actor_api_key_id: string; actor_user_id: string }>(
      t,
      sql`select actor_api_key_id, actor_user_id from audit_logs
          where target_id = ${created.json().data.id} and action = 'team.created'`,
    );
    expect(row).toEqual({ actor_api_key_id: manager.id, actor_user_id: owner.userId });
  });
});
