import { TASK_STATUSES, type Task } from '@tessera/contracts';
import { type DragEvent, useState } from 'react';
import { TaskDetailDialog } from '../../../components/tasks/task-detail-dialog';
import { ErrorAlert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Card, CardHeader } from '../../../components/ui/card';
import { Input, Select } from '../../../components/ui/input';
import { Spinner } from '../../../components/ui/spinner';
import { usePermission } from '../../../hooks/use-permission';
import { cn } from '../../../lib/cn';
import { formatDate } from '../../../lib/format';
import { humanize } from '../../../lib/records/labels';
import { showToast } from '../../../stores/toast-store';
import { taskRecords, useMilestones, useProjectTasks } from '../api/projects';

type Status = Task['status'];
const COLUMNS: { status: Status; label: string }[] = TASK_STATUSES.map((status) => ({
  status,
  label: status === 'open' ? 'To do' : humanize(status),
}));
const DRAG_TYPE = 'application/x-tessera-task';

/**
 * The project's task board (ADR 0021: CRM tasks linked to the project): a column per task status; a card moves
 * by dragging it to another column or with its arrow buttons (the keyboard and phone way); its title opens the
 * task's detail (description, checklist, comments); "Add task" creates one in the project.
 */
export function ProjectBoard({
  projectId,
  members,
  personName,
}: {
  projectId: string;
  members: readonly { value: string; label: string }[];
  personName: (id: string) => string;
}) {
  const tasks = useProjectTasks(projectId);
  const milestones = useMilestones(projectId);
  const canCreate = usePermission('tasks.create');
  const canMove = usePermission('tasks.update');
  const create = taskRecords.useCreate();
  const update = taskRecords.useUpdate();
  const [title, setTitle] = useState('');
  const [assigneeId, setAssigneeId] = useState('');
  const [milestoneId, setMilestoneId] = useState('');
  const [over, setOver] = useState<Status | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const opened = tasks.data?.find((t) => t.id === openId) ?? null;
  const milestoneName = (id: string | null) => milestones.data?.find((m) => m.id === id)?.name;

  const move = (task: Task, status: Status) => {
    if (task.status === status) return;
    update.mutate(
      { id: task.id, version: task.version, status },
      {
        onError: (error) => {
          showToast(error.message, 'danger');
          void tasks.refetch();
        },
      },
    );
  };
  const drop = (status: Status) => (event: DragEvent) => {
    event.preventDefault();
    setOver(null);
    const task = tasks.data?.find((t) => t.id === event.dataTransfer.getData(DRAG_TYPE));
    if (task) move(task, status);
  };

  return (
    <Card>
      <CardHeader
        title="Tasks"
        description="The project's tasks by status. Drag a card, or use its arrows."
      />
      <div className="space-y-4 p-4">
        {canCreate ? (
          <form
            noValidate
            className="flex flex-col gap-2 sm:flex-row sm:items-end"
            aria-label="Add a task"
            onSubmit={(event) => {
              event.preventDefault();
              if (!title.trim()) return;
              create.mutate(
                {
                  title: title.trim(),
                  related: { type: 'project', id: projectId },
                  ...(assigneeId ? { assigneeId } : {}),
                  ...(milestoneId ? { milestoneId } : {}),
                },
                { onSuccess: () => setTitle('') },
              );
            }}
          >
            <div className="min-w-0 sm:flex-1">
              <Input
                aria-label="New task title"
                placeholder="New task…"
                maxLength={200}
                value={title}
                onChange={(e) => setTitle(e.target.value)}
              />
            </div>
            <div className="sm:w-40">
              <Select
                aria-label="Assignee"
                value={assigneeId}
                onChange={(e) => setAssigneeId(e.target.value)}
              >
                <option value="">Unassigned</option>
                {members.map((m) => (
                  <option key={m.value} value={m.value}>
                    {m.label}
                  </option>
                ))}
              </Select>
            </div>
            {milestones.data?.length ? (
              <div className="sm:w-40">
                <Select
                  aria-label="Milestone"
                  value={milestoneId}
                  onChange={(e) => setMilestoneId(e.target.value)}
                >
                  <option value="">No milestone</option>
                  {milestones.data.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.name}
                    </option>
                  ))}
                </Select>
              </div>
            ) : null}
            <Button
              type="submit"
              className="shrink-0 whitespace-nowrap"
              disabled={!title.trim() || create.isPending}
            >
              {create.isPending ? <Spinner /> : null}
              Add task
            </Button>
          </form>
        ) : null}
        {create.error ? <ErrorAlert error={create.error} title="Task not added" /> : null}
        {tasks.error ? (
          <ErrorAlert error={tasks.error} title="Tasks not loaded" onRetry={() => void tasks.refetch()} />
        ) : tasks.isPending ? (
          <div className="flex justify-center py-8">
            <Spinner />
          </div>
        ) : (
          <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4" data-testid="task-board">
            {COLUMNS.map((column, index) => {
              const cards = (tasks.data ?? []).filter((t) => t.status === column.status);
              return (
                <section
                  key={column.status}
                  aria-label={column.label}
                  data-testid={`board-${column.status}`}
                  className={cn(
                    'min-h-24 rounded-md border border-zinc-200 bg-zinc-50 p-2 dark:border-zinc-800 dark:bg-zinc-900/40',
                    over === column.status && 'border-indigo-500 ring-2 ring-indigo-500/30',
                  )}
                  onDragOver={(event) => {
                    if (!canMove || !event.dataTransfer.types.includes(DRAG_TYPE)) return;
                    event.preventDefault();
                    setOver(column.status);
                  }}
                  onDragLeave={() => setOver(null)}
                  onDrop={drop(column.status)}
                >
                  <h3 className="mb-2 flex items-center justify-between px-1 text-sm font-semibold">
                    {column.label}
                    <span className="text-xs font-normal text-zinc-500 tabular-nums">{cards.length}</span>
                  </h3>
                  {cards.length === 0 ? (
                    <p className="px-1 py-3 text-xs text-zinc-500">No tasks.</p>
                  ) : (
                    <ul className="space-y-2">
                      {cards.map((task) => {
                        const prev = COLUMNS[index - 1];
                        const next = COLUMNS[index + 1];
                        const milestone = milestoneName(task.milestoneId);
                        return (
                          <li
                            key={task.id}
                            draggable={canMove}
                            onDragStart={(event) => {
                              event.dataTransfer.setData(DRAG_TYPE, task.id);
                              event.dataTransfer.effectAllowed = 'move';
                            }}
                            className={cn(
                              'rounded-md border border-zinc-200 bg-white p-2 text-sm shadow-xs dark:border-zinc-700 dark:bg-zinc-900',
                              canMove && 'cursor-grab',
                            )}
                          >
                            <button
                              type="button"
                              className="text-left font-medium break-words hover:underline"
                              aria-label={`Open “${task.title}”`}
                              onClick={() => setOpenId(task.id)}
                            >
                              {task.title}
                            </button>
                            <div className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-zinc-500">
                              <span>{task.assigneeId ? personName(task.assigneeId) : 'Unassigned'}</span>
                              {task.dueAt ? <span>· due {formatDate(task.dueAt)}</span> : null}
                              {task.estimateHours !== null ? <span>· {task.estimateHours} h</span> : null}
                              {milestone ? <Badge>{milestone}</Badge> : null}
                              {task.priority === 'high' || task.priority === 'urgent' ? (
                                <Badge tone="warning">{humanize(task.priority)}</Badge>
                              ) : null}
                            </div>
                            {canMove ? (
                              <div className="mt-2 flex justify-between gap-2">
                                <Button
                                  size="sm"
                                  variant="ghost"
                                  disabled={!prev}
                                  aria-label={prev ? `Move “${task.title}” to ${prev.label}` : undefined}
                                  onClick={() => prev && move(task, prev.status)}
                                >
                                  ←
                                </Button>
                                <Button
                                  size="sm"
                                  variant="ghost"
                                  disabled={!next}
                                  aria-label={next ? `Move “${task.title}” to ${next.label}` : undefined}
                                  onClick={() => next && move(task, next.status)}
                                >
                                  →
                                </Button>
                              </div>
                            ) : null}
                          </li>
                        );
                      })}
                    </ul>
                  )}
                </section>
              );
            })}
          </div>
        )}
        {tasks.data && tasks.data.length === 0 ? (
          <p className="text-sm text-zinc-500">
            No tasks in this project yet{canCreate ? ': add the first one.' : '.'}
          </p>
        ) : null}
      </div>
      <TaskDetailDialog
        task={opened}
        onClose={() => setOpenId(null)}
        personName={personName}
        onSaveChecklist={
          canMove
            ? (checklist, version) =>
                update.mutateAsync({ id: opened?.id ?? '', version, checklist }).catch((error: unknown) => {
                  void tasks.refetch();
                  throw error;
                })
            : undefined
        }
      />
    </Card>
  );
}
