import {
  WEBHOOK_DELIVERY_STATUSES,
  type WebhookDelivery,
  type WebhookSubscription,
} from '@tessera/contracts';
import { useState } from 'react';
import { TableSection } from '../../../components/table-section';
import { Badge, type BadgeTone } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import type { Column } from '../../../components/ui/data-table';
import { SelectField } from '../../../components/ui/form-field';
import { formatDateTime } from '../../../lib/format';
import { type DeliveryFilters, useReplayDelivery, useWebhookDeliveries } from '../api/webhooks';

const tones: Record<WebhookDelivery['status'], BadgeTone> = {
  pending: 'neutral',
  delivered: 'success',
  failed: 'warning',
  dead: 'danger',
};

/** The delivery log with subscription and status filters; replay one delivery. */
export function WebhookDeliveries({ subscriptions }: { subscriptions: readonly WebhookSubscription[] }) {
  const [filters, setFilters] = useState<DeliveryFilters>({});
  const deliveries = useWebhookDeliveries(filters);
  const replay = useReplayDelivery();
  const urlOf = new Map(subscriptions.map((s) => [s.id, s.url]));

  const columns: Column<WebhookDelivery>[] = [
    { key: 'created', header: 'Created', cell: (d) => formatDateTime(d.createdAt) },
    { key: 'event', header: 'Event', cell: (d) => <code className="text-xs">{d.eventType}</code> },
    {
      key: 'url',
      header: 'Endpoint',
      cell: (d) => <span className="break-all">{urlOf.get(d.subscriptionId)}</span>,
    },
    { key: 'status', header: 'Status', cell: (d) => <Badge tone={tones[d.status]}>{d.status}</Badge> },
    { key: 'attempts', header: 'Attempts', cell: (d) => d.attempts, className: 'tabular-nums' },
    { key: 'code', header: 'Response', cell: (d) => d.responseStatus ?? d.error ?? '—' },
    { key: 'ms', header: 'Duration', cell: (d) => (d.durationMs === null ? '—' : `${d.durationMs} ms`) },
    {
      key: 'actions',
      header: <span className="sr-only">Actions</span>,
      className: 'text-right',
      cell: (d) =>
        d.status === 'pending' ? null : (
          <Button
            variant="ghost"
            size="sm"
            disabled={replay.isPending}
            onClick={() => replay.mutate(d.id)}
            aria-label={`Replay delivery ${d.id}`}
          >
            Replay
          </Button>
        ),
    },
  ];

  return (
    <TableSection
      label="Deliveries"
      description="Every attempt's outcome; the first 2 KB of each response are kept."
      actions={
        <div className="flex gap-2">
          <SelectField
            label="Endpoint"
            hideLabel
            placeholder="All endpoints"
            options={subscriptions.map((s) => ({ value: s.id, label: s.url }))}
            value={filters.subscriptionId ?? ''}
            onChange={(e) => setFilters((f) => ({ ...f, subscriptionId: e.target.value || undefined }))}
          />
          <SelectField
            label="Status"
            hideLabel
            placeholder="Any status"
            options={WEBHOOK_DELIVERY_STATUSES.map((s) => ({ value: s, label: s }))}
            value={filters.status ?? ''}
            onChange={(e) =>
              setFilters((f) => ({
                ...f,
                status: (e.target.value || undefined) as DeliveryFilters['status'],
              }))
            }
          />
        </div>
      }
      testId="webhook-deliveries-table"
      columns={columns}
      query={deliveries}
      rows={deliveries.data}
      rowKey={(d) => d.id}
      empty="No deliveries match."
    />
  );
}
