import { type TaxRate, taxRateCreateInput } from '@tessera/contracts';
import { useMemo } from 'react';
import type { GridColumn } from '../../../components/records/data-grid';
import { RecordListPage } from '../../../components/records/record-list-page';
import { type RecordListConfig, useRecordList } from '../../../components/records/record-list-view';
import { usePermission } from '../../../hooks/use-permission';
import { type FormValues, optional } from '../../../lib/records/form-values';
import { taxRateRecords } from '../api/catalog';

const CATEGORIES = [
  { value: 'S', label: 'Standard rate' },
  { value: 'Z', label: 'Zero rated' },
  { value: 'E', label: 'Exempt' },
  { value: 'AE', label: 'Reverse charge' },
  { value: 'K', label: 'Intra-EU supply' },
  { value: 'G', label: 'Export' },
  { value: 'O', label: 'Outside scope' },
];

const columns: GridColumn<TaxRate>[] = [
  {
    key: 'name',
    label: 'Name',
    header: 'Name',
    sortField: 'name',
    cell: (r) => <span className="font-medium">{r.name}</span>,
  },
  {
    key: 'rateBp',
    label: 'Rate',
    header: 'Rate',
    sortField: 'rateBp',
    className: 'tabular-nums',
    cell: (r) => `${r.rateBp / 100} %`,
  },
  {
    key: 'inclusive',
    label: 'Prices',
    header: 'Prices',
    cell: (r) => (r.inclusive ? 'Include tax' : 'Exclude tax'),
  },
  {
    key: 'category',
    label: 'Category',
    header: 'Category',
    cell: (r) => CATEGORIES.find((c) => c.value === r.category)?.label ?? r.category,
  },
  { key: 'isDefault', label: 'Default', header: 'Default', cell: (r) => (r.isDefault ? 'Default' : '') },
];

/** `/settings/tax-rates`: the tenant's tax rates (basis points), inclusive or exclusive, one default. */
export function TaxRatesPage() {
  const canManage = usePermission('products.manage');
  const create = taxRateRecords.useCreate();
  const config = useMemo(
    (): RecordListConfig<TaxRate> => ({
      grid: 'tax-rates',
      label: 'Tax rates',
      noun: 'tax rates',
      searchLabel: 'Search tax rates',
      specs: [],
      defaultSort: 'name',
      columns,
      defaultColumns: columns.map((c) => c.key),
      rowKey: (r) => r.id,
      rowLabel: (r) => r.name,
      queryOptions: (state) => taxRateRecords.listOptions(state, []),
    }),
    [],
  );
  return (
    <RecordListPage
      title="Tax rates"
      description="The rates your quotes and invoices apply; the default one applies to free-text lines."
      list={useRecordList(config)}
      emptyTitle="No tax rates yet"
      emptyDescription="Add your standard rate first and make it the default."
      newRecord={
        canManage
          ? {
              label: 'New tax rate',
              submitLabel: 'Create tax rate',
              schema: taxRateCreateInput,
              fields: [
                { name: 'name', label: 'Name', autoFocus: true },
                { name: 'rate', label: 'Rate (%)', kind: 'number', placeholder: '19' },
                { name: 'category', label: 'Category', kind: 'select', options: CATEGORIES },
                { name: 'inclusive', label: 'Prices include this tax', kind: 'checkbox' },
                { name: 'isDefault', label: 'Default rate', kind: 'checkbox' },
              ],
              initialValues: { name: '', rate: '', category: 'S', inclusive: false, isDefault: false },
              toInput: (v: FormValues) => ({
                name: v.name,
                rateBp: optional(v.rate) === undefined ? undefined : Math.round(Number(v.rate) * 100),
                category: v.category,
                inclusive: v.inclusive === true,
                isDefault: v.isDefault === true,
              }),
              create: async (input) => {
                await create.mutateAsync(input);
                return '/settings/tax-rates';
              },
            }
          : undefined
      }
    />
  );
}
