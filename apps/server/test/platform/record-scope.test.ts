import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { memberships, teamMembers, teams } from '../../src/modules/identity/tables.ts';
import { type Principal, scopeCondition } from '../../src/platform/access/index.ts';
import { withTenant } from '../../src/platform/db/index.ts';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { addMember } from '../helpers/members.ts';

// scopeCondition() is the SQL every business list/export/search uses for own/team/all. Here the "owner
// column" is memberships.user_id, so the visible rows are exactly the users the scope allows.
let owner: BrowserSession;
let a: BrowserSession;
let b: BrowserSession;
let c: BrowserSession;
const t = setupApiTest();
beforeAll(async () => {
  owner = await signUp(t.app);
  [a, b, c] = [
    await addMember(t.app, t.database, owner, 'sales'),
    await addMember(t.app, t.database, owner, 'sales'),
    await addMember(t.app, t.database, owner, 'sales'),
  ];
  await withTenant(t.database, owner.tenantId, async (tx) => {
    const [team] = await tx.insert(teams).values({ tenantId: owner.tenantId, name: 'North' }).returning();
    if (!team) throw new Error('no team');
    await tx
      .insert(teamMembers)
      .values([a, b].map((m) => ({ tenantId: owner.tenantId, teamId: team.id, userId: m.userId })));
  });
});

const visible = (who: BrowserSession, scope: 'own' | 'team' | 'all') => {
  const principal: Principal = {
    kind: 'session',
    tenantId: owner.tenantId,
    userId: who.userId,
    viaCookie: false,
    csrfValid: false,
    permissions: new Set(),
    scopes: { leads: scope },
  };
  return withTenant(t.database, owner.tenantId, async (tx) =>
    (
      await tx
        .select({ userId: memberships.userId })
        .from(memberships)
        .where(
          and(
            eq(memberships.tenantId, owner.tenantId),
            scopeCondition(principal, 'leads', memberships.userId),
          ),
        )
    )
      .map((r) => r.userId)
      .sort(),
  );
};

describe('scopeCondition (SQL)', () => {
  it('own → only the caller; team → the caller and team mates; all → everyone', async () => {
    expect(await visible(a, 'own')).toEqual([a.userId]);
    expect(await visible(a, 'team')).toEqual([a.userId, b.userId].sort());
    expect(await visible(c, 'team')).toEqual([c.userId]);
    expect(await visible(a, 'all')).toEqual([owner.userId, a.userId, b.userId, c.userId].sort());
  });
});
