/**
 * The printable worksheet and its on-screen preview.
 *
 * `WorksheetSheet` is the handout itself: a page with the task and the given (rounded)
 * matrices, a page of empty grids to fill in, and the answer key on a page of its own.
 * `WorksheetPreview` shows it over the app before printing, with Print and Close.
 *
 * Printing: the preview renders into its own `<div class="worksheet-print-root">`, a child
 * of <body> beside the app's #root, so the print stylesheet (Worksheet.css) can hide every
 * other child of <body> and print the sheet in the normal flow of the page, page breaks
 * and all. A modal <dialog> (showModal) would live in the top layer, which browsers print
 * as a fixed box; so the preview is an open, non-modal <dialog> made modal by hand: the
 * rest of the page is `inert` while it is open, and Escape closes it.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { Matrix } from '../../core/matrix';
import { WORKSHEET_MAX_TOKENS, type Worksheet } from '../../core/worksheet';
import { isolate } from '../../bidi';
import { useMessages } from '../../messages';
import { useNumberFormat, type NumberFormat } from '../common/useNumberFormat';
import { MathText } from '../common/MathText';
import './Worksheet.css';

/** Decimals of the key's scores, weights and outputs: enough to check a hand computation. */
const KEY_DIGITS = 3;

/** The x of the eˣ hint table: the differences softmax meets after subtracting the row's maximum. */
const EXP_HINTS = [0, -0.5, -1, -1.5, -2, -2.5, -3, -4, -5, -6];

/** √dK as the sheet writes it: "2" for √4, three decimals otherwise. */
function rootText(dK: number, fmt: NumberFormat): string {
  const root = Math.sqrt(dK);
  return Number.isInteger(root) ? String(root) : fmt.number(root, 3);
}

/** A temperature without trailing zeros ("1", "0.5"; "0,5" in Spanish). */
function temperatureText(t: number, fmt: NumberFormat): string {
  return fmt.full(Number(t.toFixed(2)));
}

/**
 * A token as a row or column label: a long word is cut with an ellipsis so that it cannot
 * widen a column past the page (the whole sentence is printed above the grids).
 */
function Label({ text }: { text: string }) {
  return (
    <span className="ws-label" title={isolate(text)} dir="auto">
      {text}
    </span>
  );
}

/** Props of one grid. */
interface GridProps {
  /** Which matrix: `data-grid` for tests and styles. */
  readonly name: string;
  readonly caption: string;
  readonly rowLabels: readonly string[];
  readonly colLabels: readonly string[];
  readonly rowHeader: string;
  /** The numbers, or null for a blank grid to fill in. */
  readonly values: Matrix | null;
  readonly digits: number;
  /** Bigger cells: room for handwriting. */
  readonly writeIn?: boolean;
}

/** One matrix as a ruled table, with token (or dimension) labels, filled or blank. */
function Grid({
  name,
  caption,
  rowLabels,
  colLabels,
  rowHeader,
  values,
  digits,
  writeIn,
}: GridProps) {
  const m = useMessages().worksheet;
  const fmt = useNumberFormat();
  return (
    <table
      className={`ws-grid${writeIn ? ' ws-grid--write' : ''}`}
      data-grid={name}
      data-blank={values ? undefined : ''}
    >
      <caption>
        <MathText text={caption} />{' '}
        <span className="ws-grid__shape">({m.shape(rowLabels.length, colLabels.length)})</span>
      </caption>
      <thead>
        <tr>
          <th scope="col" className="ws-grid__corner">
            {rowHeader}
          </th>
          {colLabels.map((label, j) => (
            <th scope="col" key={j}>
              <Label text={label} />
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rowLabels.map((label, i) => (
          <tr key={i}>
            <th scope="row">
              <Label text={label} />
            </th>
            {colLabels.map((_, j) => (
              <td key={j}>
                {values ? fmt.number(values.data[i * values.cols + j] as number, digits) : ''}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Name and date lines to write on, on every page a student hands in. */
function NameLine() {
  const m = useMessages().worksheet;
  return (
    <p className="ws-name">
      <span>{m.name}</span>
      <span className="ws-line" />
      <span>{m.date}</span>
      <span className="ws-line ws-line--short" />
    </p>
  );
}

/** A page of the sheet with a heading that names it (a landmark for screen readers). */
function Page({
  className,
  title,
  nameLine = false,
  children,
}: {
  className: string;
  title: string;
  nameLine?: boolean;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section className={`ws-page ${className}`} aria-labelledby={id}>
      <header className="ws-header ws-header--small">
        <h2 id={id} className="ws-page__title">
          {title}
        </h2>
        {nameLine && <NameLine />}
      </header>
      {children}
    </section>
  );
}

/**
 * The grids of the computation, blank (`filled` false) or filled with the answer key. The
 * second score grid appears when there is a step between scores and softmax (scaling or
 * the mask), and shows the masked scores, −∞ included.
 */
function WorkGrids({ sheet, filled }: { sheet: Worksheet; filled: boolean }) {
  const m = useMessages().worksheet;
  const fmt = useNumberFormat();
  const dims = Array.from({ length: sheet.dK }, (_, d) => m.dim(d + 1));
  const tokens = sheet.tokens;
  const root = rootText(sheet.dK, fmt);
  const { scale, causal } = sheet.options;
  // Q, K and V of rounded inputs are exact with twice the inputs' decimals.
  const qkvDigits = Math.min(2 * sheet.decimals, KEY_DIGITS);
  const common = { rowLabels: tokens, rowHeader: m.corner, writeIn: !filled };
  const secondCaption = scale
    ? causal
      ? m.grids.scaledMasked(root)
      : m.grids.scaled(root)
    : causal
      ? m.grids.masked
      : null;
  return (
    <>
      <div className="ws-grids">
        {(['q', 'k', 'v'] as const).map((name) => (
          <Grid
            key={name}
            name={name}
            caption={m.grids[name]}
            colLabels={dims}
            values={filled ? sheet[name] : null}
            digits={qkvDigits}
            {...common}
          />
        ))}
      </div>
      <p className="ws-hint">{m.rowsHint}</p>
      <div className="ws-grids">
        <Grid
          name="scores"
          caption={m.grids.scores}
          colLabels={tokens}
          values={filled ? sheet.scores : null}
          digits={KEY_DIGITS}
          {...common}
        />
        {secondCaption !== null && (
          <Grid
            name="scaled"
            caption={secondCaption}
            colLabels={tokens}
            values={filled ? sheet.masked : null}
            digits={KEY_DIGITS}
            {...common}
          />
        )}
        <Grid
          name="weights"
          caption={m.grids.weights}
          colLabels={tokens}
          values={filled ? sheet.weights : null}
          digits={KEY_DIGITS}
          {...common}
        />
        <Grid
          name="output"
          caption={m.grids.output}
          colLabels={dims}
          values={filled ? sheet.output : null}
          digits={KEY_DIGITS}
          {...common}
        />
      </div>
    </>
  );
}

/** The numbered instructions, following the sheet's own settings. */
function Instructions({ sheet }: { sheet: Worksheet }) {
  const m = useMessages().worksheet.steps;
  const fmt = useNumberFormat();
  const { scale, causal, temperature } = sheet.options;
  const sameQK = sheet.notes.some((n) => n.kind === 'sameQK');
  const steps = [
    sameQK ? `${m.project} ${m.sameQK}` : m.project,
    m.scores,
    scale ? m.scale(sheet.dK, rootText(sheet.dK, fmt)) : m.noScale,
    causal ? m.mask : null,
    temperature === 1 ? m.softmax : m.softmaxTemperature(temperatureText(temperature, fmt)),
    m.output,
  ].filter((s): s is string => s !== null);
  return (
    <>
      <ol className="ws-steps">
        {steps.map((s) => (
          <li key={s}>
            <MathText text={s} />
          </li>
        ))}
      </ol>
      <p className="ws-hint">{m.rounding(Math.min(2 * sheet.decimals, KEY_DIGITS), KEY_DIGITS)}</p>
    </>
  );
}

/** A two-row table of eˣ for the differences softmax meets. */
function ExpHints() {
  const m = useMessages().worksheet;
  const fmt = useNumberFormat();
  return (
    <table className="ws-exp">
      <caption>{m.expHintTitle}</caption>
      <tbody>
        <tr>
          <th scope="row">{m.expHintX}</th>
          {EXP_HINTS.map((x) => (
            <td key={x}>{fmt.number(x, Number.isInteger(x) ? 0 : 1)}</td>
          ))}
        </tr>
        <tr>
          <th scope="row">{m.expHintExp}</th>
          {EXP_HINTS.map((x) => (
            <td key={x}>{fmt.number(Math.exp(x), 3)}</td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}

/** The notes about where the numbers come from, worded from the core's data. */
function Notes({ sheet }: { sheet: Worksheet }) {
  const m = useMessages().worksheet;
  const lines: string[] = [m.rounded(sheet.decimals)];
  if (sheet.settings?.positions) lines.push(m.withPositions);
  for (const note of sheet.notes) {
    if (note.kind === 'shortened') lines.push(m.shortened(note.kept));
    else if (note.kind === 'unknownWords') lines.push(m.unknownWords(note.words.map(isolate)));
    else if (note.kind === 'madeUpVectors') lines.push(m.madeUpVectors);
    else if (note.kind === 'noPositions') lines.push(m.noPositions);
  }
  if (sheet.settings) lines.push(m.settingsSource);
  return (
    <ul className="ws-notes">
      {lines.map((line) => (
        <li key={line}>
          <MathText text={line} />
        </li>
      ))}
    </ul>
  );
}

/** The handout: the task, the blank grids, and the answer key on its own page. */
export function WorksheetSheet({ sheet }: { sheet: Worksheet }) {
  const m = useMessages().worksheet;
  const fmt = useNumberFormat();
  const dims = (n: number) => Array.from({ length: n }, (_, d) => m.dim(d + 1));
  const { settings, options } = sheet;
  const unrounded = sheet.notes.find((n) => n.kind === 'unrounded');
  const settingsLine = m.settings({
    dModel: sheet.dModel,
    dK: sheet.dK,
    preset: settings ? settings.weights : null,
    seed: settings ? settings.seed : null,
    scale: options.scale,
    causal: options.causal,
    temperature: temperatureText(options.temperature, fmt),
  });
  const given = { digits: sheet.decimals, rowHeader: m.corner };
  const titleId = useId();
  return (
    <article className="ws-sheet" aria-label={m.title}>
      <section className="ws-page ws-page--task" aria-labelledby={titleId}>
        <header className="ws-header">
          <h1 id={titleId} className="ws-title">
            {m.title}
          </h1>
          <NameLine />
        </header>
        <p className="ws-sentence">{m.sentence(isolate(sheet.sentence))}</p>
        <p className="ws-settings">
          <MathText text={settingsLine} />
        </p>
        <h2 className="ws-page__title">{m.instructionsTitle}</h2>
        <Instructions sheet={sheet} />
        <ExpHints />
        <h2 className="ws-page__title">{m.givenTitle}</h2>
        <div className="ws-grids">
          <Grid
            {...given}
            name="x"
            caption={m.grids.x}
            rowLabels={sheet.tokens}
            colLabels={dims(sheet.dModel)}
            values={sheet.x}
          />
          {(['wq', 'wk', 'wv'] as const).map((name) => (
            <Grid
              {...given}
              key={name}
              name={name}
              caption={m.grids[name]}
              rowLabels={dims(sheet.dModel)}
              colLabels={dims(sheet.dK)}
              rowHeader=""
              values={sheet[name]}
            />
          ))}
        </div>
        <h2 className="ws-page__title">{m.notesTitle}</h2>
        <Notes sheet={sheet} />
      </section>
      <Page className="ws-page--work" title={m.workTitle} nameLine>
        <WorkGrids sheet={sheet} filled={false} />
      </Page>
      <Page className="ws-page--key" title={m.keyTitle}>
        <p className="ws-sentence">{m.sentence(isolate(sheet.sentence))}</p>
        <p className="ws-hint">{m.keyIntro}</p>
        <WorkGrids sheet={sheet} filled />
        <ul className="ws-notes">
          {unrounded && (
            <li>{m.unrounded(fmt.number(unrounded.maxWeightDifference, KEY_DIGITS))}</li>
          )}
          {settings && <li>{m.checkInApp(isolate(sheet.sentence), sheet.dModel)}</li>}
        </ul>
      </Page>
    </article>
  );
}

/**
 * A container for the preview appended to <body> while mounted; the rest of the page is
 * inert meanwhile (so Tab, clicks and screen readers stay in the preview), and focus goes
 * back where it was on close.
 */
function usePrintRoot(): HTMLDivElement {
  const [root] = useState(() => {
    const div = document.createElement('div');
    div.className = 'worksheet-print-root';
    return div;
  });
  useEffect(() => {
    const previousFocus = document.activeElement;
    document.body.appendChild(root);
    // Only what this preview made inert is restored: another dialog's inert stays.
    const madeInert = Array.from(document.body.children).filter(
      (el) => el !== root && !el.hasAttribute('inert'),
    );
    for (const el of madeInert) el.setAttribute('inert', '');
    return () => {
      for (const el of madeInert) el.removeAttribute('inert');
      root.remove();
      if (previousFocus instanceof HTMLElement) previousFocus.focus();
    };
  }, [root]);
  return root;
}

/** Props of the preview. */
export interface WorksheetPreviewProps {
  readonly sheet: Worksheet;
  readonly onClose: () => void;
  /** Tokens on the sheet; with `onTokenCountChange`, the toolbar offers 1 to `WORKSHEET_MAX_TOKENS`. */
  readonly tokenCount?: number;
  readonly onTokenCountChange?: (count: number) => void;
}

/** The worksheet over the app, with Print and Close; Escape closes it too. */
export function WorksheetPreview({
  sheet,
  onClose,
  tokenCount,
  onTokenCountChange,
}: WorksheetPreviewProps) {
  const m = useMessages().worksheet;
  const root = usePrintRoot();
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  // The latest onClose, so the key listener is installed once and never calls a stale one.
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });
  useEffect(() => {
    dialogRef.current?.focus();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      onCloseRef.current();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
  return createPortal(
    <dialog
      ref={dialogRef}
      open
      aria-modal="true"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-hint`}
      className="worksheet-preview"
      tabIndex={-1}
    >
      <div className="worksheet-preview__bar">
        <h2 id={`${id}-title`} className="worksheet-preview__title">
          {m.previewTitle}
        </h2>
        <p id={`${id}-hint`} className="worksheet-preview__hint">
          {m.previewHint}
        </p>
        {onTokenCountChange && tokenCount !== undefined && (
          <label className="worksheet-preview__field">
            <span>{m.tokenCount}</span>
            <select
              value={String(tokenCount)}
              onChange={(e) => onTokenCountChange(Number(e.target.value))}
            >
              {Array.from({ length: WORKSHEET_MAX_TOKENS }, (_, i) => i + 1).map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" className="worksheet-preview__print" onClick={() => window.print()}>
          {m.print}
        </button>
        <button type="button" onClick={onClose}>
          {m.close}
        </button>
      </div>
      <div className="worksheet-preview__paper">
        <WorksheetSheet sheet={sheet} />
      </div>
    </dialog>,
    root,
  );
}
