/**
 * Presentation mode's bar and keys. While the store says `presenting`, the app root carries
 * `data-presenting` and the current step (Presentation.css then hides the controls and
 * shows the step's panel large); this component adds what a projected page needs on top:
 * the sentence as one large read-only line, a small step indicator ("2 / 5"), Previous,
 * Next and Exit for a mouse, and the keys of a keyboard or a presentation clicker:
 *
 * - next: ArrowDown, PageDown, Space; previous: ArrowUp, PageUp, Shift+Space;
 * - Home and End: the first and the last step;
 * - ArrowLeft and ArrowRight: the walkthrough's own listener (useStepKeys) already moves
 *   the steps, so they are left to it and never counted twice;
 * - B or "." (a clicker's "blank" button): blanks the screen, and again shows it;
 * - Escape: leaves presenting and full screen. Leaving full screen through the browser
 *   (its own Escape, F11) leaves presenting too.
 *
 * Keys that a focused widget uses itself (a heatmap cell, a dialog) stay that widget's,
 * except what a clicker sends (→ ← Space PageDown PageUp): a teacher who has just clicked a
 * heatmap cell to show its arithmetic still steps with the clicker. Only a text field keeps
 * those, and a focused button its Space. "QR code" shows the lesson's code over the step,
 * for the class to scan; entering starts at the top of the page.
 */
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { useMessages } from '../../messages';
import { useAppStore } from '../../store/store';
import { leavePresentation } from './presentationMode';
import { QrCode } from '../sharing/QrCode';
import { lessonUrl, selectLesson } from '../../store/link/useLessonLink';
import { ownsArrowKeys } from '../steps/useStepKeys';
import './Presentation.css';
import { walkKey } from '../common/walkKeys';
import { moveStep, stepNumber, stepsFor } from '../../vocabulary/steps';
import { usePresenting, useStep } from '../../store/selectors';

/** What a presentation key does, or null for a key that is not one. */
type KeyAction = 'next' | 'previous' | 'first' | 'last' | 'blank' | 'leave';

/** The action of `event`'s key (see the module comment). */
export function presentationKey(event: KeyboardEvent): KeyAction | null {
  const move = walkKey(event);
  if (move) return move;
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
  switch (event.key) {
    case 'b':
    case 'B':
    case '.':
      return 'blank';
    case 'Escape':
      return 'leave';
    default:
      return null;
  }
}

/** The keys a presentation clicker sends, and the step each of them takes. */
const CLICKER_KEYS: Record<string, 'next' | 'previous'> = {
  ArrowRight: 'next',
  ArrowLeft: 'previous',
  ' ': 'next',
  PageDown: 'next',
  PageUp: 'previous',
};

/** True when `target` is a field the user types into, which keeps every key. */
function isTextField(target: EventTarget | null): boolean {
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return ownsArrowKeys(target);
  return (
    target instanceof HTMLElement &&
    target.closest('[contenteditable]:not([contenteditable="false"])') !== null
  );
}

/** The presentation bar, mounted while presenting. */
export function Presentation() {
  const presenting = usePresenting();
  return presenting ? <PresentationBar /> : null;
}

function PresentationBar() {
  const m = useMessages().present;
  const text = useAppStore((s) => s.text);
  // In the Lab there is no sentence and no steps: the bar names the Lab and keeps Exit.
  const inLab = useAppStore((s) => s.screen === 'lab');
  const labTitle = useMessages().lab.open;
  const step = useStep();
  const heads = useAppStore((s) => s.settings.heads);
  const nextStep = useAppStore((s) => s.nextStep);
  const previousStep = useAppStore((s) => s.previousStep);
  const [blank, setBlank] = useState(false);
  const [qrOpen, setQrOpen] = useState(false);
  const qrId = useId();
  const share = useMessages().share;
  const lesson = useAppStore(selectLesson);
  const ref = useRef<HTMLDivElement>(null);
  const steps = stepsFor(heads);
  const n = stepNumber(step);

  // On <html> too: its font size (every rem of the page) and its palette grow with the mode,
  // and in full screen <html> is what fills the screen.
  useLayoutEffect(() => {
    const root = document.documentElement;
    root.dataset.presenting = '';
    return () => {
      delete root.dataset.presenting;
    };
  }, []);

  // Focus starts on the presentation, not on a control that just disappeared, and the page
  // at its top: entered from a scrolled page, the step would start half off the screen.
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, []);

  const act = useCallback(
    (action: KeyAction) => {
      const state = useAppStore.getState();
      if (action === 'blank') return setBlank((b) => !b);
      setBlank(false);
      if (action === 'leave') leavePresentation();
      else if (action === 'next') nextStep();
      else if (action === 'previous') previousStep();
      else
        state.setStep(
          moveStep(state.step, action === 'first' ? -Infinity : Infinity, state.settings.heads),
        );
    },
    [nextStep, previousStep],
  );

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || ownsArrowKeys(event.target)) return;
      const action = presentationKey(event);
      if (!action) {
        // ArrowLeft and ArrowRight move the steps through useStepKeys; a blank screen comes back.
        if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') setBlank(false);
        return;
      }
      // Also keeps Space from pressing a focused button and the page from scrolling.
      event.preventDefault();
      act(action);
    };
    // Capture phase, before the focused widget sees the key: a clicker's keys (→ ← Space
    // PageDown PageUp) always step, also from a heatmap cell that was just clicked. Stopped
    // here, the key reaches neither the widget nor useStepKeys, so it counts once.
    const onClickerKey = (event: KeyboardEvent) => {
      const action = CLICKER_KEYS[event.key];
      if (!action) return;
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      if (isTextField(event.target)) return;
      // A button or a link keeps Space, which presses it.
      if (event.key === ' ' && (event.target as Element | null)?.closest?.('button, a, summary'))
        return;
      event.preventDefault();
      event.stopPropagation();
      setBlank(false);
      act(action);
    };
    const onFullscreenChange = () => {
      if (!document.fullscreenElement) leavePresentation();
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keydown', onClickerKey, true);
    document.addEventListener('fullscreenchange', onFullscreenChange);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keydown', onClickerKey, true);
      document.removeEventListener('fullscreenchange', onFullscreenChange);
    };
  }, [act]);

  return (
    <div ref={ref} className="presentation" role="region" aria-label={m.region} tabIndex={-1}>
      <p className="presentation__sentence">
        {inLab ? (
          labTitle
        ) : (
          <>
            <span className="visually-hidden">{m.sentenceLabel}: </span>
            {text}
          </>
        )}
      </p>
      <p className="presentation__indicator" hidden={inLab}>
        <span aria-hidden="true">{m.indicator(n, steps.length)}</span>
        <span className="visually-hidden">{m.indicatorLabel(n, steps.length)}</span>
      </p>
      <div className="presentation__buttons">
        <button
          type="button"
          aria-label={m.previous}
          aria-disabled={n <= 1}
          onClick={() => n > 1 && act('previous')}
        >
          <span aria-hidden="true">←</span>
        </button>
        <button
          type="button"
          aria-label={m.next}
          aria-disabled={n >= steps.length}
          onClick={() => n < steps.length && act('next')}
        >
          <span aria-hidden="true">→</span>
        </button>
        <button
          type="button"
          aria-expanded={qrOpen}
          aria-controls={`${qrId}-qr`}
          onClick={() => setQrOpen((open) => !open)}
        >
          {share.qr}
        </button>
        <button type="button" aria-label={m.exitLabel} onClick={() => act('leave')}>
          {m.exit} <span aria-hidden="true">✕</span>
        </button>
      </div>
      <p className="presentation__keys">{m.keysHint}</p>
      {qrOpen && (
        <div id={`${qrId}-qr`} className="presentation__qr">
          <QrCode text={lessonUrl(lesson)} />
        </div>
      )}
      {blank && (
        <div className="presentation__blank" onClick={() => setBlank(false)}>
          <p className="visually-hidden" role="status">
            {m.blanked}
          </p>
        </div>
      )}
    </div>
  );
}
