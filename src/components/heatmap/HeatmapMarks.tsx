/**
 * The marks drawn over a heatmap's cells, the same for the SVG and the canvas heatmap: the
 * row and column bands of the hovered token, and the outlines of the hovered and the
 * selected cell. The canvas heatmap adds its active cell as a child.
 */
import type { ReactNode } from 'react';
import type { Cell } from '../../vocabulary/cell';

/** Where the grid lies: its top-left corner and the side of one cell, px. */
export interface GridPlace {
  readonly left: number;
  readonly top: number;
  readonly cell: number;
}

/**
 * The square marking cell `c`, `inset` px inside its border, grown to `minSide` around
 * cells smaller than that (a canvas heatmap's cells can be a few pixels wide).
 */
export function markRect(place: GridPlace, c: Cell, inset: number, minSide = 0) {
  const { left, top, cell } = place;
  const side = Math.max(cell, minSide);
  const x = left + c.j * cell + cell / 2 - side / 2 + inset;
  const y = top + c.i * cell + cell / 2 - side / 2 + inset;
  return { x, y, width: side - 2 * inset, height: side - 2 * inset };
}

/** Props of HeatmapMarks. */
export interface HeatmapMarksProps {
  readonly place: GridPlace;
  /** Tokens in the grid. */
  readonly n: number;
  /** Side of the whole grid, px: the length of the bands. */
  readonly size: number;
  /** The hovered token, banded across its row and column, or null. */
  readonly token: number | null;
  readonly hoverCell: Cell | null;
  readonly selection: Cell | null;
  /** Cells hold values: only then are cells hovered and selected. */
  readonly hasView: boolean;
  /** Least side of a cell mark (see `markRect`). */
  readonly minMark?: number;
  readonly children?: ReactNode;
}

/** The overlay group of a heatmap (see the module comment). */
export function HeatmapMarks({
  place,
  n,
  size,
  token,
  hoverCell,
  selection,
  hasView,
  minMark = 0,
  children,
}: HeatmapMarksProps) {
  const { left, top, cell } = place;
  const inRange = (c: Cell | null): c is Cell => c !== null && c.i < n && c.j < n;
  const mark = (c: Cell, inset: number) => markRect(place, c, inset, minMark);
  return (
    <g className="hm-overlay" aria-hidden="true">
      {token !== null && token < n && (
        <>
          <rect
            className="hm-band"
            data-band="row"
            x={left}
            y={top + token * cell}
            width={size}
            height={cell}
          />
          <rect
            className="hm-band"
            data-band="column"
            x={left + token * cell}
            y={top}
            width={cell}
            height={size}
          />
        </>
      )}
      {hasView && inRange(hoverCell) && (
        <g data-hover-cell={`${hoverCell.i},${hoverCell.j}`}>
          <rect className="hm-hover-outer" {...mark(hoverCell, 0)} />
          <rect className="hm-hover-inner" {...mark(hoverCell, 1.5)} />
        </g>
      )}
      {hasView && inRange(selection) && (
        <g data-selected-cell={`${selection.i},${selection.j}`}>
          <rect className="hm-selected-outer" {...mark(selection, 0)} />
          <rect className="hm-selected-inner" {...mark(selection, 2)} />
        </g>
      )}
      {children}
    </g>
  );
}
