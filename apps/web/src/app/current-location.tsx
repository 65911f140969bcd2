import { Link, useLocation } from 'react-router';
import { usePageTitleStore } from '../stores/page-title-store';
import { navigation, settingsNavigation } from './navigation';

interface Location {
  section: string | null;
  label: string | null;
  /** Set on a page below a navigation entry (`/leads/:id`): the entry's path, linked in the crumb. */
  parentPath?: string;
}

function locate(pathname: string): Location {
  const setting = settingsNavigation.find(
    (item) => pathname === item.path || pathname.startsWith(`${item.path}/`),
  );
  if (setting) return { section: 'Settings', label: setting.label };
  if (pathname === '/profile') return { section: null, label: 'Profile' };
  if (pathname === '/profile/notifications') return { section: 'Profile', label: 'Notifications' };
  for (const section of navigation) {
    const item = section.items.find((candidate) => candidate.path === pathname);
    if (item) return { section: section.title ?? null, label: item.label };
  }
  for (const section of navigation) {
    const parent = section.items.find(
      (candidate) => candidate.path !== '/' && pathname.startsWith(`${candidate.path}/`),
    );
    if (parent) return { section: section.title ?? null, label: parent.label, parentPath: parent.path };
  }
  return { section: null, label: null };
}

const Separator = () => (
  <span aria-hidden="true" className="mx-1.5 text-zinc-400 dark:text-zinc-600">
    ›
  </span>
);

/**
 * "CRM › Leads" style breadcrumb of the current page for the header (empty for unknown routes); on a detail
 * page "CRM › Leads › Ada Lovelace", the list linked and the record named by its page title.
 */
export function CurrentLocation() {
  const { pathname } = useLocation();
  const title = usePageTitleStore((state) => state.title);
  const { section, label, parentPath } = locate(pathname);
  return (
    <nav aria-label="Breadcrumb" className="min-w-0 flex-1 truncate text-sm text-zinc-600 dark:text-zinc-400">
      {section ? (
        <>
          <span>{section}</span>
          <Separator />
        </>
      ) : null}
      {label && parentPath ? (
        <>
          <Link className="hover:text-zinc-900 hover:underline dark:hover:text-zinc-100" to={parentPath}>
            {label}
          </Link>
          {title && title !== label ? (
            <>
              <Separator />
              <span className="font-medium text-zinc-900 dark:text-zinc-100" aria-current="page">
                {title}
              </span>
            </>
          ) : null}
        </>
      ) : label ? (
        <span className="font-medium text-zinc-900 dark:text-zinc-100" aria-current="page">
          {label}
        </span>
      ) : null}
    </nav>
  );
}
