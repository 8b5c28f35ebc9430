/**
 * The attention heatmap for long inputs (HEATMAP_CANVAS_MIN_TOKENS tokens and more): the
 * T x T cells are one image, one pixel per cell, scaled up crisply on a <canvas>; labels,
 * row sums and the linked highlighting are a light SVG overlay. Hovering redraws only the
 * overlay's few shapes, never the image, so 512 tokens (262,144 cells) stay smooth.
 *
 * Same props and the same behaviour as the SVG renderer: pointing at a cell sets
 * store.hoverCell, clicking selects it, the element is one tab stop whose arrow keys move
 * an active cell (outlined) and Enter selects it; labels are thinned to every nth token and
 * the hovered token's label is always drawn. Where there is no 2D context (jsdom) nothing
 * is painted, but the element, its name and its handlers are all there.
 */
import {
  memo,
  useEffect,
  useMemo,
  useRef,
  useState,
  type MouseEvent,
  type PointerEvent,
} from 'react';
import { useMessages } from '../../messages';
import { useAppStore } from '../../store/store';
import type { Cell } from '../../vocabulary/cell';
import { paintHeatmap, prepareCanvas, readCanvasColors } from '../../viz/heatmap/heatmapCanvas';
import { AXIS_TITLE, heatmapHit, visibleLabels } from '../../viz/heatmap/heatmapGeometry';
import { heatmapPixels, maskedRuns } from '../../viz/heatmap/heatmapImage';
import type { AxisLabel, HeatmapScene } from '../../viz/heatmap/heatmapScene';
import { useDevicePixelRatio } from '../../viz/useDevicePixelRatio';
import { usePaletteKey } from '../common/useTheme';
import type { HeatmapRendererProps } from './Heatmap';
import { AxisText, AxisTitles, RowSums } from './HeatmapText';
import { HeatmapMarks, markRect } from './HeatmapMarks';
import { useHeatmapInteraction } from './useHeatmapInteraction';
import './Heatmap.css';
import { useHoverCell, useHoverToken, useLang, useSelection } from '../../store/selectors';

// Outlines of a hovered or selected cell never shrink below this (px): a 1-px cell's outline would vanish.
const MIN_MARK = 7;

/** The canvas heatmap (see the module comment). */
export function CanvasHeatmap({ scene }: HeatmapRendererProps) {
  const m = useMessages().viz;
  const { geometry, view, n, size } = scene;
  const lang = useLang();
  const setHoverToken = useAppStore((s) => s.setHoverToken);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [focused, setFocused] = useState(false);
  const dpr = useDevicePixelRatio();
  // The canvas reads its colours from CSS: a new theme or presentation's palette repaints it.
  const palette = usePaletteKey();
  const { left, top } = geometry;
  // Focus stays on the element; keys move an outlined active cell (no focusCell).
  const {
    active: activeCell,
    activate,
    hover,
    click,
    keyDown,
  } = useHeatmapInteraction({ n, enabled: view !== null });

  // The image and the hatch depend on the matrix and its scale only: `view` is memoized on
  // them upstream, so neither is rebuilt on hover, on focus or on a resize.
  const pixels = useMemo(() => (view ? heatmapPixels(view) : null), [view]);
  const runs = useMemo(() => (view ? maskedRuns(view) : []), [view]);
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const ctx = prepareCanvas(canvas, size, size, dpr);
    if (!ctx) return;
    paintHeatmap(ctx, {
      view,
      pixels,
      runs,
      n,
      dpr,
      geometry,
      colors: readCanvasColors(canvas),
      lang,
    });
  }, [view, pixels, runs, n, size, dpr, geometry, palette, lang]);

  /** What the pointer is over, from its position relative to the drawing. */
  const hitOf = (e: PointerEvent | MouseEvent) => {
    const box = e.currentTarget.getBoundingClientRect();
    return heatmapHit(geometry, n, e.clientX - box.left, e.clientY - box.top);
  };
  const onPointerMove = (e: PointerEvent) => {
    const hit = hitOf(e);
    hover(hit?.kind === 'cell' && view ? { i: hit.i, j: hit.j } : null);
    const token = hit?.kind === 'row' ? hit.i : hit?.kind === 'column' ? hit.j : null;
    if (useAppStore.getState().hoverToken !== token) setHoverToken(token);
  };
  const onPointerLeave = () => {
    hover(null);
    setHoverToken(null);
  };
  // Clicking also moves the keyboard's active cell, as focusing an SVG cell does.
  const onClick = (e: MouseEvent) => {
    const hit = hitOf(e);
    click(hit?.kind === 'cell' ? { i: hit.i, j: hit.j } : null);
  };

  return (
    <div
      className={`heatmap heatmap--canvas${view ? '' : ' heatmap--pending'}`}
      role="img"
      aria-label={m.heatmapLabel}
      data-token-count={n}
      data-renderer="canvas"
      tabIndex={view ? 0 : undefined}
      style={{ width: geometry.width, height: geometry.height }}
      onPointerMove={onPointerMove}
      onPointerLeave={onPointerLeave}
      onClick={onClick}
      onKeyDown={(e) => keyDown(e)}
      onFocus={() => {
        setFocused(true);
        if (view) activate(activeCell);
      }}
      onBlur={() => {
        setFocused(false);
        hover(null);
      }}
    >
      <canvas
        ref={canvasRef}
        className="hm-canvas"
        aria-hidden="true"
        width={size}
        height={size}
        style={{ left, top, width: size, height: size }}
      />
      <svg
        className="hm-canvas-overlay"
        aria-hidden="true"
        width={geometry.width}
        height={geometry.height}
        viewBox={`0 0 ${geometry.width} ${geometry.height}`}
      >
        <CanvasFrame scene={scene} />
        <CanvasHighlights scene={scene} active={focused && view ? activeCell : null} />
      </svg>
    </div>
  );
}

/**
 * The axis titles and the row sums (every labelStride-th row, as the labels). Memoized:
 * a hover does not touch them.
 */
const CanvasFrame = memo(function CanvasFrame({ scene }: { scene: HeatmapScene }) {
  return (
    <g className="hm-frame">
      <AxisTitles scene={scene} />
      {scene.sums && <RowSums sums={scene.sums} titled={false} />}
    </g>
  );
});

/** Props of `CanvasHighlights`. */
interface HighlightsProps {
  readonly scene: HeatmapScene;
  /** The keyboard's active cell while the heatmap has focus, else null. */
  readonly active: Cell | null;
}

/**
 * Everything that follows the pointer: the token labels (every nth, the highlighted ones
 * bold on a band and always drawn, their crowded neighbours left out), the hovered token's
 * row and column, the hovered and selected cells and the keyboard's active cell. A few
 * dozen SVG elements at most, so re-rendering them per hover is cheap; the image below is
 * untouched.
 */
function CanvasHighlights({ scene, active }: HighlightsProps) {
  const hoverToken = useHoverToken();
  const hoverCell = useHoverCell();
  const selection = useSelection();
  const { geometry, n, size } = scene;
  const { cell, left, top } = geometry;
  const inRange = (c: Cell | null): c is Cell => c !== null && c.i < n && c.j < n;
  const token = hoverToken !== null && hoverToken < n ? hoverToken : null;
  const cells = [hoverCell, selection].filter(inRange);
  const hlRows = [...new Set([...(token === null ? [] : [token]), ...cells.map((c) => c.i)])];
  const hlCols = [...new Set([...(token === null ? [] : [token]), ...cells.map((c) => c.j)])];
  const rows = visibleLabels(geometry, n, hlRows);
  const columns = visibleLabels(geometry, n, hlCols, 'column');
  // A band at least one text line thick, so a highlighted label always has a background.
  const band = Math.max(cell, 16);
  return (
    <>
      <g className="hm-labels">
        {hlCols.map((j) => (
          <rect
            key={`cb${j}`}
            className="hm-label-bg"
            x={left + j * cell + cell / 2 - band / 2}
            y={AXIS_TITLE}
            width={band}
            height={top - AXIS_TITLE - 2}
          />
        ))}
        {hlRows.map((i) => (
          <rect
            key={`rb${i}`}
            className="hm-label-bg"
            x={AXIS_TITLE}
            y={top + i * cell + cell / 2 - band / 2}
            width={left - AXIS_TITLE - 2}
            height={band}
          />
        ))}
        {rows.map((i) => (
          <AxisText
            key={`r${i}`}
            text={scene.rowLabels[i] as AxisLabel}
            className={`hm-label${hlRows.includes(i) ? ' is-hl' : ''}`}
            data-row-label={i}
            fontSize={geometry.labelFontSize}
          />
        ))}
        {columns.map((j) => (
          <AxisText
            key={`c${j}`}
            text={scene.columnLabels[j] as AxisLabel}
            className={`hm-label${hlCols.includes(j) ? ' is-hl' : ''}`}
            data-column-label={j}
            fontSize={geometry.labelFontSize}
          />
        ))}
      </g>
      <HeatmapMarks
        place={geometry}
        n={n}
        size={size}
        token={token}
        hoverCell={hoverCell}
        selection={selection}
        hasView={scene.view !== null}
        minMark={MIN_MARK}
      >
        {active && (
          <rect
            className="hm-active"
            data-active-cell={`${active.i},${active.j}`}
            {...markRect(geometry, active, -2, MIN_MARK)}
          />
        )}
      </HeatmapMarks>
    </>
  );
}
