import {
  type DeliveryNote,
  type DeliveryStatus,
  type deliveryNoteCancelInput,
  type deliveryNoteCreateInput,
  type deliveryNoteListQuery,
  formatQuantity,
} from '@tessera/contracts';
import { and, eq, getTableColumns, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import { newId } from '../../../platform/db/columns.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import * as kit from '../../../platform/records/index.ts';
import { todayIso } from '../documents/document-actions.service.ts';
import { DOCUMENT_DEFS, type DocumentRow, type LineRow, linesOf } from '../documents/document-record.ts';
import { salesDocuments } from '../documents/documents.tables.ts';
import { nextNumber } from '../settings/settings.service.ts';
import {
  deliveredByLine,
  deliveryListSpec,
  deliveryNoteDef,
  type NoteRow,
  noteLines,
  toDeliveryNote,
} from './delivery-note-record.ts';
import { salesDeliveryNoteLines, salesDeliveryNotes } from './delivery-notes.tables.ts';

type CreateInput = z.output<typeof deliveryNoteCreateInput>;
export type SourceKind = 'quote' | 'invoice';

/** Documents whose goods can be delivered: sent or accepted quotes, issued invoices that are not void. */
const DELIVERABLE: Record<SourceKind, ReadonlySet<string>> = {
  quote: new Set(['sent', 'accepted', 'invoiced']),
  invoice: new Set(['issued', 'sent', 'partially_paid', 'paid', 'overdue']),
};
const VIEW = { quote: 'quotes.view', invoice: 'invoices.view' } as const;

/** The source document the caller may see (kind, tenant, record scope, view permission), or 404. */
const sourceOf = (t: Tx, ctx: AuthedContext, kind: SourceKind, id: string, lock = false) => {
  kit.requirePermission(ctx, VIEW[kind]);
  return kit.findRecord<DocumentRow>(t, ctx, DOCUMENT_DEFS[kind], id, lock);
};

/** The delivered lines asked for (default: everything still open), checked against the open quantities. */
const pickLines = (lines: LineRow[], delivered: Map<string, number>, wanted: CreateInput['lines']) => {
  const open = (l: LineRow) => l.quantityMilli - (delivered.get(l.id) ?? 0);
  const picks = wanted ?? lines.filter((l) => open(l) > 0).map((l) => ({ lineId: l.id, quantity: open(l) }));
  if (picks.length === 0) throw new AppError('CONFLICT', 'Everything of this document was delivered already');
  const byId = new Map(lines.map((l) => [l.id, l]));
  const seen = new Set<string>();
  return picks.map((p, i) => {
    const line = byId.get(p.lineId);
    if (!line || seen.has(p.lineId))
      throw new AppError('VALIDATION_ERROR', 'Each delivered line must be a line of the document, once', {
        details: [{ path: `body.lines.${i}.lineId`, message: 'Not a line of this document' }],
      });
    seen.add(p.lineId);
    if (p.quantity > open(line))
      throw new AppError('CONFLICT', 'More than is still to be delivered', {
        details: [
          { path: `body.lines.${i}.quantity`, message: `At most ${formatQuantity(Math.max(0, open(line)))}` },
        ],
      });
    return { line, quantity: p.quantity };
  });
};

/** The database's check (trigger sales_delivery_line_check) as an answer: more than ordered is a 409. */
const overDelivery = (err: unknown): never => {
  const text = `${String((err as { message?: string }).message)} ${String((err as { cause?: { message?: string } }).cause?.message)}`;
  if (text.includes('sales_delivery_over_ordered'))
    throw new AppError('CONFLICT', 'More than is still to be delivered');
  throw err;
};

/**
 * A delivery note of a quote or an invoice: the source document row is locked (notes of one document queue),
 * the quantities checked against what is still open, a gapless number given (`deliveryNotePattern`), and the
 * lines inserted — the trigger refuses more than ordered whatever happens here.
 */
export const createDeliveryNote = (
  ctx: AuthedContext,
  kind: SourceKind,
  sourceId: string,
  input: CreateInput,
) =>
  kit.inTenant(ctx, async (t): Promise<DeliveryNote> => {
    const source = await sourceOf(t, ctx, kind, sourceId, true);
    if (!DELIVERABLE[kind].has(source.status))
      throw new AppError('CONFLICT', `A ${source.status} ${kind} cannot be delivered`);
    const lines = await linesOf(t, ctx.tenantId, sourceId);
    const picks = pickLines(
      lines,
      await deliveredByLine(
        t,
        ctx.tenantId,
        lines.map((l) => l.id),
      ),
      input.lines,
    );
    const deliveredOn = input.deliveredOn ?? todayIso();
    const number = await nextNumber(t, ctx.tenantId, 'delivery_note', deliveredOn);
    const note = await kit.insertRecord<NoteRow>(t, ctx, deliveryNoteDef, {
      id: newId(),
      number,
      sourceId,
      sourceKind: kind,
      ownerId: source.ownerId,
      deliveredOn,
      notes: input.notes ?? null,
    });
    await t
      .insert(salesDeliveryNoteLines)
      .values(
        picks.map((p, i) => ({
          id: newId(),
          tenantId: ctx.tenantId,
          noteId: note.id,
          sourceLineId: p.line.id,
          position: i + 1,
          quantityMilli: p.quantity,
        })),
      )
      .catch(overDelivery);
    return toDeliveryNote(note, source, await noteLines(t, ctx.tenantId, [note.id]));
  });

/** Per line of a document: ordered, delivered, still open; and its delivery notes. */
export const deliveryStatus = (ctx: AuthedContext, kind: SourceKind, sourceId: string) =>
  kit.inTenant(ctx, async (t): Promise<DeliveryStatus> => {
    kit.requirePermission(ctx, 'delivery_notes.view');
    const source = await sourceOf(t, ctx, kind, sourceId);
    const lines = await linesOf(t, ctx.tenantId, sourceId);
    const delivered = await deliveredByLine(
      t,
      ctx.tenantId,
      lines.map((l) => l.id),
    );
    const notes = await t
      .select()
      .from(salesDeliveryNotes)
      .where(and(eq(salesDeliveryNotes.tenantId, ctx.tenantId), eq(salesDeliveryNotes.sourceId, sourceId)))
      .orderBy(salesDeliveryNotes.createdAt);
    const noteLinesOf = await noteLines(
      t,
      ctx.tenantId,
      notes.map((n) => n.id),
    );
    return {
      lines: lines.map((l) => {
        const done = delivered.get(l.id) ?? 0;
        return {
          lineId: l.id,
          position: l.position,
          description: l.description,
          unit: l.unit,
          ordered: formatQuantity(l.quantityMilli),
          delivered: formatQuantity(done),
          remaining: formatQuantity(Math.max(0, l.quantityMilli - done)),
        };
      }),
      // Each note with its delivered quantities (one query for all of them).
      notes: notes.map((n) =>
        toDeliveryNote(
          n,
          source,
          noteLinesOf.filter((l) => l.noteId === n.id),
        ),
      ),
    };
  });

const { ...listColumns } = getTableColumns(salesDeliveryNotes);

/** The source documents' numbers and customers, for list rows. */
const sourcesOf = async (t: Tx, tenantId: string, ids: string[]) => {
  if (ids.length === 0) return new Map<string, { number: string | null; customerName: string | null }>();
  const rows = await t
    .select({
      id: salesDocuments.id,
      number: salesDocuments.number,
      customerName: salesDocuments.customerName,
    })
    .from(salesDocuments)
    .where(and(eq(salesDocuments.tenantId, tenantId), inArray(salesDocuments.id, ids)));
  return new Map(rows.map((r) => [r.id, r]));
};
const NONE = { number: null, customerName: null };

export const listDeliveryNotes = (ctx: AuthedContext, query: z.output<typeof deliveryNoteListQuery>) =>
  kit.inTenant(ctx, async (t) => {
    const { rows, pagination } = await kit.runList<NoteRow>(
      t,
      deliveryListSpec(ctx, query),
      ctx.tenantId,
      query as kit.ListRequest,
      listColumns,
    );
    const sources = await sourcesOf(t, ctx.tenantId, [...new Set(rows.map((r) => r.sourceId))]);
    return { items: rows.map((r) => toDeliveryNote(r, sources.get(r.sourceId) ?? NONE)), pagination };
  });

/** A delivery note with its lines (record scope; 404 otherwise), and its source document row. */
export const loadDeliveryNote = async (t: Tx, ctx: AuthedContext, id: string) => {
  const note = await kit.findRecord<NoteRow>(t, ctx, deliveryNoteDef, id);
  const [source] = (await t
    .select()
    .from(salesDocuments)
    .where(
      and(eq(salesDocuments.tenantId, ctx.tenantId), eq(salesDocuments.id, note.sourceId)),
    )) as DocumentRow[];
  if (!source) throw new AppError('NOT_FOUND', 'Delivery note not found');
  return { note, source, lines: await noteLines(t, ctx.tenantId, [id]) };
};

export const getDeliveryNote = (ctx: AuthedContext, id: string) =>
  kit.inTenant(ctx, async (t) => {
    const { note, source, lines } = await loadDeliveryNote(t, ctx, id);
    return toDeliveryNote(note, source, lines);
  });

/**
 * Cancels a delivery note (the one change its trigger allows): status `cancelled`, when, by whom and why,
 * audited. Its number stays used; its quantities are open again. The source document row is locked first, so a
 * cancel and a new note of the same document queue. Cancelled already → 409; a stale version → 409.
 */
export const cancelDeliveryNote = (
  ctx: AuthedContext,
  id: string,
  input: z.output<typeof deliveryNoteCancelInput>,
) =>
  kit.inTenant(ctx, async (t): Promise<DeliveryNote> => {
    const { note, source } = await loadDeliveryNote(t, ctx, id);
    await sourceOf(t, ctx, note.sourceKind, note.sourceId, true);
    const lines = await noteLines(t, ctx.tenantId, [id]);
    const current = (row: NoteRow) => toDeliveryNote(row, source, lines);
    const locked = await kit.findRecord<NoteRow>(t, ctx, deliveryNoteDef, id, true);
    if (input.version !== undefined && locked.version !== input.version)
      throw kit.conflict(deliveryNoteDef.label, current(locked));
    if (locked.status === 'cancelled')
      throw new AppError('CONFLICT', 'This delivery note is already cancelled');
    const { after } = await kit.updateRecord<NoteRow>(t, ctx, deliveryNoteDef, {
      id,
      version: undefined,
      patch: {
        status: 'cancelled',
        cancelledAt: new Date(),
        cancelledBy: ctx.userId,
        cancelReason: input.reason,
        updatedAt: new Date(),
      },
      toDto: current,
      action: 'cancelled',
    });
    return current(after);
  });
