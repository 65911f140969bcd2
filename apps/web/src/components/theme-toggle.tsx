import { useResolvedTheme } from '../hooks/use-theme';
import { useThemeStore } from '../stores/theme-store';
import { Button } from './ui/button';
import { MoonIcon, SunIcon } from './ui/icons';

export function ThemeToggle() {
  const theme = useResolvedTheme();
  const toggleTheme = useThemeStore((state) => state.toggleTheme);
  const label = theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme';
  return (
    <Button
      variant="ghost"
      size="sm"
      onClick={toggleTheme}
      aria-label={label}
      title={label}
      className="w-8 px-0"
    >
      {theme === 'dark' ? <SunIcon className="size-4" /> : <MoonIcon className="size-4" />}
    </Button>
  );
}
