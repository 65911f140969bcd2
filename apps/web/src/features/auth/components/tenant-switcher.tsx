import { Alert } from '../../../components/ui/alert';
import { ChevronDownIcon } from '../../../components/ui/icons';
import { Menu } from '../../../components/ui/menu';
import { Spinner } from '../../../components/ui/spinner';
import { useSession } from '../../../hooks/use-me';
import { errorMessage } from '../../../lib/api-error';
import { useSwitchTenant } from '../api/switch-tenant';

/** Current company, and a menu to switch to another company the user belongs to. */
export function TenantSwitcher() {
  const { tenant, memberships } = useSession();
  const switching = useSwitchTenant();
  const name = (
    <span className="max-w-40 truncate text-sm font-medium" data-testid="current-tenant">
      {tenant.name}
    </span>
  );
  if (memberships.length <= 1)
    return <span className="hidden px-2 text-zinc-700 sm:inline dark:text-zinc-300">{name}</span>;
  return (
    <div className="flex items-center gap-2">
      <Menu
        label="Switch company"
        data-testid="tenant-switcher"
        align="end"
        triggerClassName="gap-1.5"
        trigger={
          <>
            {switching.isPending ? <Spinner label="Switching company" /> : null}
            {name}
            <ChevronDownIcon className="size-3.5" />
          </>
        }
        header={<p className="text-xs font-medium text-zinc-500 dark:text-zinc-400">Your companies</p>}
        items={memberships.map((membership) => ({
          key: membership.tenantId,
          label: membership.tenantName,
          hint: membership.status === 'disabled' ? `${membership.roleName} · disabled` : membership.roleName,
          checked: membership.tenantId === tenant.id,
          disabled: membership.status === 'disabled' || switching.isPending,
          onSelect: () => {
            if (membership.tenantId !== tenant.id) switching.mutate(membership.tenantId);
          },
        }))}
      />
      {switching.error ? (
        <Alert tone="danger" className="fixed right-4 bottom-4 z-50 max-w-sm shadow-lg">
          Could not switch company: {errorMessage(switching.error)}
        </Alert>
      ) : null}
    </div>
  );
}
