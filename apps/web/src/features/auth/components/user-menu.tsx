import { useNavigate } from 'react-router';
import { ChevronDownIcon } from '../../../components/ui/icons';
import { Menu } from '../../../components/ui/menu';
import { useSession } from '../../../hooks/use-me';
import { useLogout } from '../api/logout';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase() || '?';
}

/** Header menu of the signed-in user: who they are, Profile, Sign out. */
export function UserMenu() {
  const { user } = useSession();
  const navigate = useNavigate();
  const logout = useLogout();
  return (
    <Menu
      label="Account menu"
      data-testid="user-menu"
      triggerClassName="gap-1.5 px-1.5"
      trigger={
        <>
          <span
            aria-hidden="true"
            className="flex size-7 items-center justify-center rounded-full bg-indigo-100 text-xs font-semibold text-indigo-700 dark:bg-indigo-500/20 dark:text-indigo-200"
          >
            {initials(user.name)}
          </span>
          <span className="hidden max-w-32 truncate text-sm sm:inline">{user.name}</span>
          <ChevronDownIcon className="size-3.5" />
        </>
      }
      header={
        <>
          <p
            className="truncate text-sm font-medium text-zinc-900 dark:text-zinc-50"
            data-testid="user-menu-name"
          >
            {user.name}
          </p>
          <p className="truncate text-xs text-zinc-500 dark:text-zinc-400" data-testid="user-menu-email">
            {user.email}
          </p>
        </>
      }
      items={[
        { key: 'profile', label: 'Profile', onSelect: () => void navigate('/profile') },
        {
          key: 'notifications',
          label: 'Notification preferences',
          onSelect: () => void navigate('/profile/notifications'),
        },
        {
          key: 'sign-out',
          label: logout.isPending ? 'Signing out…' : 'Sign out',
          disabled: logout.isPending,
          onSelect: () => logout.mutate(),
        },
      ]}
    />
  );
}
