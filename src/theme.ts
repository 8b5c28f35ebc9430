/**
 * The colour themes: light (the app's first palette), dark, and the high-contrast pair that
 * presentation mode uses on a projector. The stylesheets hold the same values as CSS custom
 * properties (light in styles.css, the others in theme.css); this module lists the key
 * colours in TypeScript so that tests can check their contrast (WCAG AA) and that the
 * stylesheets still say the same (test/viz/theme.test.ts reads the CSS as text).
 *
 * Also the user's choice (system, light or dark) and its memory in localStorage.
 */

/** What the user picked: follow the operating system, or one theme whatever it says. */
export type ThemeChoice = 'system' | 'light' | 'dark';

/** A theme actually shown. */
export type ResolvedTheme = 'light' | 'dark';

/** Every choice, in the order the switch offers them. */
export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

/** The key colours of one palette, as `#rrggbb`. */
export interface ThemePalette {
  /** The page (--bg). */
  readonly background: string;
  /** Panels drawn on the page (--panel-bg). */
  readonly surface: string;
  /** Body text (--fg). */
  readonly text: string;
  /** Secondary text: hints, notes, axis titles (--muted). */
  readonly muted: string;
  /** Outlines of controls, which WCAG counts as UI components (--border-strong). */
  readonly border: string;
  /** Links, titles, the current step (--accent); also text. */
  readonly accent: string;
  /** The keyboard focus ring (--focus). */
  readonly focus: string;
}

/** The CSS custom property that holds each key colour. */
export const PALETTE_VARIABLES: Readonly<Record<keyof ThemePalette, string>> = {
  background: '--bg',
  surface: '--panel-bg',
  text: '--fg',
  muted: '--muted',
  border: '--border-strong',
  accent: '--accent',
  focus: '--focus',
};

/** The everyday palettes. */
export const THEMES: Readonly<Record<ResolvedTheme, ThemePalette>> = {
  light: {
    background: '#ffffff',
    surface: '#f6f7fb',
    text: '#1a1a2e',
    muted: '#55596b',
    border: '#7c8094',
    accent: '#3b4cca',
    focus: '#1f6feb',
  },
  dark: {
    background: '#12131c',
    surface: '#1b1d2a',
    text: '#e8e9f1',
    muted: '#aeb1c4',
    border: '#7d8299',
    accent: '#9aa6ff',
    focus: '#6cb0ff',
  },
};

/**
 * Presentation mode's palettes: near black on white, or white on black, so that a washed-out
 * projector in a lit room still shows every line.
 */
export const HIGH_CONTRAST: Readonly<Record<ResolvedTheme, ThemePalette>> = {
  light: {
    background: '#ffffff',
    surface: '#ffffff',
    text: '#000000',
    muted: '#2e3040',
    border: '#000000',
    accent: '#1c2aa8',
    focus: '#0050d0',
  },
  dark: {
    background: '#000000',
    surface: '#000000',
    text: '#ffffff',
    muted: '#dcdde6',
    border: '#ffffff',
    accent: '#b8c0ff',
    focus: '#7cc0ff',
  },
};

/** The theme that `choice` shows when the system prefers dark (`systemDark`) or not. */
export function resolveTheme(choice: ThemeChoice, systemDark: boolean): ResolvedTheme {
  if (choice === 'system') return systemDark ? 'dark' : 'light';
  return choice;
}

/** Where the choice is remembered. */
export const THEME_STORAGE_KEY = 'attention-graph.theme';

/** True for the strings that name a choice. */
export function isThemeChoice(value: unknown): value is ThemeChoice {
  return typeof value === 'string' && (THEME_CHOICES as readonly string[]).includes(value);
}

/**
 * The remembered choice, or 'system' when there is none, it is not a choice, or storage
 * cannot be read (private windows and locked-down browsers throw on localStorage).
 */
export function readStoredTheme(): ThemeChoice {
  try {
    const value = globalThis.localStorage?.getItem(THEME_STORAGE_KEY);
    return isThemeChoice(value) ? value : 'system';
  } catch {
    return 'system';
  }
}

/** Remembers `choice` for the next visit; a storage that refuses is not an error worth showing. */
export function storeTheme(choice: ThemeChoice): void {
  try {
    if (choice === 'system') globalThis.localStorage?.removeItem(THEME_STORAGE_KEY);
    else globalThis.localStorage?.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // The theme still applies for this visit.
  }
}
