import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi, MISSING_ID } from '../helpers/crm-api.ts';
import { addMember } from '../helpers/members.ts';

let owner: BrowserSession;
let other: BrowserSession;
type Stage = { id: string; name: string };
type Pipe = { id: string; stages: Stage[] };
type Column = { name: string; count: number; amountCents?: number; deals: { id: string }[] };
let p: Pipe;
const stage = (name: string) => p.stages.find((s) => s.name === name)?.id as string;
const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();

const t = setupApiTest();
const c = crmApi(t);
beforeAll(async () => {
  owner = await signUp(t.app);
  other = await signUp(t.app);
  p = await c.create(owner, '/pipelines', {
    name: 'Closed columns',
    stages: [
      { name: 'Open', probability: 20 },
      { name: 'Won', probability: 100, kind: 'won' },
      { name: 'Lost', probability: 0, kind: 'lost' },
    ],
  });
});

const board = async (as: BrowserSession, query = '') => {
  const res = await c.api(as, 'GET', `/pipelines/${p.id}/board${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().data as { closed: { from: string; to: string | null }; stages: Column[] };
};
const summary = (stages: Column[]) =>
  stages.map((s) => [s.name, s.count, s.amountCents, s.deals.map((d) => d.id)]);
const closeAt = (id: string, iso: string) =>
  t.database.db.execute(sql`update deals set closed_at = ${iso} where id = ${id}`);

describe('the board: won and lost columns', () => {
  it("show the period's closed deals with their totals (default: the last 30 days; closedFrom / closedTo)", async () => {
    const open = await c.create(owner, '/deals', { title: 'open', pipelineId: p.id, amountCents: 100 });
    const won = await c.create(owner, '/deals', { title: 'won', pipelineId: p.id, amountCents: 700 });
    expect((await c.api(owner, 'POST', `/deals/${won.id}/won`, {})).statusCode).toBe(200);
    const lost = await c.create(owner, '/deals', { title: 'lost', pipelineId: p.id, amountCents: 50 });
    expect((await c.api(owner, 'POST', `/deals/${lost.id}/lost`, { reason: 'Price' })).statusCode).toBe(200);
    const oldWon = await c.create(owner, '/deals', { title: 'old', pipelineId: p.id, stageId: stage('Won') });
    await closeAt(oldWon.id, daysAgo(40));
    const archived = await c.create(owner, '/deals', {
      title: 'gone',
      pipelineId: p.id,
      stageId: stage('Won'),
    });
    await c.api(owner, 'POST', `/deals/${archived.id}/archive`, {});

    const recent = await board(owner);
    expect(Date.parse(recent.closed.from)).toBeGreaterThan(Date.now() - 31 * DAY);
    expect(recent.closed.to).toBeNull();
    expect(summary(recent.stages)).toEqual([
      ['Open', 1, 100, [open.id]],
      ['Won', 1, 700, [won.id]],
      ['Lost', 1, 50, [lost.id]],
    ]);

    const wider = await board(owner, `?closedFrom=${encodeURIComponent(daysAgo(60))}`);
    expect(summary(wider.stages)[1]).toEqual(['Won', 2, 700, [oldWon.id, won.id]]);
    const window = `?closedFrom=${encodeURIComponent(daysAgo(60))}&closedTo=${encodeURIComponent(daysAgo(30))}`;
    const past = await board(owner, window);
    expect(summary(past.stages)).toEqual([
      ['Open', 1, 100, [open.id]],
      ['Won', 1, 0, [oldWon.id]],
      ['Lost', 0, 0, []],
    ]);
  });

  it('a deal marked won moves to the Won column (it does not vanish); reopening moves it back', async () => {
    const deal = await c.create(owner, '/deals', { title: 'to win', pipelineId: p.id });
    await c.api(owner, 'POST', `/deals/${deal.id}/won`, { version: 1 });
    const won = (await board(owner)).stages.find((s) => s.name === 'Won');
    expect(won?.deals[0]?.id).toBe(deal.id);
    await c.api(owner, 'POST', `/deals/${deal.id}/stage`, { stageId: stage('Open') });
    const after = await board(owner);
    expect(after.stages[0]?.deals.map((d) => d.id)).toContain(deal.id);
    expect(after.stages[1]?.deals.map((d) => d.id)).not.toContain(deal.id);
  });

  it('applies the record scope and hides money to the closed columns too', async () => {
    const agent = await addMember(t.app, t.database, owner, 'sales');
    const marketing = await addMember(t.app, t.database, owner, 'marketing');
    const mine = await c.create(agent, '/deals', { title: 'agent won', pipelineId: p.id, amountCents: 3 });
    await c.api(agent, 'POST', `/deals/${mine.id}/won`, {});
    const seen = await board(agent);
    expect(summary(seen.stages)[1]).toEqual(['Won', 1, 3, [mine.id]]);
    const hidden = await board(marketing);
    expect(hidden.stages[1]).not.toHaveProperty('amountCents');
    expect(hidden.stages[1]?.deals[0]).not.toHaveProperty('amountCents');
  });

  it('bad periods and unknown parameters are 400s; another tenant cannot read the board (404)', async () => {
    const before = await c.snapshot(owner.tenantId, ['deals', 'pipelines']);
    for (const query of [
      '?closedFrom=yesterday',
      '?closedFrom=2026-01-01',
      `?closedFrom=${encodeURIComponent('2026-01-01T00:00:00Z\u0000')}`,
      `?closedFrom=${'9'.repeat(5000)}`,
      `?closedFrom=${encodeURIComponent(daysAgo(1))}&closedTo=${encodeURIComponent(daysAgo(2))}`,
      '?closedFrom=2026-01-01T00:00:00Z&closedFrom=2026-02-01T00:00:00Z',
      '?status=won',
    ]) {
      const res = await c.api(owner, 'GET', `/pipelines/${p.id}/board${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.code, query).toBe('VALIDATION_ERROR');
    }
    expect((await c.api(other, 'GET', `/pipelines/${p.id}/board`)).statusCode).toBe(404);
    expect((await c.api(owner, 'GET', `/pipelines/${MISSING_ID}/board`)).statusCode).toBe(404);
    expect(await c.snapshot(owner.tenantId, ['deals', 'pipelines'])).toEqual(before);
  });
});
