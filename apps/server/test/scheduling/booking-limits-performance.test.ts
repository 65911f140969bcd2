import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { crmApi } from '../helpers/crm-api.ts';
import { bookingTenant, dayAfter, person, visit } from './booking-fixtures.ts';

// A low public limit: the rate-limit case, and the performance figures (made through the staff API).
const t = setupApiTest({ env: { BOOKING_RATE_LIMIT_PER_MINUTE: '4' } });
const c = crmApi(t);
let co: Awaited<ReturnType<typeof bookingTenant>>;

beforeAll(async () => {
  co = await bookingTenant(t, c);
});

describe('public booking rate limit', () => {
  it('per client address and route: the fifth request in a minute is a 429, another address gets through', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 5; i++)
      codes.push((await visit(t, 'GET', co.page, undefined, '192.0.2.1')).statusCode);
    expect(codes).toEqual([200, 200, 200, 200, 429]);
    const posts: number[] = [];
    for (let i = 0; i < 5; i++)
      posts.push(
        (await visit(t, 'POST', co.page, person(1, '2001-01-01T10:00:00Z'), '192.0.2.1')).statusCode,
      );
    expect(posts).toEqual([400, 400, 400, 400, 429]);
    const limited = await visit(t, 'GET', co.page, undefined, '192.0.2.1');
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    expect((await visit(t, 'GET', co.page, undefined, '192.0.2.2')).statusCode).toBe(200);
  });
});

describe('agent performance KPI', () => {
  it('booked (by whom), assigned, held, no-show, cancelled, closed per member; record scope applies', async () => {
    const day = dayAfter(0);
    const lead = await c.create(co.owner, '/leads', { firstName: 'Won', lastName: 'Lead' });
    const lost = await c.create(co.owner, '/leads', { firstName: 'Other', lastName: 'Lead' });
    const make = (as: typeof co.owner, hh: string, leadId: string) =>
      c.create(as, '/scheduling/appointments', {
        typeId: co.type.id,
        agentId: co.agent.id,
        leadId,
        startsAt: `${day}T${hh}:00:00.000Z`,
      });
    const held = await make(co.owner, '08', lead.id);
    const noShow = await make(co.owner, '10', lost.id);
    const mine = await c.create(co.sales, '/leads', { firstName: 'Sales', lastName: 'Lead' });
    const cancelled = await make(co.sales, '12', mine.id);
    await make(co.sales, '14', mine.id);
    const act = async (id: string, action: string, body: object = {}) => {
      const r = await c.api(co.owner, 'POST', `/scheduling/appointments/${id}/${action}`, body);
      expect(r.statusCode, r.body).toBe(200);
    };
    await act(held.id, 'complete', { outcome: 'qualified' });
    await act(noShow.id, 'no-show');
    await act(cancelled.id, 'cancel');
    const won = await c.api(co.owner, 'POST', `/leads/${lead.id}/convert`, { createDeal: false });
    expect(won.statusCode, won.body).toBe(200);

    const query = `/reports/kpis/appointment-performance?from=${new Date().toISOString().slice(0, 10)}&to=${dayAfter(7)}`;
    const res = await c.api(co.owner, 'GET', query);
    expect(res.statusCode, res.body).toBe(200);
    const rows = res.json().data.rows as Record<string, unknown>[];
    const pick = (r: Record<string, unknown>) => ({
      booked: r.booked,
      assigned: r.assigned,
      held: r.held,
      noShow: r.noShow,
      cancelled: r.cancelled,
      closed: r.closed,
      showRate: r.showRate,
    });
    const byId = new Map(rows.map((r) => [r.memberId, pick(r)]));
    expect(byId.get(co.owner.userId)).toEqual({
      booked: 2,
      assigned: 0,
      held: 0,
      noShow: 0,
      cancelled: 0,
      closed: 0,
      showRate: null,
    });
    expect(byId.get(co.sales.userId)).toEqual({
      booked: 2,
      assigned: 4,
      held: 1,
      noShow: 1,
      cancelled: 1,
      closed: 1,
      showRate: 50,
    });
    expect(res.json().data.totals).toMatchObject({ booked: 4, assigned: 4, held: 1, closed: 1 });
    // The Sales role (scope own) sees only the appointments it owns (it is the agent of all four here).
    const own = await c.api(co.sales, 'GET', query);
    expect(own.statusCode).toBe(200);
    expect(own.json().data.totals).toMatchObject({ assigned: 4 });
    // Bad query → 400.
    expect((await c.api(co.owner, 'GET', `${query}&pipelineId=nope`)).statusCode).toBe(400);
  });
});
