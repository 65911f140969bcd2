import { reportSubscriptionSchema } from '@tessera/contracts';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { sendDueReports } from '../../src/modules/reporting/index.ts';
import {
  firstRunAt,
  lastSendDay,
  localDateHour,
  periodOf,
  zonedInstant,
} from '../../src/modules/reporting/report-schedule.ts';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi, MISSING_ID } from '../helpers/crm-api.ts';
import { addMember, memberIdOf } from '../helpers/members.ts';
import { dbRows, memberWithRole } from '../helpers/tenant-fixtures.ts';

const t = setupApiTest();
const { api, create, snapshot } = crmApi(t);
const log = pino({ level: 'silent' });
const links = { appUrl: 'https://app.example.test' };
const TABLES = ['report_subscriptions'] as const;
const TZ = 'Europe/Berlin';
/** 06:30 in Berlin on 1 December 2026: monthly reports for November are due. */
const DEC_1 = new Date('2026-12-01T05:30:00Z');

let owner: BrowserSession;
let agent: BrowserSession;
let noMoney: BrowserSession;
let crew: BrowserSession;
let other: BrowserSession;

const exec = (q: ReturnType<typeof sql>) => t.database.db.execute(q);
const subscribe = async (as: BrowserSession, body: object) =>
  reportSubscriptionSchema.parse(await create(as, '/report-subscriptions', body));
/** Makes a subscription due (as if it had been created before the send time). */
const makeDue = (id: string) =>
  exec(sql`update report_subscriptions set next_run_at = '2026-11-30T00:00:00Z' where id = ${id}`);
/** The report e-mails (with an attachment; not invitations) to `email`. */
const mails = (email: string) =>
  dbRows<{ id: string; subject: string; text_body: string }>(
    t,
    sql`select id, subject, text_body from mail_outbox o where to_address = ${email}
      and exists (select 1 from mail_attachments a where a.mail_id = o.id) order by created_at, id`,
  );
const csvOf = async (mailId: string) => {
  const [a] = await dbRows<{ filename: string; content_type: string; content: Uint8Array | string }>(
    t,
    sql`select filename, content_type, content from mail_attachments where mail_id = ${mailId} and position >= 0`,
  );
  if (!a) throw new Error('no attachment');
  const bytes =
    typeof a.content === 'string'
      ? Buffer.from(a.content.replace(/^\\x/, ''), 'hex')
      : Buffer.from(a.content);
  return { filename: a.filename, contentType: a.content_type, text: bytes.toString('utf8') };
};
const subRow = async (id: string) =>
  (
    await dbRows<{
      active: boolean;
      paused_reason: string | null;
      last_sent_period: string | null;
      next_run_at: Date;
    }>(
      t,
      sql`select active, paused_reason, last_sent_period::text, next_run_at from report_subscriptions where id = ${id}`,
    )
  )[0];

beforeAll(async () => {
  owner = await signUp(t.app, { name: 'Report Owner' });
  other = await signUp(t.app, { name: 'Other Company' });
  agent = await addMember(t.app, t.database, owner, 'sales', 'Agent Own');
  crew = await addMember(t.app, t.database, owner, 'crew');
  noMoney = await memberWithRole(t, owner.tenantId, {
    permissions: ['reports.view', 'reports.export', 'deals.view', 'leads.view'],
  });
  // The sales role reads reports (scope own) but may not export: this agent is granted the export.
  const m = await memberIdOf(t.app, owner, agent.userId);
  const granted = await api(owner, 'PATCH', `/members/${m.id}`, {
    grants: ['reports.export'],
    version: m.version,
  });
  expect(granted.statusCode, granted.body).toBe(200);
  await exec(sql`update tenant_settings set timezone = ${TZ} where tenant_id = ${owner.tenantId}`);

  const lead = async (as: BrowserSession, source: string, status: string, createdAt: string) => {
    const l = await create(as, '/leads', { firstName: 'L', lastName: status, source });
    await exec(sql`update leads set status = ${status}, created_at = ${createdAt} where id = ${l.id}`);
  };
  await lead(owner, 'web', 'new', '2026-10-31T23:30:00Z'); // 1 November 00:30 in Berlin: in the period
  await lead(owner, 'web', 'won', '2026-11-15T10:00:00Z');
  await lead(owner, 'fair', 'qualified', '2026-11-20T10:00:00Z');
  await lead(agent, 'web', 'in_progress', '2026-11-10T10:00:00Z');
  await lead(agent, 'web', 'new', '2026-11-30T23:30:00Z'); // 1 December in Berlin: not in November
  await lead(other, 'web', 'won', '2026-11-15T10:00:00Z'); // another company: never counted

  const [pipe] = (await api(owner, 'GET', '/pipelines')).json().data;
  const d = await create(owner, '/deals', { title: 'Won', pipelineId: pipe.id, amountCents: 12_345 });
  await exec(sql`update deals set status = 'won', closed_at = '2026-11-12T12:00:00Z' where id = ${d.id}`);
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

describe('the report e-mail job', () => {
  it('mails the month just ended with the CSV, once, however often or concurrently it runs', async () => {
    await exec(sql`delete from report_subscriptions`);
    const s = await subscribe(owner, {
      kpi: 'lead-funnel',
      query: { grouping: 'month' },
      frequency: 'monthly',
    });
    await makeDue(s.id);
    const [first, second] = await Promise.all([
      sendDueReports(t.database, log, DEC_1, links),
      sendDueReports(t.database, log, DEC_1, links),
    ]);
    await sendDueReports(t.database, log, DEC_1, links);
    const sent = [...(first ?? []), ...(second ?? [])].filter((o) => 'mailId' in o);
    expect(sent).toHaveLength(1);
    const inbox = await mails(owner.email);
    expect(inbox).toHaveLength(1);
    const [mail] = inbox;
    expect(mail?.subject).toBe('Lead funnel: 2026-11-01 to 2026-11-30');
    expect(mail?.text_body).toContain('Hello Report Owner');
    expect(mail?.text_body).toContain('- Leads: 4');
    const csv = await csvOf(mail?.id ?? '');
    expect(csv.filename).toBe('lead-funnel-2026-11-01-2026-11-30.csv');
    expect(csv.contentType).toContain('text/csv');
    // Owner: 4 leads in November in Berlin (the agent's included; not the one of 1 December, not the other company's).
    expect(csv.text.split('\r\n')).toEqual([
      'Status,Leads,Reached,Conversion',
      'new,1,4,',
      'in_progress,1,3,75',
      'qualified,1,2,66.7',
      'won,1,1,50',
      'lost,0,,',
      'Total,4,,25',
      '',
    ]);
    const row = await subRow(s.id);
    expect(row).toMatchObject({ active: true, last_sent_period: '2026-11-01' });
    expect(new Date(row?.next_run_at ?? 0).toISOString()).toBe('2027-01-01T05:00:00.000Z');
    // Made due again for the same period (e.g. a restored row): still nothing more.
    await makeDue(s.id);
    await sendDueReports(t.database, log, DEC_1, links);
    expect(await mails(owner.email)).toHaveLength(1);
  });

  it('waits while the company is suspended, then sends the latest period once', async () => {
    const s = await subscribe(other, { kpi: 'lead-funnel', frequency: 'monthly' });
    await makeDue(s.id);
    await exec(sql`update tenants set status = 'suspended' where id = ${other.tenantId}`);
    expect(await sendDueReports(t.database, log, DEC_1, links)).toEqual([]);
    expect(await mails(other.email)).toEqual([]);
    await exec(sql`update tenants set status = 'active' where id = ${other.tenantId}`);
    const later = new Date('2026-12-20T12:00:00Z');
    expect((await sendDueReports(t.database, log, later, links)).map((o) => Object.keys(o)[0])).toEqual([
      'mailId',
    ]);
    const [mail] = await mails(other.email);
    expect(mail?.subject).toBe('Lead funnel: 2026-11-01 to 2026-11-30');
    expect((await csvOf(mail?.id ?? '')).text).toContain('Total,1,,100'); // only its own company's lead
  });

  it('computes as the member: scope own and hidden money apply to the mailed CSV', async () => {
    const a = await subscribe(agent, { kpi: 'lead-funnel', frequency: 'monthly' });
    const n = await subscribe(noMoney, { kpi: 'revenue-by-month', frequency: 'monthly' });
    const o = await subscribe(owner, { kpi: 'revenue-by-month', frequency: 'monthly' });
    for (const id of [a.id, n.id, o.id]) await makeDue(id);
    const outcomes = await sendDueReports(t.database, log, DEC_1, links);
    expect(outcomes.map((x) => Object.keys(x)[0])).toEqual(['mailId', 'mailId', 'mailId']);
    const [agentMail] = await mails(agent.email);
    const agentCsv = (await csvOf(agentMail?.id ?? '')).text;
    expect(agentCsv).toContain('in_progress,1,1,');
    expect(agentCsv).toContain('Total,1,,0');
    const [hidden] = await mails(noMoney.email);
    expect((await csvOf(hidden?.id ?? '')).text.split('\r\n')).toEqual([
      'Period,Deals won,Revenue',
      '2026-11-01,1,',
      'Total,1,',
      '',
    ]);
    expect(hidden?.text_body).toContain('Amounts are hidden');
    const shown = (await mails(owner.email)).find((m) => m.subject.startsWith('Deals won and revenue'));
    expect((await csvOf(shown?.id ?? '')).text).toContain('Total,1,12345');
    expect(shown?.text_body).toContain('- Revenue: 123.45');
  });

  it('pauses (no mail) when the member lost reports.view or was disabled', async () => {
    await exec(sql`delete from mail_outbox where to_address = ${agent.email}`);
    const s = await subscribe(agent, { kpi: 'lead-funnel', frequency: 'weekly', weekday: 1 });
    const m = await memberIdOf(t.app, owner, agent.userId);
    const denied = await api(owner, 'PATCH', `/members/${m.id}`, {
      denials: ['reports.view'],
      version: m.version,
    });
    expect(denied.statusCode, denied.body).toBe(200);
    await makeDue(s.id);
    const outcomes = await sendDueReports(t.database, log, DEC_1, links);
    expect(outcomes).toEqual([{ paused: 'You no longer have the permission reports.view' }]);
    expect(await subRow(s.id)).toMatchObject({
      active: false,
      paused_reason: expect.stringContaining('reports.view'),
    });
    expect(await mails(agent.email)).toEqual([]);

    const x = await subscribe(noMoney, { kpi: 'lead-funnel', frequency: 'weekly', weekday: 1 });
    await exec(
      sql`update memberships set status = 'disabled' where user_id = ${noMoney.userId} and tenant_id = ${owner.tenantId}`,
    );
    await makeDue(x.id);
    expect(await sendDueReports(t.database, log, DEC_1, links)).toEqual([
      { paused: 'You are no longer an active member of this company' },
    ]);
    expect((await mails(noMoney.email)).filter((mm) => mm.subject.startsWith('Lead funnel'))).toEqual([]);
  });
});
