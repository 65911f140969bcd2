import { BILLING_MODES, PROJECT_STATUSES, type Project } from '@tessera/contracts';
import type { RecordFieldSpec } from '../../../components/records/record-form';
import type { SelectOption } from '../../../components/ui/form-field';
import {
  centsToInput,
  type FormValues,
  nullable,
  optional,
  optionalCents,
} from '../../../lib/records/form-values';
import { enumOptions } from '../../../lib/records/labels';

/** The project form's fields; money fields only with fields.money.view, the client only with companies.view. */
export function projectFields({
  managers,
  companies,
  canSeeMoney,
}: {
  managers: readonly SelectOption[];
  companies: readonly SelectOption[] | null | undefined;
  canSeeMoney: boolean;
}): RecordFieldSpec[] {
  return [
    { name: 'name', label: 'Name', autoFocus: true },
    { name: 'code', label: 'Code', placeholder: 'RIV-01', hint: 'Unique; letters, digits, . _ / -' },
    { name: 'status', label: 'Status', kind: 'select', options: enumOptions(PROJECT_STATUSES) },
    {
      name: 'managerId',
      label: 'Manager',
      kind: 'select',
      options: [{ value: '', label: 'Nobody' }, ...managers],
    },
    ...(companies
      ? [
          {
            name: 'companyId',
            label: 'Client',
            kind: 'company' as const,
            options: [{ value: '', label: 'No client' }, ...companies],
          },
        ]
      : []),
    { name: 'billingMode', label: 'Billing', kind: 'select', options: enumOptions(BILLING_MODES) },
    { name: 'startDate', label: 'Start', kind: 'date' },
    { name: 'endDate', label: 'End', kind: 'date' },
    { name: 'budgetHours', label: 'Budget (hours)', kind: 'number', placeholder: '400' },
    ...(canSeeMoney
      ? [
          { name: 'budgetCents', label: 'Budget (money)', kind: 'money' as const },
          { name: 'defaultRateCents', label: 'Hourly rate', kind: 'money' as const },
        ]
      : []),
    { name: 'description', label: 'Description', kind: 'textarea' },
  ];
}

export const emptyProjectValues = (managerId: string): FormValues => ({
  name: '',
  code: '',
  status: 'planned',
  managerId,
  companyId: '',
  billingMode: 'time_and_materials',
  startDate: '',
  endDate: '',
  budgetHours: '',
  budgetCents: '',
  defaultRateCents: '',
  description: '',
});

export const projectValues = (p: Project): FormValues => ({
  name: p.name,
  code: p.code,
  status: p.status,
  managerId: p.managerId ?? '',
  companyId: p.companyId ?? '',
  billingMode: p.billingMode,
  startDate: p.startDate ?? '',
  endDate: p.endDate ?? '',
  budgetHours: p.budgetHours === null ? '' : String(p.budgetHours),
  budgetCents: centsToInput(p.budgetCents),
  defaultRateCents: centsToInput(p.defaultRateCents),
  description: p.description ?? '',
});

const hoursOrNull = (value: unknown) => {
  const text = optional(value);
  return text === undefined ? null : Number(text.replace(',', '.'));
};

/** Form values → the create / update body (only the fields the form shows). */
export function toProjectInput(values: FormValues, fields: readonly RecordFieldSpec[]) {
  const shown = new Set(fields.map((f) => f.name));
  const input: Record<string, unknown> = {
    name: values.name,
    code: typeof values.code === 'string' ? values.code.trim() : values.code,
    status: values.status,
    managerId: nullable(values.managerId),
    billingMode: values.billingMode,
    startDate: nullable(values.startDate),
    endDate: nullable(values.endDate),
    budgetHours: hoursOrNull(values.budgetHours),
    description: nullable(values.description),
  };
  if (shown.has('companyId')) input.companyId = nullable(values.companyId);
  if (shown.has('budgetCents')) input.budgetCents = optionalCents(values.budgetCents) ?? null;
  if (shown.has('defaultRateCents')) input.defaultRateCents = optionalCents(values.defaultRateCents) ?? null;
  return input;
}
