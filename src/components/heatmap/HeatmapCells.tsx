/**
 * The heatmap's T x T cells: one <rect data-i data-j> each, coloured by the view's scale,
 * hatched where the causal mask hides the key, with the number printed when it fits.
 * With a view, each row is an ARIA row and each cell a gridcell named by its title (the
 * printed number is hidden from screen readers: the name already says it in full).
 */
import { Fragment, memo } from 'react';
import { useNumberFormat } from '../common/useNumberFormat';
import type { Messages } from '../../messages';
import { cellText, type HeatmapGeometry } from '../../viz/heatmap/heatmapGeometry';
import { isMaskedCell, type HeatmapView } from '../../viz/heatmap/heatmapModel';
import { textColorOn } from '../../viz/contrast';

/** Props of `HeatmapCells`. */
export interface CellsProps {
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
export const HeatmapCells = memo(function HeatmapCells({
  geometry,
  tokens,
  view,
  activeI,
  activeJ,
  hatchId,
  m,
}: CellsProps) {
  const fmt = useNumberFormat();
  const { cell, left, top } = geometry;
  const n = tokens.length;
  const rows = [];
  for (let i = 0; i < n; i++) {
    const out = [];
    for (let j = 0; j < n; j++) {
      const x = left + j * cell;
      const y = top + i * cell;
      if (!view) {
        out.push(
          <rect
            key={`${i}-${j}`}
            className="hm-cell hm-cell--empty"
            x={x + 0.5}
            y={y + 0.5}
            width={cell - 1}
            height={cell - 1}
          />,
        );
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
        : m.cellValue(query, key, fmt.full(value));
      const text = geometry.showNumbers
        ? masked && view.mode !== 'weights'
          ? '−∞'
          : cellText(value, cell, geometry.numberFontSize, fmt.lang)
        : '';
      const isActive = activeI === i && activeJ === j;
      out.push(
        <Fragment key={`${i}-${j}`}>
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
            role="gridcell"
            tabIndex={isActive ? 0 : -1}
            aria-label={title}
          >
            <title>{title}</title>
          </rect>
          {text && (
            <text
              aria-hidden="true"
              className={masked ? 'hm-num hm-num--masked' : 'hm-num'}
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
        </Fragment>,
      );
    }
    rows.push(
      <g key={i} role={view ? 'row' : undefined}>
        {out}
      </g>,
    );
  }
  return <>{rows}</>;
});
