import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { asBrowser, type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi, MISSING_ID } from '../helpers/crm-api.ts';
import { memberWithRole } from '../helpers/tenant-fixtures.ts';
import { PNG } from './documents-suite.ts';
import { storageEnv } from './storage-env.ts';

/** The documents library (GET /documents): visibility across record types, filters, paging, bad input. */

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const TEXT = Buffer.from('plain notes\n');
const TABLES = ['documents', 'document_versions'] as const;

const storage = storageEnv('local');
const t = setupApiTest({ env: storage.env });
const crm = crmApi(() => t);

interface Row {
  id: string;
  name: string;
  recordType: string;
  recordId: string;
  createdBy: string | null;
  createdAt: string;
  current: { contentType: string };
  record: { type: string; id: string; label: string; name: string | null; url: string | null };
}

let owner: BrowserSession;
let stranger: BrowserSession;
let agentA: BrowserSession;
let agentB: BrowserSession;
let noInvoices: BrowserSession;
const docs: Record<string, Row> = {};

const upload = async (as: BrowserSession, type: string, id: string, file: Buffer, fileName: string) => {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)]), fileName);
  const body = new Response(form);
  const res = await asBrowser(t.app, as, {
    method: 'POST',
    url: `/api/v1/records/${type}/${id}/documents`,
    payload: Buffer.from(await body.arrayBuffer()),
    headers: { 'content-type': body.headers.get('content-type') as string },
  });
  if (res.statusCode !== 201) throw new Error(`${fileName}: ${res.statusCode} ${res.body}`);
  return res.json().data as Row;
};

const library = async (as: BrowserSession, query = '') => {
  const res = await crm.api(as, 'GET', `/documents${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { data: Row[]; pagination: { hasMore: boolean; nextCursor: string | null } };
};
const names = async (as: BrowserSession, query = '') => (await library(as, query)).data.map((d) => d.name);

beforeAll(async () => {
  owner = await signUp(t.app);
  stranger = await signUp(t.app);
  agentA = await memberWithRole(t, owner.tenantId, { key: 'sales' });
  agentB = await memberWithRole(t, owner.tenantId, { key: 'sales' });
  noInvoices = await memberWithRole(t, owner.tenantId, {
    permissions: ['documents.view', 'leads.view', 'companies.view'],
  });
  const company = await crm.create(owner, '/companies', { name: 'Library & Co' });
  const leadA = await crm.create(agentA, '/leads', { firstName: 'Ann', lastName: 'Agent-A' });
  const leadB = await crm.create(agentB, '/leads', { firstName: 'Bob', lastName: 'Agent-B' });
  const invoice = await crm.create(owner, '/invoices', {
    issueDate: '2026-01-01',
    dueDate: '2026-01-31',
    customer: { name: 'Invoice Customer', email: 'ap@customer.example' },
    lines: [{ description: 'Work', quantity: 1, unitPriceCents: 10000 }],
  });
  // In order: the newest is the last one.
  docs.companyPng = await upload(owner, 'company', company.id, PNG, 'logo.png');
  docs.leadAPdf = await upload(agentA, 'lead', leadA.id, PDF, 'ann-contract.pdf');
  docs.leadBText = await upload(agentB, 'lead', leadB.id, TEXT, 'bob-notes.txt');
  docs.invoicePdf = await upload(owner, 'invoice', invoice.id, PDF, 'invoice-scan.pdf');
  docs.deleted = await upload(owner, 'company', company.id, TEXT, 'gone.txt');
  const del = await crm.api(owner, 'DELETE', `/documents/${docs.deleted.id}`, { version: 1 });
  expect(del.statusCode, del.body).toBe(200);
  // Another tenant's file, on its own company.
  const theirs = await crm.create(stranger, '/companies', { name: 'Elsewhere' });
  docs.stranger = await upload(stranger, 'company', theirs.id, PNG, 'logo-elsewhere.png');
}, 120_000);

describe('GET /documents (the documents library)', () => {
  it('lists every live document the owner may see, newest first, with the record it belongs to', async () => {
    const { data, pagination } = await library(owner);
    expect(data.map((d) => d.name)).toEqual([
      'invoice-scan.pdf',
      'bob-notes.txt',
      'ann-contract.pdf',
      'logo.png',
    ]);
    expect(pagination).toMatchObject({ hasMore: false, nextCursor: null });
    expect((await library(agentA, '?includeTotal=true')).pagination).toMatchObject({ total: 1 });
    const lead = data.find((d) => d.name === 'ann-contract.pdf');
    expect(lead?.record).toEqual({
      type: 'lead',
      id: docs.leadAPdf?.recordId,
      label: 'Lead',
      name: 'Ann Agent-A',
      url: `/leads/${docs.leadAPdf?.recordId}`,
    });
    expect(lead?.current.contentType).toBe('application/pdf');
    const invoice = data.find((d) => d.name === 'invoice-scan.pdf');
    expect(invoice?.record).toMatchObject({
      type: 'invoice',
      label: 'Invoice',
      url: `/invoices/${invoice?.recordId}`,
    });
  });

  it('follows record scope: a sales member (scope own) sees only the files of their own leads, and no invoice files', async () => {
    // The sales role's scope is `own` for leads and companies: only Ann's lead (the owner's company is not theirs).
    expect(await names(agentA)).toEqual(['ann-contract.pdf']);
    expect(await names(agentB)).toEqual(['bob-notes.txt']);
  });

  it('shows exactly the documents the caller may open one by one (the same rule)', async () => {
    for (const as of [owner, agentA, agentB, noInvoices, stranger]) {
      const listed = (await library(as)).data.map((d) => d.id).sort();
      const openable: string[] = [];
      for (const doc of Object.values(docs)) {
        const res = await crm.api(as, 'GET', `/documents/${doc.id}`);
        if (res.statusCode === 200) openable.push(doc.id);
        else expect(res.statusCode).toBe(404);
      }
      expect(listed).toEqual(openable.sort());
    }
  });

  it('without invoices.view there are no invoice files, even when asked for by type', async () => {
    expect(await names(noInvoices)).toEqual(['bob-notes.txt', 'ann-contract.pdf', 'logo.png']);
    expect(await names(noInvoices, '?recordType=invoice')).toEqual([]);
    expect(await names(noInvoices, '?recordType=nothing_registered')).toEqual([]);
  });

  it('filters by record type, uploader, family, creation time and name', async () => {
    expect(await names(owner, '?recordType=lead')).toEqual(['bob-notes.txt', 'ann-contract.pdf']);
    expect(await names(owner, `?uploadedBy=${agentA.userId}`)).toEqual(['ann-contract.pdf']);
    expect(await names(owner, '?uploadedBy=me')).toEqual(['invoice-scan.pdf', 'logo.png']);
    expect(await names(owner, '?family=pdf')).toEqual(['invoice-scan.pdf', 'ann-contract.pdf']);
    expect(await names(owner, '?family=image')).toEqual(['logo.png']);
    expect(await names(owner, '?family=audio')).toEqual([]);
    expect(await names(owner, '?family=other')).toEqual(['bob-notes.txt']);
    expect(await names(owner, '?q=NOTES')).toEqual(['bob-notes.txt']);
    expect(await names(owner, '?q=%25')).toEqual([]);
    expect(await names(owner, '?q=logo')).toEqual(['logo.png']);
    const created = docs.leadAPdf?.createdAt as string;
    expect(await names(owner, `?createdFrom=${encodeURIComponent(created)}`)).toEqual([
      'invoice-scan.pdf',
      'bob-notes.txt',
      'ann-contract.pdf',
    ]);
    // The API shows milliseconds, the database keeps microseconds: the bound is the next millisecond.
    const until = new Date(Date.parse(created) + 1).toISOString();
    expect(await names(owner, `?createdTo=${encodeURIComponent(until)}`)).toEqual([
      'ann-contract.pdf',
      'logo.png',
    ]);
    expect(await names(owner, '?sort=name')).toEqual([
      'ann-contract.pdf',
      'bob-notes.txt',
      'invoice-scan.pdf',
      'logo.png',
    ]);
    // Another tenant's record type filter or member id finds nothing of theirs.
    expect(await names(owner, `?uploadedBy=${stranger.userId}`)).toEqual([]);
    expect(await names(stranger)).toEqual(['logo-elsewhere.png']);
  });

  it('pages with a keyset cursor in both sorts, no row twice or missed', async () => {
    for (const sort of ['-createdAt', 'name', '-name', 'createdAt']) {
      const all = await names(owner, `?sort=${sort}`);
      const seen: string[] = [];
      let cursor: string | null = null;
      for (let i = 0; i < 10; i++) {
        const page = await library(owner, `?sort=${sort}&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...page.data.map((d) => d.name));
        cursor = page.pagination.nextCursor;
        if (!cursor) break;
      }
      expect(seen, sort).toEqual(all);
      expect(seen).toHaveLength(4);
    }
  });

  it('refuses bad input with 400 and changes nothing', async () => {
    const before = await crm.snapshot(owner.tenantId, TABLES);
    for (const query of [
      '?unknown=1',
      '?limit=0',
      '?limit=101',
      '?limit=abc',
      '?sort=size',
      '?family=video',
      '?recordType=Lead',
      '?uploadedBy=someone',
      '?createdFrom=yesterday',
      `?q=${'x'.repeat(201)}`,
      '?q=a%00b',
      '?cursor=not-a-cursor',
      `?cursor=${'A'.repeat(501)}`,
      `?cursor=${Buffer.from(JSON.stringify(['2026-02-30T00:00:00Z', MISSING_ID])).toString('base64url')}`,
      `?cursor=${Buffer.from(JSON.stringify([1, 'x'])).toString('base64url')}`,
    ]) {
      const res = await crm.api(owner, 'GET', `/documents${query}`);
      expect(res.statusCode, `${query}: ${res.body}`).toBe(400);
    }
    expect(await crm.snapshot(owner.tenantId, TABLES)).toEqual(before);
  });

  it('needs documents.view and a session', async () => {
    const noDocs = await memberWithRole(t, owner.tenantId, { permissions: ['leads.view'] });
    expect((await crm.api(noDocs, 'GET', '/documents')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/documents' })).statusCode).toBe(401);
  });
});
