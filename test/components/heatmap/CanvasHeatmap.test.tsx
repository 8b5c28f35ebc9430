// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AttentionViews } from '../../../src/components/shell/AttentionViews';
import { computeTrace } from '../../../src/core/trace';
import type { AttentionSettings } from '../../../src/core/types';
import { useAppStore } from '../../../src/store/store';
import type { StepId } from '../../../src/vocabulary/steps';
import {
  heatmapGeometry,
  HEATMAP_CANVAS_MIN_TOKENS,
} from '../../../src/viz/heatmap/heatmapGeometry';
import { heatmapPixels } from '../../../src/viz/heatmap/heatmapImage';
import { FALLBACK_WIDTH } from '../../../src/viz/useElementWidth';
import { gloveVectors, resetStore } from '../../helpers/testStore';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';

// Count how often the base image is built: it must follow the matrix, never the pointer.
vi.mock('../../../src/viz/heatmap/heatmapImage', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src/viz/heatmap/heatmapImage')>();
  return { ...actual, heatmapPixels: vi.fn(actual.heatmapPixels) };
});

const WORDS = 'the cat sat on the mat because it was tired and the dog ran after a ball'.split(' ');
const text = (n: number) => Array.from({ length: n }, (_, i) => WORDS[i % WORDS.length]).join(' ');

async function setup(
  n: number,
  step: StepId = 'softmax',
  settings: Partial<AttentionSettings> = {},
) {
  const t = text(n);
  await resetStore({ text: t, settings, state: { step } });
  render(<AttentionViews />);
  const trace = computeTrace(t, { ...DEFAULT_SETTINGS, ...settings }, await gloveVectors());
  expect(trace.tokens).toHaveLength(n);
  const tokens = trace.tokens.map((tok) => tok.text);
  // jsdom measures nothing, so the panel lays the heatmap out for the fallback width.
  const geometry = heatmapGeometry(tokens, FALLBACK_WIDTH, { renderer: 'canvas' });
  return { trace, tokens, geometry };
}

// The SVG drawings carry no explicit role (see Heatmap.tsx): Playwright calls them img, Testing
// Library does not, so jsdom tests find them by their accessible name on the element itself.
const heatmap = () => screen.getByLabelText('Attention heatmap', { selector: '.heatmap' });
const state = () => useAppStore.getState();

describe('CanvasHeatmap', () => {
  beforeEach(async () => {
    await resetStore();
    // jsdom has no 2D context; say so quietly (its own stub logs "not implemented").
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
    vi.mocked(heatmapPixels).mockClear();
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('switches from SVG to a canvas at 33 tokens, with data-token-count on the one named element', async () => {
    expect(HEATMAP_CANVAS_MIN_TOKENS).toBe(33);
    await setup(32);
    expect(heatmap().tagName.toLowerCase()).toBe('svg');
    expect(heatmap()).toHaveAttribute('data-token-count', '32');
    cleanup();
    await setup(33);
    expect(screen.getAllByLabelText('Attention heatmap', { selector: '.heatmap' })).toHaveLength(1);
    expect(heatmap()).toHaveAttribute('data-token-count', '33');
    expect(heatmap()).toHaveAttribute('data-renderer', 'canvas');
    expect(heatmap().querySelector('canvas')).not.toBeNull();
    // No per-cell elements: that is the point.
    expect(heatmap().querySelectorAll('[data-i][data-j]')).toHaveLength(0);
  });

  it('sets hoverCell from the pointer position, and clears it on leave', async () => {
    const { geometry: g, tokens } = await setup(40);
    const at = (i: number, j: number) => ({
      clientX: g.left + (j + 0.5) * g.cell,
      clientY: g.top + (i + 0.5) * g.cell,
    });
    fireEvent.pointerMove(heatmap(), at(5, 17));
    expect(state().hoverCell).toEqual({ i: 5, j: 17 });
    expect(heatmap().querySelector('[data-hover-cell="5,17"]')).not.toBeNull();
    // The readout names both tokens in full.
    expect(
      screen.getByText(`“${tokens[5]}” → “${tokens[17]}”`, { exact: false }),
    ).toBeInTheDocument();
    fireEvent.pointerMove(heatmap(), at(39, 0));
    expect(state().hoverCell).toEqual({ i: 39, j: 0 });
    fireEvent.pointerLeave(heatmap());
    expect(state().hoverCell).toBeNull();
  });

  it('sets hoverToken over a label band and shows that token in full', async () => {
    const { geometry: g, tokens } = await setup(40);
    fireEvent.pointerMove(heatmap(), { clientX: g.left - 4, clientY: g.top + 9.5 * g.cell });
    expect(state().hoverToken).toBe(9);
    expect(state().hoverCell).toBeNull();
    expect(heatmap().querySelector('[data-band="row"]')).not.toBeNull();
    expect(heatmap().querySelector('[data-row-label="9"]')).toHaveClass('is-hl');
    expect(screen.getByText(`Token 10: “${tokens[9]}”`)).toBeInTheDocument();
    fireEvent.pointerMove(heatmap(), { clientX: g.left + 3.5 * g.cell, clientY: g.top - 4 });
    expect(state().hoverToken).toBe(3);
    fireEvent.pointerLeave(heatmap());
    expect(state().hoverToken).toBeNull();
  });

  it('selects the clicked cell, and unselects it on a second click', async () => {
    const { geometry: g } = await setup(40);
    const point = { clientX: g.left + 2.5 * g.cell, clientY: g.top + 30.5 * g.cell };
    fireEvent.click(heatmap(), point);
    expect(state().selection).toEqual({ i: 30, j: 2 });
    expect(heatmap().querySelector('[data-selected-cell="30,2"]')).not.toBeNull();
    fireEvent.click(heatmap(), point);
    expect(state().selection).toBeNull();
  });

  it('is one tab stop; arrow keys move an outlined active cell and Enter selects it', async () => {
    const user = userEvent.setup();
    await setup(40);
    expect(heatmap()).toHaveAttribute('tabindex', '0');
    act(() => heatmap().focus());
    expect(state().hoverCell).toEqual({ i: 0, j: 0 });
    await user.keyboard('{ArrowRight}{ArrowDown}{ArrowDown}');
    expect(state().hoverCell).toEqual({ i: 2, j: 1 });
    expect(heatmap().querySelector('[data-active-cell="2,1"]')).not.toBeNull();
    await user.keyboard('{End}');
    expect(state().hoverCell).toEqual({ i: 2, j: 39 });
    await user.keyboard('{Enter}');
    expect(state().selection).toEqual({ i: 2, j: 39 });
    // The walkthrough's arrow keys must not fire while moving in the grid.
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(state().step).toBe('softmax');
    act(() => heatmap().blur());
    expect(state().hoverCell).toBeNull();
    expect(heatmap().querySelector('[data-active-cell]')).toBeNull();
  });

  it('follows the hover of other panels: the token’s row and column, its labels drawn', async () => {
    const { geometry: g } = await setup(128);
    expect(g.labelStride).toBeGreaterThan(1);
    // Token 7 is not a multiple of the stride: its label appears while it is highlighted.
    expect(heatmap().querySelector('[data-row-label="7"]')).toBeNull();
    act(() => state().setHoverToken(7));
    expect(heatmap().querySelector('[data-band="column"]')).not.toBeNull();
    expect(heatmap().querySelector('[data-row-label="7"]')).toHaveClass('is-hl');
    expect(heatmap().querySelector('[data-column-label="7"]')).toHaveClass('is-hl');
    act(() => state().setHoverToken(null));
    expect(heatmap().querySelector('[data-row-label="7"]')).toBeNull();
  });

  it('builds the base image when the matrix changes, never on hover, focus or selection', async () => {
    const { geometry: g } = await setup(40);
    const built = vi.mocked(heatmapPixels).mock.calls.length;
    expect(built).toBeGreaterThan(0);
    for (let k = 0; k < 10; k++) {
      fireEvent.pointerMove(heatmap(), {
        clientX: g.left + (k + 0.5) * g.cell,
        clientY: g.top + (2 * k + 0.5) * g.cell,
      });
    }
    fireEvent.click(heatmap(), { clientX: g.left + 1, clientY: g.top + 1 });
    act(() => heatmap().focus());
    act(() => state().setHoverToken(3));
    expect(vi.mocked(heatmapPixels).mock.calls.length).toBe(built);
    act(() => state().setStep('score'));
    expect(vi.mocked(heatmapPixels).mock.calls.length).toBeGreaterThan(built);
  });

  it('keeps its element, name and handlers before step Score, with nothing to hover', async () => {
    const { geometry: g } = await setup(40, 'qkv');
    expect(heatmap()).toHaveAttribute('data-token-count', '40');
    expect(heatmap()).not.toHaveAttribute('tabindex');
    fireEvent.pointerMove(heatmap(), { clientX: g.left + 1, clientY: g.top + 1 });
    expect(state().hoverCell).toBeNull();
  });

  it('draws the all-heads strip as small canvases too', async () => {
    const t = text(40);
    await resetStore({
      text: t,
      settings: { heads: 2 },
      state: { step: 'softmax', allHeads: true },
    });
    render(<AttentionViews />);
    const heads = screen.getAllByRole('button', { name: /^Head \d$/ });
    expect(heads).toHaveLength(2);
    for (const b of heads) {
      expect(b.querySelector('canvas')).not.toBeNull();
      expect(b.querySelectorAll('rect')).toHaveLength(0);
    }
  });

  it('draws one pixel per cell, scaled up without smoothing, where a 2D context exists', async () => {
    const calls: string[] = [];
    let smoothing: boolean | undefined;
    const fake = {
      canvas: null as unknown as HTMLCanvasElement,
      setTransform: () => {},
      clearRect: () => {},
      fillRect: () => {},
      beginPath: () => {},
      rect: () => {},
      fill: () => {},
      moveTo: () => {},
      lineTo: () => {},
      stroke: () => {},
      fillText: () => {},
      createPattern: () => null,
      putImageData: (image: { width: number; height: number }) =>
        calls.push(`put ${image.width}x${image.height}`),
      drawImage(this: { imageSmoothingEnabled: boolean }, ...args: unknown[]) {
        smoothing = this.imageSmoothingEnabled;
        calls.push(`draw ${args.slice(1).join(',')}`);
      },
      imageSmoothingEnabled: true,
    };
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (
      this: HTMLCanvasElement,
    ) {
      return { ...fake, canvas: this } as unknown as RenderingContext;
    });
    // jsdom has no ImageData either.
    vi.stubGlobal(
      'ImageData',
      class {
        constructor(
          readonly data: Uint8ClampedArray,
          readonly width: number,
          readonly height: number,
        ) {}
      },
    );
    const { geometry: g } = await setup(40);
    vi.unstubAllGlobals();
    expect(calls).toContain('put 40x40');
    const size = Math.round(40 * g.cell * (window.devicePixelRatio || 1));
    expect(calls).toContain(`draw 0,0,40,40,0,0,${size},${size}`);
    expect(smoothing).toBe(false);
  });
});
