import {
  MILESTONE_STATUSES,
  type Milestone,
  milestoneCreateInput,
  milestoneUpdateInput,
} from '@tessera/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { type RecordFieldSpec, RecordFormDialog } from '../../../components/records/record-form';
import { Button } from '../../../components/ui/button';
import { Card, CardHeader } from '../../../components/ui/card';
import { DataTable } from '../../../components/ui/data-table';
import { Select } from '../../../components/ui/input';
import { usePermission } from '../../../hooks/use-permission';
import { formatDate } from '../../../lib/format';
import { centsToInput, type FormValues, nullable, optionalCents } from '../../../lib/records/form-values';
import { enumOptions, humanize } from '../../../lib/records/labels';
import { formatMoney } from '../../../lib/records/money';
import { showToast } from '../../../stores/toast-store';
import { milestoneRecords, useInvoiceMilestone, useMilestones } from '../api/projects';

const values = (m?: Milestone): FormValues => ({
  name: m?.name ?? '',
  dueDate: m?.dueDate ?? '',
  amountCents: centsToInput(m?.amountCents),
  status: m?.status ?? 'open',
});

/**
 * The project's milestones: add, edit, change status in place; a reached one with an amount is invoiced
 * (`invoices.manage`): a draft invoice for the client, the milestone billed.
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
  const fields: RecordFieldSpec[] = [
    { name: 'name', label: 'Name', autoFocus: true },
    { name: 'dueDate', label: 'Due', kind: 'date' },
    ...(canSeeMoney ? [{ name: 'amountCents', label: 'Amount (fixed price)', kind: 'money' as const }] : []),
    { name: 'status', label: 'Status', kind: 'select', options: enumOptions(MILESTONE_STATUSES) },
  ];
  const toInput = (v: FormValues) => ({
    name: v.name,
    dueDate: nullable(v.dueDate),
    ...(canSeeMoney ? { amountCents: optionalCents(v.amountCents) ?? null } : {}),
    status: v.status,
  });
  const setStatus = (m: Milestone, status: string) =>
    update.mutate(
      { id: m.id, version: m.version, status: status as Milestone['status'] },
      { onError: (error) => showToast(error.message, 'danger') },
    );
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
          { key: 'due', header: 'Due', cell: (m) => (m.dueDate ? formatDate(`${m.dueDate}T00:00`) : '—') },
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
          {
            key: 'status',
            header: 'Status',
            cell: (m) =>
              canManage ? (
                <Select
                  aria-label={`Status of ${m.name}`}
                  value={m.status}
                  className="h-8 w-32"
                  onChange={(event) => setStatus(m, event.target.value)}
                >
                  {MILESTONE_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {humanize(s)}
                    </option>
                  ))}
                </Select>
              ) : (
                humanize(m.status)
              ),
          },
          ...(canInvoice && canSeeMoney
            ? [
                {
                  key: 'invoice',
                  header: <span className="sr-only">Invoice</span>,
                  cell: (m: Milestone) =>
                    m.status === 'reached' && m.amountCents ? (
                      <Button
                        size="sm"
                        variant="secondary"
                        aria-label={`Invoice ${m.name}`}
                        disabled={invoice.isPending}
                        onClick={() =>
                          invoice.mutate(m.id, {
                            onSuccess: (result) => setInvoiced({ name: m.name, invoiceId: result.invoiceId }),
                            onError: (error) => showToast(error.message, 'danger'),
                          })
                        }
                      >
                        Invoice
                      </Button>
                    ) : null,
                },
              ]
            : []),
          ...(canManage
            ? [
                {
                  key: 'edit',
                  header: <span className="sr-only">Edit</span>,
                  cell: (m: Milestone) => (
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-label={`Edit ${m.name}`}
                      onClick={() => setEditing(m)}
                    >
                      Edit
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
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
