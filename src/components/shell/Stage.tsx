/**
 * The stage: the current step on one screen. On a laptop or a projector (App.css: 900 px
 * wide and 500 px high or more) it is a grid under the steps bar, exactly as tall as what
 * is left of the window: a narrow column for the words and the step's controls, and the
 * step's picture, sized to fit.
 * It carries the step (`data-step`), so CSS shows first the picture of that step, and
 * `--stage-top`, how far below the top of the page it starts, which CSS cannot know.
 */
import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { useStep } from '../../store/selectors';

/** The stage's frame, with its two columns as children. */
export function Stage({ children }: { children: ReactNode }) {
  const step = useStep();
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const stage = ref.current;
    if (!stage) return;
    const measure = () => {
      const top = Math.round(stage.getBoundingClientRect().top + window.scrollY);
      stage.style.setProperty('--stage-top', `${top}px`);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    // What sits above the stage (the header, the sentence, the steps bar) moves it down when
    // it grows: watch each of those, and the window.
    const observer = new ResizeObserver(measure);
    const app = stage.closest('.app');
    const above = app ? Array.from(app.querySelectorAll(':scope > *, .app-main > *')) : [];
    for (const el of above) if (el !== stage && !stage.contains(el)) observer.observe(el);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, []);
  return (
    <div ref={ref} className="app-main__stage" data-step={step}>
      {children}
    </div>
  );
}
