import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { useConnectionStore } from '../stores/connection-store';
import { useSessionStore } from '../stores/session-store';
import { useThemeStore } from '../stores/theme-store';

beforeEach(() => {
  useConnectionStore.setState({ apiReachable: true, changedAt: null });
  useThemeStore.setState({ preference: null });
  useSessionStore.setState({ csrfToken: null, expired: false });
});

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
  localStorage.clear();
  document.documentElement.className = '';
});
