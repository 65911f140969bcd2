import { LEAD_STATUSES, type Lead } from '@tessera/contracts';
import { type BulkActionDef, standardBulkActions } from '../../../components/records/bulk-action-dialog';
import { RecordBulkBar } from '../../../components/records/record-bulk-bar';
import type { SelectOption } from '../../../components/ui/form-field';
import { enumOptions } from '../../../lib/records/labels';

export const LEAD_BULK_PERMISSIONS = { update: 'leads.update', delete: 'leads.delete' } as const;
const NOUNS = { one: 'lead', many: 'leads' };
const statusAction: BulkActionDef = {
  action: 'status',
  label: 'Change status…',
  title: 'Change status',
  kind: 'choice',
  needs: 'update',
  field: 'status',
  fieldLabel: 'Status',
  options: enumOptions(LEAD_STATUSES),
};
const ACTIONS = standardBulkActions(NOUNS, [statusAction]);

/** The leads grid's bulk bar: the shared record bulk bar plus "Change status…". */
export function LeadBulkBar({
  selected,
  onClear,
  rows,
  owners,
}: {
  selected: ReadonlySet<string>;
  onClear: () => void;
  rows: readonly Lead[] | undefined;
  owners: readonly SelectOption[];
}) {
  const names = new Map(rows?.map((lead) => [lead.id, lead.fullName]));
  return (
    <RecordBulkBar
      path="leads"
      nouns={NOUNS}
      permissions={LEAD_BULK_PERMISSIONS}
      actions={ACTIONS}
      selected={selected}
      onClear={onClear}
      nameOf={(id) => names.get(id)}
      owners={owners}
    />
  );
}
