import { useCallback, useState } from 'react';
import { useMe } from './use-me';

function read(key: string): string[] | null {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(key) ?? 'null');
    return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : null;
  } catch {
    return null;
  }
}

/**
 * Visible columns of a grid, remembered per user (and company) in localStorage: `tessera-columns:<grid>:
 * <tenant>:<user>`. Unknown keys from an older version are dropped.
 */
export function usePersistedColumns(grid: string, allKeys: readonly string[], defaults: readonly string[]) {
  const { data: me } = useMe();
  const key = `tessera-columns:${grid}:${me?.tenant.id ?? '-'}:${me?.user.id ?? '-'}`;
  const [state, setState] = useState<{ key: string; columns: string[] | null }>(() => ({
    key,
    columns: read(key),
  }));
  const stored = state.key === key ? state.columns : read(key);
  const visible = (stored ?? [...defaults]).filter((column) => allKeys.includes(column));

  const setVisible = useCallback(
    (columns: readonly string[]) => {
      const next = allKeys.filter((column) => columns.includes(column));
      localStorage.setItem(key, JSON.stringify(next));
      setState({ key, columns: next });
    },
    [key, allKeys],
  );

  return [visible, setVisible] as const;
}
