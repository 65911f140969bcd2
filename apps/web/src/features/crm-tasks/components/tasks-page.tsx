import { useMemo, useState } from 'react';
import { TaskDetailDialog } from '../../../components/tasks/task-detail-dialog';
import { ErrorAlert } from '../../../components/ui/alert';
import { Card, CardHeader } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import type { SelectOption } from '../../../components/ui/form-field';
import { CheckIcon } from '../../../components/ui/icons';
import { PageHeader } from '../../../components/ui/page-header';
import { Skeleton } from '../../../components/ui/skeleton';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { usePermission } from '../../../hooks/use-permission';
import { errorMessage } from '../../../lib/api-error';
import { showToast } from '../../../stores/toast-store';
import { useCompleteTask } from '../api/complete-task';
import { useMyTasks } from '../api/list-my-tasks';
import { groupTasks, TASK_GROUP_LABELS, TASK_GROUP_ORDER } from '../task-groups';
import { AddTaskButton } from './add-task-button';
import { TaskRow } from './task-row';

/** `/tasks`: my open tasks grouped Overdue / Today / Upcoming / No date; tick to complete (optimistic). */
export function TasksPage({ assignees }: { assignees: readonly SelectOption[] }) {
  useDocumentTitle('My tasks');
  const tasks = useMyTasks();
  const complete = useCompleteTask();
  const canCreate = usePermission('tasks.create');
  const groups = useMemo(() => (tasks.data ? groupTasks(tasks.data, new Date()) : null), [tasks.data]);
  const [openId, setOpenId] = useState<string | null>(null);
  const opened = tasks.data?.find((task) => task.id === openId) ?? null;
  const personName = (userId: string) =>
    assignees.find((a) => a.value === userId)?.label ?? `User ${userId.slice(0, 8)}`;

  return (
    <>
      <PageHeader
        title="My tasks"
        description="Open tasks assigned to you."
        actions={
          canCreate ? (
            <AddTaskButton assignees={assignees} label="New task" variant="primary" openFromUrl />
          ) : null
        }
      />
      {tasks.error && !tasks.data ? (
        <ErrorAlert
          error={tasks.error}
          title="Could not load your tasks"
          onRetry={() => void tasks.refetch()}
        />
      ) : !groups ? (
        <div className="space-y-3" aria-busy="true">
          <Skeleton className="h-10 w-full" />
          <Skeleton className="h-10 w-full" />
          <Skeleton className="h-10 w-2/3" />
          <span className="sr-only">Loading tasks…</span>
        </div>
      ) : tasks.data?.length === 0 ? (
        <EmptyState
          icon={<CheckIcon />}
          title="Nothing to do"
          description="You have no open tasks. New tasks assigned to you will show up here."
        />
      ) : (
        <div className="space-y-6">
          {TASK_GROUP_ORDER.filter((key) => groups[key].length > 0).map((key) => (
            <Card key={key} aria-label={TASK_GROUP_LABELS[key]} data-testid={`task-group-${key}`}>
              <CardHeader title={`${TASK_GROUP_LABELS[key]} (${groups[key].length})`} />
              <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
                {groups[key].map((task) => (
                  <TaskRow
                    key={task.id}
                    task={task}
                    overdue={key === 'overdue'}
                    onOpen={(open) => setOpenId(open.id)}
                    onComplete={(done) =>
                      complete.mutate(done, {
                        onSuccess: () => showToast(`Completed “${done.title}”`, 'success'),
                        onError: (error) => showToast(`Not completed: ${errorMessage(error)}`, 'danger'),
                      })
                    }
                  />
                ))}
              </ul>
            </Card>
          ))}
        </div>
      )}
      <TaskDetailDialog task={opened} onClose={() => setOpenId(null)} personName={personName} />
    </>
  );
}
