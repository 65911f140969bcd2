import type { Deal, Pipeline } from '@tessera/contracts';
import { useMemo } from 'react';
import { standardBulkActions } from '../../../components/records/bulk-action-dialog';
import { RecordBulkBar } from '../../../components/records/record-bulk-bar';
import type { SelectOption } from '../../../components/ui/form-field';

export const DEAL_BULK_PERMISSIONS = { update: 'deals.update', delete: 'deals.delete' } as const;
const NOUNS = { one: 'deal', many: 'deals' };

/** The deals list's bulk bar: the shared record bulk bar plus "Move to stage…" (the pipeline's stages). */
export function DealBulkBar({
  pipeline,
  selected,
  onClear,
  rows,
  owners,
}: {
  pipeline: Pipeline | undefined;
  selected: ReadonlySet<string>;
  onClear: () => void;
  rows: readonly Deal[] | undefined;
  owners: readonly SelectOption[];
}) {
  const actions = useMemo(
    () =>
      standardBulkActions(NOUNS, [
        {
          action: 'stage',
          label: 'Move to stage…',
          title: 'Move to stage',
          kind: 'choice',
          needs: 'update',
          field: 'stageId',
          fieldLabel: 'Stage',
          options: (pipeline?.stages ?? []).map((stage) => ({ value: stage.id, label: stage.name })),
        },
      ]),
    [pipeline],
  );
  const names = new Map(rows?.map((deal) => [deal.id, deal.title]));
  return (
    <RecordBulkBar
      path="deals"
      nouns={NOUNS}
      permissions={DEAL_BULK_PERMISSIONS}
      actions={actions}
      selected={selected}
      onClear={onClear}
      nameOf={(id) => names.get(id)}
      owners={owners}
    />
  );
}
