import { ThemeToggle } from '../components/theme-toggle';
import { buttonClasses } from '../components/ui/button';
import { ExternalLinkIcon, MenuIcon } from '../components/ui/icons';
import { TenantSwitcher } from '../features/auth/components/tenant-switcher';
import { UserMenu } from '../features/auth/components/user-menu';
import { NotificationBell } from '../features/notifications/components/notification-bell';
import { API_DOCS_URL } from '../lib/endpoints';
import { useFeaturesOff } from '../lib/feature-flags';
import { PaletteButton } from './command-palette/command-palette';
import { CurrentLocation } from './current-location';

export interface AppHeaderProps {
  menuOpen: boolean;
  onToggleMenu: () => void;
}

export function AppHeader({ menuOpen, onToggleMenu }: AppHeaderProps) {
  const notificationsOff = useFeaturesOff().has('notifications');
  return (
    <header className="sticky top-0 z-30 flex h-14 items-center gap-2 border-b border-zinc-200 bg-white/85 px-4 backdrop-blur dark:border-zinc-800 dark:bg-zinc-900/85">
      <button
        type="button"
        onClick={onToggleMenu}
        aria-expanded={menuOpen}
        aria-controls="app-sidebar"
        aria-label={menuOpen ? 'Close navigation' : 'Open navigation'}
        className={buttonClasses({ variant: 'ghost', size: 'sm', className: 'w-8 px-0 lg:hidden' })}
      >
        <MenuIcon className="size-4" />
      </button>
      <CurrentLocation />
      <PaletteButton />
      <a
        href={API_DOCS_URL}
        target="_blank"
        rel="noopener"
        className={buttonClasses({ variant: 'ghost', size: 'sm', className: 'max-md:hidden' })}
      >
        API docs
        <ExternalLinkIcon className="size-3.5" />
        <span className="sr-only">(opens in a new tab)</span>
      </a>
      {notificationsOff ? null : <NotificationBell />}
      <ThemeToggle />
      <TenantSwitcher />
      <UserMenu />
    </header>
  );
}
