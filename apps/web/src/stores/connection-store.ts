import { create } from 'zustand';

export interface ConnectionState {
  /** False after a request failed to reach the API; true again as soon as any HTTP answer arrives. */
  apiReachable: boolean;
  /** Epoch ms of the last flip (null until the first one). */
  changedAt: number | null;
  setApiReachable: (reachable: boolean) => void;
}

export const useConnectionStore = create<ConnectionState>()((set) => ({
  apiReachable: true,
  changedAt: null,
  setApiReachable: (reachable) =>
    set((state) =>
      state.apiReachable === reachable ? state : { apiReachable: reachable, changedAt: Date.now() },
    ),
}));

/** Non-React accessor used by the API client and the connection watcher. */
export function reportApiReachable(reachable: boolean): void {
  useConnectionStore.getState().setApiReachable(reachable);
}
