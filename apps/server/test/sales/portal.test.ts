import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, PASSWORD, signUp, uniqueEmail, updateJar } from '../helpers/auth-client.ts';
import { crmApi, MISSING_ID } from '../helpers/crm-api.ts';
import { invitationToken } from '../helpers/members.ts';
import { dbRows, memberWithRole } from '../helpers/tenant-fixtures.ts';
import { SALES_TABLES } from './sales-fixtures.ts';

const t = setupApiTest();
const c = crmApi(() => t);
const TABLES = [...SALES_TABLES, 'portal_access', 'invitations'];
const lines = [{ description: 'Panel', quantity: 2, unitPriceCents: 10000 }];

let owner: BrowserSession;
let stranger: BrowserSession;
let customer: BrowserSession;
let acme: { id: string };
let globex: { id: string };
let contactEmail: string;
const docs: Record<string, { id: string }> = {};

const sentQuote = async (as: BrowserSession, companyId: string) => {
  const q = await c.create(as, '/quotes', { companyId, lines });
  const res = await c.api(as, 'POST', `/quotes/${q.id}/send`, { to: 'buyer@example.test' });
  if (res.statusCode !== 200) throw new Error(res.body);
  return res.json().data;
};
const paidInvoice = async (as: BrowserSession, companyId: string, amountCents: number) => {
  const inv = await c.create(as, '/invoices', { companyId, lines });
  const issued = await c.api(as, 'POST', `/invoices/${inv.id}/issue`, {});
  if (issued.statusCode !== 200) throw new Error(issued.body);
  const pay = await c.api(as, 'POST', `/invoices/${inv.id}/payments`, {
    paidOn: '2026-01-15',
    amountCents,
    method: 'bank_transfer',
    reference: `REF-${amountCents}`,
  });
  if (pay.statusCode !== 201) throw new Error(pay.body);
  return inv;
};
/** Accepts the newest invitation mail to `email` as a new person: their browser session. */
const acceptInvitation = async (email: string): Promise<BrowserSession> => {
  const token = await invitationToken(t.database, email);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/invitations/accept',
    payload: { token, name: 'Carla Customer', password: PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(res.body);
  const body = res.json().data;
  return {
    email,
    password: PASSWORD,
    userId: body.user.id,
    tenantId: body.tenant.id,
    cookies: updateJar({}, res),
    csrf: body.csrfToken,
    body,
  };
};

beforeAll(async () => {
  owner = await signUp(t.app);
  stranger = await signUp(t.app);
  acme = await c.create(owner, '/companies', { name: 'Acme' });
  globex = await c.create(owner, '/companies', { name: 'Globex' });
  contactEmail = uniqueEmail('carla');
  docs.contact = await c.create(owner, '/contacts', {
    firstName: 'Carla',
    lastName: 'Customer',
    email: contactEmail,
    companyId: acme.id,
  });
  docs.acmeQuote = await sentQuote(owner, acme.id);
  docs.acmeSecondQuote = await sentQuote(owner, acme.id);
  docs.acmeDraft = await c.create(owner, '/quotes', { companyId: acme.id, lines });
  docs.globexQuote = await sentQuote(owner, globex.id);
  docs.acmeInvoice = await paidInvoice(owner, acme.id, 5000);
  docs.acmeDraftInvoice = await c.create(owner, '/invoices', { companyId: acme.id, lines });
  docs.globexInvoice = await paidInvoice(owner, globex.id, 7000);
  const strangerCompany = await c.create(stranger, '/companies', { name: 'Elsewhere' });
  docs.strangerQuote = await sentQuote(stranger, strangerCompany.id);
}, 120_000);

describe('customer portal', () => {
  it('"Invite to portal" invites the contact with the customer role and links its company', async () => {
    const res = await c.api(owner, 'POST', '/portal-access/invite', { contactId: docs.contact?.id });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().data).toMatchObject({
      invited: true,
      access: { email: contactEmail, userId: null, companyId: acme.id, companyName: 'Acme' },
    });
    customer = await acceptInvitation(contactEmail);
    const me = await c.api(customer, 'GET', '/auth/me');
    expect(me.json().data.role.name).toBe('Customer');
    expect([...me.json().data.permissions].sort()).toEqual([
      'fields.money.view',
      'portal.respond',
      'portal.view',
    ]);
    // Inviting again finds the member: no second invitation, the same access.
    const again = await c.api(owner, 'POST', '/portal-access/invite', { contactId: docs.contact?.id });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json().data).toMatchObject({ invited: false, access: { companyId: acme.id } });
  });

  it("the customer sees only their company's sent quotes, issued invoices and payments", async () => {
    const me = await c.api(customer, 'GET', '/portal/me');
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json().data).toMatchObject({ company: { id: acme.id, name: 'Acme' } });

    const quotes = await c.pageAll<{ id: string; status: string }>(customer, '/portal/quotes?limit=1');
    expect(quotes.map((q) => q.id).sort()).toEqual([docs.acmeQuote?.id, docs.acmeSecondQuote?.id].sort());
    const [first] = quotes;
    expect(first).not.toHaveProperty('ownerId');
    expect(first).not.toHaveProperty('dealId');
    expect(first).toHaveProperty('totalCents', 20000);

    const invoices = (await c.api(customer, 'GET', '/portal/invoices')).json().data;
    expect(invoices.map((i: { id: string }) => i.id)).toEqual([docs.acmeInvoice?.id]);
    expect(invoices[0]).toMatchObject({ status: 'partially_paid', paidCents: 5000, balanceCents: 15000 });

    const payments = (await c.api(customer, 'GET', '/portal/payments')).json().data;
    expect(payments).toEqual([
      expect.objectContaining({ invoiceId: docs.acmeInvoice?.id, amountCents: 5000, reference: 'REF-5000' }),
    ]);

    const one = await c.api(customer, 'GET', `/portal/quotes/${docs.acmeQuote?.id}`);
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json().data.lines).toHaveLength(1);
  });

  it("another company's, a draft's or another tenant's id is a 404 — by id, PDF and decision", async () => {
    const before = await c.snapshot(owner.tenantId, TABLES);
    for (const url of [
      `/portal/quotes/${docs.globexQuote?.id}`,
      `/portal/quotes/${docs.acmeDraft?.id}`,
      `/portal/quotes/${docs.strangerQuote?.id}`,
      `/portal/quotes/${docs.acmeInvoice?.id}`,
      `/portal/quotes/${MISSING_ID}`,
      `/portal/invoices/${docs.globexInvoice?.id}`,
      `/portal/invoices/${docs.acmeDraftInvoice?.id}`,
      `/portal/invoices/${docs.acmeQuote?.id}`,
      `/portal/invoices/${docs.globexInvoice?.id}/pdf`,
      `/portal/quotes/${docs.globexQuote?.id}/pdf`,
    ])
      expect((await c.api(customer, 'GET', url)).statusCode, url).toBe(404);
    for (const id of [docs.globexQuote?.id, docs.strangerQuote?.id, docs.acmeDraft?.id])
      expect((await c.api(customer, 'POST', `/portal/quotes/${id}/accept`, {})).statusCode).toBe(404);
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(before);
    const [globexQuote] = await dbRows<{ status: string }>(
      t,
      sql`select status from sales_documents where id = ${docs.globexQuote?.id}`,
    );
    expect(globexQuote?.status).toBe('sent');
  });

  it('staff endpoints answer 403 to the customer', async () => {
    for (const url of [
      '/leads',
      '/quotes',
      '/invoices',
      `/invoices/${docs.acmeInvoice?.id}`,
      `/invoices/${docs.acmeInvoice?.id}/pdf`,
      `/invoices/${docs.acmeInvoice?.id}/payments`,
      '/companies',
      '/contacts',
      '/jobs',
      '/members',
      '/portal-access',
    ])
      expect((await c.api(customer, 'GET', url)).statusCode, url).toBe(403);
    expect((await c.api(customer, 'POST', `/quotes/${docs.acmeQuote?.id}/convert`, {})).statusCode).toBe(403);
  });

  it('the PDF of their invoice and quote', async () => {
    for (const url of [
      `/portal/invoices/${docs.acmeInvoice?.id}/pdf`,
      `/portal/quotes/${docs.acmeQuote?.id}/pdf`,
    ]) {
      const res = await c.api(customer, 'GET', url);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    }
  });

  it('accepts a sent quote (audited as the member), once; declines another', async () => {
    const res = await c.api(customer, 'POST', `/portal/quotes/${docs.acmeQuote?.id}/accept`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data).toMatchObject({ status: 'accepted', decidedAt: expect.any(String) });
    const [audit] = await dbRows<{ actor_user_id: string }>(
      t,
      sql`select actor_user_id from audit_logs where target_id = ${docs.acmeQuote?.id} and action = 'quote.accepted'`,
    );
    expect(audit?.actor_user_id).toBe(customer.userId);
    const [event] = await dbRows<{ type: string }>(
      t,
      sql`select type from event_outbox where tenant_id = ${owner.tenantId} and type = 'quote.accepted'`,
    );
    expect(event?.type).toBe('quote.accepted');
    expect((await c.api(customer, 'POST', `/portal/quotes/${docs.acmeQuote?.id}/decline`)).statusCode).toBe(
      409,
    );
    // A stale version is a 409 and changes nothing.
    const stale = await c.api(customer, 'POST', `/portal/quotes/${docs.acmeSecondQuote?.id}/decline`, {
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    const declined = await c.api(customer, 'POST', `/portal/quotes/${docs.acmeSecondQuote?.id}/decline`);
    expect(declined.statusCode, declined.body).toBe(200);
    expect(declined.json().data.status).toBe('declined');
    // The staff see the decision on the quote; they convert it as usual.
    const converted = await c.api(owner, 'POST', `/quotes/${docs.acmeQuote?.id}/convert`, {});
    expect(converted.statusCode, converted.body).toBe(201);
  });

  it('bad input is a 400 and changes nothing', async () => {
    const before = await c.snapshot(owner.tenantId, TABLES);
    const id = docs.globexQuote?.id;
    const bad: [string, string, object?][] = [
      ['POST', `/portal/quotes/${id}/accept`, { status: 'accepted' }],
      ['POST', `/portal/quotes/${id}/accept`, { version: 'x' }],
      ['POST', '/portal/quotes/not-a-uuid/accept', {}],
      ['GET', '/portal/quotes?limit=abc'],
      ['GET', '/portal/quotes?limit=1000'],
      ['GET', '/portal/quotes?sort=-totalCents'],
      ['GET', '/portal/quotes?companyId=' + globex.id],
      ['GET', `/portal/quotes?cursor=${'x'.repeat(600)}`],
      ['GET', '/portal/quotes?cursor=abc%00def'],
      ['GET', '/portal/payments?limit=0'],
      ['GET', '/portal/invoices/%00/pdf'],
      ['POST', '/portal-access', { email: 'not-an-email', companyId: acme.id }],
      ['POST', '/portal-access', { email: uniqueEmail(), companyId: acme.id, role: 'owner' }],
      ['POST', '/portal-access', { email: `a\u0000b@example.test`, companyId: acme.id }],
      ['POST', '/portal-access', { email: `${'a'.repeat(300)}@example.test`, companyId: acme.id }],
      ['POST', '/portal-access', { email: uniqueEmail() }],
      ['POST', '/portal-access/invite', { contactId: 42 }],
      ['POST', '/portal-access/invite', {}],
    ];
    for (const [method, url, body] of bad) {
      const as = url.startsWith('/portal-access') ? owner : customer;
      const res = await c.api(as, method, url, body);
      expect(res.statusCode, `${method} ${url} ${res.body}`).toBe(400);
    }
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(before);
  });

  it('a contact without e-mail or company cannot be invited; another tenant cannot reach this one', async () => {
    const noMail = await c.create(owner, '/contacts', {
      firstName: 'No',
      lastName: 'Mail',
      companyId: acme.id,
    });
    const noCompany = await c.create(owner, '/contacts', {
      firstName: 'No',
      lastName: 'Company',
      email: uniqueEmail(),
    });
    const before = await c.snapshot(owner.tenantId, TABLES);
    expect((await c.api(owner, 'POST', '/portal-access/invite', { contactId: noMail.id })).statusCode).toBe(
      400,
    );
    expect(
      (await c.api(owner, 'POST', '/portal-access/invite', { contactId: noCompany.id })).statusCode,
    ).toBe(400);
    // The other tenant's owner: this tenant's contact, company and access ids are 404s.
    expect(
      (await c.api(stranger, 'POST', '/portal-access/invite', { contactId: docs.contact?.id })).statusCode,
    ).toBe(404);
    expect(
      (await c.api(stranger, 'POST', '/portal-access', { email: uniqueEmail(), companyId: acme.id }))
        .statusCode,
    ).toBe(404);
    const [access] = (await c.api(owner, 'GET', '/portal-access')).json().data;
    expect((await c.api(stranger, 'DELETE', `/portal-access/${access.id}`)).statusCode).toBe(404);
    expect((await c.api(stranger, 'GET', '/portal-access')).json().data).toEqual([]);
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(before);
    // Staff without portal access of their own get a 403 from the portal, not someone else's documents.
    expect((await c.api(owner, 'GET', '/portal/quotes')).statusCode).toBe(403);
  });

  it('grant by e-mail to a member, one company per e-mail, revoke → 403', async () => {
    const second = await memberWithRole(t, owner.tenantId, { key: 'customer' });
    expect((await c.api(second, 'GET', '/portal/quotes')).statusCode).toBe(403);
    const grant = await c.api(owner, 'POST', '/portal-access', { email: second.email, companyId: globex.id });
    expect(grant.statusCode, grant.body).toBe(201);
    const access = grant.json().data;
    expect(
      (await c.api(owner, 'POST', '/portal-access', { email: second.email, companyId: acme.id })).statusCode,
    ).toBe(409);
    const theirs = (await c.api(second, 'GET', '/portal/quotes')).json().data;
    expect(theirs.map((q: { id: string }) => q.id)).toEqual([docs.globexQuote?.id]);
    expect((await c.api(second, 'GET', `/portal/quotes/${docs.acmeQuote?.id}`)).statusCode).toBe(404);
    // The access got linked to the member on first use.
    const [row] = await dbRows<{ user_id: string }>(
      t,
      sql`select user_id from portal_access where id = ${access.id}`,
    );
    expect(row?.user_id).toBe(second.userId);
    const list = (await c.api(owner, 'GET', '/portal-access')).json().data;
    expect(list.map((a: { email: string }) => a.email)).toEqual([contactEmail, second.email]);
    expect((await c.api(owner, 'DELETE', `/portal-access/${access.id}`)).statusCode).toBe(200);
    expect((await c.api(owner, 'DELETE', `/portal-access/${access.id}`)).statusCode).toBe(404);
    expect((await c.api(second, 'GET', '/portal/quotes')).statusCode).toBe(403);
    // Only portal.manage manages access: a sales agent cannot.
    const agent = await memberWithRole(t, owner.tenantId, { key: 'sales' });
    expect((await c.api(agent, 'GET', '/portal-access')).statusCode).toBe(403);
    expect(
      (await c.api(agent, 'POST', '/portal-access', { email: uniqueEmail(), companyId: acme.id })).statusCode,
    ).toBe(403);
  });
});
