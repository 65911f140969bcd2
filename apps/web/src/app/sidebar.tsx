import { NavLink } from 'react-router';
import { focusRing } from '../components/ui/focus-ring';
import { usePermissions } from '../hooks/use-permission';
import { cn } from '../lib/cn';
import { featureVisible, useFeaturesOff } from '../lib/feature-flags';
import { useMyHub } from '../lib/hub';
import { filterNavigation, type NavSection, navigation } from './navigation';

function navLinkClasses({ isActive }: { isActive: boolean }): string {
  return cn(
    'flex items-center justify-between rounded-md px-3 py-1.5 text-sm transition-colors',
    focusRing,
    isActive
      ? 'bg-indigo-50 font-medium text-indigo-700 dark:bg-indigo-500/10 dark:text-indigo-300'
      : 'text-zinc-700 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-zinc-50',
  );
}

const HUB_INDEPENDENT = new Set(['/settings', '/status']);

/** Main navigation: the role hub's entries (or the default, filtered by permission and feature) + settings. */
export function Sidebar({ onNavigate }: { onNavigate?: () => void }) {
  const off = useFeaturesOff();
  const hub = useMyHub();
  const fixed = filterNavigation(navigation, usePermissions())
    .map((section) => ({ ...section, items: section.items.filter((item) => featureVisible(item.path, off)) }))
    .filter((section) => section.items.length > 0);
  // The role's hub decides the main entries (already filtered by the server); Settings and status stay.
  const sections: NavSection[] = hub.data
    ? [
        {
          title: null,
          items: hub.data.config.navigation.items.map((i) => ({
            path: i.path,
            label: i.label,
            description: '',
          })),
        },
        { title: null, items: fixed.flatMap((s) => s.items).filter((i) => HUB_INDEPENDENT.has(i.path)) },
      ]
    : fixed;
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
