import { beforeAll, describe, expect, it } from 'vitest';
import { storageEnv } from '../documents/storage-env.ts';
import { setupApiTest } from '../helpers/api-test.ts';
import { asBrowser, type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi, MISSING_ID } from '../helpers/crm-api.ts';
import { addMember } from '../helpers/members.ts';

/**
 * The safety audit of the field and documents routes: every route that takes an id answers 404 for another
 * tenant's record (and for a missing one), every body with another tenant's reference is refused, the
 * action routes refuse bad input with 400 — and none of it changes either tenant's data.
 */
const storage = storageEnv('local', { DOCUMENTS_MAX_BYTES: String(64 * 1024) });
const t = setupApiTest({ env: storage.env });
const c = crmApi(() => t);
// (Link tables have no id column; a change to them bumps their crew's or territory's version.)
const TABLES = [
  'jobs',
  'job_status_history',
  'crews',
  'territories',
  'visits',
  'contractor_customers',
  'documents',
  'document_versions',
];
const at = (h: number) => new Date(Date.UTC(2032, 4, 4, h)).toISOString();
let me: BrowserSession;
let them: BrowserSession;
let contractor: BrowserSession;
const mine: Record<string, string> = {};
const theirs: Record<string, string> = {};

const upload = async (as: BrowserSession, url: string) => {
  const form = new FormData();
  form.append(
    'file',
    new Blob([new TextEncoder().encode('plain text notes')], { type: 'text/plain' }),
    'n.txt',
  );
  const body = new Response(form);
  return asBrowser(t.app, as, {
    method: 'POST',
    url: `/api/v1${url}`,
    payload: Buffer.from(await body.arrayBuffer()),
    headers: { 'content-type': body.headers.get('content-type') as string },
  });
};

/** One tenant's records: a crew, a job on it, a territory, a visit, a company, a contractor link, a file. */
const records = async (as: BrowserSession, into: Record<string, string>, contractorId?: string) => {
  into.crew = (await c.create(as, '/crews', { name: 'Crew' })).id;
  into.job = (
    await c.create(as, '/jobs', {
      title: 'Job',
      crewId: into.crew,
      scheduledStart: at(8),
      scheduledEnd: at(9),
    })
  ).id;
  into.territory = (await c.create(as, '/territories', { name: 'Territory' })).id;
  into.visit = (await c.create(as, '/visits', { address: '1 Road', outcome: 'callback' })).id;
  into.company = (await c.create(as, '/companies', { name: 'Customer' })).id;
  if (contractorId)
    into.link = (await c.create(as, '/contractor-customers', { contractorId, companyId: into.company })).id;
  const doc = await upload(as, `/records/job/${into.job}/documents`);
  expect(doc.statusCode, doc.body).toBe(201);
  into.document = doc.json().data.id;
  into.version = doc.json().data.current.id;
};

beforeAll(async () => {
  me = await signUp(t.app);
  them = await signUp(t.app);
  contractor = await addMember(t.app, t.database, them, 'contractor', 'Con Tractor');
  await records(me, mine);
  await records(them, theirs, contractor.userId);
  mine.member = me.userId;
  theirs.member = contractor.userId;
});

describe('field and documents routes: other tenants and bad input', () => {
  it("another tenant's (or a missing) id is a 404 on every route that takes one; nothing changes", async () => {
    const before = [await c.snapshot(me.tenantId, TABLES), await c.snapshot(them.tenantId, TABLES)];
    for (const id of [
      theirs,
      { ...theirs, ...Object.fromEntries(Object.keys(theirs).map((k) => [k, MISSING_ID])) },
    ]) {
      const calls: [string, string, object?][] = [
        ['GET', `/jobs/${id.job}`],
        ['PATCH', `/jobs/${id.job}`, { title: 'Mine now', version: 1 }],
        ['POST', `/jobs/${id.job}/archive`, {}],
        ['DELETE', `/jobs/${id.job}`],
        ['POST', `/jobs/${id.job}/assign`, { crewId: null, scheduledStart: at(10), scheduledEnd: at(11) }],
        ['POST', `/jobs/${id.job}/status`, { status: 'cancelled' }],
        ['GET', `/jobs/${id.job}/history`],
        ['GET', `/crews/${id.crew}`],
        ['PATCH', `/crews/${id.crew}`, { name: 'Mine now', version: 1 }],
        ['POST', `/crews/${id.crew}/archive`, {}],
        ['DELETE', `/crews/${id.crew}`],
        ['GET', `/territories/${id.territory}`],
        ['PATCH', `/territories/${id.territory}`, { name: 'Mine now', version: 1 }],
        ['POST', `/territories/${id.territory}/archive`, {}],
        ['DELETE', `/territories/${id.territory}`],
        ['DELETE', `/contractor-customers/${id.link}`],
        ['GET', `/records/job/${id.job}/documents`],
        ['GET', `/records/visit/${id.visit}/documents`],
        ['GET', `/documents/${id.document}`],
        ['GET', `/documents/${id.document}/versions`],
        ['DELETE', `/documents/${id.document}`, { version: 1 }],
        ['POST', `/documents/${id.document}/versions/${id.version}/link`, {}],
        // My records pointing at theirs.
        [
          'POST',
          `/jobs/${mine.job}/assign`,
          { crewId: id.crew, scheduledStart: at(10), scheduledEnd: at(11) },
        ],
        ['POST', '/jobs', { title: 'X', crewId: id.crew, scheduledStart: at(12), scheduledEnd: at(13) }],
        ['POST', '/jobs', { title: 'X', companyId: id.company }],
        ['POST', '/crews', { name: 'X', memberIds: [id.member] }],
        ['POST', '/crews', { name: 'Y', leadId: id.member }],
        ['PATCH', `/territories/${mine.territory}`, { agentIds: [id.member], version: 1 }],
        ['POST', '/visits', { address: '2 Road', outcome: 'not_home', territoryId: id.territory }],
        ['POST', '/contractor-customers', { contractorId: mine.member, companyId: id.company }],
        ['POST', '/contractor-customers', { contractorId: id.member, companyId: mine.company }],
        ['POST', `/documents/${mine.document}/versions/${id.version}/link`, {}],
      ];
      for (const [method, url, body] of calls) {
        const res = await c.api(me, method, url, body);
        expect(res.statusCode, `${method} ${url} ${JSON.stringify(body ?? '')} ${res.body}`).toBe(404);
      }
      expect((await upload(me, `/records/job/${id.job}/documents`)).statusCode).toBe(404);
      expect((await upload(me, `/records/visit/${id.visit}/documents`)).statusCode).toBe(404);
      expect((await upload(me, `/documents/${id.document}/versions`)).statusCode).toBe(404);
    }
    // Lists filtered by another tenant's ids are empty, never theirs.
    expect(await c.pageAll(me, `/visits?territoryId=${theirs.territory}`)).toEqual([]);
    expect(await c.pageAll(me, `/jobs?crewId=${theirs.crew}`)).toEqual([]);
    expect(await c.pageAll(me, `/jobs?companyId=${theirs.company}`)).toEqual([]);
    expect([await c.snapshot(me.tenantId, TABLES), await c.snapshot(them.tenantId, TABLES)]).toEqual(before);
  });

  it('the action routes refuse bad input with 400 and change nothing', async () => {
    const before = await c.snapshot(me.tenantId, TABLES);
    const assign = `/jobs/${mine.job}/assign`;
    const status = `/jobs/${mine.job}/status`;
    const bad: [string, object][] = [
      [assign, {}],
      [assign, { crewId: mine.crew, scheduledStart: at(10) }],
      [assign, { crewId: mine.crew, scheduledStart: at(10), scheduledEnd: at(11), extra: 1 }],
      [assign, { crewId: 'crew', scheduledStart: at(10), scheduledEnd: at(11) }],
      [assign, { crewId: mine.crew, scheduledStart: 'soon', scheduledEnd: at(11) }],
      [assign, { crewId: mine.crew, scheduledStart: at(11), scheduledEnd: at(10) }],
      [assign, { crewId: mine.crew, scheduledStart: at(10), scheduledEnd: at(11), version: -1 }],
      [status, {}],
      [status, { status: 'teleported' }],
      [status, { status: 'cancelled', note: 'x\u0000' }],
      [status, { status: 'cancelled', note: 'x'.repeat(5000) }],
      [status, { status: 'cancelled', occurredAt: new Date(Date.now() + 86_400_000).toISOString() }],
      [status, { status: 'cancelled', extra: true }],
      ['/contractor-customers', { contractorId: mine.member }],
      ['/contractor-customers', { contractorId: 'x', companyId: mine.company }],
      [`/documents/${mine.document}/versions/${mine.version}/link`, { extra: 1 }],
    ];
    for (const [url, body] of bad) {
      const res = await c.api(me, 'POST', url, body);
      expect(res.statusCode, `${url} ${JSON.stringify(body).slice(0, 80)} ${res.body}`).toBe(400);
    }
    for (const query of [
      '',
      `?from=${at(0)}`,
      `?from=${at(10)}&to=${at(9)}`,
      `?from=${at(0)}&to=${new Date(Date.UTC(2032, 5, 4)).toISOString()}`,
      `?from=${at(0)}&to=${at(23)}&priority=asap`,
      `?from=${at(0)}&to=${at(23)}&area=${'x'.repeat(101)}`,
      `?from=${at(0)}&to=${at(23)}&extra=1`,
    ])
      expect((await c.api(me, 'GET', `/dispatch/board${query}`)).statusCode, query).toBe(400);
    for (const url of [
      '/jobs/not-a-uuid',
      '/jobs/not-a-uuid/history',
      '/documents/1',
      '/records/job/x/documents',
    ])
      expect((await c.api(me, 'GET', url)).statusCode, url).toBe(400);
    expect((await c.api(me, 'GET', `/records/spaceship/${mine.job}/documents`)).statusCode).toBe(404);
    expect(await c.snapshot(me.tenantId, TABLES)).toEqual(before);
  });
});
