import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { sendDueReports } from '../../src/modules/reporting/index.ts';
import { setupApiTest } from '../helpers/api-test.ts';
import type { BrowserSession } from '../helpers/auth-client.ts';
import { crmApi } from '../helpers/crm-api.ts';
import { memberIdOf } from '../helpers/members.ts';
import { DEC_1, links, log, reportHelpers, seedReportCompany } from './report-fixtures.ts';

const t = setupApiTest();
const { api } = crmApi(t);
const { exec, subscribe, makeDue, mails, csvOf, subRow } = reportHelpers(t);

let owner: BrowserSession;
let agent: BrowserSession;
let noMoney: BrowserSession;
let other: BrowserSession;

beforeAll(async () => {
  ({ owner, agent, noMoney, other } = await seedReportCompany(t));
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
