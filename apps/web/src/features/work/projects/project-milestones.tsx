import { type Milestone, milestoneCreateInput, milestoneUpdateInput } from '@tessera/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { type RecordFieldSpec, RecordFormDialog } from '../../../components/records/record-form';
import { ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card, CardHeader } from '../../../components/ui/card';
import { DataTable } from '../../../components/ui/data-table';
import { Skeleton } from '../../../components/ui/skeleton';
import { usePermission } from '../../../hooks/use-permission';
import { formatDate } from '../../../lib/format';
import { centsToInput, type FormValues, nullable, optionalCents } from '../../../lib/records/form-values';
import { enumOptions } from '../../../lib/records/labels';
import { formatMoney } from '../../../lib/records/money';
import { showToast } from '../../../stores/toast-store';
import { milestoneRecords, useInvoiceMilestone, useMilestones } from '../api/projects';
import { MANUAL_MILESTONE_STATUSES, MilestoneInvoiceButton, MilestoneStatus } from './milestone-controls';

const values = (m?: Milestone): FormValues => ({
  name: m?.name ?? '',
  dueDate: m?.dueDate ?? '',
  amountCents: centsToInput(m?.amountCents),
  status: m?.status ?? 'open',
});

/**
 * The project's milestones: add, edit, change status in place (open / reached); a reached one with an amount is
 * invoiced (`invoices.manage`): a draft invoice for the client, the milestone billed — the only way to billed,
 * shown with a link to its invoice. A table on wider screens, one block per milestone on a phone.
 */
export function ProjectMilestones({ projectId, currency }: { projectId: string; currency: string }) {
  const milestones = useMilestones(projectId);
  const canManage = usePermission('projects.manage');
  const canSeeMoney = usePermission('fields.money.view');
  const create = milestoneRecords.useCreate();
  const update = milestoneRecords.useUpdate();
  const canInvoice = usePermission('invoices.manage');
  const invoice = useInvoiceMilestone(projectId);
  const [invoiced, setInvoiced] = useState<{ name: string; invoiceId: string } | null>(null);
  const [editing, setEditing] = useState<Milestone | 'new' | null>(null);
  // A billed milestone keeps its status and amount (they are on its invoice): the form leaves them out.
  const billed = editing !== null && editing !== 'new' && editing.status === 'billed';
  const fields: RecordFieldSpec[] = [
    { name: 'name', label: 'Name', autoFocus: true },
    { name: 'dueDate', label: 'Due', kind: 'date' },
    ...(canSeeMoney && !billed
      ? [{ name: 'amountCents', label: 'Amount (fixed price)', kind: 'money' as const }]
      : []),
    ...(billed
      ? []
      : [
          {
            name: 'status',
            label: 'Status',
            kind: 'select' as const,
            options: enumOptions(MANUAL_MILESTONE_STATUSES),
          },
        ]),
  ];
  const toInput = (v: FormValues) => ({
    name: v.name,
    dueDate: nullable(v.dueDate),
    ...(canSeeMoney && !billed ? { amountCents: optionalCents(v.amountCents) ?? null } : {}),
    ...(billed ? {} : { status: v.status as Milestone['status'] }),
  });
  const setStatus = (m: Milestone, status: Milestone['status']) =>
    update.mutate(
      { id: m.id, version: m.version, status },
      { onError: (error) => showToast(error.message, 'danger') },
    );
  const status = (m: Milestone, className?: string) => (
    <MilestoneStatus
      milestone={m}
      canManage={canManage}
      onChange={(s) => setStatus(m, s)}
      className={className}
    />
  );
  const invoiceButton = (m: Milestone) =>
    canInvoice && canSeeMoney ? (
      <MilestoneInvoiceButton
        milestone={m}
        busy={invoice.isPending}
        onInvoice={() =>
          invoice.mutate(m.id, {
            onSuccess: (result) => setInvoiced({ name: m.name, invoiceId: result.invoiceId }),
            onError: (error) => showToast(error.message, 'danger'),
          })
        }
      />
    ) : null;
  const editButton = (m: Milestone) =>
    canManage ? (
      <Button size="sm" variant="ghost" aria-label={`Edit ${m.name}`} onClick={() => setEditing(m)}>
        Edit
      </Button>
    ) : null;
  const due = (m: Milestone) => (m.dueDate ? formatDate(`${m.dueDate}T00:00`) : '—');
  return (
    <Card>
      <CardHeader
        title="Milestones"
        actions={
          canManage ? (
            <Button size="sm" onClick={() => setEditing('new')}>
              Add milestone
            </Button>
          ) : null
        }
      />
      {invoiced ? (
        <p className="px-5 pt-3 text-sm" role="status">
          Draft invoice created for “{invoiced.name}”.{' '}
          <Link
            className="font-medium text-indigo-600 hover:underline dark:text-indigo-400"
            to={`/invoices/${invoiced.invoiceId}`}
          >
            Open the draft invoice
          </Link>
        </p>
      ) : null}
      {/* A phone gets one block per milestone (a readable status control); wider screens the table. */}
      <div className="sm:hidden" data-testid="milestones-blocks">
        {milestones.error && !milestones.data ? (
          <div className="p-4">
            <ErrorAlert
              error={milestones.error}
              title="Could not load milestones"
              onRetry={() => void milestones.refetch()}
            />
          </div>
        ) : !milestones.data ? (
          <div className="space-y-2 p-5" aria-busy="true">
            <Skeleton className="w-2/3" />
            <Skeleton className="w-1/2" />
          </div>
        ) : milestones.data.length === 0 ? (
          <p className="px-5 py-4 text-sm text-zinc-500">No milestones yet.</p>
        ) : (
          <ul className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800" aria-label="Milestones">
            {milestones.data.map((m) => (
              <li key={m.id} className="space-y-2 px-5 py-3" data-testid="milestone-block">
                <div className="flex items-start justify-between gap-3">
                  <div className="min-w-0">
                    <p className="font-medium [overflow-wrap:anywhere]">{m.name}</p>
                    <p className="text-xs text-zinc-500 tabular-nums">Due {due(m)}</p>
                  </div>
                  {canSeeMoney ? (
                    <span className="shrink-0 tabular-nums">{formatMoney(m.amountCents, currency)}</span>
                  ) : null}
                </div>
                <div className="flex flex-wrap items-center gap-2">
                  {status(m, 'w-40')}
                  {invoiceButton(m)}
                  {editButton(m)}
                </div>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="hidden sm:block">
        <DataTable<Milestone>
          label="Milestones"
          rows={milestones.data}
          isLoading={milestones.isPending}
          error={milestones.error}
          onRetry={() => void milestones.refetch()}
          rowKey={(m) => m.id}
          empty="No milestones yet."
          data-testid="milestones"
          columns={[
            { key: 'name', header: 'Milestone', cell: (m) => <span className="font-medium">{m.name}</span> },
            { key: 'due', header: 'Due', cell: due },
            ...(canSeeMoney
              ? [
                  {
                    key: 'amount',
                    header: 'Amount',
                    className: 'tabular-nums',
                    cell: (m: Milestone) => formatMoney(m.amountCents, currency),
                  },
                ]
              : []),
            { key: 'status', header: 'Status', cell: (m) => status(m) },
            ...(canInvoice && canSeeMoney
              ? [{ key: 'invoice', header: <span className="sr-only">Invoice</span>, cell: invoiceButton }]
              : []),
            ...(canManage
              ? [{ key: 'edit', header: <span className="sr-only">Edit</span>, cell: editButton }]
              : []),
          ]}
        />
      </div>
      {editing === 'new' ? (
        <RecordFormDialog
          open
          title="Add milestone"
          schema={milestoneCreateInput}
          initialValues={values()}
          fields={fields}
          toInput={(v) => ({ projectId, ...toInput(v) })}
          submitLabel="Add milestone"
          onCancel={() => setEditing(null)}
          onSubmit={async (input) => {
            await create.mutateAsync(input);
            setEditing(null);
          }}
        />
      ) : editing ? (
        <RecordFormDialog
          open
          title="Edit milestone"
          schema={milestoneUpdateInput}
          initialValues={values(editing)}
          fields={fields}
          toInput={(v) => ({ ...toInput(v), version: editing.version })}
          submitLabel="Save changes"
          onCancel={() => setEditing(null)}
          conflict={{ what: 'This milestone', onReload: () => setEditing(null) }}
          onSubmit={async (input) => {
            await update.mutateAsync({ ...input, id: editing.id });
            setEditing(null);
          }}
        />
      ) : null}
    </Card>
  );
}
