import type { BulkResult, Lead, LeadBulkInput } from '@tessera/contracts';
import { useState } from 'react';
import { BulkResultSummary } from '../../../components/records/bulk-result-summary';
import { ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import type { SelectOption } from '../../../components/ui/form-field';
import { Menu, type MenuItem } from '../../../components/ui/menu';
import { usePermission } from '../../../hooks/use-permission';
import { useBulkLeads } from '../api/bulk-leads';
import { type BulkAction, BulkActionDialog } from './bulk-action-dialog';

export interface LeadBulkBarProps {
  selected: ReadonlySet<string>;
  onClear: () => void;
  rows: readonly Lead[] | undefined;
  owners: readonly SelectOption[];
}

/** With rows selected: "N selected" and the bulk actions the role allows; then the per-id result summary. */
export function LeadBulkBar({ selected, onClear, rows, owners }: LeadBulkBarProps) {
  const canUpdate = usePermission('leads.update');
  const canDelete = usePermission('leads.delete');
  const bulk = useBulkLeads();
  const [action, setAction] = useState<BulkAction | null>(null);
  const [result, setResult] = useState<BulkResult | null>(null);
  const names = new Map(rows?.map((lead) => [lead.id, lead.fullName]));

  const run = (input: LeadBulkInput) =>
    bulk.mutateAsync(input).then((outcome) => {
      setResult(outcome);
      setAction(null);
      onClear();
    });

  const items: MenuItem[] = [
    ...(canUpdate
      ? [
          { key: 'assign', label: 'Assign…', onSelect: () => setAction('assign') },
          { key: 'status', label: 'Change status…', onSelect: () => setAction('status') },
          { key: 'tag', label: 'Add tags…', onSelect: () => setAction('tag') },
        ]
      : []),
    ...(canDelete
      ? [
          { key: 'archive', label: 'Archive', onSelect: () => setAction('archive') },
          { key: 'delete', label: 'Delete…', onSelect: () => setAction('delete') },
        ]
      : []),
  ];

  return (
    <>
      {result ? (
        <BulkResultSummary
          result={result}
          noun={result.succeeded === 1 ? 'lead' : 'leads'}
          nameOf={(id) => names.get(id) ?? `Lead ${id.slice(0, 8)}`}
          onDismiss={() => setResult(null)}
        />
      ) : null}
      {bulk.error && !action ? <ErrorAlert error={bulk.error} title="The bulk action failed" /> : null}
      {selected.size > 0 ? (
        <div
          className="flex flex-wrap items-center gap-3 rounded-lg border border-indigo-200 bg-indigo-50 px-3 py-2 text-sm dark:border-indigo-500/30 dark:bg-indigo-500/10"
          data-testid="bulk-bar"
        >
          <span className="font-medium text-indigo-900 dark:text-indigo-200">{selected.size} selected</span>
          {items.length > 0 ? (
            <Menu
              label="Bulk actions"
              align="start"
              trigger="Bulk actions"
              triggerClassName="border border-indigo-300 dark:border-indigo-500/40"
              items={items}
            />
          ) : null}
          <Button variant="ghost" size="sm" onClick={onClear}>
            Clear selection
          </Button>
        </div>
      ) : null}
      <BulkActionDialog
        key={action ?? 'none'}
        action={action}
        count={selected.size}
        owners={owners}
        pending={bulk.isPending}
        error={bulk.error}
        onClose={() => {
          setAction(null);
          bulk.reset();
        }}
        onConfirm={(extra) => void run({ ...extra, ids: [...selected] } as LeadBulkInput).catch(() => {})}
      />
    </>
  );
}
