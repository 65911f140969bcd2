import type { Notification } from '@tessera/contracts';
import { Link } from 'react-router';
import { cn } from '../../../lib/cn';
import { formatDateTime } from '../../../lib/format';

const LABELS: Partial<Record<Notification['type'], string>> = {
  'lead.assigned': 'A lead was assigned to you',
  'task.assigned': 'A task was assigned to you',
  'deal.won': 'A deal was won',
  'task.commented': 'New comment on your task',
};

const hrefOf = (n: Notification) =>
  n.entity === 'lead' ? `/leads/${n.entityId}` : n.entity === 'deal' ? `/deals/${n.entityId}` : '/tasks';

/** Notifications, newest first; unread ones are marked, each links to its record and marks itself read. */
export function NotificationList({
  items,
  onOpen,
}: {
  items: readonly Notification[];
  onOpen: (n: Notification) => void;
}) {
  if (items.length === 0)
    return <p className="px-3 py-6 text-center text-sm text-zinc-500">No notifications yet.</p>;
  return (
    <ul className="divide-y divide-zinc-100 dark:divide-zinc-800" data-testid="notification-list">
      {items.map((n) => (
        <li key={n.id}>
          <Link
            to={hrefOf(n)}
            onClick={() => onOpen(n)}
            className={cn(
              'block px-3 py-2 text-sm hover:bg-zinc-50 dark:hover:bg-zinc-800',
              n.readAt ? 'text-zinc-600 dark:text-zinc-400' : 'font-medium',
            )}
          >
            {n.readAt ? null : <span className="sr-only">Unread: </span>}
            {LABELS[n.type] ?? n.type}
            {n.title ? `: ${n.title}` : ''}
            <span className="block text-xs font-normal text-zinc-500">{formatDateTime(n.createdAt)}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
