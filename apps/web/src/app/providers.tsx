import { QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useConnectionWatcher } from '../hooks/use-connection-watcher';
import { useApplyTheme } from '../hooks/use-theme';
import { createQueryClient } from '../lib/query-client';

/** App-wide side effects that need the providers above them. */
function AppEffects() {
  useApplyTheme();
  useConnectionWatcher();
  return null;
}

export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <AppEffects />
      {children}
    </QueryClientProvider>
  );
}
