import { useEffect } from 'react';
import { usePageTitleStore } from '../stores/page-title-store';

export const APP_NAME = 'Tessera';

/**
 * Sets `document.title` to `"<title> · Tessera"` while the calling page is mounted, and gives the title to
 * the header's breadcrumb (a detail page's last crumb is its record's name).
 */
export function useDocumentTitle(title: string): void {
  const setTitle = usePageTitleStore((state) => state.setTitle);
  useEffect(() => {
    document.title = `${title} · ${APP_NAME}`;
    setTitle(title);
    return () => setTitle(null);
  }, [title, setTitle]);
}
