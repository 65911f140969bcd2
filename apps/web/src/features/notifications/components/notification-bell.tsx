import type { Notification } from '@tessera/contracts';
import { Link } from 'react-router';
import { BellIcon } from '../../../components/ui/icons';
import { Popover } from '../../../components/ui/popover';
import { useMarkAsRead, useNotifications, useUnreadCount } from '../api/notifications';
import { NotificationList } from './notification-list';

function Panel({ close }: { close: () => void }) {
  const list = useNotifications(false, 10);
  const mark = useMarkAsRead();
  const open = (n: Notification) => {
    if (!n.readAt) mark.mutate({ ids: [n.id] });
    close();
  };
  return (
    <div className="w-80">
      <div className="flex items-center justify-between border-b border-zinc-100 px-3 py-2 dark:border-zinc-800">
        <span className="text-sm font-semibold">Notifications</span>
        <button
          type="button"
          className="text-xs text-blue-600 hover:underline dark:text-blue-400"
          onClick={() => mark.mutate({ all: true })}
        >
          Mark all as read
        </button>
      </div>
      {list.data ? (
        <NotificationList items={list.data} onOpen={open} />
      ) : (
        <p className="px-3 py-6 text-sm">Loading…</p>
      )}
      <Link
        to="/notifications"
        onClick={close}
        className="block border-t border-zinc-100 px-3 py-2 text-center text-sm text-blue-600 hover:underline dark:border-zinc-800 dark:text-blue-400"
      >
        See all notifications
      </Link>
    </div>
  );
}

/** The header's bell: the live unread count (refetched when a socket message addressed to you arrives). */
export function NotificationBell() {
  const unread = useUnreadCount().data ?? 0;
  return (
    <Popover
      variant="ghost"
      align="end"
      label={unread > 0 ? `Notifications, ${unread} unread` : 'Notifications'}
      data-testid="notification-bell"
      trigger={
        <span className="relative inline-flex">
          <BellIcon className="size-4" />
          {unread > 0 ? (
            <span
              data-testid="unread-count"
              className="absolute -top-2 -right-2 min-w-4 rounded-full bg-red-600 px-1 text-center text-[10px] leading-4 font-semibold text-white"
            >
              {unread > 99 ? '99+' : unread}
            </span>
          ) : null}
        </span>
      }
    >
      {(close) => <Panel close={close} />}
    </Popover>
  );
}
