import { useLocation } from 'react-router';
import { navigation, settingsNavigation } from './navigation';

function locate(pathname: string): { section: string | null; label: string | null } {
  const setting = settingsNavigation.find(
    (item) => pathname === item.path || pathname.startsWith(`${item.path}/`),
  );
  if (setting) return { section: 'Settings', label: setting.label };
  if (pathname === '/profile') return { section: null, label: 'Profile' };
  if (pathname === '/profile/notifications') return { section: 'Profile', label: 'Notifications' };
  const section = navigation.find((candidate) => candidate.items.some((item) => item.path === pathname));
  const item = section?.items.find((candidate) => candidate.path === pathname);
  return { section: section?.title ?? null, label: item?.label ?? null };
}

/** "CRM › Leads" style label of the current page for the header (empty for unknown routes). */
export function CurrentLocation() {
  const { pathname } = useLocation();
  const { section, label } = locate(pathname);
  return (
    <p className="min-w-0 flex-1 truncate text-sm text-zinc-600 dark:text-zinc-400">
      {section ? (
        <>
          <span>{section}</span>
          <span aria-hidden="true" className="mx-1.5 text-zinc-400 dark:text-zinc-600">
            ›
          </span>
        </>
      ) : null}
      {label ? <span className="font-medium text-zinc-900 dark:text-zinc-100">{label}</span> : null}
    </p>
  );
}
