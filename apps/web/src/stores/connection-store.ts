import { create } from 'zustand';

export interface ConnectionState {
  /** False after a request failed to reach the API; true again as soon as any HTTP answer arrives. */
  apiReachable: boolean;
  /** Epoch ms of the last flip (null until the first one). */
  changedAt: number | null;
  setApiReachable: (reachable: boolean) => void;
  /** False while the live-update socket is lost (it reconnects by itself); true when none is expected. */
  socketConnected: boolean;
  setSocketConnected: (connected: boolean) => void;
}

export const useConnectionStore = create<ConnectionState>()((set) => ({
  apiReachable: true,
  changedAt: null,
  socketConnected: true,
  setSocketConnected: (connected) =>
    set((state) => (state.socketConnected === connected ? state : { socketConnected: connected })),
  setApiReachable: (reachable) =>
    set((state) =>
      state.apiReachable === reachable ? state : { apiReachable: reachable, changedAt: Date.now() },
    ),
}));

/** Non-React accessor used by the API client and the connection watcher. */
export function reportApiReachable(reachable: boolean): void {
  useConnectionStore.getState().setApiReachable(reachable);
}
