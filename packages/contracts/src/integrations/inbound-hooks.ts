import { z } from 'zod';
import { isoDateTime, uuid, version } from '../primitives.ts';
import { listQuery } from '../records.ts';

/** Incoming webhooks (issue #8 point 5): lead-capture endpoints `POST /api/hooks/<token>`. */

/** The lead fields a payload can be mapped onto. */
export const INBOUND_LEAD_FIELDS = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'companyName',
  'source',
] as const;
export const inboundLeadField = z.enum(INBOUND_LEAD_FIELDS);

/** A path into the payload: dot-separated keys (`contact.email`), letters, digits, `_`, `-`. */
const payloadPath = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}(\.[A-Za-z0-9_-]{1,64}){0,4}$/, 'Dot-separated keys, e.g. contact.email');

/** lead field → payload path. `firstName` and `lastName` must be mapped (leads need a name). */
export const inboundFieldMapping = z
  .partialRecord(inboundLeadField, payloadPath)
  .refine(
    (m) => m.firstName !== undefined && m.lastName !== undefined,
    'firstName and lastName must be mapped',
  );

export const inboundEndpointSchema = z.object({
  id: uuid,
  name: z.string(),
  mapping: z.record(z.string(), z.string()),
  externalIdField: z.string().nullable(),
  source: z.string().nullable(),
  vendorId: uuid.nullable(),
  ownerId: uuid.nullable(),
  /** HMAC verification on: callers send `X-Tessera-Signature: sha256=<hex HMAC-SHA256 of the body>`. */
  verifySignature: z.boolean(),
  rateLimitPerMinute: z.number().int(),
  revokedAt: isoDateTime.nullable(),
  version: z.number().int(),
  createdAt: isoDateTime,
});
export type InboundEndpoint = z.infer<typeof inboundEndpointSchema>;

/** Create answers with the URL token and the signing secret, shown this once. */
export const inboundEndpointCreatedSchema = inboundEndpointSchema.extend({
  token: z.string(),
  secret: z.string(),
});

export const inboundEndpointCreateInput = z.strictObject({
  name: z.string().trim().min(1).max(120),
  mapping: inboundFieldMapping,
  externalIdField: payloadPath.optional(),
  source: z.string().trim().max(100).optional(),
  vendorId: uuid.optional(),
  ownerId: uuid.optional(),
  verifySignature: z.boolean().optional(),
  rateLimitPerMinute: z.number().int().min(1).max(10_000).optional(),
});
export type InboundEndpointCreateInput = z.input<typeof inboundEndpointCreateInput>;

export const inboundEndpointUpdateInput = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  mapping: inboundFieldMapping.optional(),
  verifySignature: z.boolean().optional(),
  rateLimitPerMinute: z.number().int().min(1).max(10_000).optional(),
  version,
});

export const INBOUND_OUTCOMES = [
  'created',
  'duplicate',
  'invalid',
  'bad_signature',
  'rate_limited',
  'error',
] as const;

export const inboundCallSchema = z.object({
  id: uuid,
  endpointId: uuid,
  outcome: z.enum(INBOUND_OUTCOMES),
  externalId: z.string().nullable(),
  leadId: uuid.nullable(),
  error: z.string().nullable(),
  createdAt: isoDateTime,
});
export type InboundCall = z.infer<typeof inboundCallSchema>;

export const inboundCallListQuery = listQuery.extend({ endpointId: uuid.optional() });

/** What `POST /api/hooks/<token>` answers. */
export const inboundHookResultSchema = z.object({ leadId: uuid, duplicate: z.boolean() });
