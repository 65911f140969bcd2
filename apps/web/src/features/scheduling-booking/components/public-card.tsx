import type { ReactNode } from 'react';

/** The card of the public booking pages (phone first: full width, generous touch targets). */
export function PublicCard({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="w-full rounded-xl border border-zinc-200 bg-white p-5 shadow-sm sm:p-8 dark:border-zinc-800 dark:bg-zinc-900">
      <h1 className="text-xl font-semibold tracking-tight text-zinc-900 dark:text-zinc-50">{title}</h1>
      {subtitle ? <div className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{subtitle}</div> : null}
      <div className="mt-5">{children}</div>
    </section>
  );
}

export function Loading({ label }: { label: string }) {
  return (
    <div aria-busy="true" className="w-full space-y-3">
      <span className="sr-only">{label}</span>
      <div className="h-6 w-2/3 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800" />
      <div className="h-24 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800" />
    </div>
  );
}
