/** The preferences slice: language, theme, presentation mode (see `PreferencesSlice`). */
import type { StateCreator } from 'zustand';
import { readStoredTheme, storeTheme } from '../../theme';
import { DEFAULT_LANGUAGE } from '../../vocabulary/language';
import type { AppState, PreferencesSlice } from '../state';

/** The defaults, before the browser's language and the remembered theme are read. */
export function initialPreferences(): Pick<PreferencesSlice, 'lang' | 'theme' | 'presenting'> {
  return { lang: DEFAULT_LANGUAGE, theme: 'system', presenting: false };
}

/** Creates the slice, with the theme remembered from the last visit. */
export const createPreferencesSlice: StateCreator<AppState, [], [], PreferencesSlice> = (set) => ({
  ...initialPreferences(),
  theme: readStoredTheme(),
  setLang: (lang) => set({ lang }),
  setTheme: (theme) => {
    storeTheme(theme);
    set({ theme });
  },
  setPresenting: (presenting) => set({ presenting }),
});
