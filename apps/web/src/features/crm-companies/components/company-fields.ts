import type { Company } from '@tessera/contracts';
import type { RecordFieldSpec } from '../../../components/records/record-form';
import { type FormValues, nullable, optional, tagList } from '../../../lib/records/form-values';

/** Fields of the new / edit company forms. */
export const COMPANY_FIELDS: RecordFieldSpec[] = [
  { name: 'name', label: 'Name', autoFocus: true, wide: true },
  { name: 'domain', label: 'Domain', placeholder: 'example.com' },
  { name: 'industry', label: 'Industry' },
  { name: 'email', label: 'Email', kind: 'email' },
  { name: 'phone', label: 'Phone', kind: 'tel' },
  { name: 'website', label: 'Website' },
  { name: 'city', label: 'City' },
  { name: 'country', label: 'Country' },
  { name: 'tags', label: 'Tags', hint: 'Separated by commas' },
];

const TEXT = ['domain', 'industry', 'email', 'phone', 'website', 'city', 'country'] as const;

export function companyFormValues(company?: Company): FormValues {
  const values: FormValues = { name: company?.name ?? '', tags: company?.tags.join(', ') ?? '' };
  for (const key of TEXT) values[key] = company?.[key] ?? '';
  return values;
}

/** `companyCreateInput` (blank = absent) or, with a version, `companyUpdateInput` (blank = cleared). */
export function toCompanyInput(values: FormValues, version?: number): Record<string, unknown> {
  const input: Record<string, unknown> = { name: values.name, tags: tagList(values.tags) };
  for (const key of TEXT) input[key] = version === undefined ? optional(values[key]) : nullable(values[key]);
  return version === undefined ? input : { ...input, version };
}
