/**
 * The "Steps" navigation: Previous and Next buttons around a clickable list of steps, the
 * current one marked with aria-current="step". The buttons at the ends stay focusable
 * (aria-disabled, not disabled) so a keyboard user's focus is not thrown to the page top.
 */
import { useEffect, useRef } from 'react';
import { useMessages } from '../messages';
import { stepsFor } from '../store/steps';
import { useAppStore } from '../store/store';
import { useStepKeys } from './useStepKeys';
import './StepNav.css';

/** Step navigation with buttons, a step list and the window's arrow keys. */
export function StepNav() {
  const m = useMessages().shell.steps;
  const step = useAppStore((s) => s.step);
  const heads = useAppStore((s) => s.settings.heads);
  const setStep = useAppStore((s) => s.setStep);
  const nextStep = useAppStore((s) => s.nextStep);
  const previousStep = useAppStore((s) => s.previousStep);
  useStepKeys();
  const listRef = useRef<HTMLOListElement>(null);
  useEffect(() => {
    // On a phone the list scrolls sideways: bring the current step into view, without
    // scrollIntoView, which would also scroll the page vertically.
    const list = listRef.current;
    const current = list?.querySelector('[aria-current="step"]');
    if (!list || !current) return;
    const outer = list.getBoundingClientRect();
    const inner = current.getBoundingClientRect();
    if (inner.left < outer.left) list.scrollLeft -= outer.left - inner.left + 8;
    else if (inner.right > outer.right) list.scrollLeft += inner.right - outer.right + 8;
  }, [step]);
  const steps = stepsFor(heads);
  const index = steps.indexOf(step);
  const atStart = index <= 0;
  const atEnd = index >= steps.length - 1;
  return (
    <nav className="panel step-nav" aria-label={m.nav}>
      <button
        type="button"
        className="step-nav__move"
        aria-disabled={atStart}
        onClick={() => !atStart && previousStep()}
      >
        <span aria-hidden="true">←</span> {m.previous}
      </button>
      <ol className="step-nav__list" ref={listRef}>
        {steps.map((id, i) => (
          <li key={id}>
            <button
              type="button"
              className="step-nav__step"
              aria-current={id === step ? 'step' : undefined}
              data-done={i < index}
              onClick={() => setStep(id)}
            >
              {m.titles[id]}
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
        {m.next} <span aria-hidden="true">→</span>
      </button>
    </nav>
  );
}
