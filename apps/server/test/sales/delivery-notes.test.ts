import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi } from '../helpers/crm-api.ts';
import { auditActions, dbRows, memberWithRole } from '../helpers/tenant-fixtures.ts';
import { pdfPages } from './pdf-text.ts';
import { counters, SALES_TABLES } from './sales-fixtures.ts';

let owner: BrowserSession;
let other: BrowserSession;
const t = setupApiTest();
const c = crmApi(() => t);
beforeAll(async () => {
  owner = await signUp(t.app);
  other = await signUp(t.app);
}, 60_000);

const year = new Date().getUTCFullYear();
const TABLES = [...SALES_TABLES, 'sales_delivery_notes'];
const deliveredRows = async () =>
  (await dbRows<{ n: number }>(t, sql`select count(*)::int as n from sales_delivery_note_lines`))[0]?.n;

/** An issued invoice (or a sent quote) with a 5-piece line and a 1.5-hour line. */
const issued = async (kind: 'invoices' | 'quotes' = 'invoices', as = owner) => {
  const doc = await c.create(as, `/${kind}`, {
    customer: { name: 'Željko Šćepanović', email: 'z@customer.example' },
    lines: [
      { description: 'Solar panel', unit: 'pcs', quantity: 5, unitPriceCents: 20000 },
      { description: 'Installation', unit: 'h', quantity: '1.5', unitPriceCents: 8000 },
    ],
  });
  const res =
    kind === 'invoices'
      ? await c.api(as, 'POST', `/invoices/${doc.id}/issue`, {})
      : await c.api(as, 'POST', `/quotes/${doc.id}/send`, { to: 'z@customer.example' });
  if (res.statusCode !== 200) throw new Error(res.body);
  return res.json().data as { id: string; number: string; lines: { id: string }[] };
};
const status = async (path: string) => (await c.api(owner, 'GET', `${path}/delivery-notes`)).json().data;

describe('delivery notes', () => {
  it('deliver part, then the rest (the default); numbered gaplessly; nothing more once all was delivered', async () => {
    const inv = await issued();
    const [panel, work] = inv.lines as [{ id: string }, { id: string }];
    const first = await c.api(owner, 'POST', `/invoices/${inv.id}/delivery-notes`, {
      deliveredOn: `${year}-03-01`,
      lines: [{ lineId: panel.id, quantity: 2 }],
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().data).toMatchObject({
      number: `DN-${year}-00001`,
      sourceKind: 'invoice',
      sourceNumber: inv.number,
      customerName: 'Željko Šćepanović',
      lines: [{ sourceLineId: panel.id, quantity: '2', description: 'Solar panel' }],
    });
    const rest = await c.api(owner, 'POST', `/invoices/${inv.id}/delivery-notes`, {});
    expect(rest.json().data.number).toBe(`DN-${year}-00002`);
    expect(rest.json().data.lines.map((l: { quantity: string }) => l.quantity)).toEqual(['3', '1.5']);
    expect((await c.api(owner, 'POST', `/invoices/${inv.id}/delivery-notes`, {})).statusCode).toBe(409);
    const s = await status(`/invoices/${inv.id}`);
    expect(s.lines.map((l: { ordered: string; delivered: string; remaining: string }) => l)).toMatchObject([
      { lineId: panel.id, ordered: '5', delivered: '5', remaining: '0' },
      { lineId: work.id, ordered: '1.5', delivered: '1.5', remaining: '0' },
    ]);
    expect(s.notes.map((n: { number: string }) => n.number)).toEqual([
      `DN-${year}-00001`,
      `DN-${year}-00002`,
    ]);
    // Each note with what it delivered of which line.
    expect(
      s.notes.map((n: { lines: { sourceLineId: string; quantity: string }[] }) =>
        n.lines.map((l) => [l.sourceLineId, l.quantity]),
      ),
    ).toEqual([
      [[panel.id, '2']],
      [
        [panel.id, '3'],
        [work.id, '1.5'],
      ],
    ]);
    const list = (await c.api(owner, 'GET', `/delivery-notes?sourceId=${inv.id}&sort=number`)).json().data;
    expect(list.map((n: { number: string }) => n.number)).toEqual([`DN-${year}-00001`, `DN-${year}-00002`]);
    expect(await auditActions(t, owner.tenantId, first.json().data.id)).toEqual(['delivery_note.created']);

    const pdf = await c.api(owner, 'GET', `/delivery-notes/${first.json().data.id}/pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = (await pdfPages(new Uint8Array(pdf.rawPayload))).join(' ');
    expect(text).toContain(`DN-${year}-00001`);
    expect(text).toContain('Solar panel');
    expect(text).toContain('Željko Šćepanović');
    expect(text).toContain(inv.number);
  });

  it('from a sent quote too; a draft cannot be delivered', async () => {
    const quote = await issued('quotes');
    const res = await c.api(owner, 'POST', `/quotes/${quote.id}/delivery-notes`, {});
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().data).toMatchObject({ sourceKind: 'quote', sourceNumber: quote.number });
    const draft = await c.create(owner, '/invoices', {
      lines: [{ description: 'X', quantity: 1, unitPriceCents: 100 }],
    });
    expect((await c.api(owner, 'POST', `/invoices/${draft.id}/delivery-notes`, {})).statusCode).toBe(409);
    // A quote id is not an invoice.
    expect((await c.api(owner, 'POST', `/invoices/${quote.id}/delivery-notes`, {})).statusCode).toBe(404);
  });

  it('concurrent notes never deliver more than ordered; numbers stay gapless; the database refuses it too', async () => {
    const inv = await issued();
    const panel = inv.lines[0] as { id: string };
    const before = (await counters(t, owner.tenantId)).find(
      (r) => (r as { kind: string }).kind === 'delivery_note',
    ) as { last_value: number } | undefined;
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        c.api(owner, 'POST', `/invoices/${inv.id}/delivery-notes`, {
          lines: [{ lineId: panel.id, quantity: 2 }],
        }),
      ),
    );
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes).toEqual([201, 201, 409, 409, 409]);
    const delivered = await dbRows<{ q: number }>(
      t,
      sql`select sum(quantity_milli)::int as q from sales_delivery_note_lines where source_line_id = ${panel.id}`,
    );
    expect(delivered[0]?.q).toBe(4000);
    const numbers = answers
      .filter((a) => a.statusCode === 201)
      .map((a) => Number(a.json().data.number.slice(-5)))
      .sort((a, b) => a - b);
    const start = (before?.last_value ?? 0) + 1;
    expect(numbers).toEqual([start, start + 1]);
    // Past the service, straight into the table: the trigger refuses the sixth piece.
    const [note] = await dbRows<{ id: string }>(
      t,
      sql`select id from sales_delivery_notes where source_id = ${inv.id} limit 1`,
    );
    await expect(
      dbRows(
        t,
        sql`insert into sales_delivery_note_lines (id, tenant_id, note_id, source_line_id, position, quantity_milli)
            values (gen_random_uuid(), ${owner.tenantId}, ${note?.id}, ${panel.id}, 9, 2000)`,
      ),
    ).rejects.toThrow();
    await dbRows(
      t,
      sql`insert into sales_delivery_note_lines (id, tenant_id, note_id, source_line_id, position, quantity_milli)
          values (gen_random_uuid(), ${owner.tenantId}, ${note?.id}, ${panel.id}, 9, 1000)`,
    );
  });

  it('400 for bad input, 404 for another tenant, 409 for more than open; nothing changes', async () => {
    const inv = await issued();
    const theirs = await issued('invoices', other);
    const [panel] = inv.lines as [{ id: string }];
    const before = [
      await c.snapshot(owner.tenantId, TABLES),
      await c.snapshot(other.tenantId, TABLES),
      await deliveredRows(),
      await counters(t, owner.tenantId),
    ];
    const url = `/invoices/${inv.id}/delivery-notes`;
    for (const body of [
      { lines: [] },
      { lines: [{ lineId: panel.id, quantity: 0 }] },
      { lines: [{ lineId: panel.id, quantity: '1.2345' }] },
      { lines: [{ lineId: panel.id, quantity: -1 }] },
      { lines: [{ lineId: 'nope', quantity: 1 }] },
      { lines: [{ lineId: panel.id }] },
      { lines: [{ lineId: panel.id, quantity: 1, price: 3 }] },
      { lines: [{ lineId: theirs.lines[0]?.id, quantity: 1 }] },
      {
        lines: [
          { lineId: panel.id, quantity: 1 },
          { lineId: panel.id, quantity: 1 },
        ],
      },
      { deliveredOn: '2026-02-30' },
      { notes: 'x'.repeat(2001) },
      { number: 'DN-1' },
      { notes: 'a\u0000b', extra: true },
    ])
      expect((await c.api(owner, 'POST', url, body)).statusCode, JSON.stringify(body)).toBe(400);
    expect((await c.api(owner, 'POST', url, { lines: [{ lineId: panel.id, quantity: 6 }] })).statusCode).toBe(
      409,
    );
    for (const q of ['sort=amount', 'sourceId=x', 'extra=1'])
      expect((await c.api(owner, 'GET', `/delivery-notes?${q}`)).statusCode, q).toBe(400);
    const theirNote = (await c.api(other, 'POST', `/invoices/${theirs.id}/delivery-notes`, {})).json().data;
    const afterTheirs = [await c.snapshot(other.tenantId, TABLES)];
    for (const [method, path] of [
      ['POST', `/invoices/${theirs.id}/delivery-notes`],
      ['GET', `/invoices/${theirs.id}/delivery-notes`],
      ['GET', `/delivery-notes/${theirNote.id}`],
      ['GET', `/delivery-notes/${theirNote.id}/pdf`],
    ] as const)
      expect((await c.api(owner, method, path, method === 'POST' ? {} : undefined)).statusCode, path).toBe(
        404,
      );
    const mine = (await c.api(owner, 'GET', '/delivery-notes?limit=100')).json().data;
    expect(mine.map((n: { id: string }) => n.id)).not.toContain(theirNote.id);
    expect([
      await c.snapshot(owner.tenantId, TABLES),
      await deliveredRows(),
      await counters(t, owner.tenantId),
    ]).toEqual([before[0], (before[2] as number) + 2, before[3]]);
    expect([await c.snapshot(other.tenantId, TABLES)]).toEqual(afterTheirs);
  });

  it('cancel: number kept, quantities open again, audited, the PDF says so; twice or stale 409; 403; 404', async () => {
    const inv = await issued();
    const [panel] = inv.lines as [{ id: string }];
    const note = (
      await c.api(owner, 'POST', `/invoices/${inv.id}/delivery-notes`, {
        lines: [{ lineId: panel.id, quantity: 5 }],
        notes: 'Left at the gate',
      })
    ).json().data;
    // Everything of the panel line was delivered: no more.
    const more = { lines: [{ lineId: panel.id, quantity: 1 }] };
    expect((await c.api(owner, 'POST', `/invoices/${inv.id}/delivery-notes`, more)).statusCode).toBe(409);
    const url = `/delivery-notes/${note.id}/cancel`;
    const stale = await c.api(owner, 'POST', url, { reason: 'Wrong quantity', version: note.version + 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({ id: note.id, status: 'delivered' });
    const viewer = await memberWithRole(t, owner.tenantId, {
      permissions: ['delivery_notes.view', 'invoices.view'],
    });
    expect((await c.api(viewer, 'POST', url, { reason: 'Nope' })).statusCode).toBe(403);
    expect((await c.api(other, 'POST', url, { reason: 'Nope' })).statusCode).toBe(404);
    expect(await auditActions(t, owner.tenantId, note.id)).toEqual(['delivery_note.created']);

    const res = await c.api(owner, 'POST', url, {
      reason: ' Wrong quantity: 4 pieces came ',
      version: note.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data).toMatchObject({
      number: note.number,
      status: 'cancelled',
      cancelReason: 'Wrong quantity: 4 pieces came',
      cancelledBy: owner.userId,
      version: note.version + 1,
      lines: [{ sourceLineId: panel.id, quantity: '5' }],
    });
    expect(res.json().data.cancelledAt).toBeTruthy();
    expect(await auditActions(t, owner.tenantId, note.id)).toEqual([
      'delivery_note.created',
      'delivery_note.cancelled',
    ]);
    const again = await c.api(owner, 'POST', url, { reason: 'Again' });
    expect(again.statusCode).toBe(409);
    expect((await c.api(owner, 'GET', `/delivery-notes/${note.id}`)).json().data.cancelReason).toBe(
      'Wrong quantity: 4 pieces came',
    );

    // The cancelled note no longer counts: the open quantity is back, and a corrected note takes the next number.
    const s = await status(`/invoices/${inv.id}`);
    expect(s.lines[0]).toMatchObject({ ordered: '5', delivered: '0', remaining: '5' });
    expect(s.notes[0]).toMatchObject({ id: note.id, status: 'cancelled' });
    const corrected = await c.api(owner, 'POST', `/invoices/${inv.id}/delivery-notes`, {
      lines: [{ lineId: panel.id, quantity: 4 }],
    });
    expect(corrected.statusCode, corrected.body).toBe(201);
    expect(Number(corrected.json().data.number.slice(-5))).toBe(Number(note.number.slice(-5)) + 1);
    expect(
      (
        await c.api(owner, 'POST', `/invoices/${inv.id}/delivery-notes`, {
          lines: [{ lineId: panel.id, quantity: 2 }],
        })
      ).statusCode,
    ).toBe(409);

    // The database holds it: a cancelled note changes no more, and takes no lines.
    await expect(
      dbRows(
        t,
        sql`update sales_delivery_notes set status = 'delivered', cancelled_at = null, cancel_reason = null where id = ${note.id}`,
      ),
    ).rejects.toThrow();
    await expect(
      dbRows(t, sql`update sales_delivery_notes set cancel_reason = 'x' where id = ${note.id}`),
    ).rejects.toThrow();
    await expect(
      dbRows(
        t,
        sql`insert into sales_delivery_note_lines (id, tenant_id, note_id, source_line_id, position, quantity_milli)
            values (gen_random_uuid(), ${owner.tenantId}, ${note.id}, ${panel.id}, 9, 1000)`,
      ),
    ).rejects.toThrow();

    const pdf = await c.api(owner, 'GET', `/delivery-notes/${note.id}/pdf`);
    const text = (await pdfPages(new Uint8Array(pdf.rawPayload))).join(' ');
    expect(text).toContain('CANCELLED');
    expect(text).toContain('Wrong quantity: 4 pieces came');
    expect(text).toContain('Left at the gate');
    const fine = await c.api(owner, 'GET', `/delivery-notes/${corrected.json().data.id}/pdf`);
    expect((await pdfPages(new Uint8Array(fine.rawPayload))).join(' ')).not.toContain('CANCELLED');
  });

  it('cancel: 400 for bad input, another tenant 404; nothing changes', async () => {
    const inv = await issued();
    const note = (await c.api(owner, 'POST', `/invoices/${inv.id}/delivery-notes`, {})).json().data;
    const theirs = await issued('invoices', other);
    const theirNote = (await c.api(other, 'POST', `/invoices/${theirs.id}/delivery-notes`, {})).json().data;
    const before = [
      await c.snapshot(owner.tenantId, TABLES),
      await c.snapshot(other.tenantId, TABLES),
      await auditActions(t, owner.tenantId, note.id),
    ];
    const url = `/delivery-notes/${note.id}/cancel`;
    for (const body of [
      {},
      { reason: '' },
      { reason: '   ' },
      { reason: 5 },
      { reason: null },
      { reason: 'x'.repeat(501) },
      { reason: 'a\u0000b' },
      { reason: 'ok', version: 0 },
      { reason: 'ok', version: '1' },
      { reason: 'ok', status: 'delivered' },
      [],
    ])
      expect((await c.api(owner, 'POST', url, body)).statusCode, JSON.stringify(body)).toBe(400);
    expect((await c.api(owner, 'POST', '/delivery-notes/nope/cancel', { reason: 'ok' })).statusCode).toBe(
      400,
    );
    expect(
      (await c.api(owner, 'POST', `/delivery-notes/${theirNote.id}/cancel`, { reason: 'ok' })).statusCode,
    ).toBe(404);
    expect(
      (await c.api(owner, 'POST', `/delivery-notes/${inv.id}/cancel`, { reason: 'ok' })).statusCode,
    ).toBe(404);
    expect([
      await c.snapshot(owner.tenantId, TABLES),
      await c.snapshot(other.tenantId, TABLES),
      await auditActions(t, owner.tenantId, note.id),
    ]).toEqual(before);
  });
});
