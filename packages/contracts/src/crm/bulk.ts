import { z } from 'zod';
import { uuid } from '../primitives.ts';
import { bulkIds } from '../records.ts';
import { tags } from './common.ts';

/*
 * `POST /<entity>/bulk` bodies (the record kit's bulk route): one action on 1–500 ids. Every owned CRM record
 * takes the same five actions; an entity adds its own (leads `status`, deals `stage`).
 */
const ownedActions = [
  z.strictObject({ action: z.literal('assign'), ids: bulkIds, ownerId: uuid.nullable() }),
  z.strictObject({ action: z.literal('tag'), ids: bulkIds, add: tags.optional(), remove: tags.optional() }),
  z.strictObject({ action: z.literal('archive'), ids: bulkIds }),
  z.strictObject({ action: z.literal('restore'), ids: bulkIds }),
  z.strictObject({ action: z.literal('delete'), ids: bulkIds }),
] as const;

/** The five actions of every owned record: assign (owner), tag (add / remove), archive, restore, delete. */
export const ownedBulkActions = ownedActions;
export const BULK_ACTIONS = ['assign', 'tag', 'archive', 'restore', 'delete'] as const;

export const companyBulkInput = z.discriminatedUnion('action', [...ownedActions]);
export type CompanyBulkInput = z.input<typeof companyBulkInput>;
export const contactBulkInput = z.discriminatedUnion('action', [...ownedActions]);
export type ContactBulkInput = z.input<typeof contactBulkInput>;
export const dealBulkInput = z.discriminatedUnion('action', [
  ...ownedActions,
  z.strictObject({ action: z.literal('stage'), ids: bulkIds, stageId: uuid }),
]);
export type DealBulkInput = z.input<typeof dealBulkInput>;
/** Any record's bulk body (the web's shared bulk bar sends these). */
export type RecordBulkInput = CompanyBulkInput | DealBulkInput;
