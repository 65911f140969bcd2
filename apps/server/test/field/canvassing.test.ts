import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi } from '../helpers/crm-api.ts';
import { addMember } from '../helpers/members.ts';

let owner: BrowserSession;
let other: BrowserSession;
let agent: BrowserSession;
let agent2: BrowserSession;
let territoryId: string;
const t = setupApiTest();
const c = crmApi(t);
const square = {
  type: 'Polygon',
  coordinates: [
    [
      [11.5, 48.1],
      [11.6, 48.1],
      [11.6, 48.2],
      [11.5, 48.2],
      [11.5, 48.1],
    ],
  ],
};

beforeAll(async () => {
  owner = await signUp(t.app);
  other = await signUp(t.app);
  agent = await addMember(t.app, t.database, owner, 'canvasser', 'Kim Knocker');
  agent2 = await addMember(t.app, t.database, owner, 'canvasser', 'Lee Knocker');
  territoryId = (
    await c.create(owner, '/territories', {
      name: 'Old Town',
      geometry: square,
      postalCodes: ['80331'],
      agentIds: [agent.userId],
    })
  ).id;
});

describe('door-to-door canvassing', () => {
  it('territories hold a GeoJSON polygon or postal codes and are seen by their agents only', async () => {
    const t2 = await c.create(owner, '/territories', {
      name: 'Streets only',
      streets: ['Elm Road'],
      agentIds: [agent2.userId],
    });
    const seen = (await c.pageAll<{ id: string }>(agent, '/territories')).map((x) => x.id);
    expect(seen).toEqual([territoryId]);
    expect((await c.api(agent, 'GET', `/territories/${t2.id}`)).statusCode).toBe(404);
    expect((await c.api(agent, 'POST', '/territories', { name: 'Mine' })).statusCode).toBe(403);
    const before = await c.snapshot(owner.tenantId, ['territories']);
    for (const body of [
      {
        name: 'Open ring',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [0, 0],
              [1, 0],
              [1, 1],
              [0, 1],
            ],
          ],
        },
      },
      {
        name: 'Bad lat',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [0, 95],
              [1, 0],
              [1, 1],
              [0, 95],
            ],
          ],
        },
      },
      { name: 'Point', geometry: { type: 'Point', coordinates: [0, 0] } },
      { name: 'old town' },
      { name: 'X', agentIds: [other.userId] },
      { name: 'X\u0000' },
    ])
      expect([400, 404, 409], body.name).toContain(
        (await c.api(owner, 'POST', '/territories', body)).statusCode,
      );
    expect(await c.snapshot(owner.tenantId, ['territories'])).toEqual(before);
  });

  it('an interested visit makes a d2d lead (CRM public API); a later sale at that door updates the same lead', async () => {
    const visit = await c.create(agent, '/visits', {
      territoryId,
      address: '12  Market Square',
      lat: 48.15,
      lng: 11.55,
      outcome: 'interested',
      contactName: 'Pat Resident',
      contactPhone: '+49 89 123',
    });
    expect(visit.leadId).toEqual(expect.any(String));
    const lead = (await c.api(agent, 'GET', `/leads/${visit.leadId}`)).json().data;
    expect(lead).toMatchObject({
      firstName: 'Pat',
      lastName: 'Resident',
      source: 'd2d',
      ownerId: agent.userId,
    });
    const sale = await c.create(agent, '/visits', {
      territoryId,
      address: '12 market square',
      outcome: 'sale',
      contactEmail: 'pat@example.test',
    });
    expect(sale.leadId).toBe(visit.leadId);
    expect((await c.api(agent, 'GET', `/leads/${visit.leadId}`)).json().data.email).toBe('pat@example.test');
    const notHome = await c.create(agent, '/visits', {
      territoryId,
      address: '14 Market Square',
      outcome: 'not_home',
    });
    expect(notHome.leadId).toBeNull();
    const stats = (await c.api(owner, 'GET', '/visits/stats')).json().data;
    expect(stats.agents).toEqual([
      { agentId: agent.userId, doors: 3, contacts: 2, appointments: 0, sales: 1, leads: 1 },
    ]);
  });

  it("refuses bad visits and another agent's or tenant's territory; agents see only their own visits", async () => {
    const theirs = await c.create(other, '/territories', { name: 'Foreign' });
    const before = await c.snapshot(owner.tenantId, ['visits', 'leads']);
    for (const body of [
      { address: 'A', outcome: 'maybe' },
      { outcome: 'interested' },
      { address: 'A', outcome: 'sale', extra: 1 },
      { address: 'A\u0000', outcome: 'sale' },
      { address: 'A', outcome: 'sale', lat: 123 },
      { address: 'A', outcome: 'sale', territoryId: theirs.id },
    ])
      expect([400, 404], JSON.stringify(body)).toContain(
        (await c.api(agent2, 'POST', '/visits', body)).statusCode,
      );
    expect(
      (await c.api(agent2, 'POST', '/visits', { address: 'A', outcome: 'sale', territoryId })).statusCode,
    ).toBe(404);
    expect(await c.snapshot(owner.tenantId, ['visits', 'leads'])).toEqual(before);
    await c.create(agent2, '/visits', { address: '1 Elm Road', outcome: 'callback' });
    const mine = await c.pageAll<{ agentId: string }>(agent2, '/visits');
    expect(mine.map((v) => v.agentId)).toEqual([agent2.userId]);
    expect((await c.pageAll(owner, '/visits')).length).toBe(4);
  });
});
