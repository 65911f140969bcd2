import { create } from 'zustand';

export interface PageTitleState {
  /** The current page's own title (a record's name on its page), as `useDocumentTitle` set it. */
  title: string | null;
  setTitle: (title: string | null) => void;
}

/** The page title for the header's breadcrumb ("CRM › Leads › Ada Lovelace"). */
export const usePageTitleStore = create<PageTitleState>()((set) => ({
  title: null,
  setTitle: (title) => set({ title }),
}));
