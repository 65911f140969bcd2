import type { ReactNode } from 'react';

export interface PageHeaderProps {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  /** 1 for a page, 2 for a sub-page under a layout's own h1 (e.g. settings). */
  headingLevel?: 1 | 2;
}

export function PageHeader({ title, description, actions, headingLevel = 1 }: PageHeaderProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div className="min-w-0">
        <Heading
          className={
            headingLevel === 1
              ? 'text-2xl font-semibold tracking-tight text-zinc-900 dark:text-zinc-50'
              : 'text-lg font-semibold text-zinc-900 dark:text-zinc-50'
          }
        >
          {title}
        </Heading>
        {description ? <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{description}</p> : null}
      </div>
      {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
    </div>
  );
}
