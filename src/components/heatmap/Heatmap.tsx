/**
 * The attention heatmap drawn as SVG: one focusable <rect> per (query, key) cell, token
 * labels on both axes, the row sums once softmax is applied, and the linked highlighting
 * of the hovered token, the hovered cell and the selected cell. Used below
 * HEATMAP_CANVAS_MIN_TOKENS tokens; CanvasHeatmap, with the same props, takes over above.
 */
import { useCallback, useRef, type FocusEvent, type KeyboardEvent, type PointerEvent } from 'react';
import { useNumberFormat } from '../common/useNumberFormat';
import { HeatmapMarks } from './HeatmapMarks';
import { useMessages } from '../../messages';
import { useAppStore, type Cell } from '../../store/store';
import type { HeatmapGeometry } from '../../viz/heatmap/heatmapGeometry';
import type { HeatmapView } from '../../viz/heatmap/heatmapModel';
import { useSvgId } from '../../viz/useSvgId';
import { HeatmapCells } from './HeatmapCells';
import { useHeatmapInteraction } from './useHeatmapInteraction';
import './Heatmap.css';

/** Props every heatmap renderer (this SVG one, or a canvas one for long inputs) takes. */
export interface HeatmapRendererProps {
  readonly geometry: HeatmapGeometry;
  /** Full token texts, for titles (the geometry holds the shortened labels). */
  readonly tokens: readonly string[];
  /** The matrix to draw, or null before step Score (an empty, dimmed grid). */
  readonly view: HeatmapView | null;
}

/** The cell a DOM event happened on, read from its data-i / data-j. */
function cellOf(target: EventTarget | null): Cell | null {
  const el = target instanceof Element ? target.closest('[data-i][data-j]') : null;
  if (!el) return null;
  return { i: Number(el.getAttribute('data-i')), j: Number(el.getAttribute('data-j')) };
}

/** The SVG heatmap (see the module comment). */
export function HeatmapSvg({ geometry, tokens, view }: HeatmapRendererProps) {
  const fmt = useNumberFormat();
  const m = useMessages().viz;
  const hoverToken = useAppStore((s) => s.hoverToken);
  const hoverCell = useAppStore((s) => s.hoverCell);
  const selection = useAppStore((s) => s.selection);
  const setHoverToken = useAppStore((s) => s.setHoverToken);
  const svgRef = useRef<SVGSVGElement>(null);
  const hatchId = useSvgId('hm-hatch');
  const n = tokens.length;
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
  const size = n * cell;
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
        <pattern
          id={hatchId}
          width="6"
          height="6"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect className="hm-hatch-bg" width="6" height="6" />
          <line className="hm-hatch-line" x1="0" y1="0" x2="0" y2="6" />
        </pattern>
      </defs>

      <text className="hm-axis-title" x={left} y={13}>
        {m.keyAxis}
      </text>
      <text
        className="hm-axis-title"
        transform={`translate(13 ${top + size / 2}) rotate(-90)`}
        textAnchor="middle"
      >
        {m.queryAxis}
      </text>

      {geometry.labels.map((label, i) => (
        <g key={i}>
          {hlRow(i) && (
            <rect
              className="hm-label-bg"
              x={20}
              y={top + i * cell}
              width={left - 22}
              height={cell}
            />
          )}
          <text
            className={`hm-label${hlRow(i) ? ' is-hl' : ''}`}
            x={left - 6}
            y={top + i * cell + cell / 2}
            textAnchor="end"
            dominantBaseline="central"
            fontSize={geometry.labelFontSize}
            onPointerEnter={() => setHoverToken(i)}
            onPointerLeave={() => setHoverToken(null)}
          >
            <title>{tokens[i]}</title>
            {label}
          </text>
        </g>
      ))}
      {/* Column highlights first: turned labels lean over their neighbours' bands. */}
      {geometry.labels.map((_, j) =>
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
      {geometry.labels.map((label, j) => {
        const x = left + j * cell + cell / 2;
        return (
          <g key={j}>
            <text
              className={`hm-label${hlCol(j) ? ' is-hl' : ''}`}
              transform={
                geometry.rotateColumnLabels
                  ? `translate(${x} ${top - 6}) rotate(${-geometry.columnLabelAngle})`
                  : undefined
              }
              x={geometry.rotateColumnLabels ? 0 : x}
              y={geometry.rotateColumnLabels ? 0 : top - 8}
              textAnchor={geometry.rotateColumnLabels ? 'start' : 'middle'}
              dominantBaseline={geometry.rotateColumnLabels ? 'central' : undefined}
              fontSize={geometry.labelFontSize}
              onPointerEnter={() => setHoverToken(j)}
              onPointerLeave={() => setHoverToken(null)}
            >
              <title>{tokens[j]}</title>
              {label}
            </text>
          </g>
        );
      })}

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
        <HeatmapCells
          geometry={geometry}
          tokens={tokens}
          view={view}
          activeI={active.i}
          activeJ={active.j}
          hatchId={hatchId}
          m={m}
        />
      </g>

      {view?.sums && (
        <g className="hm-sums">
          <text className="hm-sum-header" x={geometry.sumsX} y={top - 8} textAnchor="middle">
            {m.rowSumHeader}
          </text>
          {view.sums.map((sum, i) => (
            <text
              key={i}
              className="hm-sum"
              data-row-sum={i}
              x={geometry.sumsX}
              y={top + i * cell + cell / 2}
              textAnchor="middle"
              dominantBaseline="central"
              fontSize={Math.min(geometry.numberFontSize, 13)}
            >
              <title>{m.rowSumTitle(tokens[i] ?? '', fmt.full(sum))}</title>
              {fmt.number(sum, 2)}
            </text>
          ))}
        </g>
      )}

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
