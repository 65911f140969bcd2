import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi } from '../helpers/crm-api.ts';

const MAX_UUID = 'ffffffff-ffff-ffff-ffff-ffffffffffff';
/** Valid for PostgreSQL, but neither RFC 4122 variant nor version (another tool wrote it). */
const NON_VARIANT = '12345678-1234-1234-1234-123456789abc';
const ODD_STATUS_ID = '0badc0de-0000-0000-0000-000000000001';

let owner: BrowserSession;
const logLines: Record<string, unknown>[] = [];
const sink = new Writable({
  write(chunk, _enc, done) {
    for (const line of String(chunk).split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
    done();
  },
});
const t = setupApiTest({ log: pino({ level: 'error' }, sink) });
beforeAll(async () => {
  owner = await signUp(t.app);
  for (const id of [MAX_UUID, NON_VARIANT])
    await t.database.db.execute(
      sql`insert into leads (id, tenant_id, first_name, last_name) values (${id}, ${owner.tenantId}, 'Imported', ${id})`,
    );
}, 60_000);

describe('rows the database accepted never fail a page', () => {
  it('lists, reads and updates records whose ids are any valid PostgreSQL uuid', async () => {
    const crm = crmApi(t);
    await crm.create(owner, '/leads', { firstName: 'Own', lastName: 'Lead' });
    const list = await crm.api(owner, 'GET', '/leads');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().data.map((l: { id: string }) => l.id)).toEqual(
      expect.arrayContaining([MAX_UUID, NON_VARIANT]),
    );
    const one = await crm.api(owner, 'GET', `/leads/${NON_VARIANT}`);
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json().data).toMatchObject({ id: NON_VARIANT, firstName: 'Imported' });
    const patched = await crm.api(owner, 'PATCH', `/leads/${NON_VARIANT}`, {
      firstName: 'Renamed',
      version: 1,
    });
    expect(patched.statusCode, patched.body).toBe(200);
    // Paging through them: the cursor carries the odd id.
    expect((await crm.pageAll(owner, '/leads?limit=1')).length).toBe(3);
    // Input stays strict about the shape.
    expect((await crm.api(owner, 'GET', '/leads/not-a-uuid')).statusCode).toBe(400);
  });

  it('a row that does not match the response schema is sent as stored and logged with its id', async () => {
    await t.database.db.execute(
      sql`insert into leads (id, tenant_id, first_name, last_name, status) values (${ODD_STATUS_ID}, ${owner.tenantId}, 'Legacy', 'Status', 'imported-elsewhere')`,
    );
    const list = await crmApi(t).api(owner, 'GET', '/leads');
    expect(list.statusCode, list.body).toBe(200);
    const odd = list.json().data.find((l: { id: string }) => l.id === ODD_STATUS_ID);
    expect(odd).toMatchObject({ status: 'imported-elsewhere', firstName: 'Legacy' });
    // Still only the declared fields (nothing the schema does not name leaks out).
    expect(Object.keys(odd)).not.toContain('searchText');
    expect(Object.keys(odd)).not.toContain('tenantId');
    const logged = logLines.find((l) => l.msg === 'response does not match its schema; sent as stored');
    expect(logged).toMatchObject({ rowIds: [ODD_STATUS_ID] });
  });
});
