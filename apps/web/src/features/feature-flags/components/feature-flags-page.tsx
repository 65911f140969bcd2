import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FeatureFlag } from '@tessera/contracts';
import { useState } from 'react';
import { MutationError } from '../../../components/mutation-error';
import { ErrorAlert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { PageHeader } from '../../../components/ui/page-header';
import { Skeleton } from '../../../components/ui/skeleton';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { FEATURE_FLAGS_QUERY_KEY, useFeatureFlags } from '../../../lib/feature-flags';

export interface RoleOption {
  id: string;
  name: string;
}

function useUpdateFlag() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ key, ...body }: { key: string; enabled: boolean; roleIds: string[]; version: number }) =>
      api.patch(v1(`feature-flags/${encodeURIComponent(key)}`), body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: FEATURE_FLAGS_QUERY_KEY }),
  });
}

/** `/settings/features`: turn modules on or off for the company, or for some roles only. */
export function FeatureFlagsPage({ roles }: { roles: readonly RoleOption[] | undefined }) {
  useDocumentTitle('Features');
  const flags = useFeatureFlags();
  const update = useUpdateFlag();
  const [error, setError] = useState<unknown>(null);
  const save = (flag: FeatureFlag, change: Partial<Pick<FeatureFlag, 'enabled' | 'roleIds'>>) => {
    setError(null);
    update.mutate(
      { key: flag.key, enabled: flag.enabled, roleIds: flag.roleIds, version: flag.version, ...change },
      { onError: setError },
    );
  };

  return (
    <div>
      <PageHeader
        headingLevel={2}
        title="Features"
        description="A feature that is off disappears from the navigation and its API answers 404. Changes apply at once."
      />
      <MutationError error={error} what="This feature" onReload={() => void flags.refetch()} />
      {flags.isPending ? <Skeleton className="h-64 w-full" /> : null}
      {flags.isError ? <ErrorAlert error={flags.error} onRetry={() => void flags.refetch()} /> : null}
      <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
        {flags.data?.map((flag) => (
          <li
            key={flag.key}
            className="flex flex-col gap-2 p-4 sm:flex-row sm:items-start sm:justify-between"
          >
            <div className="min-w-0">
              <p className="font-medium">
                {flag.label}{' '}
                {flag.enabled && flag.roleIds.length > 0 ? <Badge tone="warning">Some roles</Badge> : null}
              </p>
              <p className="text-sm text-zinc-600 dark:text-zinc-400">{flag.description}</p>
              {flag.enabled && roles ? (
                <details className="mt-2 text-sm">
                  <summary className="cursor-pointer text-zinc-600 dark:text-zinc-400">
                    Only for roles…
                  </summary>
                  <div className="mt-2 flex flex-wrap gap-3">
                    {roles.map((role) => (
                      <label key={role.id} className="flex items-center gap-1.5">
                        <input
                          type="checkbox"
                          checked={flag.roleIds.includes(role.id)}
                          disabled={update.isPending}
                          onChange={(e) =>
                            save(flag, {
                              roleIds: e.target.checked
                                ? [...flag.roleIds, role.id]
                                : flag.roleIds.filter((id) => id !== role.id),
                            })
                          }
                        />
                        {role.name}
                      </label>
                    ))}
                  </div>
                </details>
              ) : null}
            </div>
            <label className="flex shrink-0 items-center gap-2 text-sm font-medium">
              <input
                type="checkbox"
                role="switch"
                aria-checked={flag.enabled}
                aria-label={`${flag.label} on`}
                checked={flag.enabled}
                disabled={update.isPending}
                onChange={(e) => save(flag, { enabled: e.target.checked })}
                className="size-4"
              />
              {flag.enabled ? 'On' : 'Off'}
            </label>
          </li>
        ))}
      </ul>
    </div>
  );
}
