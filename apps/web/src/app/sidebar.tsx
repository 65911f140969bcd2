import { NavLink } from 'react-router';
import { focusRing } from '../components/ui/focus-ring';
import { usePermissions } from '../hooks/use-permission';
import { cn } from '../lib/cn';
import { featureVisible, useFeaturesOff } from '../lib/feature-flags';
import { filterNavigation, navigation } from './navigation';

function navLinkClasses({ isActive }: { isActive: boolean }): string {
  return cn(
    'flex items-center justify-between rounded-md px-3 py-1.5 text-sm transition-colors',
    focusRing,
    isActive
      ? 'bg-indigo-50 font-medium text-indigo-700 dark:bg-indigo-500/10 dark:text-indigo-300'
      : 'text-zinc-700 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-zinc-50',
  );
}

/** Main navigation, filtered by the user's permissions and the features that are on. */
export function Sidebar({ onNavigate }: { onNavigate?: () => void }) {
  const off = useFeaturesOff();
  const sections = filterNavigation(navigation, usePermissions())
    .map((section) => ({ ...section, items: section.items.filter((item) => featureVisible(item.path, off)) }))
    .filter((section) => section.items.length > 0);
  return (
    <nav aria-label="Main" className="flex flex-col gap-5 px-3 py-4">
      {sections.map((section, index) => {
        const headingId = section.title ? `nav-${section.title.toLowerCase()}` : undefined;
        return (
          <div key={section.title ?? `group-${index}`}>
            {section.title ? (
              <h2
                id={headingId}
                className="mb-1 px-3 text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400"
              >
                {section.title}
              </h2>
            ) : null}
            <ul aria-labelledby={headingId} className="flex flex-col gap-0.5">
              {section.items.map((item) => (
                <li key={item.path}>
                  <NavLink
                    to={item.path}
                    end={item.path === '/'}
                    className={navLinkClasses}
                    onClick={onNavigate}
                  >
                    {item.label}
                    {item.comingSoon ? (
                      <span className="text-[10px] font-medium uppercase tracking-wide text-zinc-400 dark:text-zinc-500">
                        Soon
                      </span>
                    ) : null}
                  </NavLink>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </nav>
  );
}
