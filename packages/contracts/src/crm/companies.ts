import { z } from 'zod';
import { isoDateTime, uuid, version } from '../primitives.ts';
import { csvList, listParams, recordBase, sortParam } from '../records.ts';
import { optionalEmail, optionalText, phone, tag, tags } from './common.ts';

export const companySchema = z.object({
  ...recordBase,
  name: z.string(),
  domain: z.string().nullable(),
  industry: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  website: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string().nullable(),
  ownerId: uuid.nullable(),
  tags: z.array(z.string()),
});
export type Company = z.infer<typeof companySchema>;
const companyFields = {
  name: z.string().trim().min(1, 'Required').max(200),
  domain: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'A domain such as example.com')
    .max(253)
    .nullable()
    .optional(),
  industry: optionalText(100),
  email: optionalEmail,
  phone,
  website: optionalText(300),
  city: optionalText(100),
  country: optionalText(100),
  ownerId: uuid.nullable().optional(),
  tags: tags.optional(),
};
export const companyCreateInput = z.strictObject(companyFields);
export type CompanyCreateInput = z.input<typeof companyCreateInput>;
export const companyUpdateInput = z.strictObject({ ...z.object(companyFields).partial().shape, version });
export const companyListQuery = z.strictObject({
  ...listParams,
  sort: sortParam(['name', 'createdAt', 'updatedAt'], '-createdAt'),
  ownerId: uuid.optional(),
  tag: csvList(tag).optional(),
  createdFrom: isoDateTime.optional(),
  createdTo: isoDateTime.optional(),
});
