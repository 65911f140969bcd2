import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../../identity/index.ts';
import { salesDocumentLines, salesDocuments } from '../documents/documents.tables.ts';
import { at, ownerColumn, recordColumns, tenantKey } from '../record-columns.ts';

/**
 * Delivery notes of a quote or an invoice: numbered when made (gapless, like invoices), fixed afterwards — the
 * one change allowed (trigger `sales_delivery_note_guard`) is cancelling: status `cancelled` with when, by whom
 * and why; a cancelled note keeps its number and no longer counts as delivered. The owner is the source
 * document's (record scope).
 */
export const salesDeliveryNotes = pgTable(
  'sales_delivery_notes',
  {
    ...recordColumns(),
    number: text('number').notNull(),
    sourceId: uuid('source_id').notNull(),
    sourceKind: text('source_kind', { enum: ['quote', 'invoice'] }).notNull(),
    ownerId: ownerColumn(),
    deliveredOn: date('delivered_on', { mode: 'string' }).notNull(),
    notes: text('notes'),
    status: text('status', { enum: ['delivered', 'cancelled'] })
      .notNull()
      .default('delivered'),
    cancelledAt: at('cancelled_at'),
    cancelledBy: uuid('cancelled_by').references(() => users.id, { onDelete: 'set null' }),
    cancelReason: text('cancel_reason'),
  },
  (t) => [
    tenantKey('sales_delivery_notes_tenant_id_key', t),
    uniqueIndex('sales_delivery_notes_number_key').on(t.tenantId, t.number),
    index('sales_delivery_notes_source_idx').on(t.tenantId, t.sourceId),
    index('sales_delivery_notes_created_idx').on(t.tenantId, t.createdAt, t.id),
    foreignKey({
      name: 'sales_delivery_notes_source_fk',
      columns: [t.tenantId, t.sourceId],
      foreignColumns: [salesDocuments.tenantId, salesDocuments.id] as [AnyPgColumn, AnyPgColumn],
    }),
    check('sales_delivery_notes_source_kind', sql`source_kind IN ('quote','invoice')`),
    check(
      'sales_delivery_notes_status',
      sql`(status = 'delivered' AND cancelled_at IS NULL AND cancel_reason IS NULL) OR (status = 'cancelled' AND cancelled_at IS NOT NULL AND cancel_reason IS NOT NULL)`,
    ),
  ],
);

/**
 * The delivered quantity of a source line. The trigger `sales_delivery_line_check` (migration) locks the
 * source line and refuses a total above its ordered quantity: two concurrent notes cannot over-deliver.
 */
export const salesDeliveryNoteLines = pgTable(
  'sales_delivery_note_lines',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    noteId: uuid('note_id').notNull(),
    sourceLineId: uuid('source_line_id').notNull(),
    position: integer('position').notNull(),
    quantityMilli: bigint('quantity_milli', { mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('sales_delivery_note_lines_position_key').on(t.tenantId, t.noteId, t.position),
    index('sales_delivery_note_lines_source_idx').on(t.tenantId, t.sourceLineId),
    foreignKey({
      name: 'sales_delivery_note_lines_note_fk',
      columns: [t.tenantId, t.noteId],
      foreignColumns: [salesDeliveryNotes.tenantId, salesDeliveryNotes.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'sales_delivery_note_lines_source_fk',
      columns: [t.tenantId, t.sourceLineId],
      foreignColumns: [salesDocumentLines.tenantId, salesDocumentLines.id],
    }),
    check('sales_delivery_note_lines_quantity', sql`quantity_milli > 0`),
  ],
);
