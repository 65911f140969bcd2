import { Navigate, NavLink, Outlet, useLocation } from 'react-router';
import { ForbiddenState } from '../components/forbidden-state';
import { focusRing } from '../components/ui/focus-ring';
import { PageHeader } from '../components/ui/page-header';
import { usePermissions } from '../hooks/use-permission';
import { cn } from '../lib/cn';
import { featureVisible, useFeaturesOff } from '../lib/feature-flags';
import { canSee, settingsNavigation } from './navigation';

/** `/settings/*`: the settings sub-navigation (only pages the user may open) above the page. */
export function SettingsLayout() {
  const held = usePermissions();
  const off = useFeaturesOff();
  const items = settingsNavigation.filter((item) => canSee(item, held) && featureVisible(item.path, off));
  const { pathname } = useLocation();
  const first = items[0];
  if (pathname === '/settings' || pathname === '/settings/') {
    return first ? <Navigate to={first.path} replace /> : <ForbiddenState />;
  }
  return (
    <>
      <PageHeader title="Settings" description="Manage who is in your company and what they can do." />
      <nav aria-label="Settings" className="mb-6 border-b border-zinc-200 dark:border-zinc-800">
        <ul className="relative -mb-px flex gap-1 overflow-x-auto">
          {items.map((item) => (
            <li key={item.path}>
              <NavLink
                to={item.path}
                className={({ isActive }) =>
                  cn(
                    'block rounded-t-md border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap transition-colors',
                    focusRing,
                    isActive
                      ? 'border-indigo-600 text-indigo-700 dark:border-indigo-400 dark:text-indigo-300'
                      : 'border-transparent text-zinc-600 hover:border-zinc-300 hover:text-zinc-900 dark:text-zinc-400 dark:hover:border-zinc-600 dark:hover:text-zinc-100',
                  )
                }
              >
                {item.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}
