import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { linkSigner } from '../../src/modules/documents/signed-links.ts';
import { setupApiTest } from '../helpers/api-test.ts';
import { asBrowser, type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi, MISSING_ID } from '../helpers/crm-api.ts';
import { auditActions, dbRows, memberWithRole } from '../helpers/tenant-fixtures.ts';
import { TEST_JWT_SECRET } from '../helpers/test-app.ts';
import { type Driver, storageEnv } from './storage-env.ts';

export const PNG = Buffer.concat([
  Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'),
  Buffer.from('0000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex'),
]);
/** A Windows program (MZ header + PE signature) dressed up as a PDF. */
export const FAKE_PDF_EXE = Buffer.concat([
  Buffer.from('MZ'),
  Buffer.alloc(58),
  Buffer.from('PE\0\0'),
  Buffer.alloc(200),
]);
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120, 0)]);
const MAX_BYTES = 256 * 1024;
const TABLES = ['documents', 'document_versions'] as const;

/** The documents API suite, run once per storage driver (documents.local.test.ts, documents.s3.test.ts). */
export const documentsSuite = (driver: Driver) => {
  const storage = storageEnv(driver, { DOCUMENTS_MAX_BYTES: String(MAX_BYTES) });
  const t = setupApiTest({ env: storage.env });
  const crm = crmApi(() => t);
  let owner: BrowserSession;
  let stranger: BrowserSession;
  let agentA: BrowserSession;
  let agentB: BrowserSession;
  let company: { id: string };
  let leadA: { id: string };
  let leadB: { id: string };

  beforeAll(async () => {
    owner = await signUp(t.app);
    stranger = await signUp(t.app);
    agentA = await memberWithRole(t, owner.tenantId, { key: 'sales' });
    agentB = await memberWithRole(t, owner.tenantId, { key: 'sales' });
    company = await crm.create(owner, '/companies', { name: 'Files & Co' });
    leadA = await crm.create(agentA, '/leads', { firstName: 'Ann', lastName: 'Agent-A' });
    leadB = await crm.create(agentB, '/leads', { firstName: 'Bob', lastName: 'Agent-B' });
  }, 60_000);

  const multipart = async (
    file: Buffer | null,
    fileName = 'file.bin',
    type = 'application/octet-stream',
    name?: string,
  ) => {
    const form = new FormData();
    if (name !== undefined) form.append('name', name);
    if (file) form.append('file', new Blob([new Uint8Array(file)], { type }), fileName);
    const body = new Response(form);
    return {
      payload: Buffer.from(await body.arrayBuffer()),
      headers: { 'content-type': body.headers.get('content-type') as string },
    };
  };
  const upload = async (
    as: BrowserSession,
    url: string,
    file: Buffer | null,
    fileName?: string,
    type?: string,
    name?: string,
  ) =>
    asBrowser(t.app, as, {
      method: 'POST',
      url: `/api/v1${url}`,
      ...(await multipart(file, fileName, type, name)),
    });
  const link = async (as: BrowserSession, docId: string, versionId: string, inline = false) => {
    const res = await crm.api(as, 'POST', `/documents/${docId}/versions/${versionId}/link`, { inline });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().data as { url: string; expiresAt: string };
  };
  /** A download with no cookie at all. */
  const fetchUrl = (url: string) => t.app.inject({ method: 'GET', url });
  const snapshot = async () => ({
    db: await crm.snapshot(owner.tenantId, TABLES),
    objects: (await storage.storedObjects()).length,
  });
  const expectClean = async (
    before: Awaited<ReturnType<typeof snapshot>>,
    res: LightMyRequestResponse,
    status: number,
  ) => {
    expect(res.statusCode, res.body).toBe(status);
    expect(await snapshot()).toEqual(before);
    expect(await storage.pendingUploads()).toEqual([]);
  };

  describe(`documents on the ${driver} driver`, () => {
    it('uploads a file to a company: type from the bytes, sha256, listed, downloadable through a signed link without cookies', async () => {
      const res = await upload(
        owner,
        `/records/company/${company.id}/documents`,
        PNG,
        'notes.txt',
        'text/plain',
      );
      expect(res.statusCode, res.body).toBe(201);
      const doc = res.json().data;
      expect(doc).toMatchObject({
        recordType: 'company',
        recordId: company.id,
        name: 'notes.txt',
        versionCount: 1,
      });
      expect(doc.current).toMatchObject({ number: 1, contentType: 'image/png', sizeBytes: PNG.length });
      expect(doc.current.sha256).toBe(createHash('sha256').update(PNG).digest('hex'));
      const list = await crm.api(owner, 'GET', `/records/company/${company.id}/documents`);
      expect(list.json().data.map((d: { id: string }) => d.id)).toContain(doc.id);

      const { url, expiresAt } = await link(owner, doc.id, doc.current.id);
      expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(14 * 60 * 1000);
      const dl = await fetchUrl(url);
      expect(dl.statusCode).toBe(200);
      expect(dl.rawPayload.equals(PNG)).toBe(true);
      expect(dl.headers['x-content-type-options']).toBe('nosniff');
      expect(dl.headers['content-security-policy']).toContain('sandbox');
      expect(dl.headers['content-disposition']).toMatch(/^attachment; filename="notes.txt"/);
      const inline = await fetchUrl((await link(owner, doc.id, doc.current.id, true)).url);
      expect(inline.headers['content-type']).toBe('image/png');
      expect(inline.headers['content-disposition']).toMatch(/^inline/);
      expect(await storage.storedObjects()).toHaveLength(1);
      expect(await auditActions(t, owner.tenantId, doc.id)).toEqual(['document.created']);
    });

    it('refuses a disguised executable (and ELF, and #! scripts) with 415; nothing stored', async () => {
      const before = await snapshot();
      const url = `/records/company/${company.id}/documents`;
      await expectClean(
        before,
        await upload(owner, url, FAKE_PDF_EXE, 'invoice.pdf', 'application/pdf'),
        415,
      );
      await expectClean(before, await upload(owner, url, ELF, 'photo.jpg', 'image/jpeg'), 415);
      await expectClean(
        before,
        await upload(owner, url, Buffer.from('#!/bin/sh\nrm -rf /\n'), 'a.txt', 'text/plain'),
        415,
      );
    });

    it('keeps HTML / SVG but serves them only as an octet-stream attachment, even when inline is asked', async () => {
      const svg = Buffer.from(
        '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      );
      const res = await upload(
        owner,
        `/records/company/${company.id}/documents`,
        svg,
        'logo.png',
        'image/png',
      );
      expect(res.statusCode, res.body).toBe(201);
      const doc = res.json().data;
      expect(doc.current.contentType).toBe('text/html');
      const dl = await fetchUrl((await link(owner, doc.id, doc.current.id, true)).url);
      expect(dl.statusCode).toBe(200);
      expect(dl.headers['content-type']).toBe('application/octet-stream');
      expect(dl.headers['content-disposition']).toMatch(/^attachment/);
      expect(dl.headers['x-content-type-options']).toBe('nosniff');
    });

    it('bad uploads are 400 / 404 / 413 and change nothing', async () => {
      const before = await snapshot();
      const url = `/records/company/${company.id}/documents`;
      await expectClean(before, await upload(owner, url, Buffer.alloc(MAX_BYTES + 10, 7)), 413);
      await expectClean(before, await upload(owner, url, Buffer.alloc(0)), 400);
      await expectClean(before, await upload(owner, url, null), 400);
      await expectClean(before, await upload(owner, url, PNG, 'a\u0000b.png'), 400);
      await expectClean(before, await crm.api(owner, 'POST', url.slice(0), { file: 'x' }), 400);
      await expectClean(before, await upload(owner, `/records/spaceship/${company.id}/documents`, PNG), 404);
      await expectClean(before, await upload(owner, `/records/Company/${company.id}/documents`, PNG), 400);
      await expectClean(before, await upload(owner, `/records/company/not-a-uuid/documents`, PNG), 400);
      await expectClean(before, await upload(owner, `/records/company/${MISSING_ID}/documents`, PNG), 404);
      await expectClean(before, await upload(stranger, url, PNG), 404);
      expect((await crm.api(owner, 'GET', `${url}?limit=0`)).statusCode).toBe(400);
      expect((await crm.api(owner, 'GET', `${url}?sort=name`)).statusCode).toBe(400);
      expect((await crm.api(stranger, 'GET', url)).statusCode).toBe(404);
      expect((await fetchUrl(`/api/v1${url}`)).statusCode).toBe(401);
    });

    it('versions: upload a new one, list them, download any; concurrent uploads get consecutive numbers', async () => {
      const v1 = Buffer.from('first version\n');
      const created = (await upload(owner, `/records/company/${company.id}/documents`, v1, 'plan.txt')).json()
        .data;
      const v2 = Buffer.from('second version\n');
      const res = await upload(owner, `/documents/${created.id}/versions`, v2, 'plan-v2.txt');
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().data).toMatchObject({
        versionCount: 2,
        version: 2,
        current: { number: 2, fileName: 'plan-v2.txt', contentType: 'text/plain' },
      });
      const more = await Promise.all(
        [3, 4, 5].map((n) =>
          upload(owner, `/documents/${created.id}/versions`, Buffer.from(`version ${n}\n`), `v${n}.txt`),
        ),
      );
      expect(more.map((r) => r.statusCode)).toEqual([201, 201, 201]);
      const versions = (await crm.api(owner, 'GET', `/documents/${created.id}/versions`)).json().data;
      expect(versions.map((v: { number: number }) => v.number)).toEqual([5, 4, 3, 2, 1]);
      const first = versions.find((v: { number: number }) => v.number === 1);
      const dl = await fetchUrl((await link(owner, created.id, first.id)).url);
      expect(dl.rawPayload.equals(v1)).toBe(true);
      expect((await crm.api(owner, 'GET', `/documents/${created.id}`)).json().data.versionCount).toBe(5);
      expect(await auditActions(t, owner.tenantId, created.id)).toEqual([
        'document.created',
        ...Array(4).fill('document.version_added'),
      ]);
      const wrong = await crm.api(owner, 'POST', `/documents/${created.id}/versions/${MISSING_ID}/link`, {});
      expect(wrong.statusCode).toBe(404);
    });

    it('soft delete: stale version 409, then hidden everywhere, audited, kept in the database', async () => {
      const doc = (await upload(owner, `/records/company/${company.id}/documents`, PNG, 'gone.png')).json()
        .data;
      const { url } = await link(owner, doc.id, doc.current.id);
      const before = await snapshot();
      expect(
        (await crm.api(owner, 'DELETE', `/documents/${doc.id}`, { version: 1, extra: 1 })).statusCode,
      ).toBe(400);
      expect((await crm.api(owner, 'DELETE', `/documents/${doc.id}`, {})).statusCode).toBe(400);
      expect((await crm.api(owner, 'DELETE', `/documents/${doc.id}`, { version: 9 })).statusCode).toBe(409);
      expect((await crm.api(stranger, 'DELETE', `/documents/${doc.id}`, { version: 1 })).statusCode).toBe(
        404,
      );
      expect(await snapshot()).toEqual(before);
      const del = await crm.api(owner, 'DELETE', `/documents/${doc.id}`, { version: 1 });
      expect(del.statusCode, del.body).toBe(200);
      expect((await crm.api(owner, 'GET', `/documents/${doc.id}`)).statusCode).toBe(404);
      expect((await crm.api(owner, 'DELETE', `/documents/${doc.id}`, { version: 2 })).statusCode).toBe(404);
      expect((await upload(owner, `/documents/${doc.id}/versions`, PNG)).statusCode).toBe(404);
      expect((await fetchUrl(url)).statusCode).toBe(404);
      const list = (await crm.api(owner, 'GET', `/records/company/${company.id}/documents`)).json().data;
      expect(list.map((d: { id: string }) => d.id)).not.toContain(doc.id);
      const [row] = await dbRows<{ deleted_by: string }>(
        t,
        sql`select deleted_by from documents where id = ${doc.id}`,
      );
      expect(row?.deleted_by).toBe(owner.userId);
      expect(await auditActions(t, owner.tenantId, doc.id)).toEqual(['document.created', 'document.deleted']);
    });

    it("files inherit the record's visibility: an agent cannot see, add to or download another agent's lead files — not even with a tampered link", async () => {
      const mine = (await upload(agentA, `/records/lead/${leadA.id}/documents`, PNG, 'mine.png')).json().data;
      const theirs = (await upload(agentB, `/records/lead/${leadB.id}/documents`, PNG, 'theirs.png')).json()
        .data;
      expect(theirs.current).toBeDefined();
      const before = await snapshot();
      expect((await crm.api(agentA, 'GET', `/records/lead/${leadB.id}/documents`)).statusCode).toBe(404);
      expect((await crm.api(agentA, 'GET', `/documents/${theirs.id}`)).statusCode).toBe(404);
      expect((await crm.api(agentA, 'GET', `/documents/${theirs.id}/versions`)).statusCode).toBe(404);
      expect(
        (await crm.api(agentA, 'POST', `/documents/${theirs.id}/versions/${theirs.current.id}/link`, {}))
          .statusCode,
      ).toBe(404);
      expect((await crm.api(agentA, 'DELETE', `/documents/${theirs.id}`, { version: 1 })).statusCode).toBe(
        404,
      );
      await expectClean(before, await upload(agentA, `/records/lead/${leadB.id}/documents`, PNG), 404);
      await expectClean(before, await upload(agentA, `/documents/${theirs.id}/versions`, PNG), 404);

      // A's own link works; pointed at B's file (or any other change) the signature no longer matches.
      const { url } = await link(agentA, mine.id, mine.current.id);
      expect((await fetchUrl(url)).statusCode).toBe(200);
      const tampered = url.replace(mine.current.id, theirs.current.id);
      expect((await fetchUrl(tampered)).statusCode).toBe(403);
      const parsed = new URL(url, 'http://x');
      const later = new URL(parsed);
      later.searchParams.set('e', String(Number(parsed.searchParams.get('e')) + 3600));
      expect((await fetchUrl(later.pathname + later.search)).statusCode).toBe(403);
      const asB = new URL(parsed);
      asB.searchParams.set('m', agentB.userId);
      expect((await fetchUrl(asB.pathname + asB.search)).statusCode).toBe(403);
      const otherTenant = new URL(parsed);
      otherTenant.searchParams.set('t', stranger.tenantId);
      expect((await fetchUrl(otherTenant.pathname + otherTenant.search)).statusCode).toBe(403);
      const badSig = new URL(parsed);
      badSig.searchParams.set('s', 'A'.repeat(43));
      expect((await fetchUrl(badSig.pathname + badSig.search)).statusCode).toBe(403);
      expect((await fetchUrl(`${url}&extra=1`)).statusCode).toBe(400);

      // Even a correctly signed link for A on B's file is refused: A cannot see that lead now.
      const signer = linkSigner(TEST_JWT_SECRET);
      const claims = {
        tenantId: owner.tenantId,
        versionId: theirs.current.id,
        userId: agentA.userId,
        expires: Math.floor(Date.now() / 1000) + 600,
      };
      const forged = `/api/v1/files/${theirs.current.id}?t=${claims.tenantId}&m=${claims.userId}&e=${claims.expires}&s=${signer.sign(claims)}`;
      expect((await fetchUrl(forged)).statusCode).toBe(404);
      expect(await snapshot()).toEqual(before);
    });

    it('signed links expire: a correctly signed link past its time is refused', async () => {
      const doc = (await upload(owner, `/records/company/${company.id}/documents`, PNG, 'old.png')).json()
        .data;
      const signer = linkSigner(TEST_JWT_SECRET);
      const at = (expires: number) => {
        const claims = { tenantId: owner.tenantId, versionId: doc.current.id, userId: owner.userId, expires };
        return `/api/v1/files/${doc.current.id}?t=${claims.tenantId}&m=${claims.userId}&e=${expires}&s=${signer.sign(claims)}`;
      };
      const now = Math.floor(Date.now() / 1000);
      expect((await fetchUrl(at(now + 60))).statusCode).toBe(200);
      const expired = await fetchUrl(at(now - 1));
      expect(expired.statusCode).toBe(403);
      expect(expired.json().error.message).toMatch(/expired/);
      expect(await fetchUrl(at(now - 1)).then((r) => r.statusCode)).toBe(403);
    });

    it("needs documents.view / documents.manage and the record type's view permission", async () => {
      const viewer = await memberWithRole(t, owner.tenantId, {
        permissions: ['documents.view', 'companies.view'],
      });
      const blind = await memberWithRole(t, owner.tenantId, {
        permissions: ['documents.view', 'documents.manage'],
      });
      const url = `/records/company/${company.id}/documents`;
      expect((await crm.api(viewer, 'GET', url)).statusCode).toBe(200);
      const before = await snapshot();
      await expectClean(before, await upload(viewer, url, PNG), 403);
      expect((await crm.api(blind, 'GET', url)).statusCode).toBe(404);
      await expectClean(before, await upload(blind, url, PNG), 404);
      // A link keeps obeying its member's rights: once they lose the record's permission it stops working.
      const doc = (await crm.api(owner, 'GET', url)).json().data[0];
      const { url: viewerLink } = await link(viewer, doc.id, doc.current.id);
      expect((await fetchUrl(viewerLink)).statusCode).toBe(200);
      await t.database.db.execute(
        sql`update roles set permissions = array['documents.view'] where tenant_id = ${owner.tenantId} and id = (select role_id from memberships where tenant_id = ${owner.tenantId} and user_id = ${viewer.userId})`,
      );
      expect((await fetchUrl(viewerLink)).statusCode).toBe(404);
    });
  });
};
