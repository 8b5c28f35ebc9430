/**
 * Contrast of everything the charts draw, computed (no browser): WCAG's math on hand-worked
 * examples; 4.5:1 for every number printed on a cell, whatever colour the scales give it;
 * 3:1 against the panel for the graph's edges of every weight from FADE_WEIGHT up (fainter
 * ones fade out on purpose, issue 13: they are not relations worth an arrow), its node outlines,
 * the heatmap's cell outlines and the focus ring (WCAG 1.4.11); and the diverging palette
 * kept apart for the common colour-vision deficiencies.
 *
 * The colours are read from the stylesheets themselves, so a change of theme is checked too.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lab, rgb } from 'd3-color';
import { interpolateRdYlGn } from 'd3-scale-chromatic';
import { describe, expect, it } from 'vitest';
import {
  composite,
  contrastOfLuminances,
  contrastRatio,
  GRAPHIC_CONTRAST,
  luminance,
  luminanceRgb,
  TEXT_CONTRAST,
  textColorOn,
  textColorOnRgb,
} from '../../src/viz/contrast';
import { EDGE_MIN_OPACITY, edgeOpacity, FADE_WEIGHT } from '../../src/viz/graph/edges';
import { MASKED_RGB } from '../../src/viz/heatmap/heatmapImage';
import { colorTable, divergingScale, weightScale } from '../../src/viz/scales';

const ROOT = path.resolve(__dirname, '../..');

/** The custom properties declared in the first `selector { … }` block of a stylesheet. */
function cssVariables(file: string, selector: string): Record<string, string> {
  const css = readFileSync(path.join(ROOT, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`${file} has no ${selector} block`);
  const body = css.slice(start, css.indexOf('}', start));
  const vars: Record<string, string> = {};
  for (const m of body.matchAll(/(--[\w-]+):\s*([^;]+);/g))
    vars[m[1] as string] = (m[2] as string).trim();
  return vars;
}

const theme = {
  ...cssVariables('src/styles.css', ':root'),
  ...cssVariables('src/components/shell/AttentionViews.css', '.attention-views'),
};
/** A colour of the theme, by custom property name. */
function v(name: string): string {
  const value = theme[name];
  if (!value) throw new Error(`${name} is not declared`);
  return value;
}

const hex = ({ r, g, b }: { r: number; g: number; b: number }) => rgb(r, g, b).formatHex();

/** n + 1 evenly spaced points of [low, high]. */
const samples = (low: number, high: number, n: number) =>
  Array.from({ length: n + 1 }, (_, k) => low + ((high - low) * k) / n);

describe('WCAG contrast math', () => {
  it('matches hand-worked values', () => {
    expect(luminance('#000000')).toBe(0);
    expect(luminance('#ffffff')).toBeCloseTo(1, 12);
    // (128/255 + 0.055) / 1.055 = 0.52789, to the power 2.4 = 0.21586.
    expect(luminance('#808080')).toBeCloseTo(0.21586, 5);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 10);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 10);
    // The well-known pair: #767676 is the lightest grey with 4.5:1 on white, #777777 is not.
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    // Pure red on white: L = 0.2126, (1.05) / (0.2626) = 3.998.
    expect(contrastRatio('#ff0000', '#ffffff')).toBeCloseTo(3.998, 3);
    expect(contrastOfLuminances(0.5, 0.5)).toBe(1);
  });

  it('reads the same luminance from channels as from a CSS colour', () => {
    expect(luminanceRgb(0x3b, 0x4c, 0xca)).toBeCloseTo(luminance('#3b4cca'), 12);
    expect(luminance('rgb(59, 76, 202)')).toBeCloseTo(luminance('#3b4cca'), 12);
  });

  it('composites a translucent colour over its background as browsers do', () => {
    expect(composite('#000000', 0.5, '#ffffff')).toEqual({ r: 128, g: 128, b: 128 });
    expect(composite('#3b4cca', 1, '#ffffff')).toEqual({ r: 0x3b, g: 0x4c, b: 0xca });
    expect(composite('#3b4cca', 0, '#ffffff')).toEqual({ r: 255, g: 255, b: 255 });
  });

  it('picks black on light colours and white on dark ones', () => {
    expect(textColorOn('#ffffff')).toBe('#000000');
    expect(textColorOn('#fde725')).toBe('#000000'); // viridis at 1
    expect(textColorOn('#440154')).toBe('#ffffff'); // viridis at 0
    expect(textColorOn('rgb(0, 0, 0)')).toBe('#ffffff');
    expect(textColorOnRgb(253, 231, 37)).toBe('#000000');
  });

  it('refuses a string that is not a colour', () => {
    expect(() => luminance('not a colour')).toThrow(/not a colour/);
  });
});

describe('numbers printed on coloured cells reach 4.5:1', () => {
  const check = (colors: Iterable<string>) => {
    let worst = Infinity;
    for (const c of colors) worst = Math.min(worst, contrastRatio(textColorOn(c), c));
    return worst;
  };

  it('on every colour of the weights scale (viridis), sampled every 0.0001', () => {
    const scale = weightScale();
    expect(check(samples(0, 1, 10_000).map(scale))).toBeGreaterThanOrEqual(TEXT_CONTRAST);
  });

  it('on every colour of the diverging scores scale, for small and large ranges', () => {
    for (const limit of [0.01, 1, 6.89, 250]) {
      const scale = divergingScale(limit);
      const worst = check(samples(-limit, limit, 10_000).map(scale));
      expect(worst, `limit ${limit}`).toBeGreaterThanOrEqual(TEXT_CONTRAST);
    }
  });

  it('on every entry of the colour tables the canvas heatmap paints from', () => {
    for (const [scale, low, high] of [
      [weightScale(), 0, 1],
      [divergingScale(3), -3, 3],
    ] as const) {
      const table = colorTable(scale, low, high);
      for (let k = 0; k < table.size; k++) {
        const [r, g, b] = [
          table.rgb[3 * k],
          table.rgb[3 * k + 1],
          table.rgb[3 * k + 2],
        ] as number[];
        const text = textColorOnRgb(r as number, g as number, b as number);
        const ratio = contrastOfLuminances(
          luminance(text),
          luminanceRgb(r as number, g as number, b as number),
        );
        expect(ratio).toBeGreaterThanOrEqual(TEXT_CONTRAST);
      }
    }
  });

  it('for "−∞" on a masked cell (muted on the hatch background)', () => {
    const [r, g, b] = MASKED_RGB;
    expect(contrastRatio(v('--muted'), rgb(r, g, b).formatHex())).toBeGreaterThanOrEqual(
      TEXT_CONTRAST,
    );
  });
});

describe('chart graphics reach 3:1 against the panel (WCAG 1.4.11)', () => {
  // The attention panels are drawn on --bg; the matrices and settings on --panel-bg.
  const backgrounds = [v('--bg'), v('--panel-bg')];

  it('every edge from FADE_WEIGHT up, at its weight-driven opacity; fainter ones fade out', () => {
    for (const w of samples(FADE_WEIGHT, 1, 1000)) {
      const seen = hex(composite(v('--edge'), edgeOpacity(w), v('--bg')));
      expect(contrastRatio(seen, v('--bg')), `weight ${w}`).toBeGreaterThanOrEqual(
        GRAPHIC_CONTRAST,
      );
    }
    // The floor is the reason: the old floor of 0.25 drew weak edges at 1.5:1.
    const before = hex(composite(v('--edge'), 0.25, v('--bg')));
    expect(contrastRatio(before, v('--bg'))).toBeLessThan(GRAPHIC_CONTRAST);
    expect(edgeOpacity(FADE_WEIGHT)).toBeCloseTo(EDGE_MIN_OPACITY, 12);
    // Below it the edge fades (a weight of 0.00005 is no longer a full line).
    const faint = hex(composite(v('--edge'), edgeOpacity(0.00005), v('--bg')));
    expect(contrastRatio(faint, v('--bg'))).toBeLessThan(1.01);
  });

  it('highlighted edges, arrowheads, node outlines, dots and the focus ring', () => {
    for (const name of [
      '--edge',
      '--edge-hl',
      '--fg',
      '--unknown',
      '--muted',
      '--accent',
      '--focus',
    ]) {
      for (const bg of backgrounds) {
        expect(contrastRatio(v(name), bg), `${name} on ${bg}`).toBeGreaterThanOrEqual(
          GRAPHIC_CONTRAST,
        );
      }
    }
  });

  it('the heatmap cells, through their outline, since the palettes’ light ends cannot', () => {
    // Why the outline exists: viridis's yellow and the diverging scale's near-white zero
    // vanish into the panel.
    expect(contrastRatio(weightScale()(1), v('--bg'))).toBeLessThan(GRAPHIC_CONTRAST);
    expect(contrastRatio(divergingScale(1)(0), v('--bg'))).toBeLessThan(GRAPHIC_CONTRAST);
    for (const bg of backgrounds) {
      expect(contrastRatio(v('--border-strong'), bg)).toBeGreaterThanOrEqual(GRAPHIC_CONTRAST);
    }
    // The hatch lines that mark masked cells.
    expect(contrastRatio(v('--masked'), v('--bg'))).toBeGreaterThanOrEqual(GRAPHIC_CONTRAST);
  });
});

/**
 * Colour as seen with protanopia or deuteranopia: Viénot, Brettel and Mollon (1999), in
 * linear RGB. Enough to tell whether two colours collapse into one.
 */
function simulate(color: string, kind: 'protan' | 'deutan'): string {
  const c = rgb(color);
  const toLinear = (x: number) => {
    const s = x / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const toSrgb = (x: number) => {
    const y = Math.max(0, Math.min(1, x));
    return 255 * (y <= 0.0031308 ? 12.92 * y : 1.055 * y ** (1 / 2.4) - 0.055);
  };
  const [r, g, b] = [toLinear(c.r), toLinear(c.g), toLinear(c.b)];
  const m =
    kind === 'protan'
      ? [0.11238, 0.88762, 0, 0.11238, 0.88762, 0, 0.00401, -0.00401, 1]
      : [0.29275, 0.70725, 0, 0.29275, 0.70725, 0, -0.02234, 0.02234, 1];
  const out = [0, 1, 2].map((row) => m[3 * row]! * r + m[3 * row + 1]! * g + m[3 * row + 2]! * b);
  return rgb(toSrgb(out[0]!), toSrgb(out[1]!), toSrgb(out[2]!)).formatHex();
}

/** CIE76 colour difference. */
function deltaE(a: string, b: string): number {
  const x = lab(a);
  const y = lab(b);
  return Math.hypot(x.l - y.l, x.a - y.a, x.b - y.b);
}

/** The smallest difference, as seen with `kind`, between x and −x for x in [0.25, 1]. */
function worstArmSeparation(scale: (t: number) => string, kind: 'protan' | 'deutan'): number {
  return Math.min(
    ...samples(0.25, 1, 75).map((t) => deltaE(simulate(scale(t), kind), simulate(scale(-t), kind))),
  );
}

describe('colour-blind safety of the diverging scale', () => {
  it('keeps positive and negative scores apart with protanopia and deuteranopia', () => {
    const puOr = divergingScale(1);
    for (const kind of ['protan', 'deutan'] as const) {
      expect(worstArmSeparation(puOr, kind), kind).toBeGreaterThan(20);
    }
  });

  it('is a test that can fail: a red-green scale folds its arms together', () => {
    const redGreen = (t: number) => interpolateRdYlGn((t + 1) / 2);
    expect(worstArmSeparation(redGreen, 'deutan')).toBeLessThan(20);
  });
});
