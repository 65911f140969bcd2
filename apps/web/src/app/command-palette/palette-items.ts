import type { FeatureFlagKey, Permission, SearchResult } from '@tessera/contracts';
import { featureVisible } from '../../lib/feature-flags';
import { canSee, type NavItem, navItems, settingsNavigation } from '../navigation';

/** One row of the palette: a record found by the search, or a command (open a page, or its "New …" dialog). */
export interface PaletteItem {
  id: string;
  /** The heading it is listed under ("Leads", "Create", "Go to"). */
  group: string;
  label: string;
  detail: string | null;
  /** Where Enter takes the member (a path of the app). */
  path: string;
}

interface CreateCommand {
  label: string;
  path: string;
  /** To open the page and to create there. */
  permissions: readonly Permission[];
}

/** "New …" commands: each opens its list page with the create dialog open (`?new=1`). */
const CREATE_COMMANDS: readonly CreateCommand[] = [
  { label: 'New lead', path: '/leads', permissions: ['leads.view', 'leads.create'] },
  { label: 'New deal', path: '/deals', permissions: ['deals.view', 'deals.create'] },
  { label: 'New company', path: '/companies', permissions: ['companies.view', 'companies.create'] },
  { label: 'New contact', path: '/contacts', permissions: ['contacts.view', 'contacts.create'] },
  { label: 'New task', path: '/tasks', permissions: ['tasks.view', 'tasks.create'] },
  { label: 'New job', path: '/jobs', permissions: ['jobs.view', 'jobs.manage'] },
];

/** The pages the member may open: the navigation and settings entries they may see, built and switched on. */
export function visiblePages(
  held: ReadonlySet<Permission>,
  off: ReadonlySet<FeatureFlagKey>,
): readonly NavItem[] {
  return [...navItems, ...settingsNavigation].filter(
    (item) => !item.comingSoon && canSee(item, held) && featureVisible(item.path, off),
  );
}

/** Every command the member may run: "New …" first, then "Go to <page>". */
export function paletteCommands(
  held: ReadonlySet<Permission>,
  off: ReadonlySet<FeatureFlagKey>,
): PaletteItem[] {
  const creates = CREATE_COMMANDS.filter(
    (c) => c.permissions.every((p) => held.has(p)) && featureVisible(c.path, off),
  ).map((c) => ({
    id: `create:${c.path}`,
    group: 'Create',
    label: c.label,
    detail: null,
    path: `${c.path}?new=1`,
  }));
  const pages = visiblePages(held, off).map((item) => ({
    id: `page:${item.path}`,
    group: 'Go to',
    label: item.label,
    detail: item.description || null,
    path: item.path,
  }));
  return [...creates, ...pages];
}

/** Commands whose label holds every word of `query` (case-insensitive); all of them for an empty query. */
export function matchCommands(commands: readonly PaletteItem[], query: string): PaletteItem[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...commands];
  return commands.filter((c) => {
    const text = `${c.group === 'Go to' ? 'go to ' : ''}${c.label}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

/**
 * The search's hits as palette rows, keeping only those the member can open here: a record whose page is a
 * built page they may see (a kind without a page yet, such as jobs, is left out rather than leading nowhere).
 */
export function recordItems(result: SearchResult | undefined, pages: readonly NavItem[]): PaletteItem[] {
  if (!result) return [];
  const opens = (url: string) => pages.some((p) => p.path !== '/' && url.startsWith(`${p.path}/`));
  return result.groups.flatMap((group) =>
    group.hits
      .filter((hit) => opens(hit.url))
      .map((hit) => ({
        id: `${hit.type}:${hit.id}`,
        group: group.label,
        label: hit.title,
        detail: hit.subtitle,
        path: hit.url,
      })),
  );
}
