import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startConnectionWatcher } from '../lib/connection-watcher';
import { useConnectionStore } from '../stores/connection-store';
import { createTestClient, envelope, errorResponse, stubFetch } from '../test/fake-fetch';
import { ReconnectBanner } from './reconnect-banner';

const MESSAGE = "We're trying to reconnect…";

describe('connection store', () => {
  it('starts reachable and only notifies on actual changes', () => {
    const listener = vi.fn();
    const unsubscribe = useConnectionStore.subscribe(listener);
    useConnectionStore.getState().setApiReachable(true);
    expect(listener).not.toHaveBeenCalled();
    useConnectionStore.getState().setApiReachable(false);
    useConnectionStore.getState().setApiReachable(false);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(useConnectionStore.getState().changedAt).toEqual(expect.any(Number));
    unsubscribe();
  });
});

describe('ReconnectBanner', () => {
  it('also shows while the live-update socket is lost, and goes away when it is back', () => {
    render(<ReconnectBanner />);
    expect(screen.queryByRole('status')).toBeNull();
    act(() => useConnectionStore.getState().setSocketConnected(false));
    expect(screen.getByRole('status').textContent).toBe(MESSAGE);
    act(() => useConnectionStore.getState().setSocketConnected(true));
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('renders only while the API is unreachable', () => {
    render(<ReconnectBanner />);
    expect(screen.queryByRole('status')).toBeNull();
    act(() => useConnectionStore.getState().setApiReachable(false));
    expect(screen.getByRole('status').textContent).toBe(MESSAGE);
    act(() => useConnectionStore.getState().setApiReachable(true));
    expect(screen.queryByRole('status')).toBeNull();
  });

  describe('with the connection watcher', () => {
    beforeEach(() => vi.useFakeTimers());
    afterEach(() => vi.useRealTimers());

    it('appears on a network failure and disappears by itself when /api/health answers (even 503)', async () => {
      const fetch = stubFetch(
        new TypeError('Failed to fetch'),
        new TypeError('Failed to fetch'),
        errorResponse('SERVICE_UNAVAILABLE', 503),
      );
      const stop = startConnectionWatcher({ random: () => 1 });
      render(<ReconnectBanner />);

      await act(() =>
        createTestClient()
          .client.get('/api/v1/contacts', { retries: 0 })
          .catch(() => undefined),
      );
      expect(screen.getByRole('status').textContent).toBe(MESSAGE);

      await act(() => vi.advanceTimersByTimeAsync(1_000)); // 1st probe: still down
      expect(fetch).toHaveBeenCalledTimes(2);
      expect(screen.getByRole('status')).toBeTruthy();

      await act(() => vi.advanceTimersByTimeAsync(2_000)); // 2nd probe: API answers 503 → reachable
      expect(fetch).toHaveBeenCalledTimes(3);
      expect(fetch.mock.calls[2]?.[0]).toBe('/api/health');
      expect(screen.queryByRole('status')).toBeNull();
      stop();
    });

    it('goes unreachable on the offline event and probes at once on online', async () => {
      stubFetch(envelope({}));
      const stop = startConnectionWatcher();
      render(<ReconnectBanner />);
      act(() => {
        window.dispatchEvent(new Event('offline'));
      });
      expect(screen.getByRole('status')).toBeTruthy();
      await act(async () => {
        window.dispatchEvent(new Event('online'));
        await vi.advanceTimersByTimeAsync(0);
      });
      expect(screen.queryByRole('status')).toBeNull();
      stop();
    });
  });
});
