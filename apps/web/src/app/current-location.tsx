import { useLocation } from 'react-router';
import { navigation } from './navigation';

/** "CRM › Leads" style label of the current page for the header (empty for unknown routes). */
export function CurrentLocation() {
  const { pathname } = useLocation();
  const section = navigation.find((candidate) => candidate.items.some((item) => item.path === pathname));
  const item = section?.items.find((candidate) => candidate.path === pathname);
  return (
    <p className="min-w-0 flex-1 truncate text-sm text-zinc-600 dark:text-zinc-400">
      {section?.title ? (
        <>
          <span>{section.title}</span>
          <span aria-hidden="true" className="mx-1.5 text-zinc-400 dark:text-zinc-600">
            ›
          </span>
        </>
      ) : null}
      {item ? <span className="font-medium text-zinc-900 dark:text-zinc-100">{item.label}</span> : null}
    </p>
  );
}
