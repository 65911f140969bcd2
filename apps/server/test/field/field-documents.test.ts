import { beforeAll, describe, expect, it } from 'vitest';
import { storageEnv } from '../documents/storage-env.ts';
import { setupApiTest } from '../helpers/api-test.ts';
import { asBrowser, type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi } from '../helpers/crm-api.ts';
import { addMember } from '../helpers/members.ts';

const PNG = Buffer.concat([
  Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'),
  Buffer.from('0000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex'),
]);
/** The first bytes of an Ogg stream (what a phone's recorder may give): detected as audio from the content. */
const OGG = Buffer.concat([
  Buffer.from('OggS', 'ascii'),
  Buffer.from([0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0x6a, 0x2f, 0x8a, 0x2e, 1, 19]),
  Buffer.from('OpusHead', 'ascii'),
  Buffer.from([1, 1, 0x38, 1, 0x80, 0xbb, 0, 0, 0, 0, 0]),
  Buffer.alloc(64),
]);

const storage = storageEnv('local', { DOCUMENTS_MAX_BYTES: String(256 * 1024) });
const t = setupApiTest({ env: storage.env });
const c = crmApi(() => t);
let owner: BrowserSession;
let worker: BrowserSession;
let outsider: BrowserSession;
let canvasser: BrowserSession;
let canvasser2: BrowserSession;
let jobId: string;
let otherJobId: string;

beforeAll(async () => {
  owner = await signUp(t.app);
  worker = await addMember(t.app, t.database, owner, 'crew', 'Will Worker');
  outsider = await addMember(t.app, t.database, owner, 'crew', 'Otto Outside');
  canvasser = await addMember(t.app, t.database, owner, 'canvasser', 'Kim Knocker');
  canvasser2 = await addMember(t.app, t.database, owner, 'canvasser', 'Lee Knocker');
  const crewId = (await c.create(owner, '/crews', { name: 'Alpha', memberIds: [worker.userId] })).id;
  const start = new Date(Date.now() + 3_600_000).toISOString();
  const end = new Date(Date.now() + 7_200_000).toISOString();
  jobId = (
    await c.create(owner, '/jobs', { title: 'Fix roof', crewId, scheduledStart: start, scheduledEnd: end })
  ).id;
  otherJobId = (await c.create(owner, '/jobs', { title: 'Someone else’s' })).id;
});

const upload = async (as: BrowserSession, url: string, file: Buffer, fileName: string, type: string) => {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)], { type }), fileName);
  const body = new Response(form);
  return asBrowser(t.app, as, {
    method: 'POST',
    url: `/api/v1${url}`,
    payload: Buffer.from(await body.arrayBuffer()),
    headers: { 'content-type': body.headers.get('content-type') as string },
  });
};

describe('files on field records (documents module)', () => {
  it('a crew member adds a photo to their crew’s job and lists it; others cannot see or add', async () => {
    const res = await upload(worker, `/records/job/${jobId}/documents`, PNG, 'roof.png', 'image/png');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().data.current).toMatchObject({ contentType: 'image/png' });
    const list = await c.api(worker, 'GET', `/records/job/${jobId}/documents`);
    expect(list.json().data.map((d: { id: string }) => d.id)).toEqual([res.json().data.id]);
    expect((await c.api(owner, 'GET', `/records/job/${jobId}/documents`)).json().data).toHaveLength(1);
    const before = await c.snapshot(owner.tenantId, ['documents', 'document_versions']);
    // Not their crew's job: 404 like the job itself; the canvasser has no jobs.view.
    expect((await c.api(outsider, 'GET', `/records/job/${jobId}/documents`)).statusCode).toBe(404);
    expect(
      (await upload(outsider, `/records/job/${jobId}/documents`, PNG, 'x.png', 'image/png')).statusCode,
    ).toBe(404);
    expect(
      (await upload(worker, `/records/job/${otherJobId}/documents`, PNG, 'x.png', 'image/png')).statusCode,
    ).toBe(404);
    expect((await c.api(canvasser, 'GET', `/records/job/${jobId}/documents`)).statusCode).toBe(404);
    expect(await c.snapshot(owner.tenantId, ['documents', 'document_versions'])).toEqual(before);
  });

  it('a canvasser attaches an audio recording to their visit; another canvasser cannot see it', async () => {
    const visit = await c.create(canvasser, '/visits', { address: '4 Elm Road', outcome: 'callback' });
    const res = await upload(canvasser, `/records/visit/${visit.id}/documents`, OGG, 'door.ogg', 'audio/ogg');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().data.current.contentType).toMatch(/^audio\//);
    const doc = res.json().data;
    const link = await c.api(canvasser, 'POST', `/documents/${doc.id}/versions/${doc.current.id}/link`, {
      inline: true,
    });
    expect(link.statusCode).toBe(200);
    const dl = await t.app.inject({ method: 'GET', url: link.json().data.url });
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toMatch(/^audio\//);
    expect((await c.api(canvasser2, 'GET', `/records/visit/${visit.id}/documents`)).statusCode).toBe(404);
    expect((await c.api(canvasser2, 'GET', `/documents/${doc.id}`)).statusCode).toBe(404);
    expect((await c.api(owner, 'GET', `/records/visit/${visit.id}/documents`)).json().data).toHaveLength(1);
  });
});
