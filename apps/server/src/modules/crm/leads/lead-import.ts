import { leadCreateInput } from '@tessera/contracts';
import type { z } from 'zod';
import {
  companyWords,
  digits,
  type ImportEntityDef,
  lower,
  personFields,
  rejectMissingIds,
  text,
} from '../imports/import-entities.ts';
import { leadVendors } from '../vendors/vendors.tables.ts';
import { leadDef } from './lead-record.ts';
import { leads } from './leads.tables.ts';

/** Leads from CSV: people with their company name, source and value; duplicates by e-mail or phone. */
export const leadImport: ImportEntityDef = {
  entity: 'leads',
  def: leadDef,
  permission: 'leads.import',
  schema: leadCreateInput as unknown as z.ZodType<Record<string, unknown>>,
  fields: {
    ...personFields,
    companyName: text(...companyWords, 'business', 'organizationname'),
    source: text('leadsource', 'origin', 'channel'),
    vendorId: text('leadvendorid'),
    score: { kind: 'int', synonyms: ['leadscore', 'rating'] },
    estimatedValueCents: {
      kind: 'money',
      synonyms: ['estimatedvalue', 'value', 'dealvalue', 'amount', 'potentialvalue', 'budget'],
    },
    currency: text('currencycode'),
  },
  required: [['firstName', 'lastName'], ['fullName']],
  duplicateKeys: [
    { kind: 'email', field: 'email', label: 'e-mail', column: leads.email, of: (v) => lower(v.email) },
    {
      kind: 'phone',
      field: 'phone',
      label: 'phone number',
      column: leads.phoneDigits,
      of: (v) => digits(v.phone),
    },
  ],
  columns: {
    firstName: leads.firstName,
    lastName: leads.lastName,
    email: leads.email,
    phone: leads.phone,
    companyName: leads.companyName,
    source: leads.source,
    vendorId: leads.vendorId,
    score: leads.score,
    estimatedValueCents: leads.estimatedValueCents,
    currency: leads.currency,
    tags: leads.tags,
  },
  checkReferences: (tx, tenantId, rows, reject) =>
    rejectMissingIds(tx, tenantId, rows, reject, {
      field: 'vendorId',
      table: leadVendors,
      message: 'No such lead vendor',
    }),
};
