import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useApplyTheme } from '../hooks/use-theme';
import { initTheme, THEME_STORAGE_KEY, useThemeStore } from '../stores/theme-store';
import { mockColorScheme } from '../test/match-media';
import { ThemeToggle } from './theme-toggle';

function Harness() {
  useApplyTheme();
  return <ThemeToggle />;
}

const isDark = () => document.documentElement.classList.contains('dark');
const stored = () => JSON.parse(localStorage.getItem(THEME_STORAGE_KEY) ?? 'null')?.state?.preference;

describe('theme', () => {
  it('follows prefers-color-scheme on the first visit', () => {
    mockColorScheme('dark');
    initTheme();
    expect(isDark()).toBe(true);
    render(<Harness />);
    expect(screen.getByRole('button', { name: 'Switch to light theme' })).toBeTruthy();
  });

  it('tracks OS changes until the user picks a theme', () => {
    const scheme = mockColorScheme('light');
    render(<Harness />);
    expect(isDark()).toBe(false);
    act(() => scheme.set('dark'));
    expect(isDark()).toBe(true);
  });

  it('toggles the html class, updates the label and persists the choice', () => {
    const scheme = mockColorScheme('light');
    render(<Harness />);
    fireEvent.click(screen.getByRole('button', { name: 'Switch to dark theme' }));
    expect(isDark()).toBe(true);
    expect(stored()).toBe('dark');
    expect(screen.getByRole('button', { name: 'Switch to light theme' })).toBeTruthy();
    act(() => scheme.set('light')); // an explicit choice wins over the OS
    expect(isDark()).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Switch to light theme' }));
    expect(isDark()).toBe(false);
    expect(stored()).toBe('light');
  });

  it('restores a stored choice', async () => {
    mockColorScheme('light');
    localStorage.setItem(THEME_STORAGE_KEY, JSON.stringify({ state: { preference: 'dark' }, version: 1 }));
    await useThemeStore.persist.rehydrate();
    initTheme();
    expect(isDark()).toBe(true);
  });
});
