import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ui/alert';
import { Card, CardBody, CardHeader } from '../../../components/ui/card';
import { Skeleton } from '../../../components/ui/skeleton';
import { formatDateTime } from '../../../lib/format';
import { useMyTasks } from '../api/list-my-tasks';

const SHOWN = 5;

/** Dashboard card: my next open tasks by due date, overdue ones in red, and a link to all of them. */
export function MyTasksCard() {
  const tasks = useMyTasks();
  const now = Date.now();
  const next = (tasks.data ?? []).slice(0, SHOWN);
  return (
    <Card aria-labelledby="my-tasks-title" data-testid="dashboard-my-tasks">
      <CardHeader
        titleId="my-tasks-title"
        title="My tasks"
        description={tasks.data ? `${tasks.data.length} open` : undefined}
        actions={
          <Link
            className="text-sm font-medium text-indigo-600 hover:underline dark:text-indigo-400"
            to="/tasks"
          >
            All tasks
          </Link>
        }
      />
      <CardBody>
        {tasks.error ? <ErrorAlert error={tasks.error} title="Could not load your tasks" /> : null}
        {tasks.isPending ? <Skeleton className="h-20" /> : null}
        {tasks.data && next.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">Nothing to do. Enjoy the quiet.</p>
        ) : null}
        <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {next.map((task) => {
            const overdue = task.dueAt !== null && Date.parse(task.dueAt) < now;
            return (
              <li key={task.id} className="flex items-baseline justify-between gap-3 py-2 text-sm">
                <span className="min-w-0 truncate text-zinc-900 dark:text-zinc-100">{task.title}</span>
                <span
                  className={
                    overdue
                      ? 'shrink-0 text-xs font-medium text-red-600 dark:text-red-400'
                      : 'shrink-0 text-xs text-zinc-500 dark:text-zinc-400'
                  }
                >
                  {task.dueAt ? `${overdue ? 'Overdue · ' : 'Due '}${formatDateTime(task.dueAt)}` : 'No date'}
                </span>
              </li>
            );
          })}
        </ul>
      </CardBody>
    </Card>
  );
}
