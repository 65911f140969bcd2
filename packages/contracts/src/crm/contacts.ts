import { z } from 'zod';
import { isoDateTime, personName, uuid, version } from '../primitives.ts';
import { csvList, listParams, recordBase, sortParam } from '../records.ts';
import { optionalEmail, optionalText, phone, tag, tags } from './common.ts';

export const contactSchema = z.object({
  ...recordBase,
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  title: z.string().nullable(),
  companyId: uuid.nullable(),
  companyName: z.string().nullable(),
  ownerId: uuid.nullable(),
  tags: z.array(z.string()),
});
export type Contact = z.infer<typeof contactSchema>;
const contactFields = {
  firstName: personName,
  lastName: personName,
  email: optionalEmail,
  phone,
  title: optionalText(120),
  companyId: uuid.nullable().optional(),
  ownerId: uuid.nullable().optional(),
  tags: tags.optional(),
};
export const contactCreateInput = z.strictObject(contactFields);
export type ContactCreateInput = z.input<typeof contactCreateInput>;
export const contactUpdateInput = z.strictObject({ ...z.object(contactFields).partial().shape, version });
export const contactListQuery = z.strictObject({
  ...listParams,
  sort: sortParam(['lastName', 'createdAt', 'updatedAt'], '-createdAt'),
  ownerId: uuid.optional(),
  companyId: uuid.optional(),
  tag: csvList(tag).optional(),
  createdFrom: isoDateTime.optional(),
  createdTo: isoDateTime.optional(),
});
