import type { Expense } from '@tessera/contracts';
import type { RecordFieldSpec } from '../../../components/records/record-form';
import { centsToInput, type FormValues, optional, optionalCents } from '../../../lib/records/form-values';
import { tenantFormatting } from '../../../lib/tenant-format';

export const EXPENSE_CATEGORIES = [
  'Materials',
  'Travel',
  'Equipment hire',
  'Meals',
  'Accommodation',
  'Other',
];

/** The expense form's fields (new and edit). */
export const expenseFields = (
  projectOptions: readonly { value: string; label: string }[],
): RecordFieldSpec[] => [
  { name: 'date', label: 'Date', kind: 'date' },
  {
    name: 'projectId',
    label: 'Project',
    kind: 'select',
    options: [{ value: '', label: 'Pick a project…' }, ...projectOptions],
  },
  {
    name: 'category',
    label: 'Category',
    kind: 'select',
    options: EXPENSE_CATEGORIES.map((c) => ({ value: c, label: c })),
  },
  { name: 'currency', label: 'Currency', placeholder: 'USD' },
  { name: 'expenseAmountCents', label: 'Amount (with tax)', kind: 'money' },
  { name: 'expenseTaxCents', label: 'Of which tax', kind: 'money' },
  { name: 'billable', label: 'Billable to the client', kind: 'checkbox' },
  { name: 'note', label: 'Note', kind: 'textarea' },
];

/** Form values of an expense, or of a new one (today, materials, the tenant's currency). */
export const expenseValues = (e?: Expense): FormValues => ({
  date: e?.date ?? new Date().toISOString().slice(0, 10),
  projectId: e?.projectId ?? '',
  category: e?.category ?? 'Materials',
  currency: e?.currency ?? tenantFormatting().currency ?? 'USD',
  expenseAmountCents: e ? centsToInput(e.expenseAmountCents) : '',
  expenseTaxCents: e ? centsToInput(e.expenseTaxCents) : '',
  billable: e?.billable ?? false,
  note: e?.note ?? '',
});

/** The form's values as the API's create / update body. */
export const toExpenseInput = (v: FormValues) => ({
  date: String(v.date),
  projectId: String(v.projectId),
  category: String(v.category),
  currency: optional(v.currency)?.toUpperCase(),
  expenseAmountCents: optionalCents(v.expenseAmountCents),
  expenseTaxCents: optionalCents(v.expenseTaxCents),
  billable: v.billable === true,
  note: optional(v.note),
});
