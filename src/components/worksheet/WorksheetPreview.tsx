/**
 * The worksheet's on-screen preview: the sheet (WorksheetSheet) over the app before
 * printing, with Print and Close.
 *
 * Printing: the preview renders into its own `<div class="worksheet-print-root">`, a child
 * of <body> beside the app's #root, so the print stylesheet (Worksheet.css) can hide every
 * other child of <body> and print the sheet in the normal flow of the page, page breaks
 * and all. A modal <dialog> (showModal) would live in the top layer, which browsers print
 * as a fixed box; so the preview is an open, non-modal <dialog> made modal by hand: the
 * rest of the page is `inert` while it is open, and Escape closes it.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { WORKSHEET_MAX_TOKENS, type Worksheet } from '../../core/worksheet';
import { useMessages } from '../../messages';
import { TokenPicker } from './TokenPicker';
import { WorksheetSheet } from './WorksheetSheet';
import './Worksheet.css';

/** The class <body> has while a worksheet's preview is open (Worksheet.css hides the rest when printing). */
const PRINTING_CLASS = 'has-worksheet';

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
    // A class, not `body:has(> .worksheet-print-root)` in the CSS: a :has() on <body> made
    // Chromium recheck its style at every element any update inserted in the page.
    document.body.classList.add(PRINTING_CLASS);
    // Only what this preview made inert is restored: another dialog's inert stays.
    const madeInert = Array.from(document.body.children).filter(
      (el) => el !== root && !el.hasAttribute('inert'),
    );
    for (const el of madeInert) el.setAttribute('inert', '');
    return () => {
      for (const el of madeInert) el.removeAttribute('inert');
      root.remove();
      document.body.classList.remove(PRINTING_CLASS);
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
  /** The sentence's tokens; with `chosen` and `onChosenChange`, the teacher picks which go on the sheet. */
  readonly tokens?: readonly string[];
  /** Indices of the tokens on the sheet, ascending. */
  readonly chosen?: readonly number[];
  readonly onChosenChange?: (chosen: readonly number[]) => void;
}

/** The worksheet over the app, with Print and Close; Escape closes it too. */
export function WorksheetPreview({
  sheet,
  onClose,
  tokenCount,
  onTokenCountChange,
  tokens,
  chosen,
  onChosenChange,
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
        {tokens && chosen && onChosenChange && (
          <TokenPicker tokens={tokens} chosen={chosen} onChange={onChosenChange} />
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
