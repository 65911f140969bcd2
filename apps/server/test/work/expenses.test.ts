import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { asBrowser, type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { addMember } from '../helpers/members.ts';
import { auditActions, dbRows } from '../helpers/tenant-fixtures.ts';
import { failure, workApi } from './work-fixtures.ts';

let owner: BrowserSession;
let manager: BrowserSession;
let crew: BrowserSession;
let crew2: BrowserSession;
let other: BrowserSession;
let project: { id: string };
const t = setupApiTest();
const w = workApi(t);
beforeAll(async () => {
  owner = await signUp(t.app);
  other = await signUp(t.app);
  manager = await addMember(t.app, t.database, owner, 'manager', 'Manny');
  crew = await addMember(t.app, t.database, owner, 'crew', 'Carla');
  crew2 = await addMember(t.app, t.database, owner, 'crew', 'Cole');
  project = await w.create(owner, '/projects', { name: 'Depot', code: 'DEP', managerId: manager.userId });
});

const TABLES = ['expenses'];
const expense = (as: BrowserSession, extra: object = {}) =>
  w.api(as, 'POST', '/expenses', {
    date: '2031-03-04',
    projectId: project.id,
    category: 'Fuel',
    expenseAmountCents: 12_000,
    expenseTaxCents: 2_000,
    currency: 'EUR',
    billable: true,
    ...extra,
  });

describe('expenses', () => {
  it('a member records, submits; an approver approves and reimburses once; content locked after submit', async () => {
    const created = await expense(crew, { note: 'Van' });
    expect(created.statusCode).toBe(201);
    const e = created.json().data;
    expect(e).toMatchObject({
      userId: crew.userId,
      status: 'draft',
      expenseAmountCents: 12_000,
      expenseTaxCents: 2_000,
      currency: 'EUR',
    });
    const submitted = await w.api(crew, 'POST', `/expenses/${e.id}/submit`, { version: 1 });
    expect(submitted.json().data.status).toBe('submitted');
    const before = await w.snapshot(owner.tenantId, TABLES);
    expect(
      (await w.api(crew, 'PATCH', `/expenses/${e.id}`, { expenseAmountCents: 99_000, version: 2 }))
        .statusCode,
    ).toBe(409);
    expect((await w.api(crew, 'DELETE', `/expenses/${e.id}`)).statusCode).toBe(409);
    expect((await w.api(crew, 'POST', `/expenses/${e.id}/approve`, { version: 2 })).statusCode).toBe(403);
    expect((await w.api(crew2, 'POST', `/expenses/${e.id}/approve`, { version: 2 })).statusCode).toBe(403);
    expect(await failure(dbRows(t, sql`update expenses set amount_cents = 1 where id = ${e.id}`))).toMatch(
      /expenses_locked/,
    );
    expect(await w.snapshot(owner.tenantId, TABLES)).toEqual(before);
    expect((await w.api(manager, 'POST', `/expenses/${e.id}/reimburse`)).statusCode).toBe(409);
    expect((await w.api(manager, 'POST', `/expenses/${e.id}/approve`, { version: 1 })).statusCode).toBe(409);
    const approved = await w.api(manager, 'POST', `/expenses/${e.id}/approve`, { version: 2 });
    expect(approved.json().data).toMatchObject({ status: 'approved', decidedBy: manager.userId });
    const [a, b] = await Promise.all([0, 1].map(() => w.api(manager, 'POST', `/expenses/${e.id}/reimburse`)));
    expect([a?.statusCode, b?.statusCode].sort()).toEqual([200, 409]);
    expect(
      await failure(dbRows(t, sql`update expenses set reimbursed_at = now() where id = ${e.id}`)),
    ).toMatch(/expenses_reimbursed_once/);
    expect(await auditActions(t, owner.tenantId, e.id)).toEqual([
      'expense.created',
      'expense.submitted',
      'expense.approved',
      'expense.reimbursed',
    ]);
  });

  it('reject needs a reason and reopens the expense; own expenses are not self-approved', async () => {
    const e = (await expense(manager)).json().data;
    await w.api(manager, 'POST', `/expenses/${e.id}/submit`);
    expect((await w.api(manager, 'POST', `/expenses/${e.id}/approve`, { version: 2 })).statusCode).toBe(403);
    expect((await w.api(owner, 'POST', `/expenses/${e.id}/reject`, { version: 2 })).statusCode).toBe(400);
    const rejected = await w.api(owner, 'POST', `/expenses/${e.id}/reject`, {
      version: 2,
      reason: 'No receipt',
    });
    expect(rejected.json().data).toMatchObject({ status: 'rejected', reason: 'No receipt' });
    const fixed = await w.api(manager, 'PATCH', `/expenses/${e.id}`, {
      expenseAmountCents: 11_000,
      version: 3,
    });
    expect(fixed.json().data.expenseAmountCents).toBe(11_000);
  });

  it("bad input, another member's or tenant's records: nothing changes", async () => {
    const before = await w.snapshot(owner.tenantId, TABLES);
    for (const [extra, status] of [
      [{ expenseAmountCents: 0 }, 400],
      [{ expenseAmountCents: 1.5 }, 400],
      [{ expenseTaxCents: 20_000 }, 400],
      [{ currency: 'euro' }, 400],
      [{ category: '' }, 400],
      [{ category: 'a\u0000' }, 400],
      [{ surprise: 1 }, 400],
      [{ userId: crew2.userId }, 403],
      [{ userId: other.userId }, 403],
    ] as [object, number][])
      expect((await expense(crew, extra)).statusCode, JSON.stringify(extra)).toBe(status);
    const foreign = (await w.api(other, 'POST', '/projects', { name: 'F', code: 'F' })).json().data;
    expect((await expense(crew, { projectId: foreign.id })).statusCode).toBe(404);
    expect((await expense(manager, { userId: other.userId })).statusCode).toBe(404);
    expect(await w.snapshot(owner.tenantId, TABLES)).toEqual(before);
    const mine = (await expense(crew2)).json().data;
    expect((await w.api(crew, 'GET', `/expenses/${mine.id}`)).statusCode).toBe(404);
    expect((await w.api(other, 'GET', `/expenses/${mine.id}`)).statusCode).toBe(404);
    expect((await w.api(other, 'POST', `/expenses/${mine.id}/submit`)).statusCode).toBe(404);
    const listed = await w.pageAll<{ userId: string }>(crew, '/expenses');
    expect(listed.every((x) => x.userId === crew.userId)).toBe(true);
    expect((await w.pageAll(manager, `/expenses?userId=${crew2.userId}`)).length).toBe(1);
    expect(
      (await w.api(manager, 'PATCH', `/expenses/${mine.id}`, { note: 'x', version: 9 })).statusCode,
    ).toBe(409);
  });
});

describe('expense receipts (documents attached to the expense)', () => {
  const PNG = Buffer.from(
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
    'hex',
  );
  const upload = async (as: BrowserSession, expenseId: string) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'receipt.png');
    const body = new Response(form);
    return asBrowser(t.app, as, {
      method: 'POST',
      url: `/api/v1/records/expense/${expenseId}/documents`,
      payload: Buffer.from(await body.arrayBuffer()),
      headers: { 'content-type': body.headers.get('content-type') as string },
    });
  };
  it('the member attaches a receipt; approvers see it; another member and another tenant get 404', async () => {
    const e = (await expense(crew, { date: '2031-05-06' })).json().data;
    const res = await upload(crew, e.id);
    expect(res.statusCode, res.body).toBe(201);
    const files = `/records/expense/${e.id}/documents`;
    const mine = await w.api(crew, 'GET', files);
    expect(mine.json().data.map((d: { name: string }) => d.name)).toEqual(['receipt.png']);
    expect((await w.api(manager, 'GET', files)).json().data).toHaveLength(1);
    const before = await w.snapshot(owner.tenantId, ['documents', 'document_versions']);
    expect((await w.api(crew2, 'GET', files)).statusCode).toBe(404);
    expect((await upload(crew2, e.id)).statusCode).toBe(404);
    expect((await w.api(other, 'GET', files)).statusCode).toBe(404);
    expect((await upload(other, e.id)).statusCode).toBe(404);
    expect(await w.snapshot(owner.tenantId, ['documents', 'document_versions'])).toEqual(before);
  });
});
