import { type DeliveryNote, type deliveryNoteListQuery, formatQuantity } from '@tessera/contracts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { baseDto, iso, type ListSpec, type RecordDef, scopeWhere } from '../../../platform/records/index.ts';
import { salesDocumentLines } from '../documents/documents.tables.ts';
import { salesDeliveryNoteLines, salesDeliveryNotes } from './delivery-notes.tables.ts';

export type NoteRow = typeof salesDeliveryNotes.$inferSelect;

/** Delivery notes are seen like invoices (record scope of the source document's owner). */
export const deliveryNoteDef: RecordDef = {
  name: 'delivery_note',
  label: 'Delivery note',
  table: salesDeliveryNotes,
  scope: 'invoices',
  owner: salesDeliveryNotes.ownerId,
  auditFields: ['number', 'sourceId', 'deliveredOn', 'notes', 'status', 'cancelReason', 'archivedAt'],
};

/** A note's lines with what they print of their source line. */
export const noteLines = (t: Tx, tenantId: string, noteIds: string[]) =>
  noteIds.length === 0
    ? Promise.resolve([])
    : t
        .select({
          id: salesDeliveryNoteLines.id,
          noteId: salesDeliveryNoteLines.noteId,
          sourceLineId: salesDeliveryNoteLines.sourceLineId,
          position: salesDeliveryNoteLines.position,
          quantityMilli: salesDeliveryNoteLines.quantityMilli,
          sku: salesDocumentLines.sku,
          description: salesDocumentLines.description,
          unit: salesDocumentLines.unit,
          orderedMilli: salesDocumentLines.quantityMilli,
        })
        .from(salesDeliveryNoteLines)
        .innerJoin(
          salesDocumentLines,
          and(
            eq(salesDocumentLines.tenantId, salesDeliveryNoteLines.tenantId),
            eq(salesDocumentLines.id, salesDeliveryNoteLines.sourceLineId),
          ),
        )
        .where(
          and(eq(salesDeliveryNoteLines.tenantId, tenantId), inArray(salesDeliveryNoteLines.noteId, noteIds)),
        )
        .orderBy(salesDeliveryNoteLines.position);
export type NoteLine = Awaited<ReturnType<typeof noteLines>>[number];

export const toDeliveryNote = (
  r: NoteRow,
  source: { number: string | null; customerName: string | null },
  lines?: NoteLine[],
): DeliveryNote => ({
  ...baseDto(r),
  number: r.number,
  sourceId: r.sourceId,
  sourceKind: r.sourceKind,
  sourceNumber: source.number,
  deliveredOn: r.deliveredOn,
  notes: r.notes,
  customerName: source.customerName,
  status: r.status,
  cancelledAt: iso(r.cancelledAt),
  cancelledBy: r.cancelledBy,
  cancelReason: r.cancelReason,
  ...(lines
    ? {
        lines: lines.map((l) => ({
          id: l.id,
          sourceLineId: l.sourceLineId,
          position: l.position,
          sku: l.sku,
          description: l.description,
          unit: l.unit,
          quantity: formatQuantity(l.quantityMilli),
        })),
      }
    : {}),
});

type Filters = Pick<z.output<typeof deliveryNoteListQuery>, 'sourceId'>;

export const deliveryListSpec = (ctx: AuthedContext, f: Filters): ListSpec => {
  const n = salesDeliveryNotes;
  return {
    table: n,
    id: n.id,
    tenantId: n.tenantId,
    archivedAt: n.archivedAt,
    where: [scopeWhere(ctx, deliveryNoteDef), f.sourceId ? eq(n.sourceId, f.sourceId) : undefined],
    sorts: {
      deliveredOn: { expr: n.deliveredOn, type: 'date' },
      number: { expr: n.number, type: 'text' },
      createdAt: { expr: n.createdAt, type: 'timestamp' },
    },
  };
};

/** What was delivered so far of each line (all delivery notes that are not cancelled). */
export const deliveredByLine = async (t: Tx, tenantId: string, lineIds: string[]) => {
  if (lineIds.length === 0) return new Map<string, number>();
  const rows = await t
    .select({
      lineId: salesDeliveryNoteLines.sourceLineId,
      delivered: sql<string>`sum(${salesDeliveryNoteLines.quantityMilli})`,
    })
    .from(salesDeliveryNoteLines)
    .innerJoin(
      salesDeliveryNotes,
      and(
        eq(salesDeliveryNotes.tenantId, salesDeliveryNoteLines.tenantId),
        eq(salesDeliveryNotes.id, salesDeliveryNoteLines.noteId),
      ),
    )
    .where(
      and(
        eq(salesDeliveryNoteLines.tenantId, tenantId),
        inArray(salesDeliveryNoteLines.sourceLineId, lineIds),
        eq(salesDeliveryNotes.status, 'delivered'),
      ),
    )
    .groupBy(salesDeliveryNoteLines.sourceLineId);
  return new Map(rows.map((r) => [r.lineId, Number(r.delivered)]));
};
