/**
 * The themes' colours: every palette meets WCAG AA, and the stylesheets hold exactly the
 * values src/theme.ts lists, so that the checked palette is the one on screen.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  HIGH_CONTRAST,
  PALETTE_VARIABLES,
  readStoredTheme,
  resolveTheme,
  storeTheme,
  THEME_STORAGE_KEY,
  THEMES,
  type ThemePalette,
} from '../../src/theme';
import { contrastRatio } from '../../src/viz/scales';

const SRC = path.resolve(__dirname, '../../src');
const css = (file: string) => readFileSync(path.join(SRC, file), 'utf8');

/**
 * The custom properties declared in the rule whose selector is exactly `selector` (the
 * first such rule of `text`), as a map from name to lower-cased value.
 */
function variablesOf(text: string, selector: string): Map<string, string> {
  const withoutComments = text.replace(/\/\*[\s\S]*?\*\//g, '');
  const escaped = selector.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const rule = new RegExp(`(?:^|[}{;\\s])${escaped}\\s*\\{([^}]*)\\}`).exec(withoutComments);
  if (!rule) throw new Error(`no rule "${selector}"`);
  const vars = new Map<string, string>();
  for (const m of (rule[1] as string).matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) {
    vars.set(m[1] as string, (m[2] as string).trim().toLowerCase());
  }
  return vars;
}

/** Where each palette's variables are declared. */
const SOURCES: { name: string; palette: ThemePalette; file: string; selector: string }[] = [
  { name: 'light', palette: THEMES.light, file: 'styles.css', selector: ':root' },
  { name: 'dark', palette: THEMES.dark, file: 'theme.css', selector: ":root[data-theme='dark']" },
  {
    name: 'high-contrast light',
    palette: HIGH_CONTRAST.light,
    file: 'theme.css',
    selector: ':root[data-presenting]',
  },
  {
    name: 'high-contrast dark',
    palette: HIGH_CONTRAST.dark,
    file: 'theme.css',
    selector: ":root[data-theme='dark'][data-presenting]",
  },
];

describe('contrastRatio (WCAG 2 relative luminance)', () => {
  it('gives the textbook values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 6);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 6);
    // #777777 on white is the classic "just fails 4.5:1" grey: 4.48.
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    // Order does not matter.
    expect(contrastRatio('#3b4cca', '#ffffff')).toBeCloseTo(contrastRatio('#ffffff', '#3b4cca'), 9);
  });
});

describe.each(SOURCES)('the $name palette', ({ palette, file, selector }) => {
  const grounds = { background: palette.background, surface: palette.surface };

  it.each(['text', 'muted', 'accent'] as const)(
    '%s reads at 4.5:1 on background and surface',
    (key) => {
      for (const ground of Object.values(grounds)) {
        expect(contrastRatio(palette[key], ground)).toBeGreaterThanOrEqual(4.5);
      }
    },
  );

  it.each(['border', 'focus'] as const)('%s stands out at 3:1 on background and surface', (key) => {
    for (const ground of Object.values(grounds)) {
      expect(contrastRatio(palette[key], ground)).toBeGreaterThanOrEqual(3);
    }
  });

  it(`is what ${file} declares for ${selector}`, () => {
    const vars = variablesOf(css(file), selector);
    for (const [key, variable] of Object.entries(PALETTE_VARIABLES)) {
      expect([variable, vars.get(variable)]).toEqual([
        variable,
        palette[key as keyof ThemePalette].toLowerCase(),
      ]);
    }
  });
});

describe('the other colours of each stylesheet palette', () => {
  const light = variablesOf(css('styles.css'), ':root');
  const dark = new Map([...light, ...variablesOf(css('theme.css'), ":root[data-theme='dark']")]);
  const get = (vars: Map<string, string>, name: string) => {
    const value = vars.get(name);
    if (!value) throw new Error(`${name} is not declared`);
    return value;
  };

  it.each([
    ['light', light],
    ['dark', dark],
  ] as const)('%s: text on tinted grounds keeps 4.5:1', (_name, vars) => {
    const pairs: [string, string][] = [
      ['--accent-fg', '--accent'],
      ['--unknown', '--bg'],
      ['--unknown', '--panel-bg'],
      ['--on-highlight', '--highlight'],
      ['--fg', '--highlight-soft'],
      ['--fg', '--accent-soft'],
      ['--fg', '--warning-bg'],
      ['--muted', '--masked-bg'],
    ];
    for (const [fg, bg] of pairs) {
      expect([fg, bg, contrastRatio(get(vars, fg), get(vars, bg)) >= 4.5]).toEqual([fg, bg, true]);
    }
  });

  it('the dark theme redefines every colour of the light one', () => {
    const darkOnly = variablesOf(css('theme.css'), ":root[data-theme='dark']");
    const colours = [...light].filter(([, v]) => /^#[0-9a-f]{3,8}$/.test(v)).map(([k]) => k);
    expect(colours.length).toBeGreaterThan(10);
    expect(colours.filter((name) => !darkOnly.has(name))).toEqual([]);
  });

  it("the first frame of a dark system's visit uses the dark palette's page colours", () => {
    const early = variablesOf(css('theme.css'), ':root:not([data-theme])');
    expect(early.get('--bg')).toBe(THEMES.dark.background);
    expect(early.get('--fg')).toBe(THEMES.dark.text);
  });
});

describe('theme choice', () => {
  it('resolves "system" by the system preference and keeps an explicit choice', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });

  it('remembers a choice, forgets "system", and survives a storage that throws', () => {
    const saved = new Map<string, string>();
    const storage = {
      getItem: (k: string) => saved.get(k) ?? null,
      setItem: (k: string, v: string) => void saved.set(k, v),
      removeItem: (k: string) => void saved.delete(k),
    };
    const original = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
    try {
      Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true });
      expect(readStoredTheme()).toBe('system');
      storeTheme('dark');
      expect(saved.get(THEME_STORAGE_KEY)).toBe('dark');
      expect(readStoredTheme()).toBe('dark');
      saved.set(THEME_STORAGE_KEY, 'purple');
      expect(readStoredTheme()).toBe('system');
      storeTheme('system');
      expect(saved.has(THEME_STORAGE_KEY)).toBe(false);

      const throwing = {
        getItem: () => {
          throw new Error('SecurityError');
        },
        setItem: () => {
          throw new Error('QuotaExceededError');
        },
        removeItem: () => {
          throw new Error('SecurityError');
        },
      };
      Object.defineProperty(globalThis, 'localStorage', { value: throwing, configurable: true });
      expect(readStoredTheme()).toBe('system');
      expect(() => storeTheme('light')).not.toThrow();
    } finally {
      if (original) Object.defineProperty(globalThis, 'localStorage', original);
      else delete (globalThis as { localStorage?: unknown }).localStorage;
    }
  });
});
