/**
 * One matrix as a colour-shaded grid: purple for positive, orange for negative, white at
 * zero (the diverging scale is centred on zero so the sign reads at a glance).
 *
 * Narrow matrices print their numbers in the cells. Wide ones (more than
 * NUMBERS_MAX_COLUMNS columns) are colour only, each row one gradient strip so that a
 * 64 × 100 matrix costs 64 elements rather than 6,400; their values are read by hovering a
 * cell or by keyboard. The grid is a single tab stop: the arrow keys move an active cell
 * and the readout line above the grid (polite live region) says its row, column and value.
 * Both modes share that one keyboard model, so a cell element is never needed to read a value.
 * Only the rows in the scroll box's view are rendered, and none while the grid is far out
 * of sight (useNearScreen).
 */
import {
  memo,
  useEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import { at, type Matrix } from '../../core/matrix';
import { useNumberFormat } from '../common/useNumberFormat';
import { useMessages } from '../../messages';
import { useAppStore } from '../../store/store';
import { textColorOn } from '../../viz/contrast';
import { useNearScreen } from '../../viz/useNearScreen';
import { moveInRect } from '../../viz/gridKeys';
import { divergingScale, maxAbs } from '../../viz/scales';
import { MatrixCsvButton } from './MatrixCsvButton';
import { useScrollBox } from './useScrollBox';
import { rowWindow } from '../../viz/rowWindow';
import './MatrixGrid.css';

/** Matrices up to this many columns show their numbers; wider ones show colour only. */
export const NUMBERS_MAX_COLUMNS = 16;

/** Props of MatrixGrid. */
export interface MatrixGridProps {
  /** The numbers to draw. */
  readonly matrix: Matrix;
  /** The matrix's symbol in the caption: "Q", "wq", "X". */
  readonly name: string;
  /** What the matrix is, shown after its shape: "queries: X · wq". */
  readonly description?: string;
  /** One label per row: the token texts, or dimension names for weight matrices. */
  readonly rowLabels: readonly string[];
  /** The rows are the sentence's tokens: they join the app-wide token highlighting. */
  readonly tokenRows?: boolean;
  /** Rows to mark as unknown words (made-up vectors), when the rows are tokens. */
  readonly unknownRows?: readonly boolean[];
  /** With a file name, the caption offers the matrix as a CSV file of that name. */
  readonly csvFileName?: string;
}

/** A cell position. */
interface Position {
  readonly r: number;
  readonly c: number;
}

/** Each cell's colour and, when numbers show, its text's colour (black or white). */
interface Palette {
  readonly colors: readonly string[];
  readonly textColors: readonly string[] | null;
}

/**
 * The palette of `matrix`, worked out on the first call and remembered: a grid out of
 * sight never pays for it, and one scrolled away and back (the same matrix) pays once.
 */
function lazyPalette(matrix: Matrix, numeric: boolean): () => Palette {
  let palette: Palette | null = null;
  return () => {
    if (!palette) {
      const scale = divergingScale(maxAbs(matrix.data));
      const colors = Array.from(matrix.data, (x) => scale(x));
      palette = { colors, textColors: numeric ? colors.map(textColorOn) : null };
    }
    return palette;
  };
}

/** Width in px of a colour-only cell: wide enough to hover, narrow enough to see the whole row. */
function stripCellWidth(cols: number): number {
  return Math.max(8, Math.min(16, Math.floor(640 / cols)));
}

/** Every how many columns a colour-only grid labels a column, so labels sit ≥ 40 px apart. */
function labelEvery(cellWidth: number): number {
  return [1, 2, 4, 5, 10, 20, 25, 50].find((n) => n * cellWidth >= 40) ?? 100;
}

const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, x));

/** A colour-shaded grid of `matrix` with row and column labels, a caption and a value readout. */
export function MatrixGrid({
  matrix,
  name,
  description,
  rowLabels,
  tokenRows = false,
  unknownRows,
  csvFileName,
}: MatrixGridProps) {
  const fmt = useNumberFormat();
  const m = useMessages().numbers;
  const { rows, cols } = matrix;
  const numeric = cols <= NUMBERS_MAX_COLUMNS;
  const cellWidth = numeric ? 0 : stripCellWidth(cols);

  const [active, setActive] = useState<Position>({ r: 0, c: 0 });
  const [focused, setFocused] = useState(false);
  const [hover, setHover] = useState<Position | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const box = useScrollBox(scroller, [rows, cols]);
  // A grid far out of sight (the X under E and P, in a panel that shows E) renders no rows
  // and works out no colours until a scroll brings it near.
  const near = useNearScreen(scroller) || focused;
  const palette = useMemo(() => lazyPalette(matrix, numeric), [matrix, numeric]);
  const { colors, textColors } = near ? palette() : { colors: null, textColors: null };
  const colLabels = useMemo(() => Array.from({ length: cols }, (_, c) => m.dim(c)), [cols, m]);
  // Columns hidden past either side: the grid says it goes on instead of cutting a number in half.
  const edges = {
    start: box !== null && box.scrollLeft > 1,
    end: box !== null && box.scrollLeft + box.width < box.contentWidth - 1,
  };

  // The matrix may have shrunk since the cell was chosen (a shorter sentence): clamp, don't reset.
  const current: Position = { r: clamp(active.r, 0, rows - 1), c: clamp(active.c, 0, cols - 1) };
  const empty = rows === 0 || cols === 0;
  // Only the rows in view are rendered (rowWindow), and the keyboard's row wherever it is.
  const shownRows = colors
    ? rowWindow(rows, box, focused && !empty ? current.r : null)
    : { start: 0, end: 0 };

  const hoverToken = useAppStore((s) => (tokenRows ? s.hoverToken : null));
  const cellI = useAppStore((s) => (tokenRows ? (s.hoverCell?.i ?? null) : null));
  const cellJ = useAppStore((s) => (tokenRows ? (s.hoverCell?.j ?? null) : null));
  const setHoverToken = useAppStore((s) => s.setHoverToken);

  /** Shares the row under the pointer or focus with every panel, when the rows are tokens. */
  const linkToken = (r: number | null) => {
    if (tokenRows && useAppStore.getState().hoverToken !== r) setHoverToken(r);
  };

  // Keep the keyboard's cell in view; scroll-padding in the CSS keeps it clear of the sticky labels.
  useEffect(() => {
    if (!focused) return;
    const outline = scroller.current?.querySelector<HTMLElement>('.mgrid-active');
    outline?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [focused, active]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (empty) return;
    const moved = moveInRect(e.key, { i: current.r, j: current.c }, rows, cols, e.ctrlKey);
    // Enter and Space are left alone: a matrix's cell has nothing to open.
    if (moved === null || moved === 'select') return;
    // The arrows belong to the grid here: the app's step navigation must not see them.
    e.preventDefault();
    e.stopPropagation();
    setActive({ r: moved.i, c: moved.j });
    linkToken(moved.i);
  };

  const onMouseMove = (e: MouseEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    const rowEl = target.closest<HTMLElement>('[data-r]');
    if (!rowEl) return onMouseLeave();
    const r = Number(rowEl.dataset.r);
    const cellEl = target.closest<HTMLElement>('[data-c]');
    let c: number | null = null;
    if (cellEl) c = Number(cellEl.dataset.c);
    else if (target.classList.contains('mgrid-strip'))
      c = clamp(Math.floor(e.nativeEvent.offsetX / cellWidth), 0, cols - 1);
    if (hover?.r !== r || hover?.c !== c) setHover(c === null ? null : { r, c });
    linkToken(r);
  };

  const onMouseLeave = () => {
    if (hover) setHover(null);
    linkToken(null);
  };

  const shown = hover ?? (focused && !empty ? current : null);
  const shape = m.shape(name, rows, cols);
  const readoutText = shown
    ? m.readout(
        rowLabels[shown.r] ?? '',
        colLabels[shown.c] ?? '',
        // All the digits (float32), as the heatmap's read-out: the cells show two decimals.
        fmt.full(at(matrix, shown.r, shown.c)),
      )
    : numeric
      ? m.readoutHint
      : m.readoutHintColour;

  return (
    <figure
      className={`mgrid ${numeric ? 'mgrid-numeric' : 'mgrid-colour'}`}
      // The CSS sizes numeric cells so that all the columns fit a phone when they can.
      style={{ '--mgrid-cols': cols } as CSSProperties}
    >
      <figcaption className="mgrid-caption">
        <strong>{shape}</strong>
        {description && <span className="mgrid-description"> {description}</span>}
        {csvFileName && !empty && (
          <MatrixCsvButton
            matrix={matrix}
            name={name}
            shape={shape}
            rowLabels={rowLabels}
            colLabels={colLabels}
            fileName={csvFileName}
          />
        )}
      </figcaption>
      <p className={`mgrid-readout${shown ? '' : ' mgrid-readout-hint'}`} aria-live="polite">
        {readoutText}
      </p>
      <div className="mgrid-frame" data-more-start={edges.start} data-more-end={edges.end}>
        <div
          ref={scroller}
          className="mgrid-scroll"
          role="group"
          aria-label={m.gridLabel(shape)}
          tabIndex={empty ? -1 : 0}
          onKeyDown={onKeyDown}
          onFocus={() => {
            setFocused(true);
            linkToken(current.r);
          }}
          onBlur={() => {
            setFocused(false);
            linkToken(null);
          }}
          onMouseMove={onMouseMove}
          onMouseLeave={onMouseLeave}
          style={{ ['--mgrid-cell-w' as string]: numeric ? undefined : `${cellWidth}px` }}
        >
          <ColumnHeader labels={colLabels} numeric={numeric} cellWidth={cellWidth} />
          <RowSpacer rows={shownRows.start} />
          {Array.from(
            { length: shownRows.end - shownRows.start },
            (_, k) => shownRows.start + k,
          ).map((r) => (
            <MatrixRow
              key={r}
              matrix={matrix}
              r={r}
              label={rowLabels[r] ?? ''}
              unknown={unknownRows?.[r] === true}
              unknownLabel={m.unknownRow}
              colors={colors ?? []}
              textColors={textColors}
              cellWidth={cellWidth}
              highlighted={r === hoverToken || r === cellI || r === cellJ}
              activeCol={focused && r === current.r ? current.c : null}
            />
          ))}
          <RowSpacer rows={rows - shownRows.end} />
        </div>
        {/* Said for the eyes only: the grid's own label already tells keyboard users how to move. */}
        {edges.end && (
          <span className="mgrid-more" aria-hidden="true">
            {m.scrollMore}
          </span>
        )}
      </div>
    </figure>
  );
}

/** The height of `rows` rows that are not rendered, so that the scroll box keeps its length. */
function RowSpacer({ rows }: { rows: number }) {
  if (rows <= 0) return null;
  return (
    <div
      className="mgrid-spacer"
      aria-hidden="true"
      style={{ height: `calc(${rows} * var(--mgrid-row-h))` }}
    />
  );
}

/** The row of column labels: every column when numbers show, every few columns otherwise. */
const ColumnHeader = memo(function ColumnHeader({
  labels,
  numeric,
  cellWidth,
}: {
  labels: readonly string[];
  numeric: boolean;
  cellWidth: number;
}) {
  const every = numeric ? 1 : labelEvery(cellWidth);
  return (
    <div className="mgrid-row mgrid-header" aria-hidden="true">
      <span className="mgrid-label" />
      <span
        className="mgrid-cells"
        style={numeric ? undefined : { width: labels.length * cellWidth }}
      >
        {labels.map((label, c) =>
          c % every === 0 ? (
            <span
              key={c}
              className="mgrid-col-label"
              style={numeric ? undefined : { position: 'absolute', left: c * cellWidth }}
            >
              {label}
            </span>
          ) : null,
        )}
      </span>
    </div>
  );
});

/** Props of one row; the whole matrix and colour arrays are passed so that memo sees stable props. */
interface MatrixRowProps {
  matrix: Matrix;
  r: number;
  label: string;
  unknown: boolean;
  unknownLabel: string;
  colors: readonly string[];
  /** Text colours per cell when numbers show, else null (colour-only). */
  textColors: readonly string[] | null;
  cellWidth: number;
  highlighted: boolean;
  /** Column of the keyboard's active cell when it is in this row. */
  activeCol: number | null;
}

/** One row: its label, then its cells (numbers) or one gradient strip (colour only). */
const MatrixRow = memo(function MatrixRow({
  matrix,
  r,
  label,
  unknown,
  unknownLabel,
  colors,
  textColors,
  cellWidth,
  highlighted,
  activeCol,
}: MatrixRowProps) {
  const fmt = useNumberFormat();
  const { cols } = matrix;
  const rowColors = colors.slice(r * cols, (r + 1) * cols);
  // One hard-stopped gradient paints the whole row: one element instead of `cols`.
  const gradient = textColors
    ? undefined
    : `linear-gradient(to right, ${rowColors.map((c, k) => `${c} ${k * cellWidth}px ${(k + 1) * cellWidth}px`).join(', ')})`;
  return (
    <div className={`mgrid-row${highlighted ? ' mgrid-row-highlight' : ''}`} data-r={r}>
      <span
        className={`mgrid-label${unknown ? ' mgrid-unknown' : ''}`}
        title={unknown ? `${label}: ${unknownLabel}` : label}
      >
        {label}
      </span>
      {textColors ? (
        <span className="mgrid-cells">
          {rowColors.map((color, c) => {
            const x = at(matrix, r, c);
            return (
              <span
                key={c}
                className="mgrid-cell"
                data-c={c}
                style={{ backgroundColor: color, color: textColors[r * cols + c] }}
              >
                {fmt.number(x, 2)}
              </span>
            );
          })}
          {activeCol !== null && (
            <span
              className="mgrid-active"
              style={{ left: `calc(${activeCol} * var(--mgrid-cell-w))` }}
            />
          )}
        </span>
      ) : (
        <span
          className="mgrid-cells mgrid-strip"
          style={{ width: cols * cellWidth, backgroundImage: gradient }}
        >
          {activeCol !== null && (
            <span className="mgrid-active" style={{ left: activeCol * cellWidth }} />
          )}
        </span>
      )}
    </div>
  );
});
