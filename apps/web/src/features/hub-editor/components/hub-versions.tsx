import { MutationError } from '../../../components/mutation-error';
import { Button } from '../../../components/ui/button';
import { formatDateTime } from '../../../lib/format';
import { useHubVersions, useRollbackHub } from '../api/hubs';

/** The saved versions of a role's hub, newest first, each but the current one with "Roll back". */
export function HubVersions({ roleId, version }: { roleId: string; version: number }) {
  const versions = useHubVersions(roleId);
  const rollback = useRollbackHub(roleId);
  if (!versions.data || versions.data.length === 0)
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        No saved versions: the role uses its base hub.
      </p>
    );
  return (
    <section aria-label="Versions" className="space-y-2">
      <h3 className="text-sm font-semibold">Versions</h3>
      <MutationError error={rollback.error} what="This hub" onReload={() => void versions.refetch()} />
      <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 text-sm dark:divide-zinc-800 dark:border-zinc-800">
        {versions.data.map((v) => (
          <li key={v.version} className="flex items-center justify-between gap-2 px-3 py-2">
            <span>
              <strong>v{v.version}</strong> · {formatDateTime(v.createdAt)}
              {v.note ? <span className="text-zinc-500"> · {v.note}</span> : null}
            </span>
            {v.current ? (
              <span className="text-xs text-zinc-500">current</span>
            ) : (
              <Button
                size="sm"
                variant="ghost"
                disabled={rollback.isPending}
                onClick={() => rollback.mutate({ toVersion: v.version, version })}
              >
                Roll back
              </Button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
