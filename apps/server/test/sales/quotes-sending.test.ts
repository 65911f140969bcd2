import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appConsumers } from '../../src/events.ts';
import { createEventDispatcher, type EventDispatcher } from '../../src/platform/events/index.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi } from '../helpers/crm-api.ts';
import { connectSocket, listenUrl, type TestSocket } from '../helpers/socket-client.ts';
import { dbRows } from '../helpers/tenant-fixtures.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { eventTypes, SALES_TABLES } from './sales-fixtures.ts';
import { samplePng } from './sample-png.ts';

let t: TestApp;
let c: ReturnType<typeof crmApi>;
let owner: BrowserSession;
let other: BrowserSession;
let dispatcher: EventDispatcher;
const sockets: TestSocket[] = [];
beforeAll(async () => {
  t = await createTestApp();
  c = crmApi(t);
  dispatcher = createEventDispatcher({
    database: t.database,
    log: pino({ level: 'silent' }),
    consumers: appConsumers({ realtime: t.app.realtime }),
    listen: false,
  });
  owner = await signUp(t.app);
  other = await signUp(t.app);
}, 60_000);
afterAll(async () => {
  for (const s of sockets) s.close();
  await t.close();
});

const mails = (to: string) =>
  dbRows<{ subject: string; text_body: string }>(
    t,
    sql`select subject, text_body from mail_outbox where to_address = ${to} order by created_at`,
  );
const publicApi = (method: 'GET' | 'POST', url: string, ip = '203.0.113.7') =>
  t.app.inject({ method, url: `/api/public/quotes/${url}`, remoteAddress: ip } as never);
const tokenOf = (text: string) => /\/q\/([A-Za-z0-9_.-]+)/.exec(text)?.[1] ?? '';
const lines = [{ description: 'Panel', quantity: 2, unitPriceCents: 10000 }];

describe('sending and quotes', () => {
  it('quote from a deal → sent with its link → accepted by the customer → invoice (deal won) → sent → paid', async () => {
    const company = await c.create(owner, '/companies', { name: 'Acme', email: 'buyer@acme.example' });
    const deal = await c.create(owner, '/deals', { title: 'Roof', companyId: company.id });
    const quote = await c.create(owner, '/quotes', { companyId: company.id, dealId: deal.id, lines });
    const sent = await c.api(owner, 'POST', `/quotes/${quote.id}/send`, {
      to: 'buyer@acme.example',
      message: 'Our offer',
    });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json().data).toMatchObject({
      status: 'sent',
      number: expect.stringMatching(/^QUO-\d{4}-00001$/),
    });
    const [mail] = await mails('buyer@acme.example');
    expect(mail?.text_body).toContain('Our offer');
    const token = tokenOf(mail?.text_body ?? '');

    const view = await publicApi('GET', token);
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json().data).toMatchObject({
      status: 'sent',
      document: { kind: 'quote', totalMinor: 20000 },
      branding: { primaryColor: null, accentColor: null, logo: false },
    });
    expect((await publicApi('GET', `${token}/logo`)).statusCode).toBe(404);
    // The seller's branding reaches the customer's page: colours in the view, the logo behind the link.
    const logo = samplePng(40, 20);
    const branded = await c.api(owner, 'PATCH', '/sales/branding', {
      primaryColor: '#1F6FEB',
      logo: { contentType: 'image/png', data: Buffer.from(logo).toString('base64') },
      version: 1,
    });
    expect(branded.statusCode, branded.body).toBe(200);
    expect((await publicApi('GET', token)).json().data.branding).toEqual({
      primaryColor: '#1f6feb',
      accentColor: null,
      logo: true,
    });
    const image = await publicApi('GET', `${token}/logo`);
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(new Uint8Array(image.rawPayload)).toEqual(logo);
    expect((await publicApi('GET', `${token}x/logo`)).statusCode).toBe(404);
    // A forged or altered token is a 404; the quote is untouched.
    expect((await publicApi('POST', `${token}x/accept`)).statusCode).toBe(404);
    expect((await publicApi('GET', `${token.split('.')[0]}.AAAA`)).statusCode).toBe(404);
    const accepted = await publicApi('POST', `${token}/accept`);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect((await publicApi('POST', `${token}/decline`)).statusCode).toBe(409);
    const [decided] = await dbRows<{ status: string; decided_ip: string; decided_at: Date }>(
      t,
      sql`select status, decided_ip, decided_at from sales_documents where id = ${quote.id}`,
    );
    expect(decided).toMatchObject({ status: 'accepted', decided_ip: '203.0.113.7' });

    const converted = await c.api(owner, 'POST', `/quotes/${quote.id}/convert`, { markDealWon: true });
    expect(converted.statusCode, converted.body).toBe(201);
    const invoice = converted.json().data;
    expect(invoice).toMatchObject({
      kind: 'invoice',
      status: 'draft',
      sourceId: quote.id,
      totalCents: 20000,
    });
    expect((await c.api(owner, 'GET', `/deals/${deal.id}`)).json().data.status).toBe('won');
    expect((await c.api(owner, 'POST', `/quotes/${quote.id}/convert`, {})).statusCode).toBe(409);

    // The deal page lists the deal's quotes and invoices (`?dealId=`); another deal's list is empty, another
    // tenant sees none of them, and a malformed or unknown filter is a 400.
    const ids = async (session: BrowserSession, url: string) => {
      const res = await c.api(session, 'GET', url);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().data.map((d: { id: string }) => d.id);
    };
    const otherDeal = await c.create(owner, '/deals', { title: 'Fence', companyId: company.id });
    await c.create(owner, '/quotes', { companyId: company.id, dealId: otherDeal.id, lines });
    expect(await ids(owner, `/quotes?dealId=${deal.id}`)).toEqual([quote.id]);
    expect(await ids(owner, `/invoices?dealId=${deal.id}`)).toEqual([invoice.id]);
    expect(await ids(owner, `/invoices?dealId=${otherDeal.id}`)).toEqual([]);
    expect(await ids(other, `/quotes?dealId=${deal.id}`)).toEqual([]);
    for (const bad of ['not-a-uuid', `${deal.id}%00`, `${deal.id}&dealIds=${deal.id}`])
      expect((await c.api(owner, 'GET', `/quotes?dealId=${bad}`)).statusCode).toBe(400);

    const ownerSocket = await connectSocket(await listenUrl(t.app), { session: owner });
    sockets.push(ownerSocket);
    const sentInvoice = await c.api(owner, 'POST', `/invoices/${invoice.id}/send`, {
      to: ['buyer@acme.example'],
      cc: ['books@acme.example'],
    });
    expect(sentInvoice.statusCode, sentInvoice.body).toBe(200);
    expect(sentInvoice.json().data).toMatchObject({ status: 'sent', number: expect.stringMatching(/^INV-/) });
    expect((await mails('books@acme.example')).map((m) => m.subject)).toEqual([
      expect.stringMatching(/^Invoice INV-\d{4}-00001 from/),
    ]);
    const timeline = (await c.api(owner, 'GET', `/companies/${company.id}/timeline`)).json().data;
    expect(
      timeline.filter((i: { kind: string }) => i.kind === 'document').map((i: { title: string }) => i.title),
    ).toEqual([expect.stringMatching(/^Invoice INV-.* sent$/), expect.stringMatching(/^Quote QUO-.* sent$/)]);
    const pay = (amountCents: number) =>
      c.api(owner, 'POST', `/invoices/${invoice.id}/payments`, {
        paidOn: '2026-01-05',
        amountCents,
        method: 'card',
      });
    expect((await pay(5000)).statusCode).toBe(201);
    expect((await pay(15000)).statusCode).toBe(201);
    expect(await eventTypes(t, owner.tenantId)).toEqual(
      expect.arrayContaining([
        'quote.sent',
        'quote.accepted',
        'invoice.issued',
        'invoice.sent',
        'invoice.paid',
      ]),
    );
    await dispatcher.drain();
    expect((await ownerSocket.next('invoiceCleared')).data).toMatchObject({ invoiceId: invoice.id });
  });

  it('decline, expired and unsent quotes; bad send input is a 400, another tenant a 404; nothing changes', async () => {
    const q = await c.create(owner, '/quotes', { lines, issueDate: '2020-01-01', dueDate: '2020-01-31' });
    await c.api(owner, 'POST', `/quotes/${q.id}/send`, { to: 'late@acme.example' });
    const [mail] = await mails('late@acme.example');
    // Past its valid-until day the link no longer opens.
    expect((await publicApi('GET', tokenOf(mail?.text_body ?? ''))).statusCode).toBe(404);

    const fresh = await c.create(owner, '/quotes', { lines });
    await c.api(owner, 'POST', `/quotes/${fresh.id}/send`, { to: 'no@acme.example' });
    const token = tokenOf((await mails('no@acme.example'))[0]?.text_body ?? '');
    expect((await publicApi('POST', `${token}/decline`)).statusCode).toBe(200);
    expect((await c.api(owner, 'POST', `/quotes/${fresh.id}/convert`, {})).statusCode).toBe(409);

    const theirs = await c.create(other, '/invoices', { lines });
    const mine = await c.create(owner, '/invoices', { lines });
    const before = [
      await c.snapshot(owner.tenantId, SALES_TABLES),
      await c.snapshot(other.tenantId, SALES_TABLES),
    ];
    for (const body of [
      {},
      { to: 'nope' },
      { to: [] },
      { to: 'a@b.example', bcc: ['x@y.example'] },
      { to: 'a@b.example', subject: '' },
    ])
      expect(
        (await c.api(owner, 'POST', `/invoices/${mine.id}/send`, body)).statusCode,
        JSON.stringify(body),
      ).toBe(400);
    expect(
      (await c.api(owner, 'POST', `/invoices/${theirs.id}/send`, { to: 'a@b.example' })).statusCode,
    ).toBe(404);
    expect((await c.api(owner, 'POST', `/quotes/${theirs.id}/convert`, {})).statusCode).toBe(404);
    expect((await publicApi('GET', 'short')).statusCode).toBe(400);
    expect((await publicApi('GET', 'x'.repeat(90))).statusCode).toBe(404);
    expect((await publicApi('GET', `${'x'.repeat(90)}/logo`)).statusCode).toBe(404);
    // Longer than a route parameter may be (Fastify's maxParamLength).
    expect((await publicApi('GET', `${'x'.repeat(101)}/logo`)).statusCode).toBe(414);
    expect((await publicApi('GET', `${token}%00/logo`)).statusCode).not.toBe(500);
    expect([
      await c.snapshot(owner.tenantId, SALES_TABLES),
      await c.snapshot(other.tenantId, SALES_TABLES),
    ]).toEqual(before);
  });
});
