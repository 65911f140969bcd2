import type { Deal } from '@tessera/contracts';
import { redactFields } from '../../../platform/access/index.ts';
import type { AuthedContext } from '../../../platform/http/service-context.ts';
import { baseDto, iso } from '../shared/dto.ts';
import type { RecordDef } from '../shared/record-ops.ts';
import { deals } from '../tables.ts';

export type DealRow = typeof deals.$inferSelect;

export const dealDef: RecordDef = {
  name: 'deal',
  label: 'Deal',
  table: deals,
  scope: 'deals',
  owner: deals.ownerId,
  auditFields: [
    'title',
    'companyId',
    'contactId',
    'pipelineId',
    'stageId',
    'amountCents',
    'currency',
    'expectedCloseDate',
    'ownerId',
    'status',
    'lostReason',
    'tags',
    'archivedAt',
  ],
};

export const toDeal = (ctx: AuthedContext, r: DealRow): Deal =>
  redactFields(ctx.auth, {
    ...baseDto(r),
    title: r.title,
    companyId: r.companyId,
    contactId: r.contactId,
    pipelineId: r.pipelineId,
    stageId: r.stageId,
    amountCents: r.amountCents,
    currency: r.currency,
    expectedCloseDate: r.expectedCloseDate,
    ownerId: r.ownerId,
    status: r.status,
    lostReason: r.lostReason,
    closedAt: iso(r.closedAt),
    leadId: r.leadId,
    tags: r.tags,
  }) as Deal;
