import { useShellStore } from '../../state/shellStore';

export function ThemeToggle() {
  const theme = useShellStore((s) => s.theme);
  const setTheme = useShellStore((s) => s.setTheme);
  const dark = theme === 'dark';
  return (
    <button type="button" className="button" aria-pressed={dark} onClick={() => setTheme(dark ? 'light' : 'dark')}>
      Dark theme
    </button>
  );
}
