import type { ApiKey } from '@tessera/contracts';
import { useState } from 'react';
import { TableSection } from '../../../components/table-section';
import { Badge, type BadgeTone } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import type { Column } from '../../../components/ui/data-table';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useApiKeys } from '../api/list-api-keys';
import { useRevokeApiKey } from '../api/revoke-api-key';
import { CreateApiKeyDialog } from './create-api-key-dialog';

function keyStatus(key: ApiKey, now = Date.now()): { label: string; tone: BadgeTone } {
  if (key.revokedAt) return { label: 'Revoked', tone: 'neutral' };
  if (key.expiresAt && Date.parse(key.expiresAt) < now) return { label: 'Expired', tone: 'warning' };
  return { label: 'Active', tone: 'success' };
}

/** `/settings/api-keys`: keys for integrations; create (shown once) and revoke. */
export function ApiKeysPage() {
  useDocumentTitle('API keys');
  const keys = useApiKeys();
  const revoke = useRevokeApiKey();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);

  const columns: Column<ApiKey>[] = [
    { key: 'name', header: 'Name', cell: (key) => <span className="font-medium">{key.name}</span> },
    { key: 'prefix', header: 'Key', cell: (key) => <code className="font-mono text-xs">{key.prefix}…</code> },
    {
      key: 'permissions',
      header: 'Permissions',
      cell: (key) => key.permissions.length,
      className: 'tabular-nums',
    },
    {
      key: 'last-used',
      header: 'Last used',
      cell: (key) => (key.lastUsedAt ? formatDateTime(key.lastUsedAt) : 'Never'),
    },
    {
      key: 'expires',
      header: 'Expires',
      cell: (key) => (key.expiresAt ? formatDate(key.expiresAt) : 'Never'),
    },
    {
      key: 'status',
      header: 'Status',
      cell: (key) => {
        const status = keyStatus(key);
        return <Badge tone={status.tone}>{status.label}</Badge>;
      },
    },
    {
      key: 'actions',
      header: <span className="sr-only">Actions</span>,
      className: 'text-right',
      cell: (key) =>
        key.revokedAt ? null : (
          <Button
            variant="ghost"
            size="sm"
            onClick={() => setRevoking(key)}
            aria-label={`Revoke ${key.name}`}
          >
            Revoke
          </Button>
        ),
    },
  ];

  return (
    <TableSection
      label="API keys"
      description="Keys let scripts and integrations call the Tessera API with the permissions you choose."
      actions={<Button onClick={() => setCreating(true)}>Create API key</Button>}
      testId="api-keys-table"
      columns={columns}
      query={keys}
      rows={keys.data}
      rowKey={(key) => key.id}
      empty="No API keys yet."
    >
      <CreateApiKeyDialog open={creating} onClose={() => setCreating(false)} />
      <ConfirmDialog
        open={revoking !== null}
        onClose={() => {
          setRevoking(null);
          revoke.reset();
        }}
        title={`Revoke ${revoking?.name ?? 'key'}?`}
        confirmLabel="Revoke key"
        pending={revoke.isPending}
        error={revoke.error}
        onConfirm={() => revoking && revoke.mutate(revoking.id, { onSuccess: () => setRevoking(null) })}
      >
        Anything using this key stops working immediately. This cannot be undone.
      </ConfirmDialog>
    </TableSection>
  );
}
