import { type Expense, expenseUpdateInput } from '@tessera/contracts';
import { useState } from 'react';
import { RecordFormDialog } from '../../../components/records/record-form';
import { RecordPanels } from '../../../components/records/record-panels';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { usePermission } from '../../../hooks/use-permission';
import { type FormValues, nullable } from '../../../lib/records/form-values';
import { showToast } from '../../../stores/toast-store';
import { expenseRecords } from '../api/expenses';
import { expenseFields, expenseValues, toExpenseInput } from './expense-form';

/**
 * The actions of an expense row: Edit and Submit (my drafts and rejected ones), Mark reimbursed (approved, with
 * expenses.approve), Receipt (the files attached to the expense: the receipt as a document).
 */
export function ExpenseActions({
  expense,
  mine,
  projectOptions,
}: {
  expense: Expense;
  mine: boolean;
  projectOptions: readonly { value: string; label: string }[];
}) {
  const canApprove = usePermission('expenses.approve');
  const canManage = usePermission('expenses.manage');
  const submit = expenseRecords.useAction<object>('submit');
  const reimburse = expenseRecords.useAction<{ version: number }>('reimburse');
  const update = expenseRecords.useUpdate();
  const [editing, setEditing] = useState(false);
  const [files, setFiles] = useState(false);
  const open = expense.status === 'draft' || expense.status === 'rejected';
  const editable = open && (mine || canManage);
  const fields = expenseFields(projectOptions);
  const fail = (error: Error) => showToast(error.message, 'danger');
  return (
    <div className="flex justify-end gap-1.5 whitespace-nowrap">
      {editable ? (
        <Button size="sm" variant="ghost" onClick={() => setEditing(true)}>
          Edit
        </Button>
      ) : null}
      {open && mine ? (
        <Button
          size="sm"
          variant="secondary"
          disabled={submit.isPending}
          onClick={() =>
            submit.mutate(
              { id: expense.id },
              { onSuccess: () => showToast('Expense submitted for approval', 'success'), onError: fail },
            )
          }
        >
          Submit
        </Button>
      ) : null}
      {expense.status === 'approved' && !expense.reimbursedAt && canApprove ? (
        <Button
          size="sm"
          variant="secondary"
          disabled={reimburse.isPending}
          onClick={() =>
            reimburse.mutate(
              { id: expense.id, version: expense.version },
              { onSuccess: () => showToast('Marked reimbursed', 'success'), onError: fail },
            )
          }
        >
          Mark reimbursed
        </Button>
      ) : null}
      <Button size="sm" variant="ghost" onClick={() => setFiles(true)}>
        Receipt
      </Button>
      {editing ? (
        <RecordFormDialog
          key={expense.version}
          open
          title="Edit expense"
          schema={expenseUpdateInput}
          initialValues={expenseValues(expense)}
          fields={fields}
          toInput={(v: FormValues) => ({
            ...toExpenseInput(v),
            note: nullable(v.note),
            version: expense.version,
          })}
          submitLabel="Save changes"
          onCancel={() => setEditing(false)}
          onSubmit={async (input) => {
            await update.mutateAsync({ ...input, id: expense.id });
            setEditing(false);
          }}
        />
      ) : null}
      <Dialog
        open={files}
        onClose={() => setFiles(false)}
        title={`Receipt · ${expense.category} ${expense.date}`}
        description="Attach the receipt (a photo or PDF) to this expense."
        size="lg"
      >
        {files ? <RecordPanels type="expense" id={expense.id} /> : null}
      </Dialog>
    </div>
  );
}
