// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ThemeSwitch } from '../../../src/components/shell/ThemeSwitch';
import { useAppliedTheme } from '../../../src/components/common/useTheme';
import { useAppStore } from '../../../src/store/store';
import { THEME_STORAGE_KEY } from '../../../src/theme';
import { resetStore } from '../../helpers/testStore';
import { encodeLessonLink } from '../../../src/store/link/lessonLink';
import { selectLesson } from '../../../src/store/link/useLessonLink';

/** A stand-in for the system's colour preference: `prefers-color-scheme: dark` matches while `dark` is true. */
function mockSystemScheme(initiallyDark: boolean) {
  let dark = initiallyDark;
  const listeners = new Set<() => void>();
  const original = window.matchMedia;
  window.matchMedia = ((query: string) => {
    const isDarkQuery = query.includes('prefers-color-scheme: dark');
    return {
      media: query,
      get matches() {
        return isDarkQuery && dark;
      },
      addEventListener: (_type: string, listener: () => void) => {
        if (isDarkQuery) listeners.add(listener);
      },
      removeEventListener: (_type: string, listener: () => void) => listeners.delete(listener),
      addListener: () => {},
      removeListener: () => {},
      onchange: null,
      dispatchEvent: () => false,
    } as unknown as MediaQueryList;
  }) as typeof window.matchMedia;
  return {
    set(next: boolean) {
      dark = next;
      for (const listener of listeners) listener();
    },
    restore() {
      window.matchMedia = original;
    },
  };
}

/** The switch and the hook that puts the theme on <html>, as App has them. */
function Themed() {
  useAppliedTheme();
  return <ThemeSwitch />;
}

const html = () => document.documentElement;

describe('theme', () => {
  let system: ReturnType<typeof mockSystemScheme> | null = null;

  afterEach(() => {
    cleanup();
    system?.restore();
    system = null;
    localStorage.clear();
    delete html().dataset.theme;
    html().style.colorScheme = '';
  });

  beforeEach(async () => {
    await resetStore({ vectors: 'made-up' });
  });

  it('follows the system by default, live', () => {
    system = mockSystemScheme(true);
    render(<Themed />);
    expect(screen.getByRole('combobox', { name: 'Theme' })).toHaveValue('system');
    expect(html()).toHaveAttribute('data-theme', 'dark');
    expect(html().style.colorScheme).toBe('dark');
    act(() => system?.set(false));
    expect(html()).toHaveAttribute('data-theme', 'light');
    expect(html().style.colorScheme).toBe('light');
  });

  it('is light where the system says nothing (no matchMedia)', () => {
    render(<Themed />);
    expect(html()).toHaveAttribute('data-theme', 'light');
  });

  it('sets data-theme and remembers the choice, whatever the system says', async () => {
    system = mockSystemScheme(false);
    const user = userEvent.setup();
    render(<Themed />);
    const select = screen.getByRole('combobox', { name: 'Theme' });
    expect(Array.from(select.querySelectorAll('option'), (o) => [o.value, o.textContent])).toEqual([
      ['system', 'System'],
      ['light', 'Light'],
      ['dark', 'Dark'],
    ]);

    await user.selectOptions(select, 'Dark');
    expect(useAppStore.getState().theme).toBe('dark');
    expect(html()).toHaveAttribute('data-theme', 'dark');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');
    // The system turning dark and back does not override an explicit choice.
    act(() => system?.set(true));
    act(() => system?.set(false));
    expect(html()).toHaveAttribute('data-theme', 'dark');

    await user.selectOptions(select, 'Light');
    act(() => system?.set(true));
    expect(html()).toHaveAttribute('data-theme', 'light');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('light');

    await user.selectOptions(select, 'System');
    expect(html()).toHaveAttribute('data-theme', 'dark');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBeNull();
  });

  it('still switches when localStorage throws', async () => {
    const user = userEvent.setup();
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('quota', 'QuotaExceededError');
    };
    try {
      render(<Themed />);
      await user.selectOptions(screen.getByRole('combobox', { name: 'Theme' }), 'Dark');
      expect(html()).toHaveAttribute('data-theme', 'dark');
    } finally {
      Storage.prototype.setItem = setItem;
    }
  });

  it('is in the Spanish interface too', () => {
    useAppStore.setState({ lang: 'es' });
    render(<Themed />);
    const select = screen.getByRole('combobox', { name: 'Tema' });
    expect(Array.from(select.querySelectorAll('option'), (o) => o.textContent)).toEqual([
      'Sistema',
      'Claro',
      'Oscuro',
    ]);
  });

  it('stays out of lesson links, as presenting does', () => {
    const before = encodeLessonLink(selectLesson(useAppStore.getState()));
    useAppStore.getState().setTheme('dark');
    useAppStore.getState().setPresenting(true);
    const after = encodeLessonLink(selectLesson(useAppStore.getState()));
    expect(after).toBe(before);
    expect(after).not.toMatch(/dark|theme|present/i);
  });
});
