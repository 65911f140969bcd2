import { z } from 'zod';
import { isoDateTime, uuid } from '../primitives.ts';
import { relatedType } from './common.ts';

export const timelineItemSchema = z.object({
  kind: z.enum(['activity', 'task', 'comment', 'audit', 'document']),
  id: z.string(),
  at: isoDateTime,
  title: z.string(),
  detail: z.string().nullable(),
  actorId: uuid.nullable(),
  data: z.record(z.string(), z.unknown()),
  /**
   * Set when the item belongs to a related record rolled up into this timeline (a company shows its contacts'
   * and deals' calls; a contact or deal shows the calls of the lead it came from): that record, named for the
   * viewer, with whether the viewer may open it.
   */
  via: z
    .object({ type: relatedType, id: uuid, name: z.string().nullable(), canOpen: z.boolean() })
    .nullable()
    .optional(),
});
export type TimelineItem = z.infer<typeof timelineItemSchema>;
export const timelineQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(500).optional(),
});
