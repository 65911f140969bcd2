import { reportSubscriptionSchema } from '@tessera/contracts';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { expect } from 'vitest';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi } from '../helpers/crm-api.ts';
import { addMember, memberIdOf } from '../helpers/members.ts';
import { dbRows, memberWithRole } from '../helpers/tenant-fixtures.ts';
import type { TestApp } from '../helpers/test-app.ts';

// What the report subscription tests share (report-subscriptions.test.ts, report-emails-job.test.ts): a company
// in Berlin with an owner, a sales agent (scope own, granted reports.export), a member without money, a crew
// member, another company; leads around November 2026 and a won deal; helpers over the database.

export const log = pino({ level: 'silent' });
export const links = { appUrl: 'https://app.example.test' };
export const TZ = 'Europe/Berlin';
/** 06:30 in Berlin on 1 December 2026: monthly reports for November are due. */
export const DEC_1 = new Date('2026-12-01T05:30:00Z');

export interface ReportMembers {
  owner: BrowserSession;
  agent: BrowserSession;
  noMoney: BrowserSession;
  crew: BrowserSession;
  other: BrowserSession;
}

export const reportHelpers = (t: TestApp) => {
  const { create } = crmApi(t);
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
  return { exec, subscribe, makeDue, mails, csvOf, subRow };
};

/** The companies, members, leads and the won deal (a `beforeAll`). */
export const seedReportCompany = async (t: TestApp): Promise<ReportMembers> => {
  const { api, create } = crmApi(t);
  const { exec } = reportHelpers(t);
  const owner = await signUp(t.app, { name: 'Report Owner' });
  const other = await signUp(t.app, { name: 'Other Company' });
  const agent = await addMember(t.app, t.database, owner, 'sales', 'Agent Own');
  const crew = await addMember(t.app, t.database, owner, 'crew');
  const noMoney = await memberWithRole(t, owner.tenantId, {
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
  return { owner, agent, noMoney, crew, other };
};
