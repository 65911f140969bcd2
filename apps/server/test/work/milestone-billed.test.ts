import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { dbRows } from '../helpers/tenant-fixtures.ts';
import { failure, workApi } from './work-fixtures.ts';

// A milestone is `billed` only through POST projects/:id/milestones/:milestoneId/invoice (its invoice reference).

let owner: BrowserSession;
let project: { id: string };
const t = setupApiTest();
const w = workApi(t);
const TABLES = ['project_milestones', 'sales_documents'];
const milestone = (body: object) =>
  w.create(owner, '/milestones', { projectId: project.id, name: 'Roof done', ...body });
const patch = (m: { id: string }, body: object) => w.api(owner, 'PATCH', `/milestones/${m.id}`, body);

beforeAll(async () => {
  owner = await signUp(t.app);
  const company = await w.create(owner, '/companies', { name: 'Dockside Ltd' });
  project = await w.create(owner, '/projects', { name: 'Dock roof', code: 'DR', companyId: company.id });
});

describe('milestone billed only by invoicing', () => {
  it('refuses billed by hand on create and update (409), nothing changes', async () => {
    const before = await w.snapshot(owner.tenantId, TABLES);
    const created = await w.api(owner, 'POST', '/milestones', {
      projectId: project.id,
      name: 'Billed by hand',
      amountCents: 1000,
      status: 'billed',
    });
    expect(created.statusCode).toBe(409);
    expect(created.json().error.message).toMatch(/billed only by invoicing/);
    expect(await w.snapshot(owner.tenantId, TABLES)).toEqual(before);

    const m = await milestone({ amountCents: 1000, status: 'reached' });
    const snap = await w.snapshot(owner.tenantId, TABLES);
    const res = await patch(m, { status: 'billed', version: 1 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ message: expect.stringMatching(/billed only by invoicing/) });
    expect(await w.snapshot(owner.tenantId, TABLES)).toEqual(snap);
    expect((await w.api(owner, 'GET', `/milestones/${m.id}`)).json().data).toMatchObject({
      status: 'reached',
      invoiceRef: null,
    });
  });

  it('invoicing sets billed with the invoice reference; a billed one keeps its status and amount', async () => {
    const m = await milestone({ amountCents: 40_000, status: 'reached' });
    const res = await w.api(owner, 'POST', `/projects/${project.id}/milestones/${m.id}/invoice`);
    expect(res.statusCode).toBe(201);
    const { milestone: billed, invoiceId } = res.json().data;
    expect(billed).toMatchObject({ status: 'billed', invoiceRef: invoiceId, version: 2 });
    const before = await w.snapshot(owner.tenantId, TABLES);
    for (const [body, pattern] of [
      [{ status: 'reached', version: 2 }, /stays billed/],
      [{ status: 'open', version: 2 }, /stays billed/],
      [{ amountCents: 1, version: 2 }, /amount cannot change/],
    ] as const) {
      const refused = await patch(m, body);
      expect(refused.statusCode, JSON.stringify(body)).toBe(409);
      expect(refused.json().error.message).toMatch(pattern);
    }
    expect(await w.snapshot(owner.tenantId, TABLES)).toEqual(before);
    // Renaming a billed milestone (the form sends its status back unchanged) is fine.
    const renamed = await patch(m, {
      name: 'Roof handed over',
      status: 'billed',
      amountCents: 40_000,
      version: 2,
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().data).toMatchObject({ status: 'billed', invoiceRef: invoiceId, version: 3 });
  });

  it('the database holds billed ⇔ invoice reference', async () => {
    const m = await milestone({ amountCents: 500, status: 'reached' });
    expect(
      await failure(dbRows(t, sql`update project_milestones set status = 'billed' where id = ${m.id}`)),
    ).toMatch(/project_milestones_billed_invoiced/);
    const res = await w.api(owner, 'POST', `/projects/${project.id}/milestones/${m.id}/invoice`);
    expect(res.statusCode).toBe(201);
    expect(
      await failure(dbRows(t, sql`update project_milestones set status = 'reached' where id = ${m.id}`)),
    ).toMatch(/project_milestones_billed_invoiced/);
    expect(
      await failure(dbRows(t, sql`update project_milestones set invoice_ref = null where id = ${m.id}`)),
    ).toMatch(/project_milestones_billed_invoiced/);
    expect(
      await failure(
        dbRows(
          t,
          sql`update project_milestones set invoice_ref = 'X' where id <> ${m.id} and status <> 'billed'`,
        ),
      ),
    ).toMatch(/project_milestones_billed_invoiced/);
  });

  it('bad status values are 400, nothing changes', async () => {
    const m = await milestone({ amountCents: 500 });
    const before = await w.snapshot(owner.tenantId, TABLES);
    for (const body of [
      { status: 'BILLED', version: 1 },
      { status: 3, version: 1 },
      { status: null, version: 1 },
      { invoiceRef: 'x', version: 1 },
    ]) {
      expect((await patch(m, body)).statusCode, JSON.stringify(body)).toBe(400);
    }
    expect(await w.snapshot(owner.tenantId, TABLES)).toEqual(before);
  });
});
