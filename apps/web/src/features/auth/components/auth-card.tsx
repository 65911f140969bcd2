import type { ReactNode } from 'react';

export interface AuthCardProps {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  /** Links under the card ("Forgot your password?", "Create an account"). */
  footer?: ReactNode;
}

/** The card every public page (sign-in, sign-up, reset, invitation) is built from. */
export function AuthCard({ title, description, children, footer }: AuthCardProps) {
  return (
    <div className="w-full">
      <div className="rounded-xl border border-zinc-200 bg-white p-6 shadow-sm sm:p-8 dark:border-zinc-800 dark:bg-zinc-900">
        <h1 className="text-xl font-semibold tracking-tight text-zinc-900 dark:text-zinc-50">{title}</h1>
        {description ? (
          <div className="mt-1.5 text-sm text-zinc-600 dark:text-zinc-400">{description}</div>
        ) : null}
        <div className="mt-6">{children}</div>
      </div>
      {footer ? (
        <div className="mt-4 flex flex-col items-center gap-1 text-sm text-zinc-600 dark:text-zinc-400">
          {footer}
        </div>
      ) : null}
    </div>
  );
}

/** A text link in the auth pages' style. */
export const authLinkClass =
  'font-medium text-indigo-600 underline-offset-2 hover:underline dark:text-indigo-400';
