import type { Company } from '@tessera/contracts';
import type { AuthedContext } from '../../../platform/http/service-context.ts';
import { baseDto } from '../shared/dto.ts';
import type { RecordDef } from '../shared/record-ops.ts';
import { companies } from '../tables.ts';

export type CompanyRow = typeof companies.$inferSelect;

export const companyDef: RecordDef = {
  name: 'company',
  label: 'Company',
  table: companies,
  scope: 'companies',
  owner: companies.ownerId,
  auditFields: [
    'name',
    'domain',
    'industry',
    'email',
    'phone',
    'website',
    'city',
    'country',
    'ownerId',
    'tags',
    'archivedAt',
  ],
};

export const toCompany = (_ctx: AuthedContext, r: CompanyRow): Company => ({
  ...baseDto(r),
  name: r.name,
  domain: r.domain,
  industry: r.industry,
  email: r.email,
  phone: r.phone,
  website: r.website,
  city: r.city,
  country: r.country,
  ownerId: r.ownerId,
  tags: r.tags,
});
