import { useEffect, useSyncExternalStore } from 'react';
import {
  applyTheme,
  getSystemTheme,
  systemThemeQuery,
  type Theme,
  useThemeStore,
} from '../stores/theme-store';

function subscribeToSystemTheme(onChange: () => void): () => void {
  const query = systemThemeQuery();
  query?.addEventListener('change', onChange);
  return () => query?.removeEventListener('change', onChange);
}

/** The theme in effect: the user's choice, else the OS preference (live). */
export function useResolvedTheme(): Theme {
  const preference = useThemeStore((state) => state.preference);
  const system = useSyncExternalStore(subscribeToSystemTheme, getSystemTheme, () => 'light' as const);
  return preference ?? system;
}

/** Keeps `<html class="dark">` in sync with the resolved theme. Mount once, near the root. */
export function useApplyTheme(): void {
  const theme = useResolvedTheme();
  useEffect(() => applyTheme(theme), [theme]);
}
