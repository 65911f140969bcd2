import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi } from '../helpers/crm-api.ts';
import { addMember } from '../helpers/members.ts';
import { dbRows } from '../helpers/tenant-fixtures.ts';

// No dispatcher runs in this app, so every committed event stays in the outbox where the test reads it.
let owner: BrowserSession;
let agent: BrowserSession;

const t = setupApiTest();
const c = crmApi(t);
beforeAll(async () => {
  owner = await signUp(t.app);
  agent = await addMember(t.app, t.database, owner, 'sales');
});

type Row = { type: string; payload: Record<string, unknown>; actor_user_id: string | null; seq: number };
const events = (tenantId: string) =>
  dbRows<Row>(
    t,
    sql`select type, payload, actor_user_id, seq from event_outbox where tenant_id = ${tenantId} order by seq`,
  );
/** Runs `fn`, returns the events it committed (type + payload). */
const emittedBy = async (fn: () => Promise<unknown>) => {
  const before = (await events(owner.tenantId)).length;
  await fn();
  return (await events(owner.tenantId)).slice(before).map((e) => ({ type: e.type, payload: e.payload }));
};

describe('services emit their events in their transaction', () => {
  it('identity: inviting and joining emit member.invited and member.joined, by the acting user', async () => {
    const all = await events(owner.tenantId);
    const invited = all.find((e) => e.type === 'member.invited');
    const joined = all.find((e) => e.type === 'member.joined');
    expect(invited?.actor_user_id).toBe(owner.userId);
    expect(joined).toMatchObject({ actor_user_id: agent.userId, payload: { userId: agent.userId } });
    expect(all.map((e) => Number(e.seq))).toEqual(all.map((_, i) => i + 1));
  });

  it('leads: created (+ assigned to its owner), updated, assigned, converted', async () => {
    let lead = { id: '', version: 1 };
    expect(
      await emittedBy(async () => {
        lead = await c.create(owner, '/leads', {
          firstName: 'Ada',
          lastName: 'Lovelace',
          companyName: 'Engines',
        });
      }),
    ).toEqual([
      { type: 'lead.created', payload: { leadId: lead.id, ownerId: owner.userId, status: 'new' } },
      { type: 'lead.assigned', payload: { leadId: lead.id, ownerId: owner.userId, previousOwnerId: null } },
    ]);
    expect(
      await emittedBy(() =>
        c.api(owner, 'PATCH', `/leads/${lead.id}`, { phone: '+44 20 7946 0000', version: 1 }),
      ),
    ).toEqual([{ type: 'lead.updated', payload: { leadId: lead.id, version: 2, changed: ['phone'] } }]);
    expect(
      await emittedBy(() => c.api(owner, 'POST', `/leads/${lead.id}/assign`, { ownerId: agent.userId })),
    ).toEqual([
      { type: 'lead.updated', payload: { leadId: lead.id, version: 3, changed: ['ownerId'] } },
      {
        type: 'lead.assigned',
        payload: { leadId: lead.id, ownerId: agent.userId, previousOwnerId: owner.userId },
      },
    ]);
    const converted = await emittedBy(async () => {
      const res = await c.api(owner, 'POST', `/leads/${lead.id}/convert`, { createDeal: true });
      expect(res.statusCode).toBe(200);
    });
    expect(converted.map((e) => e.type)).toEqual(['lead.updated', 'lead.converted']);
    expect(converted[1]?.payload).toMatchObject({ leadId: lead.id, dealId: expect.any(String) });
  });

  it('a refused request (stale version, bad input) emits nothing', async () => {
    const lead = await c.create(owner, '/leads', { firstName: 'Stale', lastName: 'Version' });
    expect(
      await emittedBy(async () => {
        expect(
          (await c.api(owner, 'PATCH', `/leads/${lead.id}`, { phone: '1', version: 9 })).statusCode,
        ).toBe(409);
        expect((await c.api(owner, 'POST', `/leads/${lead.id}/assign`, { ownerId: 'nope' })).statusCode).toBe(
          400,
        );
        expect(
          (await c.api(agent, 'POST', '/leads', { firstName: 'x', lastName: 'y', tenantId: owner.tenantId }))
            .statusCode,
        ).toBe(400);
      }),
    ).toEqual([]);
  });

  it('deals: stage changes, won and lost (no money in the payloads)', async () => {
    const [pipe] = (await c.api(owner, 'GET', '/pipelines')).json().data as {
      id: string;
      stages: { id: string; name: string }[];
    }[];
    const stageId = (name: string) => pipe?.stages.find((s) => s.name === name)?.id;
    const deal = await c.create(owner, '/deals', { title: 'Roof', amountCents: 120_000 });
    expect(
      await emittedBy(() =>
        c.api(owner, 'POST', `/deals/${deal.id}/stage`, { stageId: stageId('Proposal') }),
      ),
    ).toEqual([
      {
        type: 'deal.stage_changed',
        payload: {
          dealId: deal.id,
          pipelineId: pipe?.id,
          fromStageId: deal.stageId,
          toStageId: stageId('Proposal'),
        },
      },
    ]);
    const won = await emittedBy(() => c.api(owner, 'POST', `/deals/${deal.id}/won`, {}));
    expect(won.map((e) => e.type)).toEqual(['deal.stage_changed', 'deal.won']);
    expect(won[1]?.payload).toEqual({ dealId: deal.id, ownerId: owner.userId });
    const other = await c.create(owner, '/deals', { title: 'Gutter', amountCents: 5_000 });
    const lost = await emittedBy(() =>
      c.api(owner, 'POST', `/deals/${other.id}/lost`, { reason: 'Too expensive' }),
    );
    expect(lost.map((e) => e.type)).toEqual(['deal.stage_changed', 'deal.lost']);
    expect(JSON.stringify([...won, ...lost])).not.toMatch(/amount|Cents/i);
  });

  it('tasks: assigned on creation and reassignment, completed', async () => {
    let task = { id: '' };
    expect(
      await emittedBy(async () => {
        task = await c.create(owner, '/tasks', { title: 'Call back', assigneeId: agent.userId });
      }),
    ).toEqual([
      {
        type: 'task.assigned',
        payload: { taskId: task.id, assigneeId: agent.userId, previousAssigneeId: null, title: 'Call back' },
      },
    ]);
    expect(
      (
        await emittedBy(() =>
          c.api(owner, 'PATCH', `/tasks/${task.id}`, { assigneeId: owner.userId, version: 1 }),
        )
      ).map((e) => e.type),
    ).toEqual(['task.assigned']);
    expect(await emittedBy(() => c.api(owner, 'POST', `/tasks/${task.id}/complete`, {}))).toEqual([
      { type: 'task.completed', payload: { taskId: task.id, assigneeId: owner.userId } },
    ]);
    expect(await emittedBy(() => c.api(owner, 'POST', `/tasks/${task.id}/complete`, {}))).toEqual([]);
  });
});
