/**
 * The all-heads view: one small heatmap per head, side by side, so heads can be compared at
 * a glance; clicking one shows it in full (store.head). Colours only: the numbers are in
 * the full heatmap.
 */
import { memo, useEffect, useMemo, useRef } from 'react';
import type { AttentionTrace } from '../../core/types';
import { useMessages } from '../../messages';
import { useAppStore } from '../../store/store';
import { drawPixels, prepareCanvas, readCanvasColors } from '../../viz/heatmap/heatmapCanvas';
import { HEATMAP_CANVAS_MIN_TOKENS } from '../../viz/heatmap/heatmapGeometry';
import { heatmapPixels, maskedRuns } from '../../viz/heatmap/heatmapImage';
import type { StepId } from '../../vocabulary/steps';
import { useDevicePixelRatio } from '../../viz/useDevicePixelRatio';
import { usePaletteKey } from '../common/useTheme';
import {
  availableModes,
  heatmapView,
  isMaskedCell,
  resolveMode,
  type HeatmapView,
} from '../../viz/heatmap/heatmapModel';
import { useHead } from '../../store/selectors';

/** Props of `AllHeadsHeatmaps`. */
export interface AllHeadsHeatmapsProps {
  readonly trace: AttentionTrace;
  readonly step: StepId;
  /** Width available to the whole strip, px. */
  readonly width: number;
}

const GAP = 8;
const CHROME = 16; // the button's padding and border

/** The strip of small heatmaps, one per head. */
export function AllHeadsHeatmaps({ trace, step, width }: AllHeadsHeatmapsProps) {
  const m = useMessages().viz;
  const head = useHead();
  const setHead = useAppStore((s) => s.setHead);
  const heads = trace.heads.length;
  const size = Math.max(
    48,
    Math.min(180, Math.floor((width - (heads - 1) * GAP) / heads) - CHROME),
  );
  const mode = resolveMode(null, availableModes(step, trace.settings));
  const views = useMemo(
    () =>
      mode === null ? null : trace.heads.map((h) => heatmapView(h, mode, trace.settings.causal)),
    [trace.heads, trace.settings.causal, mode],
  );
  return (
    <section className="hm-heads" aria-label={m.allHeadsTitle}>
      <h3 className="hm-heads-title">{m.allHeadsTitle}</h3>
      <p className="hm-note">{m.allHeadsHelp}</p>
      <ul className="hm-heads-list">
        {trace.heads.map((_, h) => (
          <li key={h}>
            <button
              type="button"
              className="hm-head"
              aria-pressed={h === head}
              data-head={h}
              onClick={() => setHead(h)}
            >
              <span>{m.headTitle(h)}</span>
              <MiniHeatmap view={views?.[h] ?? null} n={trace.tokens.length} size={size} />
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

interface MiniProps {
  readonly view: HeatmapView | null;
  readonly n: number;
  readonly size: number;
}

/**
 * One head's small heatmap, memoized because heads rarely change: T² coloured rects for a
 * short text, one canvas pixel per cell from HEATMAP_CANVAS_MIN_TOKENS tokens on (eight
 * heads of 512 tokens would be two million rects).
 */
const MiniHeatmap = memo(function MiniHeatmap({ view, n, size }: MiniProps) {
  if (n >= HEATMAP_CANVAS_MIN_TOKENS) return <MiniCanvas view={view} n={n} size={size} />;
  const cell = n > 0 ? size / n : size;
  const rects = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const value = view?.values.data[i * n + j] as number;
      const fill = !view
        ? 'var(--panel-bg)'
        : isMaskedCell(view, i, j)
          ? 'var(--masked)'
          : view.color(value);
      rects.push(
        <rect
          key={i * n + j}
          x={j * cell}
          y={i * cell}
          width={cell + 0.3}
          height={cell + 0.3}
          fill={fill}
        />,
      );
    }
  }
  return (
    <svg
      className="hm-mini"
      aria-hidden="true"
      width={size}
      height={size}
      viewBox={`0 0 ${size} ${size}`}
    >
      {rects}
    </svg>
  );
});

/** The canvas version of `MiniHeatmap`: the cells' image scaled to `size`, masked cells solid grey. */
function MiniCanvas({ view, n, size }: MiniProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const pixels = useMemo(() => (view ? heatmapPixels(view) : null), [view]);
  const dpr = useDevicePixelRatio();
  const palette = usePaletteKey();
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const ctx = prepareCanvas(canvas, size, size, dpr);
    if (!ctx) return;
    const colors = readCanvasColors(canvas);
    if (!view || !pixels) {
      ctx.fillStyle = colors.panelBg;
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      return;
    }
    drawPixels(ctx, pixels, n);
    const unit = canvas.width / n;
    ctx.fillStyle = colors.masked;
    for (const r of maskedRuns(view)) {
      ctx.fillRect(r.j0 * unit, r.i * unit, (r.j1 - r.j0) * unit, unit);
    }
  }, [view, pixels, n, size, dpr, palette]);
  return (
    <canvas
      ref={ref}
      className="hm-mini"
      aria-hidden="true"
      width={size}
      height={size}
      style={{ width: size, height: size }}
    />
  );
}
