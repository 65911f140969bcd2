import { create } from 'zustand';
import { persist } from 'zustand/middleware';

export type Theme = 'light' | 'dark';

export interface ThemeState {
  /** The user's explicit choice; `null` = follow the operating system (`prefers-color-scheme`). */
  preference: Theme | null;
  setTheme: (theme: Theme) => void;
  toggleTheme: () => void;
}

export const THEME_STORAGE_KEY = 'tessera-theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

export function systemThemeQuery(): MediaQueryList | undefined {
  return typeof window === 'undefined' || typeof window.matchMedia !== 'function'
    ? undefined
    : window.matchMedia(DARK_QUERY);
}

export function getSystemTheme(): Theme {
  return systemThemeQuery()?.matches ? 'dark' : 'light';
}

export function resolveTheme(preference: Theme | null): Theme {
  return preference ?? getSystemTheme();
}

export const useThemeStore = create<ThemeState>()(
  persist(
    (set, get) => ({
      preference: null,
      setTheme: (theme) => set({ preference: theme }),
      toggleTheme: () => set({ preference: resolveTheme(get().preference) === 'dark' ? 'light' : 'dark' }),
    }),
    { name: THEME_STORAGE_KEY, version: 1, partialize: ({ preference }) => ({ preference }) },
  ),
);

/** Puts `class="dark"` on `<html>` (or removes it). */
export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  root.classList.toggle('dark', theme === 'dark');
}

/** Applies the stored/system theme synchronously before the first render (no inline script: CSP). */
export function initTheme(): void {
  applyTheme(resolveTheme(useThemeStore.getState().preference));
}
