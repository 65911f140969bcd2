import { useQuery } from '@tanstack/react-query';
import { dealSchema, type SalesDocument, salesSettingsSchema } from '@tessera/contracts';
import { type FormEvent, useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { type PickedRecord, pickerSources, RecordPicker } from '../../../components/records/record-picker';
import { ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card, CardBody } from '../../../components/ui/card';
import { FormField } from '../../../components/ui/form-field';
import { Input, Textarea } from '../../../components/ui/input';
import { PageHeader } from '../../../components/ui/page-header';
import { Skeleton } from '../../../components/ui/skeleton';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { usePermission } from '../../../hooks/use-permission';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { type DocumentKindPath, documentRecords, useCatalog } from '../api/documents';
import { fromStored, type LineDraft, newLine, previewTotals, toLineInputs } from './line-items';
import { LineItemsTable } from './line-items-table';

/** The deal a new document is made for (`?dealId=`): its title and customer, to fill the form in. */
interface ForDeal {
  id: string;
  title: string;
  companyId: string | null;
  companyName: string | null;
  contactId: string | null;
}

/**
 * `/invoices/new`, `/quotes/new` and `/<kind>/:id/edit` (drafts): the line-item editor with live totals.
 * `/quotes/new?dealId=` (the deal page's "New quote") makes the document for that deal and its company and contact.
 */
export function DocumentEditorPage({ kind }: { kind: DocumentKindPath }) {
  const { id } = useParams();
  const [search] = useSearchParams();
  const dealId = id ? null : search.get('dealId');
  const existing = documentRecords[kind];
  const record = useQuery({ ...existing.detailOptions(id ?? ''), enabled: Boolean(id) });
  const deal = useQuery({
    queryKey: ['deals', 'detail', dealId],
    queryFn: ({ signal }) =>
      api.get(v1(`deals/${encodeURIComponent(dealId ?? '')}`), { schema: dealSchema, signal }),
    enabled: Boolean(dealId),
  });
  if (id && record.isPending) return <Skeleton className="h-96" />;
  if (id && record.error) return <ErrorAlert error={record.error} onRetry={() => void record.refetch()} />;
  if (dealId && deal.isPending) return <Skeleton className="h-96" />;
  if (dealId && deal.error) return <ErrorAlert error={deal.error} onRetry={() => void deal.refetch()} />;
  const forDeal: ForDeal | undefined = deal.data
    ? {
        id: deal.data.id,
        title: deal.data.title,
        companyId: deal.data.companyId,
        companyName: deal.data.parties?.company?.name ?? null,
        contactId: deal.data.contactId,
      }
    : undefined;
  return <Editor kind={kind} document={record.data} forDeal={forDeal} />;
}

function Editor({
  kind,
  document,
  forDeal,
}: {
  kind: DocumentKindPath;
  document?: SalesDocument | undefined;
  forDeal?: ForDeal | undefined;
}) {
  const one = kind === 'invoices' ? 'invoice' : 'quote';
  useDocumentTitle(document ? `Edit ${one}` : `New ${one}`);
  const navigate = useNavigate();
  const catalog = useCatalog();
  const canCompanies = usePermission('companies.view');
  const settings = useQuery({
    queryKey: ['sales-settings'],
    queryFn: ({ signal }) => api.get(v1('sales/settings'), { schema: salesSettingsSchema, signal }),
  });
  // The chosen company is offered even when it is beyond the picker's first page.
  const current = document
    ? { id: document.companyId, name: document.customer.name }
    : { id: forDeal?.companyId, name: forDeal?.companyName };
  const [customer, setCustomer] = useState<PickedRecord | null>(
    current.id ? { id: current.id, name: current.name ?? '' } : null,
  );
  const companyId = customer?.id ?? '';
  const [issueDate, setIssueDate] = useState(document?.issueDate ?? new Date().toISOString().slice(0, 10));
  const [dueDate, setDueDate] = useState(document?.dueDate ?? '');
  const [notes, setNotes] = useState(document?.notes ?? '');
  const [discount, setDiscount] = useState(
    document?.discount?.kind === 'percent' ? String(document.discount.valueBp / 100) : '',
  );
  const [lines, setLines] = useState<LineDraft[]>(() =>
    document?.lines?.length ? document.lines.map(fromStored) : [newLine()],
  );
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  const currency = document?.currency ?? settings.data?.currency ?? 'EUR';
  const totals = useMemo(
    () => previewTotals(lines, catalog.rates, settings.data?.rounding ?? 'document', discount),
    [lines, catalog.rates, settings.data?.rounding, discount],
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    const body = {
      // The deal's contact goes with the deal's company (not with another one picked instead).
      ...(forDeal
        ? { dealId: forDeal.id, ...(companyId === forDeal.companyId ? { contactId: forDeal.contactId } : {}) }
        : {}),
      companyId: companyId || null,
      issueDate,
      dueDate: dueDate || null,
      notes: notes.trim() || null,
      discount: discount.trim() ? { kind: 'percent', valueBp: Math.round(Number(discount) * 100) } : null,
      lines: toLineInputs(lines),
    };
    try {
      const saved = document
        ? await api.patch<SalesDocument>(v1(`${kind}/${document.id}`), { ...body, version: document.version })
        : await api.post<SalesDocument>(v1(kind), body);
      void navigate(`/${kind}/${(saved as { id: string }).id}`);
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={submit} className="space-y-4">
      <PageHeader
        title={document ? `Edit ${one} (draft)` : `New ${one}`}
        description={
          forDeal ? (
            <>
              For the deal{' '}
              <Link
                to={`/deals/${forDeal.id}`}
                className="font-medium text-indigo-600 hover:underline dark:text-indigo-400"
              >
                {forDeal.title}
              </Link>
              . Pick products or type free-text lines.
            </>
          ) : (
            "Pick products or type free-text lines; totals follow the tenant's rounding setting."
          )
        }
        actions={
          <>
            <Button variant="secondary" onClick={() => void navigate(-1)}>
              Cancel
            </Button>
            <Button type="submit" disabled={saving}>
              {saving ? 'Saving…' : 'Save draft'}
            </Button>
          </>
        }
      />
      {error ? <ErrorAlert error={error} /> : null}
      <Card>
        <CardBody className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {canCompanies ? (
            <RecordPicker
              source={pickerSources.company}
              label="Customer (company)"
              value={customer}
              onChange={setCustomer}
            />
          ) : null}
          <FormField label="Date">
            {(p) => (
              <Input {...p} type="date" value={issueDate} onChange={(e) => setIssueDate(e.target.value)} />
            )}
          </FormField>
          <FormField
            label={kind === 'quotes' ? 'Valid until' : 'Due date'}
            hint="Blank: from the payment terms"
          >
            {(p) => <Input {...p} type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />}
          </FormField>
          <FormField label="Document discount (%)">
            {(p) => (
              <Input
                {...p}
                inputMode="decimal"
                value={discount}
                onChange={(e) => setDiscount(e.target.value)}
              />
            )}
          </FormField>
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
          <FormField label="Notes">
            {(p) => <Textarea {...p} rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />}
          </FormField>
        </CardBody>
      </Card>
    </form>
  );
}
