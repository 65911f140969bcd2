import type { Logger } from 'pino';

export interface WakeLoop {
  start(): void;
  /** Asks the loop to run now (coalesced: one run follows any number of wakes). */
  wake(): void;
  /** Stops after the current run. */
  stop(): Promise<void>;
}

/**
 * Runs `work` again and again: right after a `wake()`, otherwise every `intervalMs` (the polling fallback).
 * A failing run is logged and retried at the next turn.
 */
export const createWakeLoop = (work: () => Promise<unknown>, intervalMs: number, log: Logger): WakeLoop => {
  let running = false;
  let woken = false;
  let interrupt: (() => void) | undefined;
  let loop: Promise<void> | undefined;

  const pause = () =>
    new Promise<void>((resolve) => {
      if (woken || !running) return resolve();
      const timer = setTimeout(resolve, intervalMs);
      interrupt = () => {
        clearTimeout(timer);
        resolve();
      };
    }).finally(() => {
      interrupt = undefined;
    });

  const run = async () => {
    while (running) {
      woken = false;
      try {
        await work();
      } catch (err) {
        log.error({ err }, 'event dispatch failed: retrying');
      }
      await pause();
    }
  };

  return {
    start: () => {
      if (running) return;
      running = true;
      loop = run();
    },
    wake: () => {
      woken = true;
      interrupt?.();
    },
    stop: async () => {
      running = false;
      interrupt?.();
      await loop;
    },
  };
};
