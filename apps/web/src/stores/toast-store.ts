import { create } from 'zustand';

export type ToastTone = 'info' | 'success' | 'danger';

export interface Toast {
  id: number;
  tone: ToastTone;
  message: string;
}

interface ToastState {
  toasts: Toast[];
  dismiss: (id: number) => void;
}

let nextId = 1;

/** Short-lived notices (a failed drag and drop, a finished action), shown by `<Toaster>`. */
export const useToastStore = create<ToastState>()((set) => ({
  toasts: [],
  dismiss: (id) => set((state) => ({ toasts: state.toasts.filter((toast) => toast.id !== id) })),
}));

/** Shows a toast for `ms` (default 6 s); returns its id. */
export function showToast(message: string, tone: ToastTone = 'info', ms = 6_000): number {
  const id = nextId++;
  useToastStore.setState((state) => ({ toasts: [...state.toasts.slice(-4), { id, tone, message }] }));
  setTimeout(() => useToastStore.getState().dismiss(id), ms);
  return id;
}
