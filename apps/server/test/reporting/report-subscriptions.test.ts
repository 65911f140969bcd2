import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  firstRunAt,
  lastSendDay,
  localDateHour,
  periodOf,
  zonedInstant,
} from '../../src/modules/reporting/report-schedule.ts';
import { setupApiTest } from '../helpers/api-test.ts';
import type { BrowserSession } from '../helpers/auth-client.ts';
import { crmApi, MISSING_ID } from '../helpers/crm-api.ts';
import { dbRows } from '../helpers/tenant-fixtures.ts';
import { DEC_1, reportHelpers, seedReportCompany, TZ } from './report-fixtures.ts';

const t = setupApiTest();
const { api, snapshot } = crmApi(t);
const { exec, subscribe, subRow } = reportHelpers(t);
const TABLES = ['report_subscriptions'] as const;

let owner: BrowserSession;
let agent: BrowserSession;
let noMoney: BrowserSession;
let crew: BrowserSession;
let other: BrowserSession;

beforeAll(async () => {
  ({ owner, agent, noMoney, crew, other } = await seedReportCompany(t));
});

describe('due computation (company time zone)', () => {
  it('weekly on a weekday: the 7 days before, sent at 06:00 local time', () => {
    // Wednesday 2 December 2026, 07:00 in Berlin → the last Monday send day is 30 November.
    const now = new Date('2026-12-02T06:00:00Z');
    expect(lastSendDay('weekly', 1, now, TZ)).toBe('2026-11-30');
    expect(periodOf('weekly', '2026-11-30')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(firstRunAt('weekly', 1, now, TZ).toISOString()).toBe('2026-12-07T05:00:00.000Z');
    // Monday 30 November 05:59 in Berlin: this Monday's e-mail is still to come.
    expect(firstRunAt('weekly', 1, new Date('2026-11-30T04:59:00Z'), TZ).toISOString()).toBe(
      '2026-11-30T05:00:00.000Z',
    );
  });
  it('monthly on day 1: the month before; summer time and other zones', () => {
    expect(lastSendDay('monthly', null, DEC_1, TZ)).toBe('2026-12-01');
    expect(periodOf('monthly', '2026-12-01')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(periodOf('monthly', '2026-03-01')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    // 05:30 UTC on 1 December is still 30 November in New York: November is not over there.
    expect(lastSendDay('monthly', null, DEC_1, 'America/New_York')).toBe('2026-11-01');
    expect(zonedInstant('2026-07-01', 6, TZ).toISOString()).toBe('2026-07-01T04:00:00.000Z');
    expect(zonedInstant('2026-07-01', 6, 'Asia/Kolkata').toISOString()).toBe('2026-07-01T00:30:00.000Z');
    expect(localDateHour(new Date('2026-07-01T04:00:00Z'), TZ)).toEqual({ date: '2026-07-01', hour: 6 });
  });
});

describe('report subscriptions API', () => {
  it('creates mine (next run at 06:00 on the next send day in the company time zone), lists only mine', async () => {
    const s = await subscribe(owner, {
      kpi: 'lead-funnel',
      query: { grouping: 'week', source: 'web' },
      frequency: 'weekly',
      weekday: 3,
    });
    expect(s).toMatchObject({
      kpi: 'lead-funnel',
      title: 'Lead funnel',
      frequency: 'weekly',
      weekday: 3,
      active: true,
    });
    const local = localDateHour(new Date(s.nextRunAt), TZ);
    expect(local.hour).toBe(6);
    expect(new Date(`${local.date}T00:00:00Z`).getUTCDay()).toBe(3);
    expect(Date.parse(s.nextRunAt)).toBeGreaterThan(Date.now());
    expect(Date.parse(s.nextRunAt) - Date.now()).toBeLessThanOrEqual(8 * 86_400_000);
    const mine = (await api(owner, 'GET', '/report-subscriptions')).json().data;
    expect(mine.map((x: { id: string }) => x.id)).toContain(s.id);
    const others = await api(other, 'GET', '/report-subscriptions');
    expect(others.statusCode).toBe(200);
    expect(others.json().data).toEqual([]);
    const audit = await dbRows(t, sql`select action from audit_logs where target_id = ${s.id}`);
    expect(audit.map((a) => a.action)).toContain('report_subscription.created');
  });

  it('refuses bad input, unknown KPIs and filters the KPI does not take; nothing is stored', async () => {
    const before = await snapshot(owner.tenantId, TABLES);
    const bad: [object, number][] = [
      [{ kpi: 'lead-funnel', frequency: 'weekly' }, 400], // no weekday
      [{ kpi: 'lead-funnel', frequency: 'monthly', weekday: 2 }, 400],
      [{ kpi: 'lead-funnel', frequency: 'weekly', weekday: 8 }, 400],
      [{ kpi: 'lead-funnel', frequency: 'daily' }, 400],
      [{ kpi: 'lead-funnel', frequency: 'monthly', extra: 1 }, 400],
      [{ kpi: 'lead-funnel', frequency: 'monthly', query: { from: '2026-01-01' } }, 400],
      [{ kpi: 'lead-funnel', frequency: 'monthly', query: { source: 'x'.repeat(101) } }, 400],
      [{ kpi: 'lead-funnel', frequency: 'monthly', query: { source: 'we\u0000b' } }, 400],
      [{ kpi: 'lead-funnel', frequency: 'monthly', query: { ownerId: 'nope' } }, 400],
      [{ kpi: 'lead-funnel', frequency: 'monthly', query: { pipelineId: MISSING_ID } }, 400], // not its filter
      [{ kpi: 'Lead Funnel', frequency: 'monthly' }, 400],
      [{ kpi: 'no-such-kpi', frequency: 'monthly' }, 404],
      [{ kpi: 42, frequency: 'monthly' }, 400],
      [{ frequency: 'monthly' }, 400],
      [[], 400],
    ];
    for (const [body, status] of bad) {
      const res = await api(owner, 'POST', '/report-subscriptions', body);
      expect(res.statusCode, `${JSON.stringify(body)} → ${res.body}`).toBe(status);
    }
    // A KPI of a module that is off for the company: 404 like GET /reports/kpis/:name.
    await exec(sql`insert into feature_flags (tenant_id, key, enabled) values (${owner.tenantId}, 'sales', false)
      on conflict (tenant_id, key) do update set enabled = false`);
    const off = await api(owner, 'POST', '/report-subscriptions', {
      kpi: 'ar-summary',
      frequency: 'monthly',
    });
    expect(off.statusCode, off.body).toBe(404);
    await exec(sql`delete from feature_flags where tenant_id = ${owner.tenantId} and key = 'sales'`);
    expect(await snapshot(owner.tenantId, TABLES)).toEqual(before);
  });

  it('needs reports.view, reports.export and the KPI permission', async () => {
    const before = await snapshot(owner.tenantId, TABLES);
    expect((await api(crew, 'GET', '/report-subscriptions')).statusCode).toBe(403);
    expect(
      (await api(crew, 'POST', '/report-subscriptions', { kpi: 'lead-funnel', frequency: 'monthly' }))
        .statusCode,
    ).toBe(403);
    // noMoney may export, but not read invoices.
    expect(
      (await api(noMoney, 'POST', '/report-subscriptions', { kpi: 'ar-summary', frequency: 'monthly' }))
        .statusCode,
    ).toBe(403);
    expect(await snapshot(owner.tenantId, TABLES)).toEqual(before);
  });

  it('pauses, resumes, changes (version checked); another member or tenant gets 404 and changes nothing', async () => {
    const s = await subscribe(owner, { kpi: 'win-rate', frequency: 'monthly' });
    const paused = await api(owner, 'PATCH', `/report-subscriptions/${s.id}`, {
      active: false,
      version: s.version,
    });
    expect(paused.statusCode, paused.body).toBe(200);
    expect(paused.json().data).toMatchObject({ active: false, version: s.version + 1 });
    expect(
      (await api(owner, 'PATCH', `/report-subscriptions/${s.id}`, { active: true, version: s.version }))
        .statusCode,
    ).toBe(409);
    const before = await snapshot(owner.tenantId, TABLES);
    for (const as of [other, agent]) {
      expect(
        (await api(as, 'PATCH', `/report-subscriptions/${s.id}`, { active: true, version: 2 })).statusCode,
      ).toBe(404);
      expect((await api(as, 'DELETE', `/report-subscriptions/${s.id}`)).statusCode).toBe(404);
    }
    expect(
      (await api(owner, 'PATCH', `/report-subscriptions/${MISSING_ID}`, { active: true, version: 1 }))
        .statusCode,
    ).toBe(404);
    expect(
      (await api(owner, 'PATCH', `/report-subscriptions/${s.id}`, { frequency: 'weekly', version: 2 }))
        .statusCode,
    ).toBe(400);
    expect(
      (await api(owner, 'PATCH', `/report-subscriptions/${s.id}`, { version: 2, nope: 1 })).statusCode,
    ).toBe(400);
    expect(
      (
        await api(owner, 'PATCH', `/report-subscriptions/${s.id}`, {
          query: { source: 'web' },
          active: true,
          version: 2,
        })
      ).statusCode,
    ).toBe(400);
    expect((await api(owner, 'DELETE', '/report-subscriptions/not-a-uuid')).statusCode).toBe(400);
    const weekdayOnMonthly = await api(owner, 'PATCH', `/report-subscriptions/${s.id}`, {
      weekday: 2,
      version: 2,
    });
    expect(weekdayOnMonthly.statusCode).toBe(400);
    expect(await snapshot(owner.tenantId, TABLES)).toEqual(before);
    const weekly = await api(owner, 'PATCH', `/report-subscriptions/${s.id}`, {
      frequency: 'weekly',
      weekday: 5,
      active: true,
      version: 2,
    });
    expect(weekly.statusCode, weekly.body).toBe(200);
    expect(weekly.json().data).toMatchObject({
      frequency: 'weekly',
      weekday: 5,
      active: true,
      pausedReason: null,
    });
    expect((await api(owner, 'DELETE', `/report-subscriptions/${s.id}`)).statusCode).toBe(200);
    expect(await subRow(s.id)).toBeUndefined();
  });

  it('is behind the reporting feature', async () => {
    await exec(sql`insert into feature_flags (tenant_id, key, enabled) values (${other.tenantId}, 'reporting', false)
      on conflict (tenant_id, key) do update set enabled = false`);
    expect((await api(other, 'GET', '/report-subscriptions')).statusCode).toBe(404);
    await exec(sql`delete from feature_flags where tenant_id = ${other.tenantId} and key = 'reporting'`);
  });
});
