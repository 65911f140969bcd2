import { z } from 'zod';
import { errorCodes } from './errors.ts';

/** Pagination block of a list response (keyset). */
export const paginationSchema = z.object({
  limit: z.number().int(),
  nextCursor: z.string().nullable(),
  hasMore: z.boolean(),
  total: z.number().int().optional(),
  /** True when `total` is the planner's estimate (large result sets) rather than an exact count. */
  totalIsEstimate: z.boolean().optional(),
});
export type Pagination = z.infer<typeof paginationSchema>;

/** `{ success: true, data }` — every successful response. */
export const successEnvelope = <T extends z.ZodType>(data: T) => z.object({ success: z.literal(true), data });

/** `{ success: true, data: [...], pagination }` — every list response. */
export const listEnvelope = <T extends z.ZodType>(item: T) =>
  z.object({ success: z.literal(true), data: z.array(item), pagination: paginationSchema });

export const errorBodySchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  details: z.unknown().optional(),
  requestId: z.string(),
});

/** `{ success: false, error }` — every error response. */
export const errorEnvelope = z.object({ success: z.literal(false), error: errorBodySchema });
export type ErrorEnvelope = z.infer<typeof errorEnvelope>;
export type ApiError = ErrorEnvelope['error'];

/** One entry of `error.details` for a VALIDATION_ERROR: where and what. */
export const fieldIssueSchema = z.object({
  path: z.string(),
  message: z.string(),
  code: z.string().optional(),
});
export type FieldIssue = z.infer<typeof fieldIssueSchema>;
