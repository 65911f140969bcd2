import { cn } from '../../lib/cn';
import { type ToastTone, useToastStore } from '../../stores/toast-store';
import { focusRing } from './focus-ring';
import { CloseIcon } from './icons';

const tones: Record<ToastTone, string> = {
  info: 'border-zinc-200 bg-white text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100',
  success:
    'border-emerald-200 bg-emerald-50 text-emerald-900 dark:border-emerald-500/30 dark:bg-emerald-950 dark:text-emerald-200',
  danger: 'border-red-200 bg-red-50 text-red-800 dark:border-red-500/30 dark:bg-red-950 dark:text-red-200',
};

/** The toasts of `stores/toast-store`, bottom right; errors are announced at once. */
export function Toaster() {
  const toasts = useToastStore((state) => state.toasts);
  const dismiss = useToastStore((state) => state.dismiss);
  return (
    <div className="pointer-events-none fixed right-4 bottom-4 z-60 flex w-80 flex-col gap-2">
      {toasts.map((toast) => (
        <div
          key={toast.id}
          role={toast.tone === 'danger' ? 'alert' : 'status'}
          data-testid="toast"
          className={cn(
            'pointer-events-auto flex items-start gap-2 rounded-lg border px-3 py-2.5 text-sm shadow-lg',
            tones[toast.tone],
          )}
        >
          <p className="min-w-0 flex-1 break-words">{toast.message}</p>
          <button
            type="button"
            aria-label="Dismiss"
            className={cn('-m-1 shrink-0 rounded p-1 opacity-70 hover:opacity-100', focusRing)}
            onClick={() => dismiss(toast.id)}
          >
            <CloseIcon className="size-4" />
          </button>
        </div>
      ))}
    </div>
  );
}
