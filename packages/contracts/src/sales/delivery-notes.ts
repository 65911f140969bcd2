import { z } from 'zod';
import { dateOnly, optionalText } from '../crm/common.ts';
import { isoDateTime, uuid, version } from '../primitives.ts';
import { listParams, recordBase, sortParam } from '../records.ts';
import { quantityInput } from './documents.ts';

// Delivery notes: what was delivered of a quote's or an invoice's lines — never more than ordered in total.

export const deliveryNoteCreateInput = z.strictObject({
  /** Defaults to today. */
  deliveredOn: dateOnly.optional(),
  notes: optionalText(2000),
  /** The delivered lines; omitted: everything not delivered yet. */
  lines: z
    .array(z.strictObject({ lineId: uuid, quantity: quantityInput }))
    .min(1)
    .max(200)
    .optional(),
});

/** `POST /delivery-notes/:id/cancel`: why (kept with the note and printed on it), and the version seen. */
export const deliveryNoteCancelInput = z.strictObject({
  reason: z.string().trim().min(1).max(500),
  version: version.optional(),
});

export const DELIVERY_NOTE_STATUSES = ['delivered', 'cancelled'] as const;

export const deliveryNoteLineSchema = z.object({
  id: uuid,
  sourceLineId: uuid,
  position: z.number().int(),
  sku: z.string().nullable(),
  description: z.string(),
  unit: z.string().nullable(),
  quantity: z.string(),
});

export const deliveryNoteSchema = z.object({
  ...recordBase,
  number: z.string(),
  sourceId: uuid,
  sourceKind: z.enum(['quote', 'invoice']),
  sourceNumber: z.string().nullable(),
  deliveredOn: z.string(),
  notes: z.string().nullable(),
  customerName: z.string().nullable(),
  /** A cancelled note keeps its number; its quantities no longer count as delivered. */
  status: z.enum(DELIVERY_NOTE_STATUSES),
  cancelledAt: isoDateTime.nullable(),
  cancelledBy: uuid.nullable(),
  cancelReason: z.string().nullable(),
  lines: z.array(deliveryNoteLineSchema).optional(),
});
export type DeliveryNote = z.infer<typeof deliveryNoteSchema>;

/** A document's lines with what was ordered, delivered so far and is still open, and its delivery notes. */
export const deliveryStatusSchema = z.object({
  lines: z.array(
    z.object({
      lineId: uuid,
      position: z.number().int(),
      description: z.string(),
      unit: z.string().nullable(),
      ordered: z.string(),
      delivered: z.string(),
      remaining: z.string(),
    }),
  ),
  notes: z.array(deliveryNoteSchema),
});
export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>;

export const deliveryNoteListQuery = z.strictObject({
  ...listParams,
  sort: sortParam(['deliveredOn', 'number', 'createdAt'], '-createdAt'),
  sourceId: uuid.optional(),
});
