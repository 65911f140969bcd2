import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { asBrowser, type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi } from '../helpers/crm-api.ts';

let owner: BrowserSession;
const t = setupApiTest();
beforeAll(async () => {
  owner = await signUp(t.app);
}, 60_000);

const multipart = (boundary: string) =>
  Buffer.from(
    [
      `--${boundary}`,
      'Content-Disposition: form-data; name="file"; filename="leads.csv"',
      'Content-Type: text/csv',
      '',
      'First name,Last name',
      'Ada,Lovelace',
      `--${boundary}--`,
      '',
    ].join('\r\n'),
  );

const expectEnvelope = (res: { statusCode: number; json: () => unknown }, status: number, code: string) => {
  expect(res.statusCode).toBe(status);
  expect(res.json()).toMatchObject({ success: false, error: { code, requestId: expect.any(String) } });
};

describe('malformed uploads are clean 4xx with the error envelope', () => {
  it('a multipart body whose boundary does not match its header → 400, nothing stored', async () => {
    const crm = crmApi(t);
    const before = await crm.snapshot(owner.tenantId, ['leads', 'import_jobs']);
    for (const url of ['/api/v1/leads/import', '/api/v1/contacts/import']) {
      const res = await asBrowser(t.app, owner, {
        method: 'POST',
        url,
        payload: multipart('actual-boundary-1234'),
        headers: { 'content-type': 'multipart/form-data; boundary=declared-boundary-9876' },
      });
      expectEnvelope(res, 400, 'VALIDATION_ERROR');
    }
    expect(await crm.snapshot(owner.tenantId, ['leads', 'import_jobs'])).toEqual(before);
  });

  it('a body sent with Content-Encoding: gzip (or any encoding) → 415', async () => {
    const gz = await asBrowser(t.app, owner, {
      method: 'POST',
      url: '/api/v1/leads/import',
      payload: gzipSync(multipart('b0undary')),
      headers: { 'content-type': 'multipart/form-data; boundary=b0undary', 'content-encoding': 'gzip' },
    });
    expectEnvelope(gz, 415, 'UNSUPPORTED_MEDIA_TYPE');
    const json = await asBrowser(t.app, owner, {
      method: 'POST',
      url: '/api/v1/leads',
      payload: gzipSync(JSON.stringify({ firstName: 'A', lastName: 'B' })),
      headers: { 'content-type': 'application/json', 'content-encoding': 'br' },
    });
    expectEnvelope(json, 415, 'UNSUPPORTED_MEDIA_TYPE');
    // identity is no encoding at all.
    const plain = await asBrowser(t.app, owner, {
      method: 'POST',
      url: '/api/v1/leads',
      payload: { firstName: 'A', lastName: 'B' },
      headers: { 'content-encoding': 'identity' },
    });
    expect(plain.statusCode).toBe(201);
  });
});
