import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi, MISSING_ID } from '../helpers/crm-api.ts';
import { addMember } from '../helpers/members.ts';
import { auditActions, memberWithRole } from '../helpers/tenant-fixtures.ts';

let owner: BrowserSession;
let other: BrowserSession;
let crew: BrowserSession;
let company: { id: string };
let contact: { id: string };
let foreignCompany: { id: string };
const t = setupApiTest();
const c = crmApi(t);
beforeAll(async () => {
  owner = await signUp(t.app);
  other = await signUp(t.app);
  crew = await addMember(t.app, t.database, owner, 'crew');
  company = await c.create(owner, '/companies', { name: 'Harbour Builders' });
  contact = await c.create(owner, '/contacts', { firstName: 'Ada', lastName: 'Site', companyId: company.id });
  foreignCompany = await c.create(other, '/companies', { name: 'Elsewhere Ltd' });
});

const TABLES = ['projects', 'project_milestones', 'tasks'];
const project = (code: string, extra: object = {}) =>
  c.create(owner, '/projects', { name: `Project ${code}`, code, ...extra });

describe('projects', () => {
  it('creates a project with client, manager, dates, budget, billing and rates; audited; code unique per tenant', async () => {
    const p = await project('HB-1', {
      companyId: company.id,
      contactId: contact.id,
      managerId: owner.userId,
      status: 'active',
      startDate: '2030-01-01',
      endDate: '2030-06-30',
      budgetHours: 120.5,
      budgetCents: 1_500_000,
      currency: 'EUR',
      billingMode: 'fixed_price',
      defaultRateCents: 8000,
      roleRates: { 'Site manager': 9500 },
    });
    expect(p).toMatchObject({
      code: 'HB-1',
      status: 'active',
      companyId: company.id,
      contactId: contact.id,
      managerId: owner.userId,
      startDate: '2030-01-01',
      endDate: '2030-06-30',
      budgetHours: 120.5,
      budgetCents: 1_500_000,
      currency: 'EUR',
      billingMode: 'fixed_price',
      roleRates: { 'Site manager': 9500 },
      version: 1,
    });
    expect(await auditActions(t, owner.tenantId, p.id)).toEqual(['project.created']);
    const before = await c.snapshot(owner.tenantId, TABLES);
    const dup = await c.api(owner, 'POST', '/projects', { name: 'Again', code: 'hb-1' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.details).toEqual([{ path: 'body.code', message: expect.any(String) }]);
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(before);
    // Another company may use the same code.
    expect((await c.api(other, 'POST', '/projects', { name: 'Theirs', code: 'HB-1' })).statusCode).toBe(201);
  });

  it('end date before start date is refused by the database rule (400), on create and on change', async () => {
    const before = await c.snapshot(owner.tenantId, TABLES);
    const res = await c.api(owner, 'POST', '/projects', {
      name: 'Backwards',
      code: 'BK-1',
      startDate: '2030-05-01',
      endDate: '2030-04-30',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('body.endDate');
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(before);
    const p = await project('BK-2', { startDate: '2030-05-01', endDate: '2030-05-01' });
    const bad = await c.api(owner, 'PATCH', `/projects/${p.id}`, { endDate: '2030-04-01', version: 1 });
    expect(bad.statusCode).toBe(400);
    expect((await c.api(owner, 'GET', `/projects/${p.id}`)).json().data).toMatchObject({
      endDate: '2030-05-01',
      version: 1,
    });
  });

  it('bad input is a 400 and changes nothing: unknown fields, wrong types, oversize, NUL bytes, bad codes', async () => {
    const before = await c.snapshot(owner.tenantId, TABLES);
    for (const body of [
      { name: 'X', code: 'A1', extra: true },
      { name: 'X' },
      { name: 42, code: 'A1' },
      { name: 'x'.repeat(201), code: 'A1' },
      { name: 'nul\u0000name', code: 'A1' },
      { name: 'X', code: 'has space' },
      { name: 'X', code: 'A1', budgetHours: 1.1 },
      { name: 'X', code: 'A1', budgetCents: -1 },
      { name: 'X', code: 'A1', status: 'dreaming' },
      { name: 'X', code: 'A1', startDate: '2030-02-30' },
      { name: 'X', code: 'A1', roleRates: { Mason: -5 } },
    ]) {
      const res = await c.api(owner, 'POST', '/projects', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(before);
  });

  it("another tenant's company, an unknown contact or a non-member manager is a 404 naming the field", async () => {
    const before = await c.snapshot(owner.tenantId, TABLES);
    for (const [field, id] of [
      ['companyId', foreignCompany.id],
      ['contactId', MISSING_ID],
      ['managerId', other.userId],
    ] as const) {
      const res = await c.api(owner, 'POST', '/projects', { name: 'Ref', code: `R-${field}`, [field]: id });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.details[0].path).toBe(`body.${field}`);
    }
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(before);
    const p = await project('MINE-1');
    expect((await c.api(other, 'GET', `/projects/${p.id}`)).statusCode).toBe(404);
    expect(
      (await c.api(other, 'PATCH', `/projects/${p.id}`, { name: 'Stolen', version: 1 })).statusCode,
    ).toBe(404);
    expect((await c.api(other, 'DELETE', `/projects/${p.id}`)).statusCode).toBe(404);
    expect((await c.api(other, 'GET', `/milestones?projectId=${p.id}`)).json().data).toEqual([]);
  });

  it('a stale version is a 409 with the current project; an Idempotency-Key create happens once', async () => {
    const p = await project('V-1');
    expect((await c.api(owner, 'PATCH', `/projects/${p.id}`, { name: 'V one', version: 1 })).statusCode).toBe(
      200,
    );
    const stale = await c.api(owner, 'PATCH', `/projects/${p.id}`, { name: 'Stale', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({ name: 'V one', version: 2 });
    const headers = { 'idempotency-key': 'project-create-once' };
    const body = { name: 'Once', code: 'ONCE-1' };
    const [a, b] = [
      await c.api(owner, 'POST', '/projects', body, headers),
      await c.api(owner, 'POST', '/projects', body, headers),
    ];
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(b.json().data.id).toBe(a.json().data.id);
    const list = await c.pageAll<{ code: string }>(owner, '/projects?q=once');
    expect(list.map((x) => x.code)).toEqual(['ONCE-1']);
  });

  it('permissions: crew see projects without money fields and cannot create; lists filter and sort', async () => {
    const p = await project('CREW-1', { budgetCents: 500_000, defaultRateCents: 7000 });
    const seen = (await c.api(crew, 'GET', `/projects/${p.id}`)).json().data;
    expect(seen.code).toBe('CREW-1');
    expect(seen).not.toHaveProperty('budgetCents');
    expect(seen).not.toHaveProperty('defaultRateCents');
    expect((await c.api(crew, 'POST', '/projects', { name: 'No', code: 'NO-1' })).statusCode).toBe(403);
    const viewer = await memberWithRole(t, owner.tenantId, {
      permissions: ['projects.view', 'projects.manage'],
    });
    const money = await c.api(viewer, 'POST', '/projects', { name: 'Money', code: 'M-1', budgetCents: 1 });
    expect(money.statusCode).toBe(403);
    const active = await c.pageAll<{ code: string; status: string }>(owner, '/projects?status=active');
    expect(active.every((x) => x.status === 'active')).toBe(true);
    const byCode = await c.pageAll<{ code: string }>(owner, '/projects?sort=-code&limit=2');
    const codes = byCode.map((x) => x.code.toLowerCase());
    expect(codes).toEqual([...codes].sort().reverse());
  });

  it('milestones belong to a visible project; listed by due date; audited', async () => {
    const p = await project('MS-1');
    const m2 = await c.create(owner, '/milestones', { projectId: p.id, name: 'Roof', dueDate: '2030-03-01' });
    const m1 = await c.create(owner, '/milestones', {
      projectId: p.id,
      name: 'Foundations',
      dueDate: '2030-02-01',
      amountCents: 250_000,
    });
    expect(m1).toMatchObject({ status: 'open', amountCents: 250_000, projectId: p.id });
    const list = await c.pageAll<{ id: string }>(owner, `/milestones?projectId=${p.id}`);
    expect(list.map((m) => m.id)).toEqual([m1.id, m2.id]);
    const reached = await c.api(owner, 'PATCH', `/milestones/${m1.id}`, { status: 'reached', version: 1 });
    expect(reached.json().data.status).toBe('reached');
    expect(await auditActions(t, owner.tenantId, m1.id)).toEqual(['milestone.created', 'milestone.updated']);
    const before = await c.snapshot(owner.tenantId, TABLES);
    const foreign = (await c.api(other, 'POST', '/projects', { name: 'F', code: 'F-MS' })).json().data;
    const res = await c.api(owner, 'POST', '/milestones', { projectId: foreign.id, name: 'Nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.details[0].path).toBe('body.projectId');
    expect((await c.api(other, 'GET', `/milestones/${m1.id}`)).statusCode).toBe(404);
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(before);
  });

  it('project tasks are CRM tasks linked to the project, with a milestone of that project, estimate and checklist', async () => {
    const p = await project('TK-1');
    const q = await project('TK-2');
    const m = await c.create(owner, '/milestones', { projectId: p.id, name: 'Walls' });
    const mq = await c.create(owner, '/milestones', { projectId: q.id, name: 'Other walls' });
    const task = await c.create(owner, '/tasks', {
      title: 'Order bricks',
      related: { type: 'project', id: p.id },
      milestoneId: m.id,
      estimateHours: 2.5,
      checklist: [
        { text: 'Get quote', done: true },
        { text: 'Pay', done: false },
      ],
    });
    expect(task).toMatchObject({
      related: { type: 'project', id: p.id },
      milestoneId: m.id,
      estimateHours: 2.5,
      checklist: [
        { text: 'Get quote', done: true },
        { text: 'Pay', done: false },
      ],
    });
    const board = await c.pageAll<{ id: string }>(owner, `/tasks?relatedType=project&relatedId=${p.id}`);
    expect(board.map((x) => x.id)).toEqual([task.id]);
    const timeline = (await c.api(owner, 'GET', `/projects/${p.id}/timeline`)).json().data;
    expect(timeline.map((i: { id: string }) => i.id)).toContain(task.id);
    const before = await c.snapshot(owner.tenantId, TABLES);
    const wrong = await c.api(owner, 'POST', '/tasks', {
      title: 'Wrong milestone',
      related: { type: 'project', id: p.id },
      milestoneId: mq.id,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0].path).toBe('body.milestoneId');
    const unlinked = await c.api(owner, 'POST', '/tasks', { title: 'No project', milestoneId: m.id });
    expect(unlinked.statusCode).toBe(400);
    const moved = await c.api(owner, 'PATCH', `/tasks/${task.id}`, { milestoneId: mq.id, version: 1 });
    expect(moved.statusCode).toBe(400);
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(before);
    const done = await c.api(owner, 'PATCH', `/tasks/${task.id}`, { status: 'in_progress', version: 1 });
    expect(done.json().data.status).toBe('in_progress');
  });
});
