import { z } from 'zod';
import { isoDateTime, uuid } from '../primitives.ts';

export const timelineItemSchema = z.object({
  kind: z.enum(['activity', 'task', 'audit', 'document']),
  id: z.string(),
  at: isoDateTime,
  title: z.string(),
  detail: z.string().nullable(),
  actorId: uuid.nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type TimelineItem = z.infer<typeof timelineItemSchema>;
export const timelineQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(500).optional(),
});
