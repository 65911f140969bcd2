import { useState } from 'react';
import { TableSection } from '../../../components/table-section';
import { Button } from '../../../components/ui/button';
import { Spinner } from '../../../components/ui/spinner';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import type { PeopleDirectory } from '../../../lib/people';
import { type AuditLogFilters, useAuditLogs } from '../api/list-audit-logs';
import { auditColumns } from './audit-columns';
import { AuditFiltersForm } from './audit-filters-form';

/** `/settings/audit-log`: who changed what and when, filterable, newest first, "Load more". */
export function AuditLogPage({ directory }: { directory: PeopleDirectory }) {
  useDocumentTitle('Audit log');
  const [filters, setFilters] = useState<AuditLogFilters>({});
  const logs = useAuditLogs(filters);
  const rows = logs.data?.pages.flatMap((page) => page.items);

  return (
    <TableSection
      label="Audit log"
      className="space-y-4"
      description="Every change to members, roles, settings and records, with who made it and from where."
      notice={<AuditFiltersForm directory={directory} onApply={setFilters} />}
      testId="audit-log-table"
      columns={auditColumns}
      query={logs}
      rows={rows}
      rowKey={(entry) => entry.id}
      empty={
        Object.keys(filters).length > 0 ? 'No entries match these filters.' : 'Nothing has been logged yet.'
      }
      footer={
        logs.hasNextPage ? (
          <div className="flex justify-center">
            <Button
              variant="secondary"
              onClick={() => void logs.fetchNextPage()}
              disabled={logs.isFetchingNextPage}
            >
              {logs.isFetchingNextPage ? <Spinner /> : null}
              Load more
            </Button>
          </div>
        ) : rows && rows.length > 0 ? (
          <p className="text-center text-xs text-zinc-500 dark:text-zinc-400">End of the log.</p>
        ) : undefined
      }
    />
  );
}
