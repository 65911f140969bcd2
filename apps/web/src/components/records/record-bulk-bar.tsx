import type { BulkResult, Permission } from '@tessera/contracts';
import { useState } from 'react';
import { usePermission } from '../../hooks/use-permission';
import { type AnyBulkInput, useBulkRecords } from '../../lib/records/bulk-records';
import { ErrorAlert } from '../ui/alert';
import { Button } from '../ui/button';
import type { SelectOption } from '../ui/form-field';
import { Menu } from '../ui/menu';
import { type BulkActionDef, BulkActionDialog, type Nouns } from './bulk-action-dialog';
import { BulkResultSummary } from './bulk-result-summary';

export interface RecordBulkBarProps {
  /** The entity's path: `POST /api/v1/<path>/bulk`. */
  path: string;
  /** Query key its lists live under (default `[path]`). */
  queryKey?: readonly unknown[];
  nouns: Nouns;
  permissions: { update: Permission; delete: Permission };
  actions: readonly BulkActionDef[];
  selected: ReadonlySet<string>;
  onClear: () => void;
  /** Names for the result summary ("Acme: not found"). */
  nameOf: (id: string) => string | undefined;
  owners: readonly SelectOption[];
}

/** With rows selected: "N selected" and the bulk actions the role allows; then the per-id result summary. */
export function RecordBulkBar({
  path,
  queryKey,
  nouns,
  permissions,
  actions,
  selected,
  onClear,
  nameOf,
  owners,
}: RecordBulkBarProps) {
  const canUpdate = usePermission(permissions.update);
  const canDelete = usePermission(permissions.delete);
  const bulk = useBulkRecords(path, queryKey);
  const [action, setAction] = useState<BulkActionDef | null>(null);
  const [result, setResult] = useState<BulkResult | null>(null);

  const allowed = actions.filter((a) => (a.needs === 'update' ? canUpdate : canDelete));
  const run = (input: AnyBulkInput) =>
    bulk.mutateAsync(input).then((outcome) => {
      setResult(outcome);
      setAction(null);
      onClear();
    });
  const one = nouns.one.charAt(0).toUpperCase() + nouns.one.slice(1);

  return (
    <>
      {result ? (
        <BulkResultSummary
          result={result}
          noun={result.succeeded === 1 ? nouns.one : nouns.many}
          nameOf={(id) => nameOf(id) ?? `${one} ${id.slice(0, 8)}`}
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
          {allowed.length > 0 ? (
            <Menu
              label="Bulk actions"
              align="start"
              trigger="Bulk actions"
              triggerClassName="border border-indigo-300 dark:border-indigo-500/40"
              items={allowed.map((a) => ({ key: a.action, label: a.label, onSelect: () => setAction(a) }))}
            />
          ) : null}
          <Button variant="ghost" size="sm" onClick={onClear}>
            Clear selection
          </Button>
        </div>
      ) : null}
      <BulkActionDialog
        key={action?.action ?? 'none'}
        action={action}
        count={selected.size}
        nouns={nouns}
        owners={owners}
        pending={bulk.isPending}
        error={bulk.error}
        onClose={() => {
          setAction(null);
          bulk.reset();
        }}
        onConfirm={(extra) => void run({ ...extra, ids: [...selected] } as AnyBulkInput).catch(() => {})}
      />
    </>
  );
}

/** Whether the member may run any bulk action of the entity (the grid shows checkboxes only then). */
export function useCanBulk(permissions: { update: Permission; delete: Permission }): boolean {
  const canUpdate = usePermission(permissions.update);
  const canDelete = usePermission(permissions.delete);
  return canUpdate || canDelete;
}
