import { z } from 'zod';
import { isoDateTime, uuid } from '../primitives.ts';
import { listQuery } from '../records.ts';

export const auditLogSchema = z.object({
  id: uuid,
  actorUserId: uuid.nullable(),
  actorName: z.string().nullable(),
  actorApiKeyId: uuid.nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })).nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  requestId: z.string().nullable(),
  createdAt: isoDateTime,
});
export type AuditLog = z.infer<typeof auditLogSchema>;
export const auditLogQuery = z.strictObject({
  ...listQuery.shape,
  actorUserId: uuid.optional(),
  action: z.string().max(100).optional(),
  targetType: z.string().max(100).optional(),
  targetId: z.string().max(100).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type AuditLogQuery = z.input<typeof auditLogQuery>;
