import type { Permission } from '@tessera/contracts';
import { usePermission } from '../../hooks/use-permission';
import type { QueryParams } from '../../lib/api-client';
import { errorMessage } from '../../lib/api-error';
import { useExportRecords } from '../../lib/records/export-records';
import { showToast } from '../../stores/toast-store';
import { Menu } from '../ui/menu';
import { Spinner } from '../ui/spinner';
import type { RecordList } from './record-list-view';

/**
 * "Export" next to a list's search: the current filters and sort as a CSV — for spreadsheets (field labels,
 * names, amounts in currency units) or for re-import (field keys and ids). Hidden without the permission.
 */
export function ExportMenu<T>({
  path,
  permission,
  list,
  query,
}: {
  path: string;
  permission: Permission;
  list: RecordList<T>;
  query?: QueryParams;
}) {
  const allowed = usePermission(permission);
  const exporting = useExportRecords();
  if (!allowed) return null;
  const run = (headers: 'labels' | 'keys') =>
    exporting.mutate(
      { path, state: list.search.state, specs: list.config.specs, headers, ...(query ? { query } : {}) },
      { onError: (error) => showToast(`Export failed: ${errorMessage(error)}`, 'danger') },
    );
  return (
    <Menu
      label="Export"
      data-testid="export-menu"
      triggerVariant="secondary"
      trigger={
        <>
          {exporting.isPending ? <Spinner /> : null}
          Export
        </>
      }
      items={[
        {
          key: 'labels',
          label: 'Spreadsheet (CSV)',
          hint: 'For Excel: labels, names, amounts',
          onSelect: () => run('labels'),
          disabled: exporting.isPending,
        },
        {
          key: 'keys',
          label: 'For re-import (CSV)',
          hint: 'Field keys and ids, amounts in cents',
          onSelect: () => run('keys'),
          disabled: exporting.isPending,
        },
      ]}
    />
  );
}
