import { useEffect } from 'react';

export const APP_NAME = 'Tessera';

/** Sets `document.title` to `"<title> · Tessera"` while the calling page is mounted. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · ${APP_NAME}`;
  }, [title]);
}
