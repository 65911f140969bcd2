import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { crmImportJob } from '../../src/modules/crm/index.ts';
import { setupApiTest } from '../helpers/api-test.ts';
import { asBrowser, type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { dbRows } from '../helpers/tenant-fixtures.ts';
import { waitFor } from '../helpers/wait-for.ts';

let owner: BrowserSession;
const t = setupApiTest({ jobs: () => [crmImportJob] });
beforeAll(async () => {
  owner = await signUp(t.app);
}, 60_000);

type Report = {
  status: string;
  total: number;
  created: number;
  updated: number;
  skipped: number;
  errorCount: number;
};

const importCsv = async (csv: string): Promise<Report> => {
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'mixed.csv');
  const body = new Response(form);
  const res = await asBrowser(t.app, owner, {
    method: 'POST',
    url: '/api/v1/leads/import',
    payload: Buffer.from(await body.arrayBuffer()),
    headers: { 'content-type': body.headers.get('content-type') as string },
  });
  expect(res.statusCode, res.body).toBe(202);
  const id = res.json().data.id as string;
  return waitFor(async () => {
    const job = (await asBrowser(t.app, owner, { method: 'GET', url: `/api/v1/imports/${id}` })).json()
      .data as Report;
    return job.status === 'completed' || job.status === 'failed' ? job : undefined;
  }, 30_000);
};

describe('CSV import with mixed line endings', () => {
  it('a 30-row file ending its lines in CRLF, LF and CR in turn imports all 30 rows, none melted into a field', async () => {
    const endings = ['\r\n', '\n', '\r'];
    const lines = ['First name,Last name,Source'];
    for (let i = 1; i <= 30; i++) lines.push(`Mix${i},Row${i},web`);
    const csv = lines.map((l, i) => `${l}${endings[i % 3]}`).join('');
    const report = await importCsv(csv);
    expect(report).toMatchObject({ status: 'completed', total: 30, created: 30, errorCount: 0 });
    const rows = await dbRows<{ first_name: string; source: string }>(
      t,
      sql`select first_name, source from leads where tenant_id = ${owner.tenantId} and first_name like 'Mix%' order by first_name`,
    );
    expect(rows).toHaveLength(30);
    expect(rows.every((r) => r.source === 'web')).toBe(true);
  });

  it('rows in = created + updated + skipped + errors, also with invalid rows among mixed endings', async () => {
    const csv = 'First name,Last name\rOk1,A\nBad,\r\n,OnlyLast\rOk2,B\r\nOk3,C\n';
    const report = await importCsv(csv);
    expect(report.total).toBe(5);
    expect(report.created + report.updated + report.skipped + report.errorCount).toBe(report.total);
    expect(report).toMatchObject({ created: 3, errorCount: 2 });
  });
});
