import { JOB_KINDS, JOB_PRIORITIES, type Job } from '@tessera/contracts';
import type { RecordFieldSpec } from '../../../components/records/record-form';
import type { SelectOption } from '../../../components/ui/form-field';
import {
  type FormValues,
  localToIso,
  nullable,
  optional,
  optionalInt,
  tagList,
} from '../../../lib/records/form-values';
import { JOB_PRIORITY_LABELS } from '../job-status';

export interface JobFieldOptions {
  /** Company / contact choices (the CRM's customer pickers); `null` / `undefined` leaves the field out. */
  companies: readonly SelectOption[] | null | undefined;
  contacts: readonly SelectOption[] | null | undefined;
  /** The new-job form picks the kind; a job keeps its kind. */
  create: boolean;
}

const none = (label: string): SelectOption => ({ value: '', label });
const isLoad = (values: FormValues) => values.kind === 'load';

/** Fields of the new / edit job forms; a load's pickup and delivery show when the kind is "load". */
export function jobFields({ companies, contacts, create }: JobFieldOptions): RecordFieldSpec[] {
  return [
    { name: 'title', label: 'Title', autoFocus: true, wide: true },
    ...(create
      ? [
          {
            name: 'kind',
            label: 'Kind',
            kind: 'select' as const,
            options: JOB_KINDS.map((kind) => ({ value: kind, label: kind === 'load' ? 'Load' : 'Job' })),
          },
        ]
      : []),
    { name: 'type', label: 'Type', placeholder: 'Repair, installation…' },
    {
      name: 'priority',
      label: 'Priority',
      kind: 'select',
      options: JOB_PRIORITIES.map((priority) => ({ value: priority, label: JOB_PRIORITY_LABELS[priority] })),
    },
    ...(companies
      ? [
          {
            name: 'companyId',
            label: 'Customer company',
            kind: 'company' as const,
            options: [none('No company'), ...companies],
          },
        ]
      : []),
    ...(contacts
      ? [
          {
            name: 'contactId',
            label: 'Customer contact',
            kind: 'contact' as const,
            options: [none('No contact'), ...contacts],
          },
        ]
      : []),
    { name: 'customerName', label: 'On-site contact' },
    { name: 'customerPhone', label: 'On-site phone', kind: 'tel' },
    {
      name: 'customerEmail',
      label: 'On-site e-mail',
      kind: 'email',
      hint: 'Gets the “on our way” message',
    },
    { name: 'siteAddress', label: 'Site address', wide: true },
    { name: 'scheduledStart', label: 'Scheduled from', kind: 'datetime' },
    { name: 'scheduledEnd', label: 'Scheduled to', kind: 'datetime' },
    { name: 'estimatedMinutes', label: 'Estimated minutes', kind: 'number' },
    { name: 'requiredSkills', label: 'Required skills', hint: 'Separated by commas' },
    { name: 'description', label: 'Description', kind: 'textarea' },
    { name: 'checklist', label: 'Checklist', kind: 'textarea', hint: 'One item a line' },
    { name: 'pickupAddress', label: 'Pickup address', wide: true, when: isLoad },
    { name: 'pickupFrom', label: 'Pickup from', kind: 'datetime', when: isLoad },
    { name: 'pickupTo', label: 'Pickup to', kind: 'datetime', when: isLoad },
    { name: 'deliveryAddress', label: 'Delivery address', wide: true, when: isLoad },
    { name: 'deliveryFrom', label: 'Delivery from', kind: 'datetime', when: isLoad },
    { name: 'deliveryTo', label: 'Delivery to', kind: 'datetime', when: isLoad },
    { name: 'weightKg', label: 'Weight (kg)', kind: 'number', when: isLoad },
    { name: 'volumeM3', label: 'Volume (m³)', kind: 'number', when: isLoad },
    { name: 'reference', label: 'Reference', when: isLoad },
  ];
}

const TEXT = [
  'type',
  'description',
  'customerName',
  'customerPhone',
  'customerEmail',
  'siteAddress',
  'companyId',
  'contactId',
] as const;
const LOAD_TEXT = ['pickupAddress', 'deliveryAddress', 'reference'] as const;
const TIMES = ['scheduledStart', 'scheduledEnd'] as const;
const LOAD_TIMES = ['pickupFrom', 'pickupTo', 'deliveryFrom', 'deliveryTo'] as const;
const LOAD_NUMBERS = ['weightKg', 'volumeM3'] as const;

/** ISO date-time → a `datetime-local` value in the browser's time zone (`''` for none). */
export function isoToLocalInput(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** What a new job starts with (a customer / deal given by the page it is made from). */
export interface JobPreset {
  companyId?: string | null | undefined;
  contactId?: string | null | undefined;
  dealId?: string | null | undefined;
}

/** A job as form values (blank for a new one, with the preset's customer). */
export function jobFormValues(job?: Job, preset: JobPreset = {}): FormValues {
  const values: FormValues = {
    title: job?.title ?? '',
    kind: job?.kind ?? 'job',
    priority: job?.priority ?? 'normal',
    estimatedMinutes: job?.estimatedMinutes?.toString() ?? '',
    requiredSkills: job?.requiredSkills.join(', ') ?? '',
    checklist: job?.checklist.map((item) => item.label).join('\n') ?? '',
    weightKg: job?.weightKg?.toString() ?? '',
    volumeM3: job?.volumeM3?.toString() ?? '',
    dealId: job?.dealId ?? preset.dealId ?? '',
  };
  for (const key of [...TEXT, ...LOAD_TEXT]) values[key] = job?.[key] ?? '';
  if (!job) {
    values.companyId = preset.companyId ?? '';
    values.contactId = preset.contactId ?? '';
  }
  for (const key of [...TIMES, ...LOAD_TIMES]) values[key] = isoToLocalInput(job?.[key]);
  return values;
}

/** A number typed in a form (`undefined` when blank, `NaN` when not a number: the schema reports it). */
const optionalNumber = (value: unknown): number | undefined => {
  const text = optional(value);
  return text === undefined ? undefined : Number(text.replace(',', '.'));
};

/**
 * The checklist typed one item a line; an edited job keeps the "done" of the items it still has (by label).
 */
export function checklistFromText(text: unknown, current: Job['checklist'] = []) {
  const labels = typeof text === 'string' ? text.split('\n').map((line) => line.trim()) : [];
  return labels
    .filter(Boolean)
    .map((label) => ({ label, done: current.find((item) => item.label === label)?.done ?? false }));
}

/**
 * `jobCreateInput` (blank = absent; the load's fields only for a load) or, with the job being edited,
 * `jobUpdateInput` (blank = cleared; its version).
 */
export function toJobInput(values: FormValues, editing?: Job): Record<string, unknown> {
  const blank = editing ? nullable : optional;
  const number = (value: unknown) => optionalNumber(value) ?? (editing ? null : undefined);
  const time = (value: unknown) => localToIso(value) ?? (editing ? null : undefined);
  const input: Record<string, unknown> = {
    title: values.title,
    priority: values.priority || undefined,
    estimatedMinutes: optionalInt(values.estimatedMinutes) ?? (editing ? null : undefined),
    requiredSkills: tagList(values.requiredSkills),
    checklist: checklistFromText(values.checklist, editing?.checklist),
  };
  for (const key of TEXT) input[key] = blank(values[key]);
  for (const key of TIMES) input[key] = time(values[key]);
  const load = editing ? editing.kind === 'load' : values.kind === 'load';
  if (load) {
    for (const key of LOAD_TEXT) input[key] = blank(values[key]);
    for (const key of LOAD_TIMES) input[key] = time(values[key]);
    for (const key of LOAD_NUMBERS) input[key] = number(values[key]);
  }
  if (editing) return { ...input, version: editing.version };
  return { ...input, kind: values.kind || undefined, dealId: optional(values.dealId) };
}
