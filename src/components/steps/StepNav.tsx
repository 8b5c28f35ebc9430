/**
 * The "Steps" navigation: Previous and Next buttons around a clickable list of steps, the
 * current one marked with aria-current="step". The buttons at the ends stay focusable
 * (aria-disabled, not disabled) so a keyboard user's focus is not thrown to the page top.
 *
 * The bar is one row at every width. It measures itself and takes the widest form that
 * fits: the full titles ("3 Score", numbered by `stepNumber`, as everywhere); then compact titles ("2 Q, K, V"); then arrow-only Previous and
 * Next; then, on a phone, numbered pills ("1", "2", "3") with only the current step
 * titled; and last, numbered pills only. Whatever is shown, each button keeps its full title as its text and accessible
 * name: the shorter forms are drawn by CSS from data attributes and hidden from assistive
 * technology. If even the shortest form overflows, the list scrolls and fades at the edge
 * that hides steps.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useMessages } from '../../messages';
import { useAppStore } from '../../store/store';
import { useStepKeys } from './useStepKeys';
import './StepNav.css';
import { stepNumber, stepsFor } from '../../vocabulary/steps';
import { useStep } from '../../store/selectors';

/** One form of the bar: how the steps are labelled and whether Previous and Next show words. */
interface BarForm {
  readonly labels: 'full' | 'compact' | 'short' | 'shortest';
  readonly buttons: 'text' | 'icons';
}

/** The forms from widest to narrowest; the first that fits is used. */
const FORMS: readonly BarForm[] = [
  { labels: 'full', buttons: 'text' },
  { labels: 'compact', buttons: 'text' },
  { labels: 'compact', buttons: 'icons' },
  { labels: 'short', buttons: 'icons' },
  { labels: 'shortest', buttons: 'icons' },
];

/** Which ends of the step list hide steps that a sideways scroll would reveal. */
interface Edges {
  readonly start: boolean;
  readonly end: boolean;
}

const applyForm = (nav: HTMLElement, form: BarForm) => {
  nav.dataset.labels = form.labels;
  nav.dataset.buttons = form.buttons;
};

/** Step navigation with buttons, a step list and the window's arrow keys. */
export function StepNav() {
  const m = useMessages().shell.steps;
  const step = useStep();
  const heads = useAppStore((s) => s.settings.heads);
  const setStep = useAppStore((s) => s.setStep);
  const nextStep = useAppStore((s) => s.nextStep);
  const previousStep = useAppStore((s) => s.previousStep);
  useStepKeys();
  const navRef = useRef<HTMLElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const [form, setForm] = useState<BarForm>(FORMS[0] as BarForm);
  const [edges, setEdges] = useState<Edges>({ start: false, end: false });
  const steps = stepsFor(heads);
  const index = steps.indexOf(step);
  const atStart = index <= 0;
  const atEnd = index >= steps.length - 1;

  const updateEdges = useCallback(() => {
    const list = listRef.current;
    if (!list) return;
    const start = list.scrollLeft > 1;
    const end = list.scrollLeft + list.clientWidth < list.scrollWidth - 1;
    setEdges((e) => (e.start === start && e.end === end ? e : { start, end }));
  }, []);

  // Tries each form, widest first, straight on the DOM (before paint, so nothing flickers),
  // and keeps the first whose step list does not overflow.
  const fit = useCallback(() => {
    const nav = navRef.current;
    const list = listRef.current;
    if (!nav || !list) return;
    let chosen = FORMS[FORMS.length - 1] as BarForm;
    for (const candidate of FORMS) {
      applyForm(nav, candidate);
      if (list.scrollWidth <= list.clientWidth + 1) {
        chosen = candidate;
        break;
      }
    }
    applyForm(nav, chosen);
    setForm((f) => (f.labels === chosen.labels && f.buttons === chosen.buttons ? f : chosen));
  }, []);

  // The shortest form's width depends on which step is current (only it shows a title).
  useLayoutEffect(fit, [fit, step, heads]);

  useEffect(() => {
    const nav = navRef.current;
    if (!nav || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      fit();
      updateEdges();
    });
    observer.observe(nav);
    return () => observer.disconnect();
  }, [fit, updateEdges]);

  useEffect(() => {
    // When the list scrolls sideways, bring the current step into view, without
    // scrollIntoView, which would also scroll the page vertically.
    const list = listRef.current;
    const current = list?.querySelector('[aria-current="step"]');
    if (list && current) {
      const outer = list.getBoundingClientRect();
      const inner = current.getBoundingClientRect();
      // Past the fade at either edge, so the current step is never the faded one.
      const margin = 28;
      if (inner.left < outer.left + margin) list.scrollLeft -= outer.left + margin - inner.left;
      else if (inner.right > outer.right - margin)
        list.scrollLeft += inner.right - (outer.right - margin);
    }
    updateEdges();
  }, [step, heads, form, updateEdges]);

  return (
    <nav
      ref={navRef}
      className="panel step-nav"
      aria-label={m.nav}
      data-labels={form.labels}
      data-buttons={form.buttons}
    >
      <button
        type="button"
        className="step-nav__move"
        aria-disabled={atStart}
        onClick={() => !atStart && previousStep()}
      >
        <span aria-hidden="true">←</span> <span className="step-nav__move-label">{m.previous}</span>
      </button>
      <ol
        className="step-nav__list"
        ref={listRef}
        onScroll={updateEdges}
        data-more-start={edges.start}
        data-more-end={edges.end}
      >
        {steps.map((id, i) => (
          <li key={id}>
            <button
              type="button"
              className="step-nav__step"
              aria-current={id === step ? 'step' : undefined}
              data-done={i < index}
              data-compact={m.numbered(stepNumber(id), m.compactTitles[id])}
              data-short={stepNumber(id)}
              onClick={() => setStep(id)}
            >
              <span className="step-nav__title">{m.numbered(stepNumber(id), m.titles[id])}</span>
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="step-nav__move"
        aria-disabled={atEnd}
        onClick={() => !atEnd && nextStep()}
      >
        <span className="step-nav__move-label">{m.next}</span> <span aria-hidden="true">→</span>
      </button>
    </nav>
  );
}
