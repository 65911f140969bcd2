import type { Lead } from '@tessera/contracts';
import type { RecordFieldSpec } from '../../../components/records/record-form';
import type { SelectOption } from '../../../components/ui/form-field';
import {
  centsToInput,
  type FormValues,
  nullable,
  optional,
  optionalCents,
  optionalInt,
  tagList,
} from '../../../lib/records/form-values';

/** Fields of the new / edit lead forms (value only with `fields.money.view`, owner only on create). */
export function leadFields({
  canSeeMoney,
  owners,
  emailNotice,
}: {
  canSeeMoney: boolean;
  owners?: readonly SelectOption[];
  /** Under the e-mail (the new lead form: an e-mail already in use). */
  emailNotice?: RecordFieldSpec['notice'];
}): RecordFieldSpec[] {
  return [
    { name: 'firstName', label: 'First name', autoFocus: true },
    { name: 'lastName', label: 'Last name' },
    { name: 'email', label: 'Email', kind: 'email', ...(emailNotice ? { notice: emailNotice } : {}) },
    { name: 'phone', label: 'Phone', kind: 'tel' },
    { name: 'companyName', label: 'Company' },
    { name: 'source', label: 'Source', placeholder: 'Website, referral…' },
    { name: 'score', label: 'Score', kind: 'number', hint: '0–100' },
    ...(canSeeMoney
      ? [
          {
            name: 'estimatedValueCents',
            label: 'Estimated value',
            kind: 'money' as const,
            placeholder: '0.00',
          },
        ]
      : []),
    ...(owners ? [{ name: 'ownerId', label: 'Owner', kind: 'select' as const, options: owners }] : []),
    { name: 'tags', label: 'Tags', hint: 'Separated by commas', wide: true },
  ];
}

/** Form values of a lead (empty for a new one). */
export function leadFormValues(lead?: Lead, ownerId = ''): FormValues {
  return {
    firstName: lead?.firstName ?? '',
    lastName: lead?.lastName ?? '',
    email: lead?.email ?? '',
    phone: lead?.phone ?? '',
    companyName: lead?.companyName ?? '',
    source: lead?.source ?? '',
    score: lead?.score == null ? '' : String(lead.score),
    estimatedValueCents: centsToInput(lead?.estimatedValueCents),
    ownerId,
    tags: lead?.tags.join(', ') ?? '',
  };
}

/** `leadCreateInput` from the form. */
export function toLeadCreateInput(values: FormValues, canSeeMoney: boolean): Record<string, unknown> {
  return {
    firstName: values.firstName,
    lastName: values.lastName,
    email: optional(values.email),
    phone: optional(values.phone),
    companyName: optional(values.companyName),
    source: optional(values.source),
    score: optionalInt(values.score),
    estimatedValueCents: canSeeMoney ? optionalCents(values.estimatedValueCents) : undefined,
    ownerId: optional(values.ownerId) ?? null,
    tags: tagList(values.tags),
  };
}

/** `leadUpdateInput` from the form: blanks clear the field (`null`), plus the version read. */
export function toLeadUpdateInput(values: FormValues, canSeeMoney: boolean, version: number) {
  return {
    firstName: values.firstName,
    lastName: values.lastName,
    email: nullable(values.email),
    phone: nullable(values.phone),
    companyName: nullable(values.companyName),
    source: nullable(values.source),
    score: optionalInt(values.score) ?? null,
    ...(canSeeMoney ? { estimatedValueCents: optionalCents(values.estimatedValueCents) ?? null } : {}),
    tags: tagList(values.tags),
    version,
  };
}
