import { LEAD_TRANSITIONS, type Lead, type LeadStatus, leadStatusInput } from '@tessera/contracts';
import { RecordFormDialog } from '../../../components/records/record-form';
import { optional } from '../../../lib/records/form-values';
import { enumOptions } from '../../../lib/records/labels';
import { useChangeLeadStatus } from '../api/change-lead-status';

/** Statuses a lead may move to from its current one (the contract's transition table). */
export function allowedStatuses(status: LeadStatus): readonly LeadStatus[] {
  return LEAD_TRANSITIONS[status];
}

/** "Change status": only the allowed transitions; a 409 (moved meanwhile) offers a reload. */
export function LeadStatusDialog({
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
  const change = useChangeLeadStatus();
  const allowed = allowedStatuses(lead.status);
  return (
    <RecordFormDialog
      key={lead.version}
      open={open}
      size="md"
      title="Change status"
      schema={leadStatusInput}
      initialValues={{ status: allowed[0] ?? '', reason: '' }}
      fields={[
        { name: 'status', label: 'New status', kind: 'select', options: enumOptions(allowed) },
        { name: 'reason', label: 'Reason', kind: 'textarea', hint: 'Optional, kept in the history' },
      ]}
      toInput={(values) => ({
        status: values.status,
        reason: optional(values.reason),
        version: lead.version,
      })}
      submitLabel="Change status"
      onCancel={onClose}
      conflict={{ what: 'This lead', onReload }}
      onSubmit={async (input) => {
        await change.mutateAsync({ ...input, id: lead.id });
        onClose();
      }}
    />
  );
}
