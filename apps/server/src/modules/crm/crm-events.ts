import type { Tx } from '../../platform/db/index.ts';
import { type EventOrigin, emit } from '../../platform/events/index.ts';
import type { DealRow } from './deals/deal-record.ts';
import { type LeadRow, leadDef } from './leads/lead-record.ts';
import type { TaskRow } from './tasks/task-record.ts';

// The CRM's domain events, derived from the rows a use case wrote, in its transaction. Each helper is curried
// so a service adds one `.then(…(t, ctx))` to the write it already does, and gets the same value back.

type Change<Row> = { before: Row; after: Row };

/** The record's own fields (its audited ones, not derived search columns) that differ. */
const changedFields = (fields: readonly string[], before: object, after: object) =>
  fields.filter(
    (k) =>
      JSON.stringify((before as Record<string, unknown>)[k] ?? null) !==
      JSON.stringify((after as Record<string, unknown>)[k] ?? null),
  );

/** `lead.created`, and `lead.assigned` when it has an owner. */
export const leadCreated =
  (t: Tx, ctx: EventOrigin) =>
  async (row: LeadRow): Promise<LeadRow> => {
    await emit(t, ctx, 'lead.created', { leadId: row.id, ownerId: row.ownerId, status: row.status });
    if (row.ownerId)
      await emit(t, ctx, 'lead.assigned', { leadId: row.id, ownerId: row.ownerId, previousOwnerId: null });
    return row;
  };

/** `lead.updated` (which fields), `lead.assigned` when the owner changed, `lead.converted` when it was converted. */
export const leadChanged =
  (t: Tx, ctx: EventOrigin) =>
  async <C extends Change<LeadRow>>(change: C): Promise<C> => {
    const { before, after } = change;
    const changed = changedFields(leadDef.auditFields, before, after);
    if (changed.length === 0) return change;
    await emit(t, ctx, 'lead.updated', { leadId: after.id, version: after.version, changed });
    if (before.ownerId !== after.ownerId)
      await emit(t, ctx, 'lead.assigned', {
        leadId: after.id,
        ownerId: after.ownerId,
        previousOwnerId: before.ownerId,
      });
    if (!before.convertedAt && after.convertedAt)
      await emit(t, ctx, 'lead.converted', {
        leadId: after.id,
        contactId: after.convertedContactId,
        companyId: after.convertedCompanyId,
        dealId: after.convertedDealId,
      });
    return change;
  };

/** `deal.stage_changed`, and `deal.won` / `deal.lost` when the move closed it that way. */
export const dealChanged =
  (t: Tx, ctx: EventOrigin) =>
  async <C extends Change<DealRow>>(change: C): Promise<C> => {
    const { before, after } = change;
    if (before.stageId !== after.stageId)
      await emit(t, ctx, 'deal.stage_changed', {
        dealId: after.id,
        pipelineId: after.pipelineId,
        fromStageId: before.stageId,
        toStageId: after.stageId,
      });
    if (after.status !== before.status && (after.status === 'won' || after.status === 'lost'))
      await emit(t, ctx, after.status === 'won' ? 'deal.won' : 'deal.lost', {
        dealId: after.id,
        ownerId: after.ownerId,
      });
    return change;
  };

const taskAssigned = (t: Tx, ctx: EventOrigin, row: TaskRow, previousAssigneeId: string | null) =>
  row.assigneeId
    ? emit(t, ctx, 'task.assigned', {
        taskId: row.id,
        assigneeId: row.assigneeId,
        previousAssigneeId,
        title: row.title,
      })
    : undefined;

/** `task.assigned` when a new task has an assignee. */
export const taskCreated =
  (t: Tx, ctx: EventOrigin) =>
  async (row: TaskRow): Promise<TaskRow> => {
    await taskAssigned(t, ctx, row, null);
    return row;
  };

/** `task.assigned` when the assignee changed, `task.completed` when it became done. */
export const taskChanged =
  (t: Tx, ctx: EventOrigin) =>
  async <C extends Change<TaskRow>>(change: C): Promise<C> => {
    const { before, after } = change;
    if (before.assigneeId !== after.assigneeId) await taskAssigned(t, ctx, after, before.assigneeId);
    if (before.status !== 'done' && after.status === 'done')
      await emit(t, ctx, 'task.completed', { taskId: after.id, assigneeId: after.assigneeId });
    return change;
  };
