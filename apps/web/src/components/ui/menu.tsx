import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { cn } from '../../lib/cn';
import { type ButtonVariant, buttonClasses } from './button';
import { CheckIcon } from './icons';

export interface MenuItem {
  key: string;
  label: ReactNode;
  hint?: ReactNode;
  onSelect: () => void;
  disabled?: boolean;
  /** Radio-style item (e.g. the current tenant): rendered with a check mark and `aria-checked`. */
  checked?: boolean;
}

export interface MenuProps {
  /** Accessible name of the trigger button (e.g. "Account menu"). */
  label: string;
  trigger: ReactNode;
  items: readonly MenuItem[];
  /** Non-interactive content above the items (e.g. the user's name and e-mail). */
  header?: ReactNode;
  align?: 'start' | 'end';
  triggerClassName?: string;
  /** The trigger button's look (default `ghost`; `secondary` next to other toolbar buttons). */
  triggerVariant?: ButtonVariant;
  'data-testid'?: string;
}

function menuItemsOf(root: HTMLElement | null): HTMLElement[] {
  return [...(root?.querySelectorAll<HTMLElement>('[role^="menuitem"]:not([disabled])') ?? [])];
}

/** The one drop-down menu: button + `role="menu"`; arrows move, Escape / outside click close. */
export function Menu({
  label,
  trigger,
  items,
  header,
  align = 'end',
  triggerClassName,
  triggerVariant = 'ghost',
  ...rest
}: MenuProps) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    menuItemsOf(root.current)[0]?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (!open) return;
    const list = menuItemsOf(root.current);
    const index = list.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'Escape') {
      setOpen(false);
      button.current?.focus();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      list[(index + step + list.length) % list.length]?.focus();
    } else if (event.key === 'Tab') {
      setOpen(false);
    }
  };

  return (
    <div ref={root} className="relative" data-testid={rest['data-testid']}>
      <button
        ref={button}
        type="button"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((value) => !value)}
        className={buttonClasses({ variant: triggerVariant, size: 'sm', className: triggerClassName })}
      >
        {trigger}
      </button>
      {open ? (
        <div
          id={menuId}
          role="menu"
          aria-label={label}
          onKeyDown={onKeyDown}
          className={cn(
            'absolute top-full z-40 mt-1 w-64 overflow-hidden rounded-lg border border-zinc-200 bg-white py-1 shadow-lg dark:border-zinc-700 dark:bg-zinc-900',
            align === 'end' ? 'right-0' : 'left-0',
          )}
        >
          {header ? (
            <div className="border-b border-zinc-200 px-3 pt-1.5 pb-2.5 dark:border-zinc-800">{header}</div>
          ) : null}
          {items.map((item) => (
            <button
              key={item.key}
              type="button"
              {...(item.checked === undefined
                ? { role: 'menuitem' }
                : { role: 'menuitemradio', 'aria-checked': item.checked })}
              disabled={item.disabled}
              tabIndex={-1}
              onClick={() => {
                setOpen(false);
                item.onSelect();
              }}
              className="flex w-full items-center gap-2 px-3 py-2 text-left text-sm text-zinc-800 hover:bg-zinc-100 focus:bg-zinc-100 focus:outline-none disabled:cursor-not-allowed disabled:opacity-50 dark:text-zinc-200 dark:hover:bg-zinc-800 dark:focus:bg-zinc-800"
            >
              {item.checked !== undefined ? (
                <CheckIcon
                  className={cn(
                    'size-4 shrink-0',
                    item.checked ? 'text-indigo-600 dark:text-indigo-400' : 'invisible',
                  )}
                />
              ) : null}
              <span className="min-w-0 flex-1">
                <span className="block truncate">{item.label}</span>
                {item.hint ? (
                  <span className="block truncate text-xs text-zinc-500 dark:text-zinc-400">{item.hint}</span>
                ) : null}
              </span>
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
