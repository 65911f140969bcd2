import './index.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { AppProviders } from './app/providers';
import { createAppRouter } from './app/router';
import { initTheme } from './stores/theme-store';

// Before the first render, so the page never flashes the wrong theme (no inline script: CSP).
initTheme();

const container = document.getElementById('root');
if (!container) throw new Error('Tessera: #root element missing from index.html');

createRoot(container).render(
  <StrictMode>
    <AppProviders>
      <RouterProvider router={createAppRouter()} />
    </AppProviders>
  </StrictMode>,
);
