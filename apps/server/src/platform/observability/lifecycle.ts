export type LifecycleState = 'starting' | 'ready' | 'stopping';

/** Where the process is in its life, for readiness: `main.ts` moves it to ready, then to stopping on SIGTERM. */
export interface Lifecycle {
  state(): LifecycleState;
  set(state: LifecycleState): void;
}

export const createLifecycle = (initial: LifecycleState = 'starting'): Lifecycle => {
  let current = initial;
  return {
    state: () => current,
    set: (state) => {
      current = state;
    },
  };
};
