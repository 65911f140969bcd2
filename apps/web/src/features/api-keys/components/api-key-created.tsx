import { API_KEY_HEADER } from '@tessera/contracts';
import { Alert } from '../../../components/ui/alert';
import { CopyButton } from '../../../components/ui/copy-button';

/** The new key's secret with a Copy button — and the warning that it will not be shown again. */
export function ApiKeyCreated({
  apiKey,
}: {
  apiKey: { name: string; key: string; permissions: readonly string[] };
}) {
  return (
    <div className="space-y-4">
      <Alert tone="warning" title="Copy the key now" data-testid="api-key-warning">
        This is the only time the key is shown. Store it somewhere safe; if you lose it, revoke it and create
        a new one.
      </Alert>
      <div>
        <p className="text-sm font-medium text-zinc-800 dark:text-zinc-200">{apiKey.name}</p>
        <div className="mt-2 flex items-start gap-2">
          <code
            data-testid="api-key-secret"
            className="min-w-0 flex-1 rounded-md bg-zinc-100 px-3 py-2 font-mono text-sm break-all text-zinc-900 select-all dark:bg-zinc-800 dark:text-zinc-100"
          >
            {apiKey.key}
          </code>
          <CopyButton value={apiKey.key} aria-label="Copy API key" />
        </div>
        <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">
          {apiKey.permissions.length} permission{apiKey.permissions.length === 1 ? '' : 's'}. Send it in the{' '}
          <code>{API_KEY_HEADER}</code> header.
        </p>
      </div>
    </div>
  );
}
