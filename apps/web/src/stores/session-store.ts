import { create } from 'zustand';

export interface SessionState {
  /** CSRF token of the browser session (never persisted: after a reload it comes from `GET /auth/me`). */
  csrfToken: string | null;
  /** Set when a refresh failed: the route guard sends the user to the login page. */
  expired: boolean;
  setCsrfToken: (csrfToken: string | null) => void;
  /** A fresh session (login, sign-up, refresh, switch): stores its CSRF token and clears `expired`. */
  startSession: (session: { csrfToken?: string | undefined }) => void;
  /** The session could not be refreshed: forget the token and flag it for the route guard. */
  expire: () => void;
  clear: () => void;
}

export const useSessionStore = create<SessionState>()((set) => ({
  csrfToken: null,
  expired: false,
  setCsrfToken: (csrfToken) => set({ csrfToken }),
  startSession: ({ csrfToken }) =>
    set((state) => ({ csrfToken: csrfToken ?? state.csrfToken, expired: false })),
  expire: () => set({ csrfToken: null, expired: true }),
  clear: () => set({ csrfToken: null, expired: false }),
}));

/** Non-React accessors for the API client. */
export const getCsrfTokenFromStore = (): string | null => useSessionStore.getState().csrfToken;
export const expireSession = (): void => useSessionStore.getState().expire();
