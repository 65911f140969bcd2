import type { ReactNode } from 'react';
import { ErrorAlert } from './alert';
import { Button } from './button';
import { Dialog, DialogFooter } from './dialog';
import { Spinner } from './spinner';

export interface ConfirmDialogProps {
  open: boolean;
  onClose: () => void;
  onConfirm: () => void;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  pending?: boolean;
  error?: unknown;
  tone?: 'danger' | 'primary';
}

/** "Are you sure?" built on `Dialog`, for destructive actions (remove, revoke, delete). */
export function ConfirmDialog({
  open,
  onClose,
  onConfirm,
  title,
  children,
  confirmLabel,
  pending = false,
  error,
  tone = 'danger',
}: ConfirmDialogProps) {
  return (
    <Dialog open={open} onClose={onClose} title={title} size="sm">
      {children ? <div className="text-sm text-zinc-700 dark:text-zinc-300">{children}</div> : null}
      {error ? <ErrorAlert error={error} className="mt-4" /> : null}
      <DialogFooter>
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button variant={tone === 'danger' ? 'danger' : 'primary'} onClick={onConfirm} disabled={pending}>
          {pending ? <Spinner /> : null}
          {confirmLabel}
        </Button>
      </DialogFooter>
    </Dialog>
  );
}
