import type { Notification } from '@tessera/contracts';
import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { PageHeader } from '../../../components/ui/page-header';
import { useMarkAsRead, useNotifications } from '../api/notifications';
import { NotificationList } from './notification-list';

/** `/notifications`: every notification (or the unread ones), mark one or all as read. */
export function NotificationsPage() {
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useNotifications(unreadOnly, 100);
  const mark = useMarkAsRead();
  const open = (n: Notification) => {
    if (!n.readAt) mark.mutate({ ids: [n.id] });
  };
  return (
    <>
      <PageHeader
        title="Notifications"
        actions={
          <>
            <Button variant="secondary" onClick={() => setUnreadOnly((u) => !u)}>
              {unreadOnly ? 'Show all' : 'Unread only'}
            </Button>
            <Button onClick={() => mark.mutate({ all: true })}>Mark all as read</Button>
          </>
        }
      />
      <Card>
        {list.data ? <NotificationList items={list.data} onOpen={open} /> : <p className="p-4">Loading…</p>}
      </Card>
    </>
  );
}
