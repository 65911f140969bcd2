import type { Task } from '@tessera/contracts';
import { Link } from 'react-router';
import { Badge, type BadgeTone } from '../../../components/ui/badge';
import { Checkbox } from '../../../components/ui/input';
import { formatDateTime } from '../../../lib/format';
import { humanize } from '../../../lib/records/labels';
import { recordPath } from '../../../lib/records/record-types';

const priorityTone: Record<Task['priority'], BadgeTone> = {
  low: 'neutral',
  normal: 'info',
  high: 'warning',
  urgent: 'danger',
};

/** One of my tasks: a checkbox that completes it, due time, priority and a link to its record. */
export function TaskRow({
  task,
  overdue,
  onComplete,
}: {
  task: Task;
  overdue: boolean;
  onComplete: (task: Task) => void;
}) {
  return (
    <li className="flex items-start gap-3 px-5 py-3" data-testid="task-row">
      <Checkbox className="mt-0.5" aria-label={`Complete ${task.title}`} onChange={() => onComplete(task)} />
      <div className="min-w-0 flex-1">
        <p className="text-sm font-medium text-zinc-900 dark:text-zinc-100">{task.title}</p>
        <p className="mt-0.5 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-zinc-500 dark:text-zinc-400">
          {task.dueAt ? (
            <time
              dateTime={task.dueAt}
              className={overdue ? 'font-medium text-red-600 dark:text-red-400' : ''}
            >
              Due {formatDateTime(task.dueAt)}
            </time>
          ) : null}
          {task.related ? (
            <Link
              to={recordPath(task.related.type, task.related.id)}
              className="text-indigo-600 hover:underline dark:text-indigo-400"
            >
              Open {task.related.type}
            </Link>
          ) : null}
        </p>
      </div>
      <Badge tone={priorityTone[task.priority]}>{humanize(task.priority)}</Badge>
    </li>
  );
}
