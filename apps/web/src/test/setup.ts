import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { useConnectionStore } from '../stores/connection-store';
import { useSessionStore } from '../stores/session-store';
import { useThemeStore } from '../stores/theme-store';

// Pages are lazy chunks (route-level code splitting): the first render of one in a test run waits for its
// module to be transformed, which on a busy machine can take longer than Testing Library's 1 s default.
configure({ asyncUtilTimeout: 5000 });

beforeEach(() => {
  useConnectionStore.setState({ apiReachable: true, changedAt: null });
  useThemeStore.setState({ preference: null });
  useSessionStore.setState({ csrfToken: null, expired: false });
});

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
  localStorage.clear();
  document.cookie = 'tessera_csrf=; path=/; max-age=0';
  document.documentElement.className = '';
});
