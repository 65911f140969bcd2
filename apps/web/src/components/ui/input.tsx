import type { ComponentProps, ReactNode } from 'react';
import { cn } from '../../lib/cn';

/** Shared look of text inputs, selects and text areas (`invalid` = red border). */
export function controlClasses(invalid = false, className?: string): string {
  return cn(
    'block w-full rounded-md border bg-white px-3 text-sm text-zinc-900 shadow-sm placeholder:text-zinc-400',
    'focus:outline-2 focus:-outline-offset-1 focus:outline-indigo-600 dark:focus:outline-indigo-400',
    'disabled:cursor-not-allowed disabled:bg-zinc-50 disabled:text-zinc-500 dark:bg-zinc-900 dark:text-zinc-100',
    'dark:placeholder:text-zinc-500 dark:disabled:bg-zinc-800/50 dark:disabled:text-zinc-400',
    invalid ? 'border-red-500 dark:border-red-400' : 'border-zinc-300 dark:border-zinc-700',
    className,
  );
}

export interface ControlProps {
  invalid?: boolean | undefined;
}

export function Input({ invalid, className, ...props }: ComponentProps<'input'> & ControlProps) {
  return <input className={controlClasses(invalid, cn('h-10', className))} {...props} />;
}

export function Select({ invalid, className, ...props }: ComponentProps<'select'> & ControlProps) {
  return <select className={controlClasses(invalid, cn('h-10 pr-8', className))} {...props} />;
}

export function Textarea({ invalid, className, ...props }: ComponentProps<'textarea'> & ControlProps) {
  return <textarea className={controlClasses(invalid, cn('py-2', className))} {...props} />;
}

const checkboxClasses =
  'size-4 rounded border-zinc-300 accent-indigo-600 disabled:cursor-not-allowed dark:border-zinc-600 dark:accent-indigo-400';

/** Native checkbox in the design system's colours. */
export function Checkbox({ className, ...props }: Omit<ComponentProps<'input'>, 'type'>) {
  return <input type="checkbox" className={cn(checkboxClasses, className)} {...props} />;
}

/** A checkbox with its visible label (the label is the accessible name). */
export function CheckboxField({
  label,
  className,
  ...props
}: Omit<ComponentProps<'input'>, 'type'> & { label: ReactNode }) {
  return (
    <label className={cn('flex items-center gap-2 text-sm text-zinc-800 dark:text-zinc-200', className)}>
      <input type="checkbox" className={checkboxClasses} {...props} />
      {label}
    </label>
  );
}
