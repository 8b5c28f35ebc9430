/**
 * The colour theme on the page: the store holds what the user picked (system, light or
 * dark); these hooks resolve "system" through `prefers-color-scheme` (following it live,
 * as the operating system switches at dusk) and put the result on `<html>`.
 */
import { useLayoutEffect, useSyncExternalStore } from 'react';
import { useAppStore } from '../../store/store';
import { resolveTheme, type ResolvedTheme } from '../../theme';
import { usePresenting } from '../../store/selectors';

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** The media query list, or null where there is none (jsdom, very old engines). */
function darkQuery(): MediaQueryList | null {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia(DARK_QUERY)
    : null;
}

function subscribe(onChange: () => void): () => void {
  const query = darkQuery();
  if (!query) return () => {};
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

const systemPrefersDark = () => darkQuery()?.matches ?? false;

/** True while the operating system asks for dark colours. */
export function useSystemDark(): boolean {
  return useSyncExternalStore(subscribe, systemPrefersDark, () => false);
}

/** The theme the page shows now: the user's choice, with "system" resolved. */
export function useResolvedTheme(): ResolvedTheme {
  const choice = useAppStore((s) => s.theme);
  return resolveTheme(choice, useSystemDark());
}

/**
 * Puts the resolved theme on `<html>` as `data-theme` (theme.css keys its palette on it)
 * and as `color-scheme` (native controls and scroll bars follow). A layout effect, so the
 * attribute is there before any panel's effect reads colours from CSS (the canvas heatmap).
 */
export function useAppliedTheme(): void {
  const theme = useResolvedTheme();
  useLayoutEffect(() => {
    const root = document.documentElement;
    root.dataset.theme = theme;
    root.style.colorScheme = theme;
  }, [theme]);
}

/**
 * A string that changes whenever the page's colours do (the theme, or presentation mode's
 * high-contrast palette): a dependency for effects that read colours from CSS.
 */
export function usePaletteKey(): string {
  const theme = useResolvedTheme();
  const presenting = usePresenting();
  return presenting ? `${theme}-presenting` : theme;
}
