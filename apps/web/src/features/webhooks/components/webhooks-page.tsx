import type { WebhookSubscription } from '@tessera/contracts';
import { useState } from 'react';
import { TableSection } from '../../../components/table-section';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import type { Column } from '../../../components/ui/data-table';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { useSendTestEvent, useWebhookSubscriptions } from '../api/webhooks';
import { CreateWebhookDialog } from './create-webhook-dialog';
import { WebhookDeliveries } from './webhook-deliveries';

/** `/settings/webhooks`: subscriptions (add with an event picker, secret shown once, send a test) and the delivery log. */
export function WebhooksPage() {
  useDocumentTitle('Webhooks');
  const subscriptions = useWebhookSubscriptions();
  const sendTest = useSendTestEvent();
  const [creating, setCreating] = useState(false);

  const columns: Column<WebhookSubscription>[] = [
    { key: 'url', header: 'Endpoint', cell: (s) => <span className="font-medium break-all">{s.url}</span> },
    { key: 'events', header: 'Events', cell: (s) => s.eventTypes.join(', ') },
    {
      key: 'status',
      header: 'Status',
      cell: (s) =>
        s.active ? (
          <Badge tone="success">Active</Badge>
        ) : (
          <Badge tone="warning">{s.disabledReason ? 'Disabled after failures' : 'Off'}</Badge>
        ),
    },
    {
      key: 'actions',
      header: <span className="sr-only">Actions</span>,
      className: 'text-right',
      cell: (s) => (
        <Button
          variant="ghost"
          size="sm"
          disabled={sendTest.isPending}
          onClick={() => sendTest.mutate(s.id)}
          aria-label={`Send a test event to ${s.url}`}
        >
          Send test
        </Button>
      ),
    },
  ];

  return (
    <div className="space-y-8">
      <TableSection
        label="Webhooks"
        description="Tessera POSTs the events you choose to your URLs, signed by the Standard Webhooks scheme."
        actions={<Button onClick={() => setCreating(true)}>Add webhook</Button>}
        testId="webhooks-table"
        columns={columns}
        query={subscriptions}
        rows={subscriptions.data}
        rowKey={(s) => s.id}
        empty="No webhooks yet."
      >
        <CreateWebhookDialog open={creating} onClose={() => setCreating(false)} />
      </TableSection>
      <WebhookDeliveries subscriptions={subscriptions.data ?? []} />
    </div>
  );
}
