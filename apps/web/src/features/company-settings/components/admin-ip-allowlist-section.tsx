import { ADMIN_IP_ALLOWLIST_MAX, type AdminIpAllowlistDto } from '@tessera/contracts';
import { type FormEvent, useState } from 'react';
import { MutationError } from '../../../components/mutation-error';
import { Alert, ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextareaField } from '../../../components/ui/form-field';
import { Skeleton } from '../../../components/ui/skeleton';
import { isApiClientError } from '../../../lib/api-error';
import { useAdminIpAllowlist, useUpdateAdminIpAllowlist } from '../api/admin-ip-allowlist';

/** One address or range per line (commas and spaces also separate). */
export const parseAddressLines = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** "Admin access": the IP allowlist for settings, members, roles, API keys and webhooks. */
export function AdminIpAllowlistSection() {
  const list = useAdminIpAllowlist();
  // A reload (after a 409) starts the form again from the server's list; a save keeps what was typed.
  const [loads, setLoads] = useState(0);
  return (
    <section aria-labelledby="admin-access-heading" className="space-y-3 border-t pt-6 dark:border-zinc-800">
      <div>
        <h3 id="admin-access-heading" className="text-base font-semibold">
          Admin access by network address
        </h3>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Changes to company settings, members, roles, API keys and webhooks are allowed only from these
          addresses or ranges. Leave empty to allow any address.
        </p>
      </div>
      {list.isPending ? <Skeleton className="h-32 w-full" /> : null}
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data ? (
        <AllowlistForm
          key={loads}
          data={list.data}
          onReload={() => void list.refetch().then(() => setLoads((n) => n + 1))}
        />
      ) : null}
    </section>
  );
}

function AllowlistForm({ data, onReload }: { data: AdminIpAllowlistDto; onReload: () => void }) {
  const update = useUpdateAdminIpAllowlist();
  const [text, setText] = useState(data.addresses.join('\n'));
  const [saved, setSaved] = useState(false);
  const addresses = parseAddressLines(text);
  const fieldError =
    isApiClientError(update.error) && update.error.code === 'VALIDATION_ERROR'
      ? update.error.message
      : undefined;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    update.mutate({ addresses, version: data.version }, { onSuccess: () => setSaved(true) });
  };

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-3" aria-label="Admin access by network address">
      <TextareaField
        label="Allowed addresses and ranges"
        hint={`One per line, e.g. 203.0.113.7 or 203.0.113.0/24 (at most ${ADMIN_IP_ALLOWLIST_MAX}). Your address: ${data.yourAddress}`}
        rows={4}
        spellCheck={false}
        className="font-mono"
        value={text}
        error={fieldError}
        onChange={(e) => setText(e.target.value)}
      />
      {fieldError ? null : <MutationError error={update.error} what="The address list" onReload={onReload} />}
      {saved ? (
        <Alert tone="success">
          {addresses.length === 0 ? 'Admin changes are allowed from any address.' : 'Address list saved.'}
        </Alert>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={update.isPending}>
          Save address list
        </Button>
        {addresses.includes(data.yourAddress) ? null : (
          <Button variant="secondary" onClick={() => setText([...addresses, data.yourAddress].join('\n'))}>
            Add my address
          </Button>
        )}
      </div>
    </form>
  );
}
