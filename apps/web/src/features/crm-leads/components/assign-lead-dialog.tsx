import { type Lead, leadAssignInput } from '@tessera/contracts';
import { RecordFormDialog } from '../../../components/records/record-form';
import type { SelectOption } from '../../../components/ui/form-field';
import { useAssignLead } from '../api/assign-lead';

/** "Assign": another owner or nobody. */
export function AssignLeadDialog({
  lead,
  owners,
  open,
  onClose,
  onReload,
}: {
  lead: Lead;
  owners: readonly SelectOption[];
  open: boolean;
  onClose: () => void;
  onReload: () => void;
}) {
  const assign = useAssignLead();
  return (
    <RecordFormDialog
      key={lead.version}
      open={open}
      size="md"
      title="Assign lead"
      schema={leadAssignInput}
      initialValues={{ ownerId: lead.ownerId ?? '' }}
      fields={[
        {
          name: 'ownerId',
          label: 'Owner',
          kind: 'select',
          options: [{ value: '', label: 'Unassigned' }, ...owners],
        },
      ]}
      toInput={(values) => ({ ownerId: values.ownerId || null, version: lead.version })}
      submitLabel="Assign"
      onCancel={onClose}
      conflict={{ what: 'This lead', onReload }}
      onSubmit={async (input) => {
        await assign.mutateAsync({ ...input, id: lead.id });
        onClose();
      }}
    />
  );
}
