import { z } from 'zod';
import { isoDateTime, personName, uuid, version } from '../primitives.ts';
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

export const leadVendorSchema = z.object({
  ...recordBase,
  name: z.string(),
  contactEmail: z.string().nullable(),
  costPerLeadCents: z.number().int().nullable().optional(),
  currency: z.string(),
});
export type LeadVendor = z.infer<typeof leadVendorSchema>;
const vendorFields = {
  name: z.string().trim().min(1, 'Required').max(200),
  contactEmail: optionalEmail,
  costPerLeadCents: z.number().int().min(0).max(100_000_000).nullable().optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
};
export const leadVendorCreateInput = z.strictObject(vendorFields);
export const leadVendorUpdateInput = z.strictObject({ ...z.object(vendorFields).partial().shape, version });
export const leadVendorListQuery = z.strictObject({
  ...listParams,
  sort: sortParam(['name'], 'name'),
});
