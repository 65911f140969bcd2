import { z } from 'zod';
import { leadStatus } from '../crm/common.ts';
import { uuid } from '../primitives.ts';
import { defineEvents } from './define-event.ts';

// Payloads carry ids and fields every member who may see the record may see; never money fields.
const id = uuid;
const userRef = uuid.nullable();

/** CRM events: leads, deals and tasks. */
export const crmEvents = defineEvents({
  'lead.created': {
    description: 'A lead was created (API, import or conversion source).',
    payload: z.strictObject({ leadId: id, ownerId: userRef, status: leadStatus }),
  },
  'lead.updated': {
    description: 'Fields of a lead changed; `changed` names them (values are read from the API).',
    payload: z.strictObject({ leadId: id, version: z.number().int().min(1), changed: z.array(z.string()) }),
  },
  'lead.assigned': {
    description: 'A lead got a new owner (or none).',
    payload: z.strictObject({ leadId: id, ownerId: userRef, previousOwnerId: userRef }),
  },
  'lead.converted': {
    description: 'A lead was converted into a contact, a company and/or a deal.',
    payload: z.strictObject({
      leadId: id,
      contactId: id.nullable(),
      companyId: id.nullable(),
      dealId: id.nullable(),
    }),
  },
  'deal.stage_changed': {
    description: 'A deal moved to another stage of its pipeline.',
    payload: z.strictObject({ dealId: id, pipelineId: id, fromStageId: id, toStageId: id }),
  },
  'deal.won': {
    description: 'A deal was marked won.',
    payload: z.strictObject({ dealId: id, ownerId: userRef }),
  },
  'deal.lost': {
    description: 'A deal was marked lost.',
    payload: z.strictObject({ dealId: id, ownerId: userRef }),
  },
  'task.assigned': {
    description: 'A task got an assignee (on creation or reassignment).',
    payload: z.strictObject({ taskId: id, assigneeId: id, previousAssigneeId: userRef, title: z.string() }),
  },
  'activity.created': {
    description:
      'An activity (call, meeting, e-mail, note) was logged; `mentionedUserIds`: members named in its body as @e-mail or @Full Name.',
    payload: z.strictObject({
      activityId: id,
      type: z.enum(['call', 'meeting', 'email', 'note']),
      mentionedUserIds: z.array(id).max(20),
    }),
  },
  'task.commented': {
    description:
      "Someone commented on a task; `assigneeId` is its assignee then (the comment is read from the API, where the task's visibility applies).",
    payload: z.strictObject({ taskId: id, commentId: id, assigneeId: userRef, title: z.string() }),
  },
  'task.completed': {
    description: 'A task was marked done.',
    payload: z.strictObject({ taskId: id, assigneeId: userRef }),
  },
});
