import type { Deal, Pipeline } from '@tessera/contracts';
import { useMemo, useState } from 'react';
import { ExportMenu } from '../../../components/records/export-menu';
import { useCanBulk } from '../../../components/records/record-bulk-bar';
import {
  type RecordListConfig,
  RecordListView,
  useRecordList,
} from '../../../components/records/record-list-view';
import { EmptyState } from '../../../components/ui/empty-state';
import { usePermission } from '../../../hooks/use-permission';
import { dealsQueryOptions } from '../api/list-deals';
import { DEAL_DEFAULT_SORT, dealFilters } from '../deal-filters';
import { DEAL_BULK_PERMISSIONS, DealBulkBar } from './deal-bulk-bar';
import { DEAL_DEFAULT_COLUMNS, dealColumns } from './deal-columns';

/** The deals of a pipeline as a data grid (the board's list view), with bulk actions and export. */
export function DealsList({
  pipeline,
  owners,
  assignees,
  ownerName,
}: {
  pipeline: Pipeline | undefined;
  /** Owner filter options (without "me", which the filter has itself). */
  owners: readonly { value: string; label: string }[];
  /** Who deals can be assigned to (bulk "Assign…"). */
  assignees: readonly { value: string; label: string }[];
  ownerName: (id: string | null) => string;
}) {
  const canSeeMoney = usePermission('fields.money.view');
  const canBulk = useCanBulk(DEAL_BULK_PERMISSIONS);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const config = useMemo((): RecordListConfig<Deal> => {
    const specs = dealFilters(owners, canSeeMoney);
    return {
      grid: 'deals',
      label: 'Deals',
      noun: 'deals',
      searchLabel: 'Search deals',
      specs,
      defaultSort: DEAL_DEFAULT_SORT,
      columns: dealColumns(pipeline, ownerName, canSeeMoney),
      defaultColumns: DEAL_DEFAULT_COLUMNS,
      rowKey: (deal) => deal.id,
      rowLabel: (deal) => deal.title,
      queryOptions: (state) => dealsQueryOptions(state, specs, pipeline?.id),
    };
  }, [owners, canSeeMoney, pipeline, ownerName]);
  const list = useRecordList(config);
  return (
    <RecordListView
      list={list}
      toolbar={
        <ExportMenu
          path="deals"
          permission="deals.export"
          list={list}
          {...(pipeline ? { query: { pipelineId: pipeline.id } } : {})}
        />
      }
      selection={canBulk ? { selected, onChange: setSelected } : undefined}
      notice={
        <DealBulkBar
          pipeline={pipeline}
          selected={selected}
          onClear={() => setSelected(new Set())}
          rows={list.list.rows}
          owners={assignees}
        />
      }
      emptyState={
        <EmptyState
          title="No deals yet"
          description="Create one with “New deal”, or convert a qualified lead."
        />
      }
    />
  );
}
