import { cn } from '../../lib/cn';

/** Grey placeholder block shown while content loads (decorative: mark the container `aria-busy`). */
export function Skeleton({ className }: { className?: string }) {
  return (
    <span
      aria-hidden="true"
      className={cn(
        'block h-4 animate-pulse rounded bg-zinc-200 motion-reduce:animate-none dark:bg-zinc-800',
        className,
      )}
    />
  );
}
