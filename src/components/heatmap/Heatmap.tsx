/**
 * The attention heatmap drawn as SVG: one focusable <rect> per (query, key) cell, token
 * labels on both axes, the row sums once softmax is applied, and the linked highlighting
 * of the hovered token, the hovered cell and the selected cell. It draws the panel's
 * scene (src/viz/heatmap/heatmapScene.ts), as the canvas heatmap and the export do. Used
 * below HEATMAP_CANVAS_MIN_TOKENS tokens; CanvasHeatmap, with the same props, takes over above.
 */
import { useCallback, useRef, type FocusEvent, type KeyboardEvent, type PointerEvent } from 'react';
import { HeatmapMarks } from './HeatmapMarks';
import { useMessages } from '../../messages';
import { useAppStore } from '../../store/store';
import type { Cell } from '../../vocabulary/cell';
import type { AxisLabel, HeatmapScene } from '../../viz/heatmap/heatmapScene';
import { useSvgId } from '../../viz/useSvgId';
import { AxisText, AxisTitles, RowSums } from './HeatmapText';
import { HatchPattern } from './HatchPattern';
import { HeatmapCells } from './HeatmapCells';
import { useHeatmapInteraction } from './useHeatmapInteraction';
import './Heatmap.css';
import { useHoverCell, useHoverToken, useSelection } from '../../store/selectors';

/** Props every heatmap renderer (this SVG one, or a canvas one for long inputs) takes. */
export interface HeatmapRendererProps {
  /** What to draw; its view is null before step Score (an empty, dimmed grid). */
  readonly scene: HeatmapScene;
}

/** The cell a DOM event happened on, read from its data-i / data-j. */
function cellOf(target: EventTarget | null): Cell | null {
  const el = target instanceof Element ? target.closest('[data-i][data-j]') : null;
  if (!el) return null;
  return { i: Number(el.getAttribute('data-i')), j: Number(el.getAttribute('data-j')) };
}

/** The SVG heatmap (see the module comment). */
export function HeatmapSvg({ scene }: HeatmapRendererProps) {
  const m = useMessages().viz;
  const hoverToken = useHoverToken();
  const hoverCell = useHoverCell();
  const selection = useSelection();
  const svgRef = useRef<SVGSVGElement>(null);
  const hatchId = useSvgId('hm-hatch');
  const { geometry, view, n, size } = scene;
  // Roving tabindex: the grid is one tab stop, at the cell last focused. Keys move the DOM
  // focus from cell to cell; the cell's focus event then makes it the active one.
  const focusCell = useCallback(
    (c: Cell) =>
      svgRef.current?.querySelector<SVGElement>(`[data-i="${c.i}"][data-j="${c.j}"]`)?.focus(),
    [],
  );
  const { active, activate, hover, click, keyDown } = useHeatmapInteraction({
    n,
    enabled: view !== null,
    focusCell,
  });
  const onPointerOver = (e: PointerEvent) => {
    const c = cellOf(e.target);
    if (c) hover(c);
  };
  const onFocus = (e: FocusEvent) => {
    const c = cellOf(e.target);
    if (c) activate(c);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const c = cellOf(e.target);
    if (c) keyDown(e, c);
  };

  const { cell, left, top } = geometry;
  const hlRow = (i: number) => hoverToken === i || hoverCell?.i === i || selection?.i === i;
  const hlCol = (j: number) => hoverToken === j || hoverCell?.j === j || selection?.j === j;

  return (
    <svg
      ref={svgRef}
      className={`heatmap${view ? '' : ' heatmap--pending'}`}
      // No role="img": an image's children are presentational, which would hide the cells
      // (focusable, named) from screen readers. The SVG's own role, a graphics document,
      // keeps them; Playwright still reports it as an img named "Attention heatmap".
      aria-label={m.heatmapLabel}
      data-token-count={n}
      data-renderer="svg"
      width={geometry.width}
      height={geometry.height}
      viewBox={`0 0 ${geometry.width} ${geometry.height}`}
    >
      <defs>
        <HatchPattern id={hatchId} />
      </defs>

      <AxisTitles scene={scene} />

      {scene.rowLabels.map((label) => (
        <g key={label.index}>
          {hlRow(label.index) && (
            <rect
              className="hm-label-bg"
              x={20}
              y={top + label.index * cell}
              width={left - 22}
              height={cell}
            />
          )}
          <TokenLabel
            label={label}
            highlighted={hlRow(label.index)}
            fontSize={geometry.labelFontSize}
          />
        </g>
      ))}
      {/* Column highlights first: turned labels lean over their neighbours' bands. */}
      {scene.columnLabels.map(({ index: j }) =>
        hlCol(j) ? (
          <rect
            key={j}
            className="hm-label-bg"
            x={left + j * cell}
            y={20}
            width={cell}
            height={top - 22}
          />
        ) : null,
      )}
      {scene.columnLabels.map((label) => (
        <g key={label.index}>
          <TokenLabel
            label={label}
            highlighted={hlCol(label.index)}
            fontSize={geometry.labelFontSize}
          />
        </g>
      ))}

      <g
        className="hm-grid"
        // An ARIA grid (rows of gridcells) once there are values; before, only empty squares.
        role={view ? 'grid' : undefined}
        onPointerOver={view ? onPointerOver : undefined}
        onPointerLeave={view ? () => hover(null) : undefined}
        onFocus={view ? onFocus : undefined}
        onBlur={view ? () => hover(null) : undefined}
        onKeyDown={view ? onKeyDown : undefined}
        onClick={view ? (e) => click(cellOf(e.target)) : undefined}
      >
        <HeatmapCells scene={scene} activeI={active.i} activeJ={active.j} hatchId={hatchId} />
      </g>

      {scene.sums && <RowSums sums={scene.sums} titled />}

      <HeatmapMarks
        place={geometry}
        n={n}
        size={size}
        token={hoverToken}
        hoverCell={hoverCell}
        selection={selection}
        hasView={view !== null}
      />
    </svg>
  );
}

/** A token's label on an axis, bold when highlighted; pointing at it highlights the token everywhere. */
function TokenLabel({
  label,
  highlighted,
  fontSize,
}: {
  label: AxisLabel;
  highlighted: boolean;
  fontSize: number;
}) {
  const setHoverToken = useAppStore((s) => s.setHoverToken);
  return (
    <AxisText
      text={label}
      className={`hm-label${highlighted ? ' is-hl' : ''}`}
      fontSize={fontSize}
      onPointerEnter={() => setHoverToken(label.index)}
      onPointerLeave={() => setHoverToken(null)}
    >
      <title>{label.title}</title>
    </AxisText>
  );
}
