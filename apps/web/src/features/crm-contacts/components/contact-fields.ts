import type { Contact } from '@tessera/contracts';
import type { RecordFieldSpec } from '../../../components/records/record-form';
import type { SelectOption } from '../../../components/ui/form-field';
import { type FormValues, nullable, optional, tagList } from '../../../lib/records/form-values';

/**
 * Fields of the new / edit contact forms; "Company" (a select of `companies`) only for members who may see
 * companies (`companies` null leaves it out).
 */
export function contactFields(companies: readonly SelectOption[] | null | undefined): RecordFieldSpec[] {
  return [
    { name: 'firstName', label: 'First name', autoFocus: true },
    { name: 'lastName', label: 'Last name' },
    { name: 'email', label: 'Email', kind: 'email' },
    { name: 'phone', label: 'Phone', kind: 'tel' },
    { name: 'title', label: 'Job title' },
    ...(companies === null
      ? []
      : [
          {
            name: 'companyId',
            label: 'Company',
            kind: 'company' as const,
            options: [{ value: '', label: 'No company' }, ...(companies ?? [])],
          },
        ]),
    { name: 'tags', label: 'Tags', hint: 'Separated by commas' },
  ];
}

const TEXT = ['email', 'phone', 'title', 'companyId'] as const;

export function contactFormValues(contact?: Contact): FormValues {
  const values: FormValues = {
    firstName: contact?.firstName ?? '',
    lastName: contact?.lastName ?? '',
    tags: contact?.tags.join(', ') ?? '',
  };
  for (const key of TEXT) values[key] = contact?.[key] ?? '';
  return values;
}

/** `contactCreateInput` (blank = absent) or, with a version, `contactUpdateInput` (blank = cleared). */
export function toContactInput(values: FormValues, version?: number): Record<string, unknown> {
  const input: Record<string, unknown> = {
    firstName: values.firstName,
    lastName: values.lastName,
    tags: tagList(values.tags),
  };
  for (const key of TEXT) input[key] = version === undefined ? optional(values[key]) : nullable(values[key]);
  return version === undefined ? input : { ...input, version };
}
