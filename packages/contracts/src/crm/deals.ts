import { z } from 'zod';
import { isoDateTime, uuid, version } from '../primitives.ts';
import { cents, csvList, currency, listParams, recordBase, sortParam } from '../records.ts';
import { DEAL_STATUSES, dateOnly, tag, tags } from './common.ts';

export const stageSchema = z.object({
  id: uuid,
  name: z.string(),
  position: z.number().int(),
  probability: z.number().int().min(0).max(100),
  kind: z.enum(['open', 'won', 'lost']),
});
export const pipelineSchema = z.object({
  ...recordBase,
  name: z.string(),
  isDefault: z.boolean(),
  stages: z.array(stageSchema),
});
export type Pipeline = z.infer<typeof pipelineSchema>;
const stageInput = z.strictObject({
  id: uuid.optional(),
  name: z.string().trim().min(1).max(80),
  probability: z.number().int().min(0).max(100),
  kind: z.enum(['open', 'won', 'lost']).default('open'),
});
export const pipelineCreateInput = z.strictObject({
  name: z.string().trim().min(1).max(120),
  isDefault: z.boolean().optional(),
  stages: z.array(stageInput).min(1).max(30),
});
export const pipelineUpdateInput = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  isDefault: z.boolean().optional(),
  stages: z.array(stageInput).min(1).max(30).optional(),
  version,
});

export const dealStatus = z.enum(DEAL_STATUSES);

/**
 * A record a deal links to, named for the viewer: `canOpen` is false when the viewer may see the deal but not
 * that record (another agent's company under scope "own", no `contacts.view`) — show the name without a link.
 */
export const linkedRecordName = z.object({ id: uuid, name: z.string(), canOpen: z.boolean() });
export type LinkedRecordName = z.infer<typeof linkedRecordName>;

export const dealSchema = z.object({
  ...recordBase,
  title: z.string(),
  companyId: uuid.nullable(),
  contactId: uuid.nullable(),
  /**
   * One deal (`GET /deals/:id`) and board cards: its company and contact by name, and whether the viewer may
   * open them.
   */
  parties: z
    .object({ company: linkedRecordName.nullable(), contact: linkedRecordName.nullable() })
    .optional(),
  pipelineId: uuid,
  stageId: uuid,
  amountCents: z.number().int().optional(),
  currency: z.string(),
  expectedCloseDate: z.string().nullable(),
  ownerId: uuid.nullable(),
  status: dealStatus,
  lostReason: z.string().nullable(),
  closedAt: isoDateTime.nullable(),
  leadId: uuid.nullable(),
  tags: z.array(z.string()),
});
export type Deal = z.infer<typeof dealSchema>;
const dealFields = {
  title: z.string().trim().min(1, 'Required').max(200),
  companyId: uuid.nullable().optional(),
  contactId: uuid.nullable().optional(),
  pipelineId: uuid.optional(),
  stageId: uuid.optional(),
  amountCents: cents.optional(),
  currency: currency.optional(),
  expectedCloseDate: dateOnly.nullable().optional(),
  ownerId: uuid.nullable().optional(),
  tags: tags.optional(),
};
export const dealCreateInput = z.strictObject(dealFields);
export type DealCreateInput = z.input<typeof dealCreateInput>;
export const dealUpdateInput = z.strictObject({
  ...z.object(dealFields).omit({ pipelineId: true, stageId: true }).partial().shape,
  version,
});
export const dealStageInput = z.strictObject({ stageId: uuid, version: version.optional() });
export const dealLostInput = z.strictObject({
  reason: z.string().trim().min(1, 'Say why the deal was lost').max(500),
  version: version.optional(),
});
export const dealWonInput = z.strictObject({ version: version.optional() });
export const dealListQuery = z.strictObject({
  ...listParams,
  sort: sortParam(['createdAt', 'updatedAt', 'amountCents', 'expectedCloseDate', 'title'], '-createdAt'),
  pipelineId: uuid.optional(),
  stageId: uuid.optional(),
  status: csvList(dealStatus).optional(),
  ownerId: z.union([uuid, z.literal('me'), z.literal('none')]).optional(),
  companyId: uuid.optional(),
  tag: csvList(tag).optional(),
  amountMin: z.coerce.number().int().min(0).optional(),
  amountMax: z.coerce.number().int().min(0).optional(),
  closeFrom: dateOnly.optional(),
  closeTo: dateOnly.optional(),
});

/** The kanban of a pipeline: its stages in order, each with its deals (newest change first, capped). */
export const BOARD_DEALS_PER_STAGE = 200;
/** Without `closedFrom`, won / lost columns show the deals closed in the last 30 days. */
export const BOARD_CLOSED_DEFAULT_DAYS = 30;
/**
 * `GET /pipelines/:id/board?closedFrom&closedTo`: the period (ISO date-times, `closedTo` exclusive) whose
 * closed deals the won / lost columns show; open stages always show every open deal.
 */
export const pipelineBoardQuery = z
  .strictObject({ closedFrom: isoDateTime.optional(), closedTo: isoDateTime.optional() })
  .refine((q) => !q.closedFrom || !q.closedTo || Date.parse(q.closedFrom) < Date.parse(q.closedTo), {
    message: 'closedFrom must be before closedTo',
    path: ['closedTo'],
  });
export type PipelineBoardQuery = z.infer<typeof pipelineBoardQuery>;
export const pipelineBoardSchema = z.object({
  pipeline: pipelineSchema,
  /** The period of the closed columns (`closedTo` null: up to now). */
  closed: z.object({ from: isoDateTime, to: isoDateTime.nullable() }).optional(),
  stages: z.array(
    stageSchema.extend({
      /**
       * Deals in the stage within the caller's scope (all of them, not only the ones returned): open ones in
       * open stages, those closed in the board's period in won / lost stages.
       */
      count: z.number().int(),
      /** Sum of their amounts (hidden without fields.money.view). */
      amountCents: z.number().int().optional(),
      deals: z.array(dealSchema),
    }),
  ),
});
export type PipelineBoard = z.infer<typeof pipelineBoardSchema>;
