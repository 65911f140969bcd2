import { fireEvent, render, screen } from '@testing-library/react';
import { createMemoryRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { describe, expect, it, vi } from 'vitest';
import { PageErrorBoundary, RouteErrorPage } from './error-boundary';

let shouldThrow = true;
function Flaky() {
  if (shouldThrow) throw new Error('Boom');
  return <p>Recovered</p>;
}

function Crash(): never {
  throw new Error('Layout exploded');
}

describe('error boundaries', () => {
  it('shows a friendly message instead of a crashed page and retries on "Try again"', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    shouldThrow = true;
    const router = createMemoryRouter([
      {
        path: '/',
        element: (
          <PageErrorBoundary>
            <Flaky />
          </PageErrorBoundary>
        ),
      },
    ]);
    render(<RouterProvider router={router} />);
    expect(screen.getByRole('alert').textContent).toContain('Something went wrong');
    shouldThrow = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('Recovered')).toBeTruthy();
  });

  it('renders the route error element when a route itself fails', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const router = createMemoryRouter([{ path: '/', element: <Crash />, errorElement: <RouteErrorPage /> }]);
    render(<RouterProvider router={router} />);
    expect((await screen.findByRole('alert')).textContent).toContain('Something went wrong');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
    expect(screen.getByText('Layout exploded')).toBeTruthy();
  });
});
