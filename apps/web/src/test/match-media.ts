import { onTestFinished } from 'vitest';

/** Fakes `window.matchMedia('(prefers-color-scheme: dark)')`; `set()` flips it and fires `change`. */
export function mockColorScheme(initial: 'light' | 'dark') {
  let dark = initial === 'dark';
  const listeners = new Set<() => void>();
  const query = {
    get matches() {
      return dark;
    },
    media: '(prefers-color-scheme: dark)',
    addEventListener: (_type: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_type: string, listener: () => void) => listeners.delete(listener),
  };
  Object.defineProperty(window, 'matchMedia', { configurable: true, value: () => query });
  onTestFinished(() => {
    Reflect.deleteProperty(window, 'matchMedia');
  });
  return {
    set(scheme: 'light' | 'dark') {
      dark = scheme === 'dark';
      for (const listener of listeners) listener();
    },
  };
}
