import type { Deal, Pipeline } from '@tessera/contracts';
import { useMemo } from 'react';
import {
  type RecordListConfig,
  RecordListView,
  useRecordList,
} from '../../../components/records/record-list-view';
import { EmptyState } from '../../../components/ui/empty-state';
import { usePermission } from '../../../hooks/use-permission';
import { dealsQueryOptions } from '../api/list-deals';
import { DEAL_DEFAULT_SORT, dealFilters } from '../deal-filters';
import { DEAL_DEFAULT_COLUMNS, dealColumns } from './deal-columns';

/** The deals of a pipeline as a data grid (the board's list view). */
export function DealsList({
  pipeline,
  owners,
  ownerName,
}: {
  pipeline: Pipeline | undefined;
  owners: readonly { value: string; label: string }[];
  ownerName: (id: string | null) => string;
}) {
  const canSeeMoney = usePermission('fields.money.view');
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
  return (
    <RecordListView
      list={useRecordList(config)}
      emptyState={
        <EmptyState
          title="No deals yet"
          description="Create one with “New deal”, or convert a qualified lead."
        />
      }
    />
  );
}
