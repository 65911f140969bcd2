import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi } from '../helpers/crm-api.ts';
import { addMember } from '../helpers/members.ts';
import { auditActions, dbRows } from '../helpers/tenant-fixtures.ts';

let owner: BrowserSession;
let other: BrowserSession;
let dispatcher: BrowserSession;
let worker: BrowserSession;
let crewId: string;
let crew2Id: string;
const t = setupApiTest();
const c = crmApi(t);
const TABLES = ['jobs', 'job_status_history'];
const at = (h: number, m = 0) => new Date(Date.UTC(2030, 0, 7, h, m)).toISOString();

beforeAll(async () => {
  owner = await signUp(t.app);
  other = await signUp(t.app);
  dispatcher = await addMember(t.app, t.database, owner, 'dispatch', 'Dee Spatch');
  worker = await addMember(t.app, t.database, owner, 'crew', 'Will Worker');
  crewId = (await c.create(owner, '/crews', { name: 'Alpha', memberIds: [worker.userId] })).id;
  crew2Id = (await c.create(owner, '/crews', { name: 'Bravo' })).id;
});

const events = (tenantId: string, type: string) =>
  dbRows<{ payload: Record<string, unknown> }>(
    t,
    sql`select payload from event_outbox where tenant_id = ${tenantId} and type = ${type} order by created_at, id`,
  );

describe('jobs', () => {
  it('creates a job for a company with checklist and window, reads, updates (version 409) and audits it', async () => {
    const company = await c.create(owner, '/companies', { name: 'Acme Homes' });
    const job = await c.create(dispatcher, '/jobs', {
      title: 'Boiler service',
      type: 'maintenance',
      priority: 'high',
      companyId: company.id,
      siteAddress: '1 Main St, Springfield',
      siteLat: 48.1,
      siteLng: 11.5,
      scheduledStart: at(8),
      scheduledEnd: at(10),
      estimatedMinutes: 90,
      requiredSkills: ['hvac', 'hvac'],
      checklist: [{ label: 'Check pressure' }, { label: 'Clean burner' }],
    });
    expect(job).toMatchObject({
      kind: 'job',
      status: 'scheduled',
      crewId: null,
      requiredSkills: ['hvac'],
      checklist: [
        { label: 'Check pressure', done: false },
        { label: 'Clean burner', done: false },
      ],
      ownerId: dispatcher.userId,
    });
    const patched = await c.api(dispatcher, 'PATCH', `/jobs/${job.id}`, { priority: 'urgent', version: 1 });
    expect(patched.json().data).toMatchObject({ priority: 'urgent', version: 2 });
    expect((await c.api(dispatcher, 'PATCH', `/jobs/${job.id}`, { title: 'X', version: 1 })).statusCode).toBe(
      409,
    );
    expect(await auditActions(t, owner.tenantId, job.id)).toEqual(['job.created', 'job.updated']);
    const load = await c.create(dispatcher, '/jobs', {
      kind: 'load',
      title: 'Pallets to depot',
      pickupAddress: 'Warehouse 3',
      pickupFrom: at(6),
      pickupTo: at(7),
      deliveryAddress: 'Depot North',
      weightKg: 1200.5,
      volumeM3: 8,
      reference: 'PO-77',
    });
    expect(load).toMatchObject({ kind: 'load', weightKg: 1200.5, reference: 'PO-77' });
  });

  it('refuses bad input and foreign references; nothing changes', async () => {
    const theirs = await c.create(other, '/companies', { name: 'Theirs' });
    const before = await c.snapshot(owner.tenantId, TABLES);
    for (const body of [
      {},
      { title: 'A', extra: true },
      { title: 'A\u0000' },
      { title: 'x'.repeat(201) },
      { title: 'A', priority: 'asap' },
      { title: 'A', siteLat: 91 },
      { title: 'A', scheduledStart: at(9) },
      { title: 'A', scheduledStart: at(9), scheduledEnd: at(8) },
      { title: 'A', scheduledStart: 'tomorrow', scheduledEnd: at(8) },
      { title: 'A', companyId: theirs.id },
      { title: 'A', crewId, scheduledStart: at(1), scheduledEnd: at(2), extra: 1 },
      { kind: 'load', title: 'No addresses' },
      { title: 'A', checklist: Array.from({ length: 51 }, () => ({ label: 'x' })) },
    ]) {
      const res = await c.api(dispatcher, 'POST', '/jobs', body);
      expect([400, 404], JSON.stringify(body).slice(0, 80)).toContain(res.statusCode);
    }
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(before);
    const job = await c.create(other, '/jobs', { title: 'Their job' });
    expect((await c.api(owner, 'GET', `/jobs/${job.id}`)).statusCode).toBe(404);
    expect((await c.api(owner, 'POST', `/jobs/${job.id}/status`, { status: 'cancelled' })).statusCode).toBe(
      404,
    );
  });

  it('follows the status flow only, with a timestamp and actor per step; completion records results', async () => {
    const job = await c.create(dispatcher, '/jobs', {
      title: 'Flow job',
      customerEmail: 'customer@example.test',
      customerName: 'Carla',
      checklist: [{ label: 'One' }, { label: 'Two' }],
    });
    const step = (as: BrowserSession, body: object) => c.api(as, 'POST', `/jobs/${job.id}/status`, body);
    expect((await step(worker, { status: 'en_route' })).statusCode).toBe(404); // not their crew's job yet
    expect((await step(dispatcher, { status: 'en_route' })).statusCode).toBe(409);
    expect((await step(dispatcher, { status: 'dispatched' })).statusCode).toBe(409); // no crew
    const assigned = await c.api(dispatcher, 'POST', `/jobs/${job.id}/assign`, {
      crewId,
      scheduledStart: at(12),
      scheduledEnd: at(13),
    });
    expect(assigned.json().data).toMatchObject({ status: 'dispatched', crewId });
    expect((await step(worker, { status: 'completed' })).statusCode).toBe(409);
    expect((await step(worker, { status: 'en_route', signatureName: 'X' })).statusCode).toBe(400);
    expect((await step(worker, { status: 'en_route' })).statusCode).toBe(200);
    expect((await step(worker, { status: 'on_site' })).statusCode).toBe(200);
    expect((await step(worker, { status: 'completed', checklistDone: [true] })).statusCode).toBe(400);
    const done = await step(worker, {
      status: 'completed',
      completionNotes: 'All good',
      signatureName: 'Carla Customer',
      checklistDone: [true, false],
    });
    expect(done.json().data).toMatchObject({
      status: 'completed',
      completionNotes: 'All good',
      signatureName: 'Carla Customer',
      checklist: [
        { label: 'One', done: true },
        { label: 'Two', done: false },
      ],
    });
    expect((await step(dispatcher, { status: 'on_hold' })).statusCode).toBe(409);
    const history = (await c.api(worker, 'GET', `/jobs/${job.id}/history`)).json().data;
    expect(
      history.map((h: { fromStatus: string | null; toStatus: string }) => [h.fromStatus, h.toStatus]),
    ).toEqual([
      [null, 'scheduled'],
      ['scheduled', 'dispatched'],
      ['dispatched', 'en_route'],
      ['en_route', 'on_site'],
      ['on_site', 'completed'],
    ]);
    expect(history.slice(2).every((h: { actorUserId: string }) => h.actorUserId === worker.userId)).toBe(
      true,
    );
    // The customer got an e-mail when the crew set off; the events are in the outbox.
    const mail = await dbRows<{ to_address: string }>(
      t,
      sql`select to_address from mail_outbox where to_address = 'customer@example.test'`,
    );
    expect(mail).toHaveLength(1);
    const changes = (await events(owner.tenantId, 'job.status_changed')).filter(
      (e) => e.payload.jobId === job.id,
    );
    expect(changes.map((e) => e.payload.to)).toEqual(['dispatched', 'en_route', 'on_site', 'completed']);
    expect((await events(owner.tenantId, 'job.assigned')).some((e) => e.payload.jobId === job.id)).toBe(true);
  });

  it('the database holds the status flow too (trigger), whatever the code does', async () => {
    const job = await c.create(dispatcher, '/jobs', { title: 'Trigger job' });
    const err = await t.database.db
      .execute(sql`update jobs set status = 'completed' where id = ${job.id}`)
      .then(
        () => undefined,
        (e: { cause?: { message?: string } }) => e,
      );
    expect(err?.cause?.message).toMatch(/cannot move from scheduled to completed/);
    const [row] = await dbRows<{ status: string }>(t, sql`select status from jobs where id = ${job.id}`);
    expect(row?.status).toBe('scheduled');
  });

  it('a crew cannot hold two overlapping jobs: 409 naming the other job; back to back and cancelled are fine', async () => {
    const first = await c.create(dispatcher, '/jobs', {
      title: 'First slot',
      crewId: crew2Id,
      scheduledStart: at(14),
      scheduledEnd: at(16),
    });
    const second = await c.create(dispatcher, '/jobs', { title: 'Second slot' });
    const before = await c.snapshot(owner.tenantId, TABLES);
    const clash = await c.api(dispatcher, 'POST', `/jobs/${second.id}/assign`, {
      crewId: crew2Id,
      scheduledStart: at(15),
      scheduledEnd: at(17),
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.details.conflictingJob).toMatchObject({ id: first.id, title: 'First slot' });
    const created = await c.api(dispatcher, 'POST', '/jobs', {
      title: 'Clash on create',
      crewId: crew2Id,
      scheduledStart: at(13),
      scheduledEnd: at(15),
    });
    expect(created.statusCode).toBe(409);
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(before);
    const ok = await c.api(dispatcher, 'POST', `/jobs/${second.id}/assign`, {
      crewId: crew2Id,
      scheduledStart: at(16),
      scheduledEnd: at(17),
    });
    expect(ok.statusCode).toBe(200);
    expect(
      (await c.api(dispatcher, 'POST', `/jobs/${first.id}/status`, { status: 'cancelled' })).statusCode,
    ).toBe(200);
    const reuse = await c.api(dispatcher, 'POST', `/jobs/${second.id}/assign`, {
      crewId: crew2Id,
      scheduledStart: at(14),
      scheduledEnd: at(16, 30),
      version: ok.json().data.version,
    });
    expect(reuse.statusCode).toBe(200);
    const stale = await c.api(dispatcher, 'POST', `/jobs/${second.id}/assign`, {
      crewId: null,
      scheduledStart: at(14),
      scheduledEnd: at(15),
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
  });

  it('concurrent assignments of overlapping jobs to one crew: exactly one wins, the others get 409', async () => {
    const crew = await c.create(owner, '/crews', { name: 'Race crew' });
    const jobs = await Promise.all(
      [1, 2, 3, 4].map((i) => c.create(dispatcher, '/jobs', { title: `Race ${i}` })),
    );
    const results = await Promise.all(
      jobs.map((j, i) =>
        c.api(dispatcher, 'POST', `/jobs/${j.id}/assign`, {
          crewId: crew.id,
          scheduledStart: at(9, i * 10),
          scheduledEnd: at(11),
        }),
      ),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 409, 409, 409]);
    const winner = jobs[results.findIndex((r) => r.statusCode === 200)];
    for (const r of results.filter((x) => x.statusCode === 409))
      expect(r.json().error.details.conflictingJob.id).toBe(winner.id);
    const held = await dbRows(t, sql`select id from jobs where crew_id = ${crew.id}`);
    expect(held).toHaveLength(1);
  });

  it('a status change made offline is replayed with its original time, once (Idempotency-Key)', async () => {
    const job = await c.create(dispatcher, '/jobs', {
      title: 'Offline job',
      crewId,
      scheduledStart: at(20),
      scheduledEnd: at(21),
    });
    const occurredAt = new Date(Date.now() - 3_600_000).toISOString();
    const send = () =>
      c.api(
        worker,
        'POST',
        `/jobs/${job.id}/status`,
        { status: 'en_route', occurredAt },
        { 'idempotency-key': `st-${job.id}-1` },
      );
    const [a, b] = [await send(), await send()];
    expect(a.statusCode).toBe(200);
    expect(b.statusCode).toBe(200);
    expect(b.json()).toEqual(a.json());
    expect(a.json().data.statusChangedAt).toBe(occurredAt);
    const steps = (await c.api(worker, 'GET', `/jobs/${job.id}/history`)).json().data;
    expect(steps.filter((s: { toStatus: string }) => s.toStatus === 'en_route')).toEqual([
      expect.objectContaining({ occurredAt, actorUserId: worker.userId }),
    ]);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect(
      (await c.api(worker, 'POST', `/jobs/${job.id}/status`, { status: 'on_site', occurredAt: future }))
        .statusCode,
    ).toBe(400);
  });
});

describe('jobs: who sees what', () => {
  it('crew members see only their crew’s jobs; contractors only their customers’ jobs; permissions hold', async () => {
    const mine = await c.create(dispatcher, '/jobs', {
      title: 'Alpha job',
      crewId,
      scheduledStart: at(22),
      scheduledEnd: at(23),
    });
    const notMine = await c.create(dispatcher, '/jobs', {
      title: 'Bravo job',
      crewId: crew2Id,
      scheduledStart: at(22),
      scheduledEnd: at(23),
    });
    const seen = (await c.pageAll<{ id: string }>(worker, '/jobs?limit=100')).map((j) => j.id);
    expect(seen).toContain(mine.id);
    expect(seen).not.toContain(notMine.id);
    expect((await c.api(worker, 'GET', `/jobs/${notMine.id}`)).statusCode).toBe(404);
    expect(
      (await c.api(worker, 'POST', `/jobs/${notMine.id}/status`, { status: 'en_route' })).statusCode,
    ).toBe(404);
    expect((await c.api(worker, 'POST', '/jobs', { title: 'Nope' })).statusCode).toBe(403);
    expect(
      (
        await c.api(worker, 'POST', `/jobs/${mine.id}/assign`, {
          crewId: null,
          scheduledStart: at(1),
          scheduledEnd: at(2),
        })
      ).statusCode,
    ).toBe(403);

    const contractor = await addMember(t.app, t.database, owner, 'contractor', 'Con Tractor');
    const customer = await c.create(owner, '/companies', { name: 'Contracted customer' });
    const stranger = await c.create(owner, '/companies', { name: 'Not theirs' });
    const theirs = await c.create(dispatcher, '/jobs', { title: 'For customer', companyId: customer.id });
    const hidden = await c.create(dispatcher, '/jobs', { title: 'For stranger', companyId: stranger.id });
    expect((await c.api(contractor, 'GET', `/jobs/${theirs.id}`)).statusCode).toBe(404);
    expect(
      (
        await c.api(contractor, 'POST', '/contractor-customers', {
          contractorId: contractor.userId,
          companyId: customer.id,
        })
      ).statusCode,
    ).toBe(403);
    const link = await c.api(dispatcher, 'POST', '/contractor-customers', {
      contractorId: contractor.userId,
      companyId: customer.id,
    });
    expect(link.statusCode).toBe(201);
    expect(
      (
        await c.api(dispatcher, 'POST', '/contractor-customers', {
          contractorId: contractor.userId,
          companyId: customer.id,
        })
      ).statusCode,
    ).toBe(409);
    const contractorSees = (await c.pageAll<{ id: string }>(contractor, '/jobs?limit=100')).map((j) => j.id);
    expect(contractorSees).toContain(theirs.id);
    expect(contractorSees).not.toContain(hidden.id);
    expect((await c.api(contractor, 'GET', `/jobs/${hidden.id}`)).statusCode).toBe(404);
    expect(
      (await c.api(dispatcher, 'DELETE', `/contractor-customers/${link.json().data.id}`)).statusCode,
    ).toBe(200);
    expect((await c.api(contractor, 'GET', `/jobs/${theirs.id}`)).statusCode).toBe(404);
  });
});
