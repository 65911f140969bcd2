import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { identityDeps } from '../../src/app.ts';
import { seedCrmDemo } from '../../src/modules/crm/index.ts';
import { DEMO_SCHEDULING_ZONE, seedSchedulingDemo } from '../../src/modules/scheduling/index.ts';
import { createGeneratedTenant } from '../../src/seed/generate.ts';
import { setupApiTest } from '../helpers/api-test.ts';
import { asBrowser, type BrowserSession, logIn } from '../helpers/auth-client.ts';
import { dbRows } from '../helpers/tenant-fixtures.ts';
import { TEST_JWT_SECRET } from '../helpers/test-app.ts';

const t = setupApiTest();
// A Wednesday, 12:00 in Chicago: Monday's and Tuesday's appointments are over, the rest are ahead.
const NOW = new Date('2026-03-04T18:00:00Z');
let owner: BrowserSession;
let tenantId: string;

beforeAll(async () => {
  const deps = identityDeps({ config: t.config, jwtSecret: TEST_JWT_SECRET, database: t.database });
  const g = await createGeneratedTenant(deps, { agents: 3 });
  const [manager, sales1, sales2, dispatcher] = g.memberIds.slice(1) as [string, string, string, string];
  const people = { owner: g.ownerId, manager, sales: [sales1, sales2] as const, dispatcher };
  await seedCrmDemo(t.database, g.tenantId, people, NOW);
  await seedSchedulingDemo(t.database, g.tenantId, people, NOW);
  tenantId = g.tenantId;
  owner = await logIn(t.app, g.email, g.password);
}, 60_000);

const get = async (url: string) => {
  const res = await asBrowser(t.app, owner, { method: 'GET', url: `/api/v1/scheduling/${url}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().data;
};

describe('scheduling demo data', () => {
  it('makes three agents with weekday hours, three types and ten appointments this week', async () => {
    const agents = (await get('agents')) as { timeZone: string; weeklyHours: unknown[]; breaks: unknown[] }[];
    expect(agents).toHaveLength(3);
    for (const a of agents) {
      expect(a.timeZone).toBe(DEMO_SCHEDULING_ZONE);
      expect(a.weeklyHours).toHaveLength(5);
      expect(a.breaks).toHaveLength(5);
    }
    const types = (await get('types')) as { slug: string }[];
    expect(types.map((x) => x.slug).sort()).toEqual(['consultation', 'phone-call', 'site-survey']);
    const list = (await get('appointments?from=2026-03-02T06:00:00Z&to=2026-03-07T06:00:00Z&limit=100')) as {
      status: string;
      outcome: string | null;
      endsAt: string;
      leadId: string | null;
    }[];
    expect(list).toHaveLength(10);
    for (const a of list) {
      expect(a.leadId).not.toBeNull();
      const past = Date.parse(a.endsAt) < NOW.getTime();
      expect(a.status === 'completed', a.endsAt).toBe(past);
      expect(a.outcome !== null).toBe(past);
    }
    expect(list.filter((a) => a.status === 'completed')).toHaveLength(5);
  });

  it('starts the appointments at their local times in the agents’ zone (CST, UTC−6)', async () => {
    const rows = await dbRows<{ local: string }>(
      t,
      sql`select to_char(starts_at at time zone 'America/Chicago', 'ID HH24:MI') as local from appointments
          where tenant_id = ${tenantId} order by starts_at`,
    );
    expect(rows[0]?.local).toBe('1 09:00');
    expect(rows.map((r) => r.local)).toContain('3 09:30');
  });

  it('gives the agents bookable weekday hours (free slots in the coming week)', async () => {
    const [type] = (await get('types')) as { id: string }[];
    const from = new Date(Date.now() + 86_400_000).toISOString();
    const to = new Date(Date.now() + 8 * 86_400_000).toISOString();
    const slots = (await get(`slots?type=${type?.id}&from=${from}&to=${to}`)) as { startsAt: string }[];
    expect(slots.length).toBeGreaterThan(20);
    const days = new Set(slots.map((s) => new Date(s.startsAt).getUTCDay()));
    expect(days.has(0)).toBe(false); // no Sunday hours
  });
});
