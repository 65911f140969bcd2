import type { ReactNode } from 'react';
import { errorMessage, isApiClientError } from '../../lib/api-error';
import { cn } from '../../lib/cn';
import { Button } from './button';

export type AlertTone = 'info' | 'success' | 'warning' | 'danger';

const tones: Record<AlertTone, string> = {
  info: 'border-indigo-200 bg-indigo-50 text-indigo-900 dark:border-indigo-500/30 dark:bg-indigo-500/10 dark:text-indigo-200',
  success:
    'border-emerald-200 bg-emerald-50 text-emerald-900 dark:border-emerald-500/30 dark:bg-emerald-500/10 dark:text-emerald-200',
  warning:
    'border-amber-200 bg-amber-50 text-amber-900 dark:border-amber-500/30 dark:bg-amber-500/10 dark:text-amber-200',
  danger: 'border-red-200 bg-red-50 text-red-800 dark:border-red-500/30 dark:bg-red-500/10 dark:text-red-300',
};

export interface AlertProps {
  tone?: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  action?: ReactNode;
  className?: string;
  /** `alert` for errors (announced at once), `status` for confirmations. */
  role?: 'alert' | 'status';
  'data-testid'?: string;
}

export function Alert({ tone = 'info', title, children, action, className, role, ...rest }: AlertProps) {
  return (
    <div
      role={role ?? (tone === 'danger' ? 'alert' : 'status')}
      className={cn('flex items-start gap-3 rounded-md border px-3 py-2.5 text-sm', tones[tone], className)}
      data-testid={rest['data-testid']}
    >
      <div className="min-w-0 flex-1">
        {title ? <p className="font-medium">{title}</p> : null}
        {children ? <div className={cn(title ? 'mt-0.5' : undefined, 'break-words')}>{children}</div> : null}
      </div>
      {action ? <div className="shrink-0">{action}</div> : null}
    </div>
  );
}

export interface ErrorAlertProps {
  error: unknown;
  title?: ReactNode;
  /** Replaces the error's own message (e.g. with a friendlier, more specific one). */
  message?: ReactNode;
  onRetry?: () => void;
  className?: string;
}

/** An API (or other) error: its message, and the request id in small print for support. */
export function ErrorAlert({ error, title, message, onRetry, className }: ErrorAlertProps) {
  const requestId = isApiClientError(error) ? error.requestId : undefined;
  return (
    <Alert
      tone="danger"
      title={title}
      className={className}
      action={
        onRetry ? (
          <Button variant="secondary" size="sm" onClick={onRetry}>
            Try again
          </Button>
        ) : undefined
      }
    >
      <p>{message ?? errorMessage(error)}</p>
      {requestId ? (
        <p className="mt-1 font-mono text-[11px] opacity-75" data-testid="error-request-id">
          Request ID: {requestId}
        </p>
      ) : null}
    </Alert>
  );
}
