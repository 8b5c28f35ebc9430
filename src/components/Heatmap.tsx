/**
 * The attention heatmap drawn as SVG: one focusable <rect> per (query, key) cell, token
 * labels on both axes, the row sums once softmax is applied, and the linked highlighting
 * of the hovered token, the hovered cell and the selected cell. Suits up to about 64
 * tokens; a canvas renderer with the same props can replace it for longer inputs.
 */
import { memo, useCallback, useRef, useState, type KeyboardEvent, type PointerEvent, type FocusEvent } from 'react';
import { formatFull, formatNumber } from '../format';
import { useMessages, type Messages } from '../messages';
import { useAppStore, type Cell } from '../store/store';
import { cellText, type HeatmapGeometry } from '../viz/heatmapGeometry';
import { isMaskedCell, type HeatmapView } from '../viz/heatmapModel';
import { textColorOn } from '../viz/scales';
import { useSvgId } from '../viz/useSvgId';
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

const sameCell = (a: Cell | null, b: Cell | null) => a !== null && b !== null && a.i === b.i && a.j === b.j;

/** The SVG heatmap (see the module comment). */
export function HeatmapSvg({ geometry, tokens, view }: HeatmapRendererProps) {
  const m = useMessages().viz;
  const hoverToken = useAppStore((s) => s.hoverToken);
  const hoverCell = useAppStore((s) => s.hoverCell);
  const selection = useAppStore((s) => s.selection);
  const setHoverCell = useAppStore((s) => s.setHoverCell);
  const setHoverToken = useAppStore((s) => s.setHoverToken);
  const select = useAppStore((s) => s.select);
  const svgRef = useRef<SVGSVGElement>(null);
  // Roving tabindex: the grid is one tab stop, at the cell last focused.
  const [active, setActive] = useState<Cell>({ i: 0, j: 0 });
  const hatchId = useSvgId('hm-hatch');
  const n = tokens.length;

  const toggleSelect = useCallback(
    (cell: Cell) => select(sameCell(useAppStore.getState().selection, cell) ? null : cell),
    [select],
  );
  const onPointerOver = (e: PointerEvent) => {
    const cell = cellOf(e.target);
    if (cell && !sameCell(useAppStore.getState().hoverCell, cell)) setHoverCell(cell);
  };
  const onFocus = (e: FocusEvent) => {
    const cell = cellOf(e.target);
    if (!cell) return;
    setActive(cell);
    setHoverCell(cell);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const cell = cellOf(e.target);
    if (!cell) return;
    let { i, j } = cell;
    switch (e.key) {
      case 'ArrowUp': i -= 1; break;
      case 'ArrowDown': i += 1; break;
      case 'ArrowLeft': j -= 1; break;
      case 'ArrowRight': j += 1; break;
      case 'Home': j = 0; if (e.ctrlKey) i = 0; break;
      case 'End': j = n - 1; if (e.ctrlKey) i = n - 1; break;
      case 'PageUp': i = 0; break;
      case 'PageDown': i = n - 1; break;
      case 'Enter':
      case ' ':
        toggleSelect(cell);
        break;
      default:
        return;
    }
    // The walkthrough also listens to the arrow keys: inside the grid they move between cells.
    e.preventDefault();
    e.stopPropagation();
    i = Math.max(0, Math.min(n - 1, i));
    j = Math.max(0, Math.min(n - 1, j));
    svgRef.current?.querySelector<SVGElement>(`[data-i="${i}"][data-j="${j}"]`)?.focus();
  };

  const { cell, left, top } = geometry;
  const size = n * cell;
  const hlRow = (i: number) => hoverToken === i || hoverCell?.i === i || selection?.i === i;
  const hlCol = (j: number) => hoverToken === j || hoverCell?.j === j || selection?.j === j;
  const inRange = (c: Cell | null): c is Cell => c !== null && c.i < n && c.j < n;

  return (
    <svg
      ref={svgRef}
      className={`heatmap${view ? '' : ' heatmap--pending'}`}
      role="img"
      aria-label={m.heatmapLabel}
      width={geometry.width}
      height={geometry.height}
      viewBox={`0 0 ${geometry.width} ${geometry.height}`}
    >
      <defs>
        <pattern id={hatchId} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect className="hm-hatch-bg" width="6" height="6" />
          <line className="hm-hatch-line" x1="0" y1="0" x2="0" y2="6" />
        </pattern>
      </defs>

      <text className="hm-axis-title" x={left} y={13}>
        {m.keyAxis}
      </text>
      <text className="hm-axis-title" transform={`translate(13 ${top + size / 2}) rotate(-90)`} textAnchor="middle">
        {m.queryAxis}
      </text>

      {geometry.labels.map((label, i) => (
        <g key={i}>
          {hlRow(i) && <rect className="hm-label-bg" x={20} y={top + i * cell} width={left - 22} height={cell} />}
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
      {geometry.labels.map((label, j) => {
        const x = left + j * cell + cell / 2;
        return (
          <g key={j}>
            {hlCol(j) && <rect className="hm-label-bg" x={left + j * cell} y={20} width={cell} height={top - 22} />}
            <text
              className={`hm-label${hlCol(j) ? ' is-hl' : ''}`}
              transform={geometry.rotateColumnLabels ? `translate(${x} ${top - 6}) rotate(-45)` : undefined}
              x={geometry.rotateColumnLabels ? 0 : x}
              y={geometry.rotateColumnLabels ? 0 : top - 8}
              textAnchor={geometry.rotateColumnLabels ? 'start' : 'middle'}
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
        onPointerOver={view ? onPointerOver : undefined}
        onPointerLeave={view ? () => setHoverCell(null) : undefined}
        onFocus={view ? onFocus : undefined}
        onBlur={view ? () => setHoverCell(null) : undefined}
        onKeyDown={view ? onKeyDown : undefined}
        onClick={view ? (e) => {
          const c = cellOf(e.target);
          if (c) toggleSelect(c);
        } : undefined}
      >
        <HeatmapCells geometry={geometry} tokens={tokens} view={view} activeI={Math.min(active.i, n - 1)} activeJ={Math.min(active.j, n - 1)} hatchId={hatchId} m={m} />
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
              <title>{m.rowSumTitle(tokens[i] ?? '', formatFull(sum))}</title>
              {formatNumber(sum, 2)}
            </text>
          ))}
        </g>
      )}

      <g className="hm-overlay" aria-hidden="true">
        {hoverToken !== null && hoverToken < n && (
          <>
            <rect className="hm-band" data-band="row" x={left} y={top + hoverToken * cell} width={size} height={cell} />
            <rect className="hm-band" data-band="column" x={left + hoverToken * cell} y={top} width={cell} height={size} />
          </>
        )}
        {view && inRange(hoverCell) && (
          <rect className="hm-hover" x={left + hoverCell.j * cell} y={top + hoverCell.i * cell} width={cell} height={cell} />
        )}
        {view && inRange(selection) && (
          <g data-selected-cell={`${selection.i},${selection.j}`}>
            <rect className="hm-selected-outer" x={left + selection.j * cell} y={top + selection.i * cell} width={cell} height={cell} />
            <rect className="hm-selected-inner" x={left + selection.j * cell + 2} y={top + selection.i * cell + 2} width={cell - 4} height={cell - 4} />
          </g>
        )}
      </g>
    </svg>
  );
}

interface CellsProps {
  readonly geometry: HeatmapGeometry;
  readonly tokens: readonly string[];
  readonly view: HeatmapView | null;
  /** The cell holding the grid's one tab stop. */
  readonly activeI: number;
  readonly activeJ: number;
  readonly hatchId: string;
  readonly m: Messages['viz'];
}

/**
 * The T x T cells. Memoized apart from the highlighting, so hovering (which changes the
 * store on every cell) redraws a few overlay rects rather than T² cells.
 */
const HeatmapCells = memo(function HeatmapCells({ geometry, tokens, view, activeI, activeJ, hatchId, m }: CellsProps) {
  const { cell, left, top } = geometry;
  const n = tokens.length;
  const out = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const x = left + j * cell;
      const y = top + i * cell;
      if (!view) {
        out.push(<rect key={`${i}-${j}`} className="hm-cell hm-cell--empty" x={x + 0.5} y={y + 0.5} width={cell - 1} height={cell - 1} />);
        continue;
      }
      const value = view.values.data[i * n + j] as number;
      const masked = isMaskedCell(view, i, j);
      const query = tokens[i] ?? '';
      const key = tokens[j] ?? '';
      const fill = masked ? `url(#${hatchId})` : view.color(value);
      const title = masked
        ? view.mode === 'weights'
          ? m.cellMaskedWeight(query, key)
          : m.cellMasked(query, key)
        : m.cellValue(query, key, formatFull(value));
      const text = geometry.showNumbers ? (masked && view.mode !== 'weights' ? '−∞' : cellText(value, cell, geometry.numberFontSize)) : '';
      const isActive = activeI === i && activeJ === j;
      out.push(
        <g key={`${i}-${j}`}>
          <rect
            className={`hm-cell${masked ? ' hm-cell--masked' : ''}`}
            data-i={i}
            data-j={j}
            data-value={String(value)}
            x={x + 0.5}
            y={y + 0.5}
            width={cell - 1}
            height={cell - 1}
            fill={fill}
            tabIndex={isActive ? 0 : -1}
            aria-label={title}
          >
            <title>{title}</title>
          </rect>
          {text && (
            <text
              className="hm-num"
              x={x + cell / 2}
              y={y + cell / 2}
              textAnchor="middle"
              dominantBaseline="central"
              fontSize={geometry.numberFontSize}
              fill={masked ? undefined : textColorOn(fill)}
            >
              {text}
            </text>
          )}
        </g>,
      );
    }
  }
  return <>{out}</>;
});
