import { type Lead, leadUpdateInput } from '@tessera/contracts';
import { RecordFormDialog } from '../../../components/records/record-form';
import { usePermission } from '../../../hooks/use-permission';
import { leadRecords } from '../api/leads';
import { leadFields, leadFormValues, toLeadUpdateInput } from './lead-form-fields';

/** "Edit": PATCH with the version read; a 409 says "changed by someone else" with a Reload button. */
export function EditLeadDialog({
  lead,
  open,
  onClose,
  onReload,
}: {
  lead: Lead;
  open: boolean;
  onClose: () => void;
  onReload: () => void;
}) {
  const canSeeMoney = usePermission('fields.money.view');
  const update = leadRecords.useUpdate();
  return (
    <RecordFormDialog
      // A reloaded lead (new version) starts a fresh form with its values.
      key={lead.version}
      open={open}
      title="Edit lead"
      schema={leadUpdateInput}
      initialValues={leadFormValues(lead)}
      fields={leadFields({ canSeeMoney })}
      toInput={(values) => toLeadUpdateInput(values, canSeeMoney, lead.version)}
      submitLabel="Save changes"
      onCancel={onClose}
      conflict={{ what: 'This lead', onReload }}
      onSubmit={async (input) => {
        await update.mutateAsync({ ...input, id: lead.id });
        onClose();
      }}
    />
  );
}
