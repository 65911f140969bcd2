import { companyCreateInput } from '@tessera/contracts';
import type { z } from 'zod';
import {
  bareDomain,
  companyWords,
  DOMAIN,
  type ImportEntityDef,
  lower,
  personFields,
  text,
} from '../imports/import-entities.ts';
import { companies } from './companies.tables.ts';
import { companyDef } from './company-record.ts';

/** Companies from CSV; duplicates by name or domain. */
export const companyImport: ImportEntityDef = {
  entity: 'companies',
  def: companyDef,
  permission: 'companies.import',
  schema: companyCreateInput as unknown as z.ZodType<Record<string, unknown>>,
  fields: {
    name: text('companyname', ...companyWords, 'business', 'businessname', 'organizationname'),
    domain: { kind: 'domain', synonyms: ['domainname', 'emaildomain'] },
    industry: text('sector', 'vertical'),
    email: personFields.email,
    phone: personFields.phone,
    website: text('url', 'web', 'site', 'homepage', 'websiteurl', 'webaddress'),
    city: text('town', 'locality'),
    country: text('countrycode', 'nation'),
    tags: personFields.tags,
  },
  required: [['name']],
  duplicateKeys: [
    { kind: 'name', field: 'name', label: 'name', column: companies.nameKey, of: (v) => lower(v.name) },
    {
      kind: 'domain',
      field: 'domain',
      label: 'domain',
      column: companies.domain,
      of: (v) => lower(v.domain),
    },
  ],
  columns: {
    name: companies.name,
    domain: companies.domain,
    industry: companies.industry,
    email: companies.email,
    phone: companies.phone,
    website: companies.website,
    city: companies.city,
    country: companies.country,
    tags: companies.tags,
  },
  // No domain column: the website's domain (when it is one) keeps duplicate detection by domain working.
  derive: (input) => {
    if (input.domain !== undefined || typeof input.website !== 'string') return;
    const domain = bareDomain(input.website);
    if (DOMAIN.test(domain)) input.domain = domain;
  },
};
