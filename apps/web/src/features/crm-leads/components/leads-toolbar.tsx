import type { Lead } from '@tessera/contracts';
import type { RecordList } from '../../../components/records/record-list-view';
import { Button } from '../../../components/ui/button';
import { Spinner } from '../../../components/ui/spinner';
import { usePermission } from '../../../hooks/use-permission';
import { errorMessage } from '../../../lib/api-error';
import { showToast } from '../../../stores/toast-store';
import { useExportLeads } from '../api/export-leads';
import { SavedViewsMenu } from './saved-views-menu';

/** Saved views and "Export CSV" (current filters) next to the leads search. */
export function LeadsToolbar({ list }: { list: RecordList<Lead> }) {
  const canExport = usePermission('leads.export');
  const exporting = useExportLeads();
  return (
    <>
      <SavedViewsMenu list={list} />
      {canExport ? (
        <Button
          variant="secondary"
          size="sm"
          disabled={exporting.isPending}
          onClick={() =>
            exporting.mutate(
              { state: list.search.state, specs: list.config.specs },
              { onError: (error) => showToast(`Export failed: ${errorMessage(error)}`, 'danger') },
            )
          }
        >
          {exporting.isPending ? <Spinner /> : null}
          Export CSV
        </Button>
      ) : null}
    </>
  );
}
