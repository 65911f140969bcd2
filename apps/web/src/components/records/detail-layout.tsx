import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { isApiClientError } from '../../lib/api-error';
import { ErrorAlert } from '../ui/alert';
import { buttonClasses } from '../ui/button';
import { Card, CardBody, CardHeader } from '../ui/card';
import { EmptyState } from '../ui/empty-state';
import { Skeleton } from '../ui/skeleton';

export interface DetailField {
  label: string;
  value: ReactNode;
}

export interface DetailLayoutProps {
  /** Where "back" goes (the list). */
  back: { to: string; label: string };
  /** The record's kind, for loading / not-found messages ("lead"). */
  noun: string;
  isLoading: boolean;
  error: unknown;
  onRetry: () => void;
  title?: ReactNode;
  /** Badges and short facts under the title (status, owner, score…). */
  meta?: ReactNode;
  /** Buttons at the top right (edit, log a call, convert…). */
  actions?: ReactNode;
  /** Notices above the body (conflict, conversion result). */
  notice?: ReactNode;
  fields?: readonly DetailField[];
  /** Extra cards in the side column (related contacts, deals). */
  aside?: ReactNode;
  /** Main column, usually the timeline. */
  children?: ReactNode;
}

/** The one record detail page: header, fields card, side cards and the main column (timeline). */
export function DetailLayout({
  back,
  noun,
  isLoading,
  error,
  onRetry,
  title,
  meta,
  actions,
  notice,
  fields,
  aside,
  children,
}: DetailLayoutProps) {
  const backLink = (
    <Link to={back.to} className="text-sm text-indigo-600 hover:underline dark:text-indigo-400">
      ← {back.label}
    </Link>
  );
  if (error && !title) {
    const missing = isApiClientError(error) && error.status === 404;
    return (
      <div className="space-y-4">
        {backLink}
        {missing ? (
          <EmptyState
            title={`This ${noun} does not exist`}
            description="It may have been deleted, or the link is wrong."
            action={
              <Link to={back.to} className={buttonClasses({ variant: 'secondary' })}>
                {back.label}
              </Link>
            }
          />
        ) : (
          <ErrorAlert error={error} title={`Could not load this ${noun}`} onRetry={onRetry} />
        )}
      </div>
    );
  }
  if (isLoading || !title) {
    return (
      <div className="space-y-4" aria-busy="true">
        {backLink}
        <Skeleton className="h-8 w-64" />
        <Skeleton className="w-96" />
        <Skeleton className="mt-6 h-48 w-full" />
        <span className="sr-only">Loading {noun}…</span>
      </div>
    );
  }
  return (
    <div className="space-y-6">
      {backLink}
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight text-zinc-900 dark:text-zinc-50">{title}</h1>
          {meta ? (
            <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-zinc-600 dark:text-zinc-400">
              {meta}
            </div>
          ) : null}
        </div>
        {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
      </div>
      {notice}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-1">
          {fields ? (
            <Card>
              <CardHeader title="Details" />
              <CardBody>
                <dl className="space-y-3 text-sm">
                  {fields.map((field) => (
                    <div key={field.label}>
                      <dt className="text-xs font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">
                        {field.label}
                      </dt>
                      <dd className="mt-0.5 break-words text-zinc-900 dark:text-zinc-100">{field.value}</dd>
                    </div>
                  ))}
                </dl>
              </CardBody>
            </Card>
          ) : null}
          {aside}
        </div>
        <div className="min-w-0 lg:col-span-2">{children}</div>
      </div>
    </div>
  );
}
