import { useQuery } from '@tanstack/react-query';
import {
  type RecurrenceUnit,
  type RecurringInvoice,
  salesSettingsSchema,
  upcomingDates,
} from '@tessera/contracts';
import { type FormEvent, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { type PickedRecord, pickerSources, RecordPicker } from '../../../components/records/record-picker';
import { ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card, CardBody } from '../../../components/ui/card';
import { FormField } from '../../../components/ui/form-field';
import { CheckboxField, Input, Select, Textarea } from '../../../components/ui/input';
import { PageHeader } from '../../../components/ui/page-header';
import { Skeleton } from '../../../components/ui/skeleton';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { usePermission } from '../../../hooks/use-permission';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { formatDate } from '../../../lib/format';
import { useCatalog } from '../api/documents';
import { recurringRecords } from '../api/recurring';
import { type LineDraft, newLine, previewTotals, toLineInputs } from './line-items';
import { LineItemsTable } from './line-items-table';

/** `/recurring-invoices/new` and `/recurring-invoices/:id/edit`. */
export function RecurringEditorPage() {
  const { id } = useParams();
  const record = useQuery({ ...recurringRecords.detailOptions(id ?? ''), enabled: Boolean(id) });
  if (id && record.isPending) return <Skeleton className="h-96" />;
  if (id && record.error) return <ErrorAlert error={record.error} onRetry={() => void record.refetch()} />;
  return <Editor template={record.data} />;
}

const fromTemplateLine = (l: RecurringInvoice['lines'][number]): LineDraft =>
  newLine({
    productId: l.productId ?? '',
    description: l.description ?? '',
    unit: l.unit ?? '',
    quantity: l.quantity,
    unitPrice: l.unitPriceCents === undefined ? '' : (l.unitPriceCents / 100).toFixed(2),
    discountPercent: l.discount?.kind === 'percent' ? String(l.discount.valueBp / 100) : '',
    taxRateId: l.taxRateId ?? '',
  });

const UNITS: { value: RecurrenceUnit; label: string }[] = [
  { value: 'day', label: 'days' },
  { value: 'week', label: 'weeks' },
  { value: 'month', label: 'months' },
];

function Editor({ template }: { template?: RecurringInvoice }) {
  useDocumentTitle(template ? 'Edit recurring invoice' : 'New recurring invoice');
  const navigate = useNavigate();
  const catalog = useCatalog();
  const canCompanies = usePermission('companies.view');
  const settings = useQuery({
    queryKey: ['sales-settings'],
    queryFn: ({ signal }) => api.get(v1('sales/settings'), { schema: salesSettingsSchema, signal }),
  });
  const today = new Date().toISOString().slice(0, 10);
  const [name, setName] = useState(template?.name ?? '');
  const [company, setCompany] = useState<PickedRecord | null>(
    template?.companyId ? { id: template.companyId, name: template.customer.name ?? '' } : null,
  );
  const companyId = company?.id ?? '';
  const [customerName, setCustomerName] = useState(template?.customer.name ?? '');
  const [email, setEmail] = useState(template?.customer.email ?? '');
  const [every, setEvery] = useState(String(template?.every ?? 1));
  const [unit, setUnit] = useState<RecurrenceUnit>(template?.unit ?? 'month');
  const [startDate, setStartDate] = useState(template?.startDate ?? today);
  const [endDate, setEndDate] = useState(template?.endDate ?? '');
  const [maxCount, setMaxCount] = useState(template?.maxCount ? String(template.maxCount) : '');
  const [dueDays, setDueDays] = useState(
    template?.dueDays === null || !template ? '' : String(template.dueDays),
  );
  const [autoIssue, setAutoIssue] = useState(template?.autoIssue ?? true);
  const [autoSend, setAutoSend] = useState(template?.autoSend ?? false);
  const [notes, setNotes] = useState(template?.notes ?? '');
  const [lines, setLines] = useState<LineDraft[]>(() =>
    template?.lines.length ? template.lines.map(fromTemplateLine) : [newLine()],
  );
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  const currency = template?.currency ?? settings.data?.currency ?? 'EUR';
  const totals = useMemo(
    () => previewTotals(lines, catalog.rates, settings.data?.rounding ?? 'document', ''),
    [lines, catalog.rates, settings.data?.rounding],
  );
  const everyN = Number(every);
  const next = useMemo(
    () =>
      Number.isInteger(everyN) && everyN > 0 && /^\d{4}-\d{2}-\d{2}$/.test(startDate)
        ? upcomingDates(
            { unit, every: everyN, startDate, endDate: endDate || null, maxCount: Number(maxCount) || null },
            template?.generatedCount ?? 0,
            3,
          )
        : [],
    [unit, everyN, startDate, endDate, maxCount, template?.generatedCount],
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    const body = {
      name: name.trim(),
      companyId: companyId || null,
      customer: {
        ...(customerName.trim() ? { name: customerName.trim() } : {}),
        ...(email.trim() ? { email: email.trim() } : {}),
      },
      unit,
      every: everyN,
      startDate,
      endDate: endDate || null,
      maxCount: maxCount ? Number(maxCount) : null,
      dueDays: dueDays ? Number(dueDays) : null,
      autoIssue: autoIssue || autoSend,
      autoSend,
      notes: notes.trim() || null,
      lines: toLineInputs(lines),
    };
    try {
      const saved = template
        ? await recurringRecords.update({ id: template.id, ...body, version: template.version })
        : await recurringRecords.create(body);
      void navigate(`/recurring-invoices/${saved.id}`);
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={submit} className="space-y-4">
      <PageHeader
        title={template ? `Edit ${template.name}` : 'New recurring invoice'}
        description="An invoice made on a schedule from these lines; prices are taken when each invoice is made."
        actions={
          <>
            <Button variant="secondary" onClick={() => void navigate(-1)}>
              Cancel
            </Button>
            <Button type="submit" disabled={saving}>
              {saving ? 'Saving…' : 'Save template'}
            </Button>
          </>
        }
      />
      {error ? <ErrorAlert error={error} /> : null}
      <Card>
        <CardBody className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <FormField label="Name">
            {(p) => <Input {...p} value={name} onChange={(e) => setName(e.target.value)} required />}
          </FormField>
          {canCompanies ? (
            <RecordPicker
              source={pickerSources.company}
              label="Customer (company)"
              value={company}
              onChange={setCompany}
            />
          ) : null}
          <FormField label="Customer name" hint="Blank: the company's">
            {(p) => <Input {...p} value={customerName} onChange={(e) => setCustomerName(e.target.value)} />}
          </FormField>
          <FormField label="Customer e-mail" hint="Blank: the company's">
            {(p) => <Input {...p} type="email" value={email} onChange={(e) => setEmail(e.target.value)} />}
          </FormField>
          <FormField label="Payment terms (days)" hint="Blank: the company setting">
            {(p) => (
              <Input
                {...p}
                inputMode="numeric"
                value={dueDays}
                onChange={(e) => setDueDays(e.target.value)}
              />
            )}
          </FormField>
          <FormField label="Every">
            {(p) => (
              <div className="flex gap-2">
                <Input
                  {...p}
                  className="w-20"
                  inputMode="numeric"
                  value={every}
                  onChange={(e) => setEvery(e.target.value)}
                />
                <Select
                  aria-label="Period"
                  value={unit}
                  onChange={(e) => setUnit(e.target.value as RecurrenceUnit)}
                >
                  {UNITS.map((u) => (
                    <option key={u.value} value={u.value}>
                      {u.label}
                    </option>
                  ))}
                </Select>
              </div>
            )}
          </FormField>
          <FormField label="First invoice on">
            {(p) => (
              <Input
                {...p}
                type="date"
                value={startDate}
                onChange={(e) => setStartDate(e.target.value)}
                required
              />
            )}
          </FormField>
          <FormField label="Ends on" hint="Optional">
            {(p) => <Input {...p} type="date" value={endDate} onChange={(e) => setEndDate(e.target.value)} />}
          </FormField>
          <FormField label="Number of invoices" hint="Optional">
            {(p) => (
              <Input
                {...p}
                inputMode="numeric"
                value={maxCount}
                onChange={(e) => setMaxCount(e.target.value)}
              />
            )}
          </FormField>
          <div className="flex flex-col gap-2 sm:col-span-2">
            <CheckboxField
              label="Issue each invoice (assigns its number)"
              checked={autoIssue || autoSend}
              disabled={autoSend}
              onChange={(e) => setAutoIssue(e.target.checked)}
            />
            <CheckboxField
              label="E-mail it to the customer"
              checked={autoSend}
              onChange={(e) => setAutoSend(e.target.checked)}
            />
          </div>
          <p className="text-sm text-zinc-600 sm:col-span-2 dark:text-zinc-400" data-testid="next-dates">
            {next.length
              ? `Next: ${next.map((d) => formatDate(d)).join(', ')}`
              : 'No invoices left in this schedule.'}
          </p>
        </CardBody>
      </Card>
      <LineItemsTable
        lines={lines}
        setLines={setLines}
        catalog={catalog}
        totals={totals}
        currency={currency}
      />
      <Card>
        <CardBody>
          <FormField label="Notes (printed on each invoice)">
            {(p) => <Textarea {...p} rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />}
          </FormField>
        </CardBody>
      </Card>
    </form>
  );
}
