import { useQueryClient } from '@tanstack/react-query';
import { dealCreateInput, type Pipeline } from '@tessera/contracts';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { RecordForm } from '../../../components/records/record-form';
import { ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import type { SelectOption } from '../../../components/ui/form-field';
import { Skeleton } from '../../../components/ui/skeleton';
import { usePermission } from '../../../hooks/use-permission';

import { useContactForDeal, useDealReferenceOptions } from '../api/deal-references';
import { dealRecords } from '../api/deals';
import { useCompanyName } from '../api/get-company-name';
import { usePipelines } from '../api/list-pipelines';
import { dealRecordType } from '../record-type';
import { dealFields, dealFormValues, toDealCreateInput, withCurrent } from './deal-fields';

export interface NewDealPreset {
  companyId?: string;
  /** Shown as the company choice when it is not among the first options. */
  companyName?: string;
  contactId?: string;
}

export interface NewDealDialogProps {
  open: boolean;
  onClose: () => void;
  /** The board's pipeline; otherwise the default one. */
  pipeline?: Pipeline;
  preset?: NewDealPreset;
  owners: readonly SelectOption[];
  /** Default owner (the signed-in member). */
  myId: string;
}

/** "New deal": title, amount, stage, close date, owner, company, contact; opens the deal once created. */
export function NewDealDialog({ open, onClose, pipeline, preset = {}, owners, myId }: NewDealDialogProps) {
  const pipelines = usePipelines({ enabled: open && !pipeline });
  const target = pipeline ?? pipelines.data?.find((item) => item.isDefault) ?? pipelines.data?.[0];
  const references = useDealReferenceOptions(open);
  const contact = useContactForDeal(open ? preset.contactId : undefined);
  const canSeeMoney = usePermission('fields.money.view');
  const create = dealRecords.useCreate();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const companyId = preset.companyId ?? contact.data?.companyId ?? undefined;
  const fetchedName = useCompanyName(open && !preset.companyName ? (companyId ?? null) : null);
  const companyName = preset.companyName ?? contact.data?.companyName ?? fetchedName;
  const fields = useMemo(() => {
    if (!target) return [];
    const contactLabel = contact.data ? `${contact.data.firstName} ${contact.data.lastName}` : undefined;
    return dealFields({
      canSeeMoney,
      owners,
      companies: references.companies && withCurrent(references.companies, companyId, companyName),
      contacts: references.contacts && withCurrent(references.contacts, preset.contactId, contactLabel),
      stages: target.stages.filter((stage) => stage.kind === 'open'),
    });
  }, [
    target,
    canSeeMoney,
    owners,
    references.companies,
    references.contacts,
    companyId,
    companyName,
    preset.contactId,
    contact.data,
  ]);
  const waiting =
    !target ||
    references.isPending ||
    (preset.contactId !== undefined && contact.isPending && !contact.error);
  const error = pipelines.error ?? references.error;

  if (!open) return null;
  return (
    <Dialog
      open
      onClose={onClose}
      title="New deal"
      description={target ? `In ${target.name}` : undefined}
      size="lg"
    >
      {error ? (
        <ErrorAlert
          error={error}
          title="Could not load the form"
          onRetry={() => {
            void pipelines.refetch();
            references.refetch();
          }}
        />
      ) : pipelines.data && !target ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">There is no pipeline to add a deal to yet.</p>
      ) : waiting || !target ? (
        <div className="space-y-3" aria-busy="true">
          <Skeleton className="h-9 w-full" />
          <Skeleton className="h-9 w-2/3" />
          <span className="sr-only">Loading…</span>
        </div>
      ) : (
        <RecordForm
          schema={dealCreateInput}
          initialValues={dealFormValues(undefined, {
            stageId: target.stages.find((stage) => stage.kind === 'open')?.id ?? '',
            ownerId: myId,
            companyId: companyId ?? '',
            contactId: preset.contactId ?? '',
          })}
          fields={fields}
          toInput={(values) => toDealCreateInput(values, fields, target.id)}
          submitLabel="Create deal"
          onCancel={onClose}
          onSubmit={async (input) => {
            const deal = await create.mutateAsync(input);
            // The company's and contact's pages list their deals (keys of those areas).
            void queryClient.invalidateQueries({ queryKey: ['companies'] });
            void queryClient.invalidateQueries({ queryKey: ['contacts'] });
            onClose();
            void navigate(dealRecordType.route(deal.id));
          }}
        />
      )}
      {error || (pipelines.data && !target) || waiting ? (
        <div className="mt-4 flex justify-end">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
        </div>
      ) : null}
    </Dialog>
  );
}

/** "New deal" button + dialog (board, company and contact pages). */
export function NewDealButton(props: Omit<NewDealDialogProps, 'open' | 'onClose'> & { label?: string }) {
  const [open, setOpen] = useState(false);
  const { label = 'New deal', ...dialog } = props;
  return (
    <>
      <Button onClick={() => setOpen(true)}>{label}</Button>
      <NewDealDialog {...dialog} open={open} onClose={() => setOpen(false)} />
    </>
  );
}
