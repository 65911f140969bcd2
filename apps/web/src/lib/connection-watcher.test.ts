import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useConnectionStore } from '../stores/connection-store';
import { startConnectionWatcher } from './connection-watcher';

const setReachable = (reachable: boolean) => useConnectionStore.getState().setApiReachable(reachable);

describe('startConnectionWatcher', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('does nothing while the API is reachable', async () => {
    const ping = vi.fn(async () => {});
    const stop = startConnectionWatcher({ ping });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(ping).not.toHaveBeenCalled();
    stop();
  });

  it('polls with exponential backoff from ~1 s up to a 10 s cap until the API answers', async () => {
    const probeTimes: number[] = [];
    const start = Date.now();
    let failures = 6;
    const ping = vi.fn(async () => {
      probeTimes.push(Date.now() - start);
      if (failures-- <= 0) setReachable(true);
    });
    const onReconnect = vi.fn();
    const stop = startConnectionWatcher({ ping, onReconnect, random: () => 1 });
    setReachable(false);
    await vi.advanceTimersByTimeAsync(120_000);
    // Gaps: 1 s, 2 s, 4 s, 8 s, then capped at 10 s.
    expect(probeTimes).toEqual([1_000, 3_000, 7_000, 15_000, 25_000, 35_000, 45_000]);
    expect(useConnectionStore.getState().apiReachable).toBe(true);
    expect(onReconnect).toHaveBeenCalledTimes(1);
    stop();
  });

  it('jitters each delay between half and the full backoff', async () => {
    const ping = vi.fn(async () => {});
    const stop = startConnectionWatcher({ ping, random: () => 0 });
    setReachable(false);
    await vi.advanceTimersByTimeAsync(499);
    expect(ping).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(ping).toHaveBeenCalledTimes(1);
    stop();
  });

  it('can probe once at start-up to notice an API that is already down', async () => {
    const ping = vi.fn(async () => setReachable(false));
    const stop = startConnectionWatcher({ ping, probeOnStart: true, random: () => 1 });
    await vi.advanceTimersByTimeAsync(0);
    expect(ping).toHaveBeenCalledTimes(1);
    expect(useConnectionStore.getState().apiReachable).toBe(false);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(ping).toHaveBeenCalledTimes(2);
    stop();
  });

  it('stops polling when stopped', async () => {
    const ping = vi.fn(async () => {});
    const stop = startConnectionWatcher({ ping, random: () => 1 });
    setReachable(false);
    await vi.advanceTimersByTimeAsync(1_000);
    stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(ping).toHaveBeenCalledTimes(1);
  });
});
