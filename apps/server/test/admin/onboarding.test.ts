import { onboardingSchema } from '@tessera/contracts';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi } from '../helpers/crm-api.ts';
import { createApiKey, dbRows, memberWithRole } from '../helpers/tenant-fixtures.ts';

let owner: BrowserSession;
let admin: BrowserSession;
let sales: BrowserSession;
let other: BrowserSession;
const t = setupApiTest();
const c = crmApi(() => t);

beforeAll(async () => {
  owner = await signUp(t.app);
  other = await signUp(t.app);
}, 60_000);

const read = async (as: BrowserSession) => {
  const res = await c.api(as, 'GET', '/onboarding');
  expect(res.statusCode, res.body).toBe(200);
  return onboardingSchema.parse(res.json().data);
};
const doneOf = async (as: BrowserSession) =>
  Object.fromEntries((await read(as)).steps.map((s) => [s.id, s.done]));
const dismissals = () =>
  dbRows(t, sql`select tenant_id, user_id from onboarding_dismissals order by tenant_id, user_id`);

describe('first-run checklist', () => {
  it("a new company's owner sees every step, none done, in order, each with the page it is done on", async () => {
    const onboarding = await read(owner);
    expect(onboarding.dismissed).toBe(false);
    expect(onboarding.steps.map((s) => [s.id, s.href, s.done])).toEqual([
      ['company-settings', '/settings/company', false],
      ['invite-member', '/settings/members', false],
      ['import-leads', '/leads', false],
      ['create-deal', '/deals', false],
    ]);
    expect(onboarding.steps[0]?.label).toBe('Add your company details');
  });

  it('each step turns done from what the company did, in this company only', async () => {
    const settings = (await c.api(owner, 'GET', '/settings')).json().data;
    const saved = await c.api(owner, 'PATCH', '/settings', {
      companyName: 'Checklist Ltd',
      version: settings.version,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    admin = await memberWithRole(t, owner.tenantId, { key: 'admin' });
    const deal = await c.api(owner, 'POST', '/deals', { title: 'First deal' });
    expect(deal.statusCode, deal.body).toBe(201);
    expect(await doneOf(owner)).toEqual({
      'company-settings': true,
      'invite-member': true,
      'import-leads': false,
      'create-deal': true,
    });
    expect(Object.values(await doneOf(other)).every((d) => d === false)).toBe(true);
  });

  it('dismissing hides it for the caller only; it stays hidden; showing it again works; idempotent', async () => {
    const before = await dismissals();
    const res = await c.api(owner, 'PATCH', '/onboarding', { dismissed: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data.dismissed).toBe(true);
    expect((await c.api(owner, 'PATCH', '/onboarding', { dismissed: true })).statusCode).toBe(200);
    expect(await dismissals()).toHaveLength(before.length + 1);
    expect((await read(owner)).dismissed).toBe(true);
    expect((await read(admin)).dismissed).toBe(false);
    expect((await read(other)).dismissed).toBe(false);
    const shown = await c.api(owner, 'PATCH', '/onboarding', { dismissed: false });
    expect(shown.json().data.dismissed).toBe(false);
    expect(await dismissals()).toEqual(before);
  });

  it('needs settings.manage (403 for an agent, 401 without a caller); an API key sees only the steps its permissions allow', async () => {
    sales = await memberWithRole(t, owner.tenantId, { key: 'sales' });
    expect((await c.api(sales, 'GET', '/onboarding')).statusCode).toBe(403);
    expect((await c.api(sales, 'PATCH', '/onboarding', { dismissed: true })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/onboarding' })).statusCode).toBe(401);
    const key = await createApiKey(t, owner, ['settings.manage']);
    const bearer = (method: 'GET') =>
      t.app.inject({
        method,
        url: '/api/v1/onboarding',
        headers: { authorization: `Bearer ${key.key}` },
      });
    const got = await bearer('GET');
    expect(got.statusCode, got.body).toBe(200);
    expect(got.json().data.steps.map((s: { id: string }) => s.id)).toEqual(['company-settings']);
  });

  it('bad bodies are a 400 and change nothing', async () => {
    const before = await dismissals();
    for (const body of [
      {},
      { dismissed: 'yes' },
      { dismissed: 1 },
      { dismissed: null },
      { dismissed: true, extra: 1 },
      { dismissed: true, tenantId: other.tenantId },
      [],
      { dismissed: 'a\u0000b' },
      { dismissed: true, note: 'x'.repeat(100_000) },
    ]) {
      const res = await c.api(owner, 'PATCH', '/onboarding', body);
      expect(res.statusCode, `${JSON.stringify(body).slice(0, 60)}: ${res.body}`).toBe(400);
    }
    expect(await dismissals()).toEqual(before);
  });
});
