import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi, MISSING_ID } from '../helpers/crm-api.ts';
import { addMember } from '../helpers/members.ts';
import { auditActions } from '../helpers/tenant-fixtures.ts';

let owner: BrowserSession;
let other: BrowserSession;
type Stage = { id: string; name: string; kind: string };
type Pipe = { id: string; stages: Stage[] };
let pipe: Pipe;
let theirPipe: Pipe;
const stage = (p: Pipe, name: string) => p.stages.find((s) => s.name === name)?.id as string;
const t = setupApiTest();
const c = crmApi(t);
beforeAll(async () => {
  owner = await signUp(t.app);
  other = await signUp(t.app);
  [pipe] = (await c.api(owner, 'GET', '/pipelines')).json().data;
  [theirPipe] = (await c.api(other, 'GET', '/pipelines')).json().data;
});

const TABLES = ['deals', 'companies', 'contacts'];
const ids = (res: { json(): { data: { id: string }[] } }) => res.json().data.map((x) => x.id);

describe('deals', () => {
  it('starts in the first open stage of the default pipeline, owned by its creator; audited', async () => {
    const deal = await c.create(owner, '/deals', {
      title: 'Roof job',
      amountCents: 120000,
      tags: ['x', 'x'],
    });
    expect(deal).toMatchObject({
      pipelineId: pipe.id,
      stageId: stage(pipe, 'Qualification'),
      status: 'open',
      closedAt: null,
      ownerId: owner.userId,
      amountCents: 120000,
      currency: 'USD',
      tags: ['x'],
    });
    expect(await auditActions(t, owner.tenantId, deal.id)).toEqual(['deal.created']);
    const won = await c.create(owner, '/deals', { title: 'Already won', stageId: stage(pipe, 'Won') });
    expect(won).toMatchObject({ pipelineId: pipe.id, status: 'won' });
    expect(won.closedAt).not.toBeNull();
  });

  it('moves between stages (the kanban drag): won / lost close, open reopens; stale version is a 409', async () => {
    const deal = await c.create(owner, '/deals', { title: 'Drag me' });
    const moved = await c.api(owner, 'POST', `/deals/${deal.id}/stage`, {
      stageId: stage(pipe, 'Proposal'),
      version: 1,
    });
    expect(moved.json().data).toMatchObject({ stageId: stage(pipe, 'Proposal'), status: 'open', version: 2 });
    const before = await c.snapshot(owner.tenantId, TABLES);
    const stale = await c.api(owner, 'POST', `/deals/${deal.id}/stage`, {
      stageId: stage(pipe, 'Won'),
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({
      stageId: stage(pipe, 'Proposal'),
      version: 2,
    });
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(before);
    const won = (
      await c.api(owner, 'POST', `/deals/${deal.id}/stage`, { stageId: stage(pipe, 'Won'), version: 2 })
    ).json().data;
    expect(won).toMatchObject({ status: 'won', version: 3 });
    expect(won.closedAt).not.toBeNull();
    const same = (
      await c.api(owner, 'POST', `/deals/${deal.id}/stage`, { stageId: stage(pipe, 'Won') })
    ).json().data;
    expect(same.version).toBe(3);
    const reopened = (
      await c.api(owner, 'POST', `/deals/${deal.id}/stage`, { stageId: stage(pipe, 'Negotiation') })
    ).json().data;
    expect(reopened).toMatchObject({ status: 'open', closedAt: null, lostReason: null });
    expect(await auditActions(t, owner.tenantId, deal.id)).toEqual([
      'deal.created',
      'deal.stage_changed',
      'deal.stage_changed',
      'deal.stage_changed',
    ]);
  });

  it('won and lost move the deal to those stages; lost needs a reason', async () => {
    const deal = await c.create(owner, '/deals', { title: 'Close me' });
    expect((await c.api(owner, 'POST', `/deals/${deal.id}/lost`, {})).statusCode).toBe(400);
    const lost = (
      await c.api(owner, 'POST', `/deals/${deal.id}/lost`, { reason: 'Too expensive', version: 1 })
    ).json().data;
    expect(lost).toMatchObject({ status: 'lost', stageId: stage(pipe, 'Lost'), lostReason: 'Too expensive' });
    const won = (await c.api(owner, 'POST', `/deals/${deal.id}/won`)).json().data;
    expect(won).toMatchObject({ status: 'won', stageId: stage(pipe, 'Won'), lostReason: null, version: 3 });
    expect((await c.api(owner, 'POST', `/deals/${deal.id}/won`, { version: 3 })).json().data.version).toBe(3);
    expect((await c.api(owner, 'POST', `/deals/${deal.id}/won`, { version: 1 })).statusCode).toBe(409);
    expect(await auditActions(t, owner.tenantId, deal.id)).toEqual(['deal.created', 'deal.lost', 'deal.won']);
  });

  it('filters and sorts (undated deals last); pages every deal once', async () => {
    const co = await c.create(owner, '/companies', { name: 'Filter Co' });
    const d1 = await c.create(owner, '/deals', {
      title: 'F-c',
      amountCents: 300,
      expectedCloseDate: '2030-03-01',
      companyId: co.id,
    });
    const d2 = await c.create(owner, '/deals', { title: 'F-a', amountCents: 100, tags: ['hot'] });
    const d3 = await c.create(owner, '/deals', {
      title: 'F-b',
      amountCents: 200,
      expectedCloseDate: '2030-01-01',
      ownerId: null,
    });
    const q = '/deals?q=f-&limit=100';
    expect(ids(await c.api(owner, 'GET', `${q}&sort=expectedCloseDate`))).toEqual([d3.id, d1.id, d2.id]);
    expect(ids(await c.api(owner, 'GET', `${q}&sort=-amountCents`))).toEqual([d1.id, d3.id, d2.id]);
    expect(ids(await c.api(owner, 'GET', `${q}&sort=title`))).toEqual([d2.id, d3.id, d1.id]);
    expect(ids(await c.api(owner, 'GET', `${q}&companyId=${co.id}`))).toEqual([d1.id]);
    expect(ids(await c.api(owner, 'GET', `${q}&tag=hot`))).toEqual([d2.id]);
    expect(ids(await c.api(owner, 'GET', `${q}&ownerId=none`))).toEqual([d3.id]);
    expect(ids(await c.api(owner, 'GET', `${q}&amountMin=150&amountMax=250`))).toEqual([d3.id]);
    expect(ids(await c.api(owner, 'GET', `${q}&closeFrom=2030-02-01&closeTo=2030-12-31`))).toEqual([d1.id]);
    expect(ids(await c.api(owner, 'GET', `${q}&status=won,lost`))).toEqual([]);
    expect(
      ids(await c.api(owner, 'GET', `${q}&stageId=${stage(pipe, 'Qualification')}&sort=title`)),
    ).toHaveLength(3);
    for (const sort of [
      'expectedCloseDate',
      '-expectedCloseDate',
      'amountCents',
      '-title',
      'updatedAt',
      '-createdAt',
    ]) {
      const paged = await c.pageAll(owner, `/deals?q=f-&limit=1&sort=${sort}`);
      expect(paged.map((x) => x.id).sort(), sort).toEqual([d1.id, d2.id, d3.id].sort());
    }
  });

  it('the board: stages in order with their open (and recently closed) deals, counts, scope applied, money hidden', async () => {
    const agent = await addMember(t.app, t.database, owner, 'sales');
    const marketing = await addMember(t.app, t.database, owner, 'marketing');
    const p = await c.create(owner, '/pipelines', {
      name: 'Board',
      stages: [
        { name: 'A', probability: 10 },
        { name: 'B', probability: 50 },
        { name: 'W', probability: 100, kind: 'won' },
      ],
    });
    const a1 = await c.create(owner, '/deals', { title: 'a1', pipelineId: p.id, amountCents: 10 });
    const a2 = await c.create(agent, '/deals', { title: 'a2', pipelineId: p.id, amountCents: 5 });
    const b1 = await c.create(owner, '/deals', { title: 'b1', pipelineId: p.id, stageId: stage(p, 'B') });
    const w1 = await c.create(owner, '/deals', { title: 'w1', pipelineId: p.id, stageId: stage(p, 'W') });
    await c.api(owner, 'PATCH', `/deals/${a1.id}`, { title: 'a1 changed', version: 1 });
    const board = (await c.api(owner, 'GET', `/pipelines/${p.id}/board`)).json().data;
    expect(board.pipeline.id).toBe(p.id);
    expect(
      board.stages.map((s: { name: string; count: number; amountCents: number; deals: { id: string }[] }) => [
        s.name,
        s.count,
        s.amountCents,
        s.deals.map((d) => d.id),
      ]),
    ).toEqual([
      ['A', 2, 15, [a1.id, a2.id]],
      ['B', 1, 0, [b1.id]],
      ['W', 1, 0, [w1.id]],
    ]);
    const agentBoard = (await c.api(agent, 'GET', `/pipelines/${p.id}/board`)).json().data;
    expect(agentBoard.stages[0]).toMatchObject({ count: 1, deals: [{ id: a2.id }] });
    const hidden = (await c.api(marketing, 'GET', `/pipelines/${p.id}/board`)).json().data;
    expect(hidden.stages[0]).not.toHaveProperty('amountCents');
    expect(hidden.stages[0].deals[0]).not.toHaveProperty('amountCents');
    expect((await c.api(marketing, 'GET', '/deals?sort=-amountCents')).statusCode).toBe(403);
    expect((await c.api(marketing, 'GET', '/deals?amountMin=1')).statusCode).toBe(403);
  });
});

describe('deals: access and bad input', () => {
  it("another tenant's deal, pipeline, stage, company or contact is a 404 (path and body); nothing changes", async () => {
    const theirs = await c.create(other, '/deals', { title: 'Their deal' });
    const theirCo = await c.create(other, '/companies', { name: 'Their Co' });
    const theirContact = await c.create(other, '/contacts', { firstName: 'Their', lastName: 'Person' });
    const mine = await c.create(owner, '/deals', { title: 'My deal' });
    const beforeOther = await c.snapshot(other.tenantId, TABLES);
    const beforeMine = await c.snapshot(owner.tenantId, TABLES);
    const theirStage = theirPipe.stages[1]?.id;
    for (const [method, url, body] of [
      ['GET', `/deals/${theirs.id}`],
      ['PATCH', `/deals/${theirs.id}`, { title: 'Mine', version: 1 }],
      ['DELETE', `/deals/${theirs.id}`],
      ['POST', `/deals/${theirs.id}/archive`, {}],
      ['POST', `/deals/${theirs.id}/stage`, { stageId: stage(pipe, 'Proposal') }],
      ['POST', `/deals/${theirs.id}/won`, {}],
      ['POST', `/deals/${theirs.id}/lost`, { reason: 'x' }],
      ['GET', `/deals/${theirs.id}/timeline`],
      ['POST', `/deals/${mine.id}/stage`, { stageId: theirStage, version: 1 }],
      ['POST', '/deals', { title: 'X', pipelineId: theirPipe.id }],
      ['POST', '/deals', { title: 'X', stageId: theirStage }],
      ['POST', '/deals', { title: 'X', companyId: theirCo.id }],
      ['POST', '/deals', { title: 'X', contactId: theirContact.id }],
      ['POST', '/deals', { title: 'X', ownerId: other.userId }],
      ['PATCH', `/deals/${mine.id}`, { companyId: theirCo.id, version: 1 }],
      ['POST', '/deals', { title: 'X', pipelineId: MISSING_ID }],
    ] as const) {
      expect(
        (await c.api(owner, method, url, body)).statusCode,
        `${method} ${url} ${JSON.stringify(body)}`,
      ).toBe(404);
    }
    expect(await c.snapshot(other.tenantId, TABLES)).toEqual(beforeOther);
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(beforeMine);
  });

  it("one deal names its company and contact, and says whether the viewer may open them (sales: another's company)", async () => {
    const agent = await addMember(t.app, t.database, owner, 'sales');
    const company = await c.create(owner, '/companies', { name: 'Parties Inc' });
    const contact = await c.create(owner, '/contacts', { firstName: 'Pat', lastName: 'Party' });
    const deal = await c.create(owner, '/deals', {
      title: 'Shared deal',
      companyId: company.id,
      contactId: contact.id,
      ownerId: agent.userId,
    });
    const asOwner = (await c.api(owner, 'GET', `/deals/${deal.id}`)).json().data;
    expect(asOwner.parties).toEqual({
      company: { id: company.id, name: 'Parties Inc', canOpen: true },
      contact: { id: contact.id, name: 'Pat Party', canOpen: true },
    });
    const asAgent = (await c.api(agent, 'GET', `/deals/${deal.id}`)).json().data;
    expect(asAgent.parties).toEqual({
      company: { id: company.id, name: 'Parties Inc', canOpen: false },
      contact: { id: contact.id, name: 'Pat Party', canOpen: false },
    });
    expect((await c.api(agent, 'GET', `/companies/${company.id}`)).statusCode).toBe(404);
    // The board names them too (one query per kind for the whole column).
    const board = (await c.api(agent, 'GET', `/pipelines/${pipe.id}/board`)).json().data;
    const card = board.stages
      .flatMap((st: { deals: { id: string }[] }) => st.deals)
      .find((d: { id: string }) => d.id === deal.id);
    expect(card.parties.company).toEqual({ id: company.id, name: 'Parties Inc', canOpen: false });
    // Bad ids: another tenant's deal, not a uuid, NUL — never a 500, nothing named.
    expect((await c.api(other, 'GET', `/deals/${deal.id}`)).statusCode).toBe(404);
    expect((await c.api(agent, 'GET', '/deals/not-a-uuid')).statusCode).toBe(400);
    expect((await c.api(agent, 'GET', '/deals/%00')).statusCode).toBe(400);
    // Lists stay as they were (no per-row lookups).
    const listed = (await c.api(owner, 'GET', '/deals?q=Shared')).json().data;
    expect(listed[0]).not.toHaveProperty('parties');
  });

  it('a stage of another pipeline is a 400; crew may not see deals; sales sees only its own', async () => {
    const p = await c.create(owner, '/pipelines', {
      name: 'Second',
      stages: [{ name: 'Only', probability: 1 }],
    });
    const deal = await c.create(owner, '/deals', { title: 'Pipeline bound' });
    const crew = await addMember(t.app, t.database, owner, 'crew');
    const agent = await addMember(t.app, t.database, owner, 'sales');
    const mine = await c.create(agent, '/deals', { title: 'Agent deal' });
    const before = await c.snapshot(owner.tenantId, TABLES);
    expect(
      (await c.api(owner, 'POST', `/deals/${deal.id}/stage`, { stageId: p.stages[0].id })).statusCode,
    ).toBe(400);
    expect(
      (await c.api(owner, 'POST', '/deals', { title: 'X', pipelineId: pipe.id, stageId: p.stages[0].id }))
        .statusCode,
    ).toBe(400);
    expect((await c.api(crew, 'GET', '/deals')).statusCode).toBe(403);
    expect((await c.api(crew, 'GET', `/pipelines/${pipe.id}/board`)).statusCode).toBe(403);
    expect((await c.api(crew, 'POST', '/deals', { title: 'X' })).statusCode).toBe(403);
    expect((await c.api(agent, 'DELETE', `/deals/${mine.id}`)).statusCode).toBe(403);
    expect(ids(await c.api(agent, 'GET', '/deals?limit=100'))).toEqual([mine.id]);
    expect((await c.api(agent, 'GET', `/deals/${deal.id}`)).statusCode).toBe(404);
    expect(
      (await c.api(agent, 'POST', `/deals/${deal.id}/stage`, { stageId: stage(pipe, 'Won') })).statusCode,
    ).toBe(404);
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(before);
    expect((await c.create(owner, '/deals', { title: 'Inferred', stageId: p.stages[0].id })).pipelineId).toBe(
      p.id,
    );
  });

  it('400 for wrong types, missing / unknown / oversize fields, bad ids and cursors; nothing changes', async () => {
    const deal = await c.create(owner, '/deals', { title: 'Valid deal' });
    const before = await c.snapshot(owner.tenantId, TABLES);
    for (const body of [
      {},
      { title: '' },
      { title: 'x'.repeat(201) },
      { title: 'A', amountCents: -1 },
      { title: 'A', amountCents: '10' },
      { title: 'A', status: 'won' },
      { title: 'A', expectedCloseDate: '2030-13-01' },
      { title: 'A', currency: 'EURO' },
      { title: 'A', stageId: 'x' },
    ]) {
      expect((await c.api(owner, 'POST', '/deals', body)).statusCode, JSON.stringify(body)).toBe(400);
    }
    for (const body of [
      { title: 'No version' },
      { stageId: stage(pipe, 'Won'), version: 1 },
      { pipelineId: pipe.id, version: 1 },
    ]) {
      expect((await c.api(owner, 'PATCH', `/deals/${deal.id}`, body)).statusCode, JSON.stringify(body)).toBe(
        400,
      );
    }
    expect((await c.api(owner, 'POST', `/deals/${deal.id}/stage`, {})).statusCode).toBe(400);
    expect(
      (await c.api(owner, 'POST', `/deals/${deal.id}/stage`, { stageId: stage(pipe, 'Won'), extra: 1 }))
        .statusCode,
    ).toBe(400);
    expect(
      (await c.api(owner, 'POST', `/deals/${deal.id}/lost`, { reason: 'x'.repeat(501) })).statusCode,
    ).toBe(400);
    for (const q of [
      'status=maybe',
      'ownerId=someone',
      'closeFrom=2030-1-1',
      'amountMin=-5',
      'sort=probability',
      `sort=expectedCloseDate&cursor=${c.craftedCursor('2030-02-31')}`,
      `sort=amountCents&cursor=${c.craftedCursor('ten')}`,
    ]) {
      expect((await c.api(owner, 'GET', `/deals?${q}`)).statusCode, q).toBe(400);
    }
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(before);
  });
});
