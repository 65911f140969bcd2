import type { Deal, Pipeline } from '@tessera/contracts';
import type { RecordFieldSpec } from '../../../components/records/record-form';
import type { SelectOption } from '../../../components/ui/form-field';
import {
  centsToInput,
  type FormValues,
  nullable,
  optional,
  optionalCents,
  tagList,
} from '../../../lib/records/form-values';

export interface DealFieldOptions {
  canSeeMoney: boolean;
  owners: readonly SelectOption[];
  /** Company / contact choices; `null` or `undefined` (not allowed, or not loaded) leaves the field out. */
  companies: readonly SelectOption[] | null | undefined;
  contacts: readonly SelectOption[] | null | undefined;
  /** On create: the stages a new deal may start in (the pipeline's open stages). */
  stages?: readonly Pipeline['stages'][number][];
}

const none = (label: string): SelectOption => ({ value: '', label });

/** `options` plus the current value when it is not among them (named by `currentLabel`). */
export function withCurrent(
  options: readonly SelectOption[],
  value: string | null | undefined,
  currentLabel: string | undefined,
): SelectOption[] {
  if (!value || options.some((option) => option.value === value)) return [...options];
  return [{ value, label: currentLabel ?? 'Current' }, ...options];
}

/** Fields of the new / edit deal forms. */
export function dealFields({
  canSeeMoney,
  owners,
  companies,
  contacts,
  stages,
}: DealFieldOptions): RecordFieldSpec[] {
  return [
    { name: 'title', label: 'Title', autoFocus: true, wide: true },
    ...(canSeeMoney
      ? [{ name: 'amountCents', label: 'Amount', kind: 'money' as const, placeholder: '0.00' }]
      : []),
    { name: 'currency', label: 'Currency', placeholder: 'USD', hint: 'Three letters' },
    ...(stages
      ? [
          {
            name: 'stageId',
            label: 'Stage',
            kind: 'select' as const,
            options: stages.map((stage) => ({
              value: stage.id,
              label: `${stage.name} (${stage.probability}%)`,
            })),
          },
        ]
      : []),
    { name: 'expectedCloseDate', label: 'Expected close', kind: 'date' },
    { name: 'ownerId', label: 'Owner', kind: 'select', options: [none('Unassigned'), ...owners] },
    ...(companies
      ? [
          {
            name: 'companyId',
            label: 'Company',
            kind: 'company' as const,
            options: [none('No company'), ...companies],
          },
        ]
      : []),
    ...(contacts
      ? [
          {
            name: 'contactId',
            label: 'Contact',
            kind: 'contact' as const,
            options: [none('No contact'), ...contacts],
          },
        ]
      : []),
    { name: 'tags', label: 'Tags', hint: 'Separated by commas', wide: true },
  ];
}

/** Form values of a deal, or of a new one with the given defaults. */
export function dealFormValues(deal?: Deal, defaults: Partial<Record<string, string>> = {}): FormValues {
  return {
    title: deal?.title ?? '',
    amountCents: centsToInput(deal?.amountCents),
    currency: deal?.currency ?? 'USD',
    stageId: defaults.stageId ?? '',
    expectedCloseDate: deal?.expectedCloseDate ?? '',
    ownerId: deal ? (deal.ownerId ?? '') : (defaults.ownerId ?? ''),
    companyId: deal?.companyId ?? defaults.companyId ?? '',
    contactId: deal?.contactId ?? defaults.contactId ?? '',
    tags: deal?.tags.join(', ') ?? '',
  };
}

/** What both inputs share; fields the form did not show (money, company, contact) are left out. */
function common(values: FormValues, fields: readonly RecordFieldSpec[]) {
  const shown = new Set(fields.map((field) => field.name));
  const input: Record<string, unknown> = {
    title: values.title,
    currency: optional(values.currency)?.toUpperCase(),
    tags: tagList(values.tags),
    ownerId: nullable(values.ownerId),
  };
  if (shown.has('amountCents')) input.amountCents = optionalCents(values.amountCents);
  return { input, shown };
}

/** `dealCreateInput` from the form: blanks are absent, the pipeline is the one the stage belongs to. */
export function toDealCreateInput(
  values: FormValues,
  fields: readonly RecordFieldSpec[],
  pipelineId: string | undefined,
): Record<string, unknown> {
  const { input, shown } = common(values, fields);
  return {
    ...input,
    pipelineId,
    stageId: optional(values.stageId),
    expectedCloseDate: optional(values.expectedCloseDate),
    companyId: shown.has('companyId') || values.companyId ? optional(values.companyId) : undefined,
    contactId: shown.has('contactId') || values.contactId ? optional(values.contactId) : undefined,
  };
}

/** `dealUpdateInput` from the form: blanks clear the field (`null`; a blank amount stays), plus the version. */
export function toDealUpdateInput(
  values: FormValues,
  fields: readonly RecordFieldSpec[],
  version: number,
): Record<string, unknown> {
  const { input, shown } = common(values, fields);
  return {
    ...input,
    expectedCloseDate: nullable(values.expectedCloseDate),
    ...(shown.has('companyId') ? { companyId: nullable(values.companyId) } : {}),
    ...(shown.has('contactId') ? { contactId: nullable(values.contactId) } : {}),
    version,
  };
}
