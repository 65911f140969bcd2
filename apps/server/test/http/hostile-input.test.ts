import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { asBrowser, type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi } from '../helpers/crm-api.ts';
import { createApiKey } from '../helpers/tenant-fixtures.ts';

let owner: BrowserSession;
const t = setupApiTest();
beforeAll(async () => {
  owner = await signUp(t.app);
}, 60_000);

const TABLES = ['leads', 'companies', 'contacts', 'import_jobs'] as const;

const expectRefused = (res: { statusCode: number; json: () => unknown }, path: string) => {
  expect(res.statusCode).toBe(400);
  expect(res.json()).toMatchObject({
    success: false,
    error: { code: 'VALIDATION_ERROR', details: [{ path, code: 'nul_character' }] },
  });
};

describe('NUL characters (U+0000) in any input: 400 naming the field, nothing written', () => {
  it('JSON body fields, nested fields and object keys', async () => {
    const crm = crmApi(t);
    const before = await crm.snapshot(owner.tenantId, TABLES);
    expectRefused(
      await crm.api(owner, 'POST', '/leads', { firstName: '\u0000', lastName: 'x' }),
      'body.firstName',
    );
    expectRefused(
      await crm.api(owner, 'POST', '/leads', { firstName: 'a', lastName: 'b', tags: ['ok', 'x\u0000y'] }),
      'body.tags.1',
    );
    expectRefused(await crm.api(owner, 'POST', '/companies', { name: 'Co', 'x\u0000': 1 }), 'body.x\\u0000');
    expectRefused(
      await crm.api(owner, 'POST', '/saved-views', { entity: 'leads', name: 'V', filters: { q: 'a\u0000' } }),
      'body.filters.q',
    );
    expect(await crm.snapshot(owner.tenantId, TABLES)).toEqual(before);
  });

  it('query strings, path parameters and headers', async () => {
    const crm = crmApi(t);
    expectRefused(await crm.api(owner, 'GET', '/leads?q=%00'), 'query.q');
    expectRefused(await crm.api(owner, 'GET', '/audit-logs?action=a%00b'), 'query.action');
    expectRefused(await crm.api(owner, 'GET', '/leads/%00'), 'params.id');
    expectRefused(
      await crm.api(owner, 'GET', '/leads', undefined, { 'x-api-key': 'tsk_\u0000' }),
      'headers.x-api-key',
    );
    const key = await createApiKey(t, owner, ['leads.view']);
    expectRefused(
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/leads',
        headers: { authorization: `Bearer ${key.key}`, 'user-agent': 'bot\u0000' },
      }),
      'headers.user-agent',
    );
  });

  it('multipart fields and CSV bodies', async () => {
    const crm = crmApi(t);
    const before = await crm.snapshot(owner.tenantId, TABLES);
    const form = new FormData();
    form.append('mapping', JSON.stringify({ 'First\u0000': 'firstName' }));
    form.append('file', new Blob(['First name,Last name\nAda,Lovelace\n'], { type: 'text/csv' }), 'a.csv');
    const body = new Response(form);
    expectRefused(
      await asBrowser(t.app, owner, {
        method: 'POST',
        url: '/api/v1/leads/import',
        payload: Buffer.from(await body.arrayBuffer()),
        headers: { 'content-type': body.headers.get('content-type') as string },
      }),
      'mapping.First\\u0000',
    );
    expectRefused(
      await asBrowser(t.app, owner, {
        method: 'POST',
        url: '/api/v1/members/import',
        payload: 'email,role\nnew\u0000@example.test,Member\n',
        headers: { 'content-type': 'text/csv' },
      }),
      'body',
    );
    expect(await crm.snapshot(owner.tenantId, TABLES)).toEqual(before);
  });
});
