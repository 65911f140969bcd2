import { reportSubscriptionSchema } from '@tessera/contracts';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { sendDueReports } from '../../src/modules/reporting/index.ts';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi } from '../helpers/crm-api.ts';
import { memberWithRole } from '../helpers/tenant-fixtures.ts';

// The report e-mail's HTML part, read back from the development mailbox as a developer would.

const t = setupApiTest();
const { api, create } = crmApi(t);
const log = pino({ level: 'silent' });
const links = { appUrl: 'https://app.example.test' };
/** 07:00 UTC on 1 December 2026 (the company's time zone is UTC): November's monthly e-mails are due. */
const DEC_1 = new Date('2026-12-01T07:00:00Z');
const SCRIPT = '<script>alert("x")</script>';

let owner: BrowserSession;
let noMoney: BrowserSession;

interface DevMail {
  to: string;
  subject: string;
  text: string;
  html: string | null;
  attachments: { filename: string; contentType: string }[];
}
const exec = (q: ReturnType<typeof sql>) => t.database.db.execute(q);
const inbox = async (email: string) => {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/dev/mailbox' });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().data as DevMail[]).filter((m) => m.to === email);
};
const mailOf = async (email: string, subject: string) => {
  const mail = (await inbox(email)).find((m) => m.subject.startsWith(subject));
  if (!mail) throw new Error(`no mail "${subject}" to ${email}`);
  return mail;
};

beforeAll(async () => {
  owner = await signUp(t.app, { name: 'Ada <b>Owner</b>' });
  noMoney = await memberWithRole(t, owner.tenantId, {
    permissions: ['reports.view', 'reports.export', 'deals.view'],
  });
  const lead = async (source: string, status: string) => {
    const l = await create(owner, '/leads', { firstName: 'L', lastName: status, source });
    await exec(
      sql`update leads set status = ${status}, created_at = '2026-11-10T10:00:00Z' where id = ${l.id}`,
    );
  };
  await lead(SCRIPT, 'new');
  await lead('web', 'won');
  const [pipe] = (await api(owner, 'GET', '/pipelines')).json().data;
  const d = await create(owner, '/deals', { title: 'Won', pipelineId: pipe.id, amountCents: 12_345 });
  await exec(sql`update deals set status = 'won', closed_at = '2026-11-12T12:00:00Z' where id = ${d.id}`);

  const subscribe = async (as: BrowserSession, kpi: string) => {
    const s = reportSubscriptionSchema.parse(
      await create(as, '/report-subscriptions', { kpi, frequency: 'monthly' }),
    );
    await exec(sql`update report_subscriptions set next_run_at = '2026-11-30T00:00:00Z' where id = ${s.id}`);
  };
  for (const kpi of ['lead-sources', 'lead-funnel', 'revenue-by-month']) await subscribe(owner, kpi);
  await subscribe(noMoney, 'revenue-by-month');
  const outcomes = await sendDueReports(t.database, log, DEC_1, links);
  expect(outcomes.map((o) => Object.keys(o)[0])).toEqual(['mailId', 'mailId', 'mailId', 'mailId']);
});

describe('the report e-mail in HTML', () => {
  it('is sent with the text and the CSV; user data in it is escaped', async () => {
    const mail = await mailOf(owner.email, 'Leads by source and vendor');
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['lead-sources-2026-11-01-2026-11-30.csv', 'text/csv; charset=utf-8'],
    ]);
    expect(mail.text).toContain('Hello Ada <b>Owner</b>,');
    expect(mail.text).toContain('- Leads: 2');
    const html = mail.html ?? '';
    expect(html).toContain('<table');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<b>Owner');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('Hello Ada &lt;b&gt;Owner&lt;/b&gt;,');
    // Header, the two sources, the totals.
    expect(html.match(/<tr>/g)).toHaveLength(4);
  });

  it('formats money and percents like the text part and links to the report for the mailed period', async () => {
    const revenue = await mailOf(owner.email, 'Deals won and revenue');
    expect(revenue.text).toContain('- Revenue: 123.45');
    expect(revenue.html).toContain('>123.45</td>');
    expect(revenue.html).toContain(
      '<a href="https://app.example.test/reports/revenue-by-month?period=custom&amp;from=2026-11-01&amp;to=2026-11-30">',
    );
    expect(revenue.text).toContain(
      'https://app.example.test/reports/revenue-by-month?period=custom&from=2026-11-01&to=2026-11-30',
    );
    const funnel = await mailOf(owner.email, 'Lead funnel');
    // new → won: 2 reached, 1 won: 50 %.
    expect(funnel.html).toMatch(/>50 %<\/td>/);
  });

  it('leaves hidden money columns out of the table', async () => {
    const mail = await mailOf(noMoney.email, 'Deals won and revenue');
    expect(mail.html).toContain('Amounts are hidden');
    expect(mail.html).toContain('>Deals won</th>');
    expect(mail.html).not.toContain('>Revenue</th>');
    expect(mail.html).not.toContain('123.45');
  });
});
