import { type RelatedRef, TASK_PRIORITIES, taskCreateInput } from '@tessera/contracts';
import { useState } from 'react';
import { RecordFormDialog } from '../../../components/records/record-form';
import { Button, type ButtonVariant } from '../../../components/ui/button';
import type { SelectOption } from '../../../components/ui/form-field';
import { useCreateDialog } from '../../../hooks/use-create-param';
import { localToIso, nullable } from '../../../lib/records/form-values';
import { enumOptions } from '../../../lib/records/labels';
import { showToast } from '../../../stores/toast-store';
import { useCreateTask } from '../api/create-task';

export interface AddTaskButtonProps {
  /** The record the task is about (none for a standalone task). */
  related?: RelatedRef | null;
  /** Assignee choices ("Me" first); the default assignee is the first. */
  assignees: readonly SelectOption[];
  label?: string;
  variant?: ButtonVariant;
  /** The list page's "New task": `?new=1` in the address opens the dialog (the command palette). */
  openFromUrl?: boolean;
}

/** "Add a task" / "New task": title, due, priority, assignee, description. */
export function AddTaskButton({
  related = null,
  assignees,
  label = 'Add a task',
  variant = 'secondary',
  openFromUrl = false,
}: AddTaskButtonProps) {
  const [localOpen, setLocalOpen] = useState(false);
  const [urlOpen, setUrlOpen] = useCreateDialog();
  const [open, setOpen] = openFromUrl ? [urlOpen, setUrlOpen] : [localOpen, setLocalOpen];
  const create = useCreateTask();
  return (
    <>
      <Button variant={variant} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <RecordFormDialog
        open={open}
        size="md"
        title={label}
        schema={taskCreateInput}
        initialValues={{
          title: '',
          dueAt: '',
          priority: 'normal',
          assigneeId: assignees[0]?.value ?? '',
          description: '',
        }}
        fields={[
          { name: 'title', label: 'Title', autoFocus: true, wide: true },
          { name: 'dueAt', label: 'Due', kind: 'datetime' },
          { name: 'priority', label: 'Priority', kind: 'select', options: enumOptions(TASK_PRIORITIES) },
          {
            name: 'assigneeId',
            label: 'Assignee',
            kind: 'select',
            options: [...assignees, { value: '', label: 'Unassigned' }],
            wide: true,
          },
          { name: 'description', label: 'Description', kind: 'textarea' },
        ]}
        toInput={(values) => ({
          title: values.title,
          dueAt: localToIso(values.dueAt) ?? null,
          priority: values.priority,
          assigneeId: values.assigneeId || null,
          description: nullable(values.description),
          related,
        })}
        submitLabel="Add task"
        onCancel={() => setOpen(false)}
        onSubmit={async (input) => {
          await create.mutateAsync(input);
          setOpen(false);
          showToast('Task added', 'success');
        }}
      />
    </>
  );
}
