import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi } from '../helpers/crm-api.ts';
import { addMember } from '../helpers/members.ts';

let owner: BrowserSession;
let other: BrowserSession;
const t = setupApiTest();
const c = crmApi(t);
beforeAll(async () => {
  owner = await signUp(t.app);
  other = await signUp(t.app);
});

type Item = {
  kind: string;
  title: string;
  at: string;
  data: Record<string, unknown>;
  via: { type: string; id: string; name: string | null; canOpen: boolean } | null;
};
const timeline = (as: BrowserSession, url: string) => c.pageAll<Item>(as, `${url}/timeline?limit=2`);
const brief = (items: Item[]) =>
  items
    .filter((i) => i.kind !== 'audit')
    .map((i) => [i.kind, i.title, i.via?.type ?? null, i.via?.name ?? null]);

describe('timelines roll up related records', () => {
  it("a company shows its contacts' and deals' calls and tasks, each naming the record it is on", async () => {
    const company = await c.create(owner, '/companies', { name: 'Rollup Roofing' });
    const contact = await c.create(owner, '/contacts', {
      firstName: 'Rita',
      lastName: 'Roof',
      companyId: company.id,
    });
    const deal = await c.create(owner, '/deals', { title: 'Roof 2027', companyId: company.id });
    await c.create(owner, '/activities', {
      type: 'call',
      subject: 'Called Rita',
      related: { type: 'contact', id: contact.id },
    });
    const due = new Date(Date.now() + 3 * 86_400_000).toISOString();
    await c.create(owner, '/tasks', {
      title: 'Send the roof quote',
      dueAt: due,
      related: { type: 'deal', id: deal.id },
    });
    await c.create(owner, '/activities', {
      type: 'note',
      subject: 'Own note',
      related: { type: 'company', id: company.id },
    });
    const items = await timeline(owner, `/companies/${company.id}`);
    expect(brief(items)).toEqual(
      expect.arrayContaining([
        ['activity', 'Called Rita', 'contact', 'Rita Roof'],
        ['task', 'Send the roof quote', 'deal', 'Roof 2027'],
        ['activity', 'Own note', null, null],
      ]),
    );
    expect(brief(items)).toHaveLength(3);
    // A task stands on the timeline at its due date (the newest item: it is due in three days).
    const task = items.find((i) => i.kind === 'task');
    expect(task?.at).toBe(due);
    expect(items[0]?.kind).toBe('task');
    expect(task?.data.createdAt).toBeTruthy();
    // The contact's own timeline does not show the company's note, and the deal's shows only its task.
    expect(brief(await timeline(owner, `/contacts/${contact.id}`))).toEqual([
      ['activity', 'Called Rita', null, null],
    ]);
    expect(brief(await timeline(owner, `/deals/${deal.id}`))).toEqual([
      ['task', 'Send the roof quote', null, null],
    ]);
    // Another tenant cannot read it.
    expect((await c.api(other, 'GET', `/companies/${company.id}/timeline`)).statusCode).toBe(404);
  });

  it("converting a lead carries its calls and tasks to the new contact's and deal's timelines", async () => {
    const lead = await c.create(owner, '/leads', {
      firstName: 'Carl',
      lastName: 'Carry',
      email: 'carl@carry-builders.test',
      companyName: 'Carry Builders',
    });
    await c.create(owner, '/activities', {
      type: 'call',
      subject: 'First call with Carl',
      related: { type: 'lead', id: lead.id },
    });
    await c.create(owner, '/tasks', { title: 'Visit the site', related: { type: 'lead', id: lead.id } });
    const out = (await c.api(owner, 'POST', `/leads/${lead.id}/convert`, { createDeal: true })).json().data;
    const fromLead = [
      ['task', 'Visit the site', 'lead', 'Carl Carry'],
      ['activity', 'First call with Carl', 'lead', 'Carl Carry'],
    ];
    expect(brief(await timeline(owner, `/contacts/${out.contact.id}`))).toEqual(fromLead);
    expect(brief(await timeline(owner, `/deals/${out.deal.id}`))).toEqual(fromLead);
    expect(brief(await timeline(owner, `/companies/${out.company.id}`))).toEqual(fromLead);
    // The lead keeps its own history.
    expect(brief(await timeline(owner, `/leads/${lead.id}`))).toEqual([
      ['task', 'Visit the site', null, null],
      ['activity', 'First call with Carl', null, null],
    ]);
  });

  it('a member sees only the items they may see, and is told when they may not open the related record', async () => {
    const sales = await addMember(t.app, t.database, owner, 'sales', 'Sam Sales');
    const company = await c.create(sales, '/companies', { name: 'Scoped Stone' });
    // A contact of that company the sales member does not own (scope "own": not theirs to open).
    const contact = await c.create(owner, '/contacts', {
      firstName: 'Olga',
      lastName: 'Owner',
      companyId: company.id,
    });
    await c.create(owner, '/tasks', {
      title: 'Task for Sam',
      assigneeId: sales.userId,
      related: { type: 'contact', id: contact.id },
    });
    await c.create(owner, '/tasks', {
      title: 'Task for the owner',
      related: { type: 'contact', id: contact.id },
    });
    const items = await timeline(sales, `/companies/${company.id}`);
    expect(brief(items)).toEqual([['task', 'Task for Sam', 'contact', 'Olga Owner']]);
    expect(items.find((i) => i.kind === 'task')?.via).toMatchObject({ type: 'contact', canOpen: false });
    expect((await c.api(sales, 'GET', `/contacts/${contact.id}`)).statusCode).toBe(404);
  });
});
