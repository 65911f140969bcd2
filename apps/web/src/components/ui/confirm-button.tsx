import { type ReactNode, useState } from 'react';
import { Button } from './button';
import { ConfirmDialog } from './confirm-dialog';

/** The state of the mutation a confirm button runs (a TanStack Query mutation fits). */
export interface ConfirmAction {
  isPending: boolean;
  error: unknown;
  reset: () => void;
}

export interface ConfirmButtonProps {
  /** Button text and the dialog's confirm label ("Delete role"). */
  label: string;
  title: string;
  children: ReactNode;
  action: ConfirmAction;
  /** Runs the action; call `done` on success to close the dialog. */
  onConfirm: (done: () => void) => void;
}

/** A secondary button that asks "Are you sure?" before a destructive action (delete a role, a team…). */
export function ConfirmButton({ label, title, children, action, onConfirm }: ConfirmButtonProps) {
  const [open, setOpen] = useState(false);
  const close = () => {
    setOpen(false);
    action.reset();
  };
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {label}
      </Button>
      <ConfirmDialog
        open={open}
        onClose={close}
        title={title}
        confirmLabel={label}
        pending={action.isPending}
        error={action.error}
        onConfirm={() => onConfirm(close)}
      >
        {children}
      </ConfirmDialog>
    </>
  );
}
