import { useQuery } from '@tanstack/react-query';
import { type SalesDocument, salesSettingsSchema } from '@tessera/contracts';
import { type FormEvent, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useCompanyOptions } from '../../../components/records/use-company-options';
import { ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card, CardBody } from '../../../components/ui/card';
import { FormField } from '../../../components/ui/form-field';
import { Input, Select, Textarea } from '../../../components/ui/input';
import { PageHeader } from '../../../components/ui/page-header';
import { Skeleton } from '../../../components/ui/skeleton';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { formatMoney } from '../../../lib/records/money';
import { type DocumentKindPath, documentRecords, useCatalog } from '../api/documents';
import { fromStored, type LineDraft, newLine, previewTotals, toLineInputs, withProduct } from './line-items';

/** `/invoices/new`, `/quotes/new` and `/<kind>/:id/edit` (drafts): the line-item editor with live totals. */
export function DocumentEditorPage({ kind }: { kind: DocumentKindPath }) {
  const { id } = useParams();
  const existing = documentRecords[kind];
  const record = useQuery({ ...existing.detailOptions(id ?? ''), enabled: Boolean(id) });
  if (id && record.isPending) return <Skeleton className="h-96" />;
  if (id && record.error) return <ErrorAlert error={record.error} onRetry={() => void record.refetch()} />;
  return <Editor kind={kind} document={record.data} />;
}

function Editor({ kind, document }: { kind: DocumentKindPath; document?: SalesDocument }) {
  const one = kind === 'invoices' ? 'invoice' : 'quote';
  useDocumentTitle(document ? `Edit ${one}` : `New ${one}`);
  const navigate = useNavigate();
  const catalog = useCatalog();
  const companies = useCompanyOptions();
  const settings = useQuery({
    queryKey: ['sales-settings'],
    queryFn: ({ signal }) => api.get(v1('sales/settings'), { schema: salesSettingsSchema, signal }),
  });
  const [companyId, setCompanyId] = useState(document?.companyId ?? '');
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
  const change = (key: string, patch: Partial<LineDraft>) =>
    setLines((all) => all.map((l) => (l.key === key ? { ...l, ...patch } : l)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    const body = {
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
        description="Pick products or type free-text lines; totals follow the tenant's rounding setting."
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
          {companies.options ? (
            <FormField label="Customer (company)">
              {(p) => (
                <Select {...p} value={companyId} onChange={(e) => setCompanyId(e.target.value)}>
                  <option value="">—</option>
                  {companies.options?.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </Select>
              )}
            </FormField>
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
      <Card>
        <div className="overflow-x-auto">
          <table className="w-full min-w-[720px] text-sm">
            <thead className="text-left text-xs text-zinc-500">
              <tr>
                <th className="p-2">Product</th>
                <th className="p-2">Description</th>
                <th className="p-2 w-20">Qty</th>
                <th className="p-2 w-16">Unit</th>
                <th className="p-2 w-28">Unit price</th>
                <th className="p-2 w-20">Disc. %</th>
                <th className="p-2 w-36">Tax</th>
                <th className="p-2 w-28 text-right">Total</th>
                <th className="p-2 w-10" />
              </tr>
            </thead>
            <tbody>
              {lines.map((l, i) => (
                <tr key={l.key} className="border-t border-zinc-100 dark:border-zinc-800">
                  <td className="p-1">
                    <Select
                      aria-label={`Product of line ${i + 1}`}
                      value={l.productId}
                      onChange={(e) =>
                        change(
                          l.key,
                          withProduct(
                            l,
                            catalog.products.find((p) => p.id === e.target.value),
                          ),
                        )
                      }
                    >
                      <option value="">Free text</option>
                      {catalog.products.map((p) => (
                        <option key={p.id} value={p.id}>
                          {p.sku} · {p.name}
                        </option>
                      ))}
                    </Select>
                  </td>
                  <td className="p-1">
                    <Input
                      aria-label={`Description of line ${i + 1}`}
                      value={l.description}
                      onChange={(e) => change(l.key, { description: e.target.value })}
                    />
                  </td>
                  <td className="p-1">
                    <Input
                      aria-label={`Quantity of line ${i + 1}`}
                      inputMode="decimal"
                      value={l.quantity}
                      onChange={(e) => change(l.key, { quantity: e.target.value })}
                    />
                  </td>
                  <td className="p-1">
                    <Input
                      aria-label={`Unit of line ${i + 1}`}
                      value={l.unit}
                      onChange={(e) => change(l.key, { unit: e.target.value })}
                    />
                  </td>
                  <td className="p-1">
                    <Input
                      aria-label={`Unit price of line ${i + 1}`}
                      inputMode="decimal"
                      value={l.unitPrice}
                      onChange={(e) => change(l.key, { unitPrice: e.target.value })}
                    />
                  </td>
                  <td className="p-1">
                    <Input
                      aria-label={`Discount of line ${i + 1}`}
                      inputMode="decimal"
                      value={l.discountPercent}
                      onChange={(e) => change(l.key, { discountPercent: e.target.value })}
                      onKeyDown={(e) => {
                        // Enter on the last row's last field adds a row (keyboard entry).
                        if (e.key === 'Enter' && i === lines.length - 1) {
                          e.preventDefault();
                          setLines((all) => [...all, newLine()]);
                        }
                      }}
                    />
                  </td>
                  <td className="p-1">
                    <Select
                      aria-label={`Tax rate of line ${i + 1}`}
                      value={l.taxRateId}
                      onChange={(e) => change(l.key, { taxRateId: e.target.value })}
                    >
                      <option value="">Default</option>
                      {catalog.rates.map((r) => (
                        <option key={r.id} value={r.id}>
                          {r.name} ({r.rateBp / 100} %)
                        </option>
                      ))}
                    </Select>
                  </td>
                  <td className="p-2 text-right tabular-nums">
                    {formatMoney(totals.lines[i]?.totalMinor, currency)}
                  </td>
                  <td className="p-1">
                    <Button
                      variant="ghost"
                      aria-label={`Remove line ${i + 1}`}
                      onClick={() =>
                        setLines((all) => (all.length > 1 ? all.filter((x) => x.key !== l.key) : [newLine()]))
                      }
                    >
                      ×
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <CardBody className="flex flex-col gap-4 sm:flex-row sm:justify-between">
          <Button variant="secondary" onClick={() => setLines((all) => [...all, newLine()])}>
            Add line
          </Button>
          <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm tabular-nums" aria-label="Totals">
            <dt className="text-zinc-500">Subtotal</dt>
            <dd className="text-right">{formatMoney(totals.subtotalMinor, currency)}</dd>
            {totals.documentDiscountMinor > 0 ? (
              <>
                <dt className="text-zinc-500">Discount</dt>
                <dd className="text-right">−{formatMoney(totals.documentDiscountMinor, currency)}</dd>
              </>
            ) : null}
            {totals.taxBreakdown.map((t) => (
              <div key={t.taxRateBp} className="contents">
                <dt className="text-zinc-500">Tax {t.taxRateBp / 100} %</dt>
                <dd className="text-right">{formatMoney(t.taxMinor, currency)}</dd>
              </div>
            ))}
            <dt className="font-semibold">Total</dt>
            <dd className="text-right font-semibold" data-testid="document-total">
              {formatMoney(totals.totalMinor, currency)}
            </dd>
          </dl>
        </CardBody>
      </Card>
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
