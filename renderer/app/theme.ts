import type { Theme } from '../../runtime/api/index.js';

/** The colours in use: light or dark. `system` follows the OS (prefers-color-scheme) and keeps following it. */
export function resolveTheme(theme: Theme, systemIsDark: boolean): 'light' | 'dark' {
  return theme === 'system' ? (systemIsDark ? 'dark' : 'light') : theme;
}

/**
 * Applies a theme to the page as `data-theme="light|dark"` on the root element (styles/theme.css
 * and each feature's dark colours key on it), at once, and again whenever the OS switches while
 * the theme is `system`. Answers a function that stops following the OS.
 */
export function applyTheme(theme: Theme, win: Window = window): () => void {
  const query = win.matchMedia('(prefers-color-scheme: dark)');
  const apply = () => {
    win.document.documentElement.dataset.theme = resolveTheme(theme, query.matches);
  };
  apply();
  if (theme !== 'system') return () => undefined;
  query.addEventListener('change', apply);
  return () => query.removeEventListener('change', apply);
}
