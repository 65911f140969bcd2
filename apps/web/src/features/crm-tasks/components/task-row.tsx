import type { Task } from '@tessera/contracts';
import { RecordLink, useCanOpen } from '../../../components/records/record-link';
import { Badge, type BadgeTone } from '../../../components/ui/badge';
import { Checkbox } from '../../../components/ui/input';
import { usePermission } from '../../../hooks/use-permission';
import { formatDateTime } from '../../../lib/format';
import { humanize } from '../../../lib/records/labels';

const priorityTone: Record<Task['priority'], BadgeTone> = {
  low: 'neutral',
  normal: 'info',
  high: 'warning',
  urgent: 'danger',
};

/** One of my tasks: a checkbox that completes it, its title (opens the task with its comments), due time, priority and a link to its record. */
export function TaskRow({
  task,
  overdue,
  onComplete,
  onOpen,
}: {
  task: Task;
  overdue: boolean;
  onComplete: (task: Task) => void;
  onOpen: (task: Task) => void;
}) {
  // A member without tasks.update (dispatch) sees the task, not a checkbox that would answer 403.
  const canComplete = usePermission('tasks.update');
  const canOpenRelated = useCanOpen(task.related?.type ?? 'lead');
  return (
    <li className="flex items-start gap-3 px-5 py-3" data-testid="task-row">
      {canComplete ? (
        <Checkbox
          className="mt-0.5"
          aria-label={`Complete ${task.title}`}
          onChange={() => onComplete(task)}
        />
      ) : (
        <span
          aria-hidden="true"
          className="mt-1.5 size-2 shrink-0 rounded-full bg-zinc-300 dark:bg-zinc-600"
        />
      )}
      <div className="min-w-0 flex-1">
        <button
          type="button"
          className="text-left text-sm font-medium text-zinc-900 hover:underline dark:text-zinc-100"
          onClick={() => onOpen(task)}
        >
          {task.title}
        </button>
        <p className="mt-0.5 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-zinc-500 dark:text-zinc-400">
          {task.dueAt ? (
            <time
              dateTime={task.dueAt}
              className={overdue ? 'font-medium text-red-600 dark:text-red-400' : ''}
            >
              Due {formatDateTime(task.dueAt)}
            </time>
          ) : null}
          {task.related && canOpenRelated ? (
            <RecordLink type={task.related.type} id={task.related.id} className="font-normal">
              Open {task.related.type}
            </RecordLink>
          ) : null}
        </p>
      </div>
      <Badge tone={priorityTone[task.priority]}>{humanize(task.priority)}</Badge>
    </li>
  );
}
