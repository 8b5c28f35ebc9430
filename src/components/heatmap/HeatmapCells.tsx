/**
 * The heatmap's T x T cells, from the scene: one <rect data-i data-j> each, coloured by the
 * view's scale, hatched where the causal mask hides the key, with the number printed when
 * it fits. With a view, each row is an ARIA row and each cell a gridcell named by its title
 * (the printed number is hidden from screen readers: the name already says it in full).
 */
import { Fragment, memo, type ReactElement } from 'react';
import type { HeatmapScene } from '../../viz/heatmap/heatmapScene';

/** Props of `HeatmapCells`. */
export interface CellsProps {
  readonly scene: HeatmapScene;
  /** The cell holding the grid's one tab stop. */
  readonly activeI: number;
  readonly activeJ: number;
  /** id of the hatch pattern of masked cells. */
  readonly hatchId: string;
}

/**
 * The T x T cells. Memoized apart from the highlighting, so hovering (which changes the
 * store on every cell) redraws a few overlay rects rather than T² cells.
 */
export const HeatmapCells = memo(function HeatmapCells({
  scene,
  activeI,
  activeJ,
  hatchId,
}: CellsProps) {
  const { n, view } = scene;
  // Cells are placed relative to the grid's corner, inside one translated group: when a new
  // sentence's labels move the grid, one transform changes instead of T² x and y attributes.
  const { left, top } = scene.geometry;
  const rows = [];
  for (let i = 0; i < n; i++) {
    const out: ReactElement[] = [];
    for (let j = 0; j < n; j++) {
      if (!view) {
        const box = scene.cellBox(i, j);
        out.push(
          <rect
            key={`${i}-${j}`}
            className="hm-cell hm-cell--empty"
            x={box.x - left}
            y={box.y - top}
            width={box.side}
            height={box.side}
          />,
        );
        continue;
      }
      const c = scene.cellAt(i, j);
      const isActive = activeI === i && activeJ === j;
      out.push(
        <Fragment key={`${i}-${j}`}>
          <rect
            className={`hm-cell${c.masked ? ' hm-cell--masked' : ''}`}
            data-i={i}
            data-j={j}
            data-value={String(c.value)}
            x={c.x - left}
            y={c.y - top}
            width={c.side}
            height={c.side}
            fill={c.fill ?? `url(#${hatchId})`}
            role="gridcell"
            tabIndex={isActive ? 0 : -1}
            aria-label={c.title}
          >
            <title>{c.title}</title>
          </rect>
          {c.text && (
            <text
              aria-hidden="true"
              className={c.masked ? 'hm-num hm-num--masked' : 'hm-num'}
              x={c.cx - left}
              y={c.cy - top}
              textAnchor="middle"
              dominantBaseline="central"
              fontSize={scene.geometry.numberFontSize}
              fill={c.ink ?? undefined}
            >
              {c.text}
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
  return <g transform={`translate(${left} ${top})`}>{rows}</g>;
});
