import { type FocusEvent, type KeyboardEvent, useState } from 'react';

export interface RowKeyboardOptions {
  /** How many rows the table shows. */
  count: number;
  /** Enter on a row: open it (the row's element is given, e.g. to follow its link). */
  onOpen: (index: number, row: HTMLElement) => void;
  /** Space on a row: toggle its selection (omit when the table has none). */
  onToggle?: (index: number) => void;
}

export interface RowKeyboard {
  /** The row that takes Tab focus (the last one focused; the first by default). */
  active: number;
  /** Spread on the element holding the rows (`tbody`): handles the keys for every row. */
  bodyProps: { onKeyDown: (event: KeyboardEvent<HTMLElement>) => void };
  /** Spread on each row. */
  rowProps: (index: number) => {
    tabIndex: number;
    'data-row-index': number;
    onFocus: (event: FocusEvent<HTMLElement>) => void;
  };
}

const ROW_ATTR = 'data-row-index';

/**
 * Keyboard navigation of a table's rows (the data grid of every list): one row is in the Tab order; ↑/↓ move
 * to the previous/next row, Home/End to the first/last, Enter opens the row, Space toggles its selection.
 * Keys pressed inside a row's own controls (a checkbox, a link, a menu) are left to them.
 */
export function useRowKeyboard({ count, onOpen, onToggle }: RowKeyboardOptions): RowKeyboard {
  const [focused, setFocused] = useState(0);
  const active = count === 0 ? 0 : Math.min(focused, count - 1);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const row = event.target as HTMLElement;
    // Only keys pressed on a row itself, not on a control inside it.
    if (!row.hasAttribute?.(ROW_ATTR) || event.altKey || event.ctrlKey || event.metaKey) return;
    const index = Number(row.getAttribute(ROW_ATTR));
    const focusRow = (next: number) => {
      const target = event.currentTarget.querySelector<HTMLElement>(`[${ROW_ATTR}="${next}"]`);
      target?.focus();
    };
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (index < count - 1) focusRow(index + 1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (index > 0) focusRow(index - 1);
        break;
      case 'Home':
        event.preventDefault();
        focusRow(0);
        break;
      case 'End':
        event.preventDefault();
        focusRow(count - 1);
        break;
      case 'Enter':
        event.preventDefault();
        onOpen(index, row);
        break;
      case ' ':
        if (!onToggle) return;
        event.preventDefault();
        onToggle(index);
        break;
      default:
    }
  };

  return {
    active,
    bodyProps: { onKeyDown },
    rowProps: (index) => ({
      tabIndex: index === active ? 0 : -1,
      [ROW_ATTR]: index,
      onFocus: (event) => {
        if (event.target === event.currentTarget) setFocused(index);
      },
    }),
  };
}
