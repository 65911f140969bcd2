import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi, MISSING_ID } from '../helpers/crm-api.ts';
import { addMember } from '../helpers/members.ts';
import { auditActions } from '../helpers/tenant-fixtures.ts';

let owner: BrowserSession;
let other: BrowserSession;
const t = setupApiTest();
const c = crmApi(t);
beforeAll(async () => {
  owner = await signUp(t.app);
  other = await signUp(t.app);
});

const TABLES = ['pipelines', 'pipeline_stages', 'deals'];
type Stage = { id: string; name: string; kind: string; probability: number; position: number };
type Pipe = { id: string; name: string; isDefault: boolean; version: number; stages: Stage[] };
const pipelinesOf = async (as: BrowserSession) =>
  (await c.api(as, 'GET', '/pipelines')).json().data as Pipe[];
const stagesInput = (stages: Stage[]) =>
  stages.map(({ id, name, probability, kind }) => ({ id, name, probability, kind }));
const newPipeline = (name: string, extra: object = {}) =>
  c.create(owner, '/pipelines', {
    name,
    stages: [
      { name: 'Lead in', probability: 10 },
      { name: 'Won', probability: 100, kind: 'won' },
      { name: 'Lost', probability: 0, kind: 'lost' },
    ],
    ...extra,
  }) as Promise<Pipe>;

describe('pipelines', () => {
  it('every company starts with one default pipeline whose stages come in order', async () => {
    const [p, ...rest] = await pipelinesOf(owner);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ name: 'Sales pipeline', isDefault: true });
    expect(p?.stages.map((s) => [s.name, s.position, s.kind])).toEqual([
      ['Qualification', 0, 'open'],
      ['Needs analysis', 1, 'open'],
      ['Proposal', 2, 'open'],
      ['Negotiation', 3, 'open'],
      ['Won', 4, 'won'],
      ['Lost', 5, 'lost'],
    ]);
    expect((await c.api(owner, 'GET', `/pipelines/${p?.id}`)).json().data).toEqual(p);
  });

  it('creates a pipeline (audited); making one the default clears the previous default', async () => {
    const [first] = await pipelinesOf(owner);
    const p = await newPipeline('Solar', { isDefault: true });
    expect(p.stages.map((s) => s.position)).toEqual([0, 1, 2]);
    const all = await pipelinesOf(owner);
    expect(all.filter((x) => x.isDefault).map((x) => x.id)).toEqual([p.id]);
    expect(all.find((x) => x.id === first?.id)).toMatchObject({ isDefault: false, version: 2 });
    expect(await auditActions(t, owner.tenantId, first?.id)).toEqual(['pipeline.updated']);
    const back = await c.api(owner, 'PATCH', `/pipelines/${first?.id}`, { isDefault: true, version: 2 });
    expect(back.json().data.isDefault).toBe(true);
    expect((await pipelinesOf(owner)).filter((x) => x.isDefault).map((x) => x.id)).toEqual([first?.id]);
    expect(await auditActions(t, owner.tenantId, p.id)).toEqual(['pipeline.created', 'pipeline.updated']);
  });

  it('replaces stages: kept ids keep their deals, new ones are added, missing ones removed', async () => {
    const p = await newPipeline('Doors');
    const [leadIn, won, lost] = p.stages as [Stage, Stage, Stage];
    const deal = await c.create(owner, '/deals', { title: 'Door deal', pipelineId: p.id });
    expect(deal.stageId).toBe(leadIn.id);
    const res = await c.api(owner, 'PATCH', `/pipelines/${p.id}`, {
      name: 'Doors & windows',
      version: 1,
      stages: [
        { name: 'Visit', probability: 5 },
        { ...stagesInput([leadIn])[0], name: 'Quoted', probability: 40 },
        stagesInput([won])[0],
      ],
    });
    expect(res.statusCode).toBe(200);
    const after = res.json().data as Pipe;
    expect(after).toMatchObject({ name: 'Doors & windows', version: 2 });
    expect(after.stages.map((s) => [s.name, s.position])).toEqual([
      ['Visit', 0],
      ['Quoted', 1],
      ['Won', 2],
    ]);
    expect(after.stages[1]?.id).toBe(leadIn.id);
    expect(after.stages.map((s) => s.id)).not.toContain(lost.id);
    expect((await c.api(owner, 'GET', `/deals/${deal.id}`)).json().data.stageId).toBe(leadIn.id);
  });

  it('a stage with deals cannot be removed or change kind (409 naming the count); nothing changes', async () => {
    const p = await newPipeline('Busy');
    const [leadIn, won] = p.stages as [Stage, Stage, Stage];
    await c.create(owner, '/deals', { title: 'One', pipelineId: p.id });
    await c.create(owner, '/deals', { title: 'Two', pipelineId: p.id });
    const before = await c.snapshot(owner.tenantId, TABLES);
    const removed = await c.api(owner, 'PATCH', `/pipelines/${p.id}`, {
      version: 1,
      stages: [{ name: 'Fresh', probability: 10 }, stagesInput([won])[0]],
    });
    expect(removed.statusCode).toBe(409);
    expect(removed.json().error.message).toContain('still has 2 deals');
    expect(removed.json().error.details).toMatchObject({ stageId: leadIn.id, deals: 2 });
    const rekind = await c.api(owner, 'PATCH', `/pipelines/${p.id}`, {
      version: 1,
      stages: [
        { name: 'Fresh', probability: 10 },
        { ...stagesInput([leadIn])[0], kind: 'lost' },
        stagesInput([won])[0],
      ],
    });
    expect(rekind.statusCode).toBe(409);
    expect((await c.api(owner, 'DELETE', `/pipelines/${p.id}`)).statusCode).toBe(409);
    const stale = await c.api(owner, 'PATCH', `/pipelines/${p.id}`, { name: 'Stale', version: 7 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({ name: 'Busy', version: 1 });
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(before);
  });

  it('deletes a pipeline without deals (stages too, audited); the default one cannot go', async () => {
    const p = await newPipeline('Short lived');
    expect((await c.api(owner, 'DELETE', `/pipelines/${p.id}`)).json().data).toEqual({ deleted: true });
    expect((await c.rows('pipeline_stages', owner.tenantId)).filter((s) => s.pipeline_id === p.id)).toEqual(
      [],
    );
    expect(await auditActions(t, owner.tenantId, p.id)).toEqual(['pipeline.created', 'pipeline.deleted']);
    const def = (await pipelinesOf(owner)).find((x) => x.isDefault) as Pipe;
    const before = await c.snapshot(owner.tenantId, TABLES);
    expect((await c.api(owner, 'DELETE', `/pipelines/${def.id}`)).statusCode).toBe(409);
    const unset = await c.api(owner, 'PATCH', `/pipelines/${def.id}`, {
      isDefault: false,
      version: def.version,
    });
    expect(unset.statusCode).toBe(400);
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(before);
  });
});

describe('pipelines: access and bad input', () => {
  it("another tenant's pipeline or stage ids are a 404 and nothing changes", async () => {
    const [theirs] = await pipelinesOf(other);
    const mine = await newPipeline('Mine');
    const beforeOther = await c.snapshot(other.tenantId, TABLES);
    const beforeMine = await c.snapshot(owner.tenantId, TABLES);
    for (const [method, url, body] of [
      ['GET', `/pipelines/${theirs?.id}`],
      ['PATCH', `/pipelines/${theirs?.id}`, { name: 'Mine now', version: 1 }],
      ['DELETE', `/pipelines/${theirs?.id}`],
      ['GET', `/pipelines/${theirs?.id}/board`],
      [
        'PATCH',
        `/pipelines/${mine.id}`,
        { version: 1, stages: [{ ...stagesInput(theirs?.stages ?? [])[0] }] },
      ],
      [
        'PATCH',
        `/pipelines/${mine.id}`,
        { version: 1, stages: [{ id: MISSING_ID, name: 'X', probability: 1 }] },
      ],
    ] as const) {
      expect((await c.api(owner, method, url, body)).statusCode, `${method} ${url}`).toBe(404);
    }
    expect(await c.snapshot(other.tenantId, TABLES)).toEqual(beforeOther);
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(beforeMine);
    expect((await pipelinesOf(owner)).map((p) => p.id)).not.toContain(theirs?.id);
  });

  it('reading needs deals.view, changing pipelines.manage', async () => {
    const crew = await addMember(t.app, t.database, owner, 'crew');
    const sales = await addMember(t.app, t.database, owner, 'sales');
    const [p] = await pipelinesOf(owner);
    const before = await c.snapshot(owner.tenantId, TABLES);
    expect((await c.api(crew, 'GET', '/pipelines')).statusCode).toBe(403);
    expect((await c.api(sales, 'GET', '/pipelines')).statusCode).toBe(200);
    expect(
      (await c.api(sales, 'POST', '/pipelines', { name: 'X', stages: [{ name: 'A', probability: 1 }] }))
        .statusCode,
    ).toBe(403);
    expect((await c.api(sales, 'PATCH', `/pipelines/${p?.id}`, { name: 'X', version: 1 })).statusCode).toBe(
      403,
    );
    expect((await c.api(sales, 'DELETE', `/pipelines/${p?.id}`)).statusCode).toBe(403);
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(before);
  });

  it('400 for invalid pipelines and stage lists; nothing changes', async () => {
    const p = await newPipeline('Valid');
    const before = await c.snapshot(owner.tenantId, TABLES);
    const open = { name: 'Open', probability: 10 };
    for (const body of [
      {},
      { name: 'No stages' },
      { name: 'Empty', stages: [] },
      { name: 'Closed only', stages: [{ name: 'Won', probability: 100, kind: 'won' }] },
      { name: 'Bad prob', stages: [{ name: 'A', probability: 101 }] },
      { name: 'Bad kind', stages: [{ name: 'A', probability: 1, kind: 'maybe' }] },
      { name: 'Extra', stages: [{ ...open, color: 'red' }] },
      { name: 'Ids', stages: [{ ...open, id: MISSING_ID }] },
      { name: 'Too many', stages: Array.from({ length: 31 }, (_, i) => ({ name: `S${i}`, probability: 1 })) },
      { name: 'x'.repeat(121), stages: [open] },
      { name: 'T', stages: [open], tenantId: other.tenantId },
    ]) {
      expect(
        (await c.api(owner, 'POST', '/pipelines', body)).statusCode,
        JSON.stringify(body).slice(0, 80),
      ).toBe(400);
    }
    const [first] = p.stages;
    for (const body of [
      { name: 'No version' },
      { version: 1, stages: [{ ...first, name: 'Dup' }, { ...first }] },
      { version: 1, stages: [{ name: 'Lost', probability: 0, kind: 'lost' }] },
    ]) {
      expect((await c.api(owner, 'PATCH', `/pipelines/${p.id}`, body)).statusCode, JSON.stringify(body)).toBe(
        400,
      );
    }
    expect((await c.api(owner, 'GET', '/pipelines/nope')).statusCode).toBe(400);
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(before);
  });
});
