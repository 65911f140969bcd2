import { useQuery } from '@tanstack/react-query';
import { type Product, productCreateInput, taxRateSchema } from '@tessera/contracts';
import { type ReactNode, useMemo } from 'react';
import type { GridColumn } from '../../../components/records/data-grid';
import type { RecordFieldSpec } from '../../../components/records/record-form';
import { RecordListPage } from '../../../components/records/record-list-page';
import { type RecordListConfig, useRecordList } from '../../../components/records/record-list-view';
import { usePermission } from '../../../hooks/use-permission';
import { v1 } from '../../../lib/endpoints';
import { type FormValues, optional, optionalCents } from '../../../lib/records/form-values';
import { fetchListPage } from '../../../lib/records/list-page';
import { formatMoney } from '../../../lib/records/money';
import { productRecords, taxRateRecords } from '../api/catalog';

const KINDS = [
  { value: 'product', label: 'Product' },
  { value: 'service', label: 'Service' },
];

function productColumns(rateName: (id: string | null) => string): GridColumn<Product>[] {
  return [
    {
      key: 'sku',
      label: 'SKU',
      header: 'SKU',
      sortField: 'sku',
      cell: (p) => <span className="font-mono text-xs">{p.sku}</span>,
    },
    {
      key: 'name',
      label: 'Name',
      header: 'Name',
      sortField: 'name',
      cell: (p) => <span className="font-medium">{p.name}</span>,
    },
    {
      key: 'kind',
      label: 'Kind',
      header: 'Kind',
      cell: (p) => (p.kind === 'service' ? 'Service' : 'Product'),
    },
    { key: 'unit', label: 'Unit', header: 'Unit', cell: (p) => p.unit },
    {
      key: 'unitPriceCents',
      label: 'Price',
      header: 'Price',
      sortField: 'unitPriceCents',
      className: 'text-right tabular-nums whitespace-nowrap',
      cell: (p) => formatMoney(p.unitPriceCents, p.currency),
    },
    { key: 'taxRate', label: 'Tax rate', header: 'Tax rate', cell: (p) => rateName(p.taxRateId) },
    { key: 'active', label: 'Active', header: 'Active', cell: (p) => (p.active ? 'Yes' : 'No') },
  ];
}

const filters = [
  { key: 'kind', label: 'Kind', kind: 'select' as const, options: KINDS },
  {
    key: 'active',
    label: 'Active',
    kind: 'select' as const,
    options: [
      { value: 'true', label: 'Active' },
      { value: 'false', label: 'Inactive' },
    ],
  },
];

/** `/products`: the catalog grid, "New product" and the CSV import. */
export function ProductsPage({ importAction }: { importAction?: ReactNode }) {
  const canManage = usePermission('products.manage');
  const create = productRecords.useCreate();
  const rateOptions = useTaxRateOptions();
  const config = useMemo(
    (): RecordListConfig<Product> => ({
      grid: 'products',
      label: 'Products',
      noun: 'products',
      searchLabel: 'Search by SKU or name',
      specs: filters,
      defaultSort: 'name',
      columns: productColumns((id) => rateOptions.find((o) => o.value === id)?.label ?? '—'),
      defaultColumns: ['sku', 'name', 'kind', 'unit', 'unitPriceCents', 'taxRate'],
      rowKey: (p) => p.id,
      rowLabel: (p) => p.name,
      queryOptions: (state) => productRecords.listOptions(state, filters),
    }),
    [rateOptions],
  );
  const fields: RecordFieldSpec[] = [
    { name: 'sku', label: 'SKU', autoFocus: true },
    { name: 'name', label: 'Name' },
    { name: 'kind', label: 'Kind', kind: 'select', options: KINDS },
    { name: 'unit', label: 'Unit', placeholder: 'pcs, h, m²' },
    { name: 'unitPriceCents', label: 'Unit price', kind: 'money' },
    {
      name: 'taxRateId',
      label: 'Tax rate',
      kind: 'select',
      options: [{ value: '', label: 'Default' }, ...rateOptions],
    },
    { name: 'description', label: 'Description', kind: 'textarea', wide: true },
  ];
  return (
    <RecordListPage
      title="Products"
      description="Products and services you sell, with their prices and tax rates."
      list={useRecordList(config)}
      emptyTitle="No products yet — create one or import a CSV"
      emptyDescription="Quotes and invoices pick their lines from here."
      actions={importAction}
      newRecord={
        canManage
          ? {
              label: 'New product',
              submitLabel: 'Create product',
              schema: productCreateInput,
              fields,
              initialValues: {
                sku: '',
                name: '',
                kind: 'product',
                unit: 'pcs',
                unitPriceCents: '',
                taxRateId: '',
                description: '',
              },
              toInput: (v: FormValues) => ({
                sku: v.sku,
                name: v.name,
                kind: v.kind,
                unit: optional(v.unit),
                unitPriceCents: optionalCents(v.unitPriceCents),
                taxRateId: optional(v.taxRateId),
                description: optional(v.description),
              }),
              create: async (input) => {
                await create.mutateAsync(input);
                return '/products';
              },
            }
          : undefined
      }
    />
  );
}

/** The tenant's tax rates as select options ("Standard (19 %)"). */
export function useTaxRateOptions() {
  const { data } = useQuery({
    queryKey: [...taxRateRecords.key, 'options'],
    queryFn: ({ signal }) =>
      fetchListPage(v1('tax-rates'), taxRateSchema, { limit: 100, sort: 'name' }, signal),
  });
  return useMemo(
    () => (data?.items ?? []).map((r) => ({ value: r.id, label: `${r.name} (${r.rateBp / 100} %)` })),
    [data],
  );
}
