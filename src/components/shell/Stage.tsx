/**
 * The stage: the current step on one screen. On a laptop or a projector (App.css: 900 px
 * wide and 500 px high or more) it is a grid under the steps bar, exactly as tall as what
 * is left of the window: a narrow column for the words and the step's controls, and the
 * step's picture, sized to fit.
 * It carries the step (`data-step`), so CSS places the picture of that step, whether a
 * cell's arithmetic is open (`data-work-open`: it then takes a third column), and
 * `--stage-top`, how far below the top of the page it starts, which CSS cannot know.
 *
 * It also orders its parts in the document as the eye meets them (pictureOrder.ts): the
 * words before the picture on the stage, the picture first in one column, and of the
 * pictures the step's own first. Keyed, so React moves them rather than mounting them again.
 */
import { Fragment, useLayoutEffect, useRef, type ReactElement, type ReactNode } from 'react';
import { useStep } from '../../store/selectors';
import { useMediaQuery } from '../common/useMediaQuery';
import { ONE_COLUMN, pictureOrder, type PicturePanel } from './pictureOrder';
import { useWorkOpen } from '../work/useShownWork';

/** The stage's frame around its two columns: `words` (the step's text and controls) and `picture`. */
export function Stage({ words, picture }: { words: ReactElement; picture: ReactElement }) {
  const step = useStep();
  const oneColumn = useMediaQuery(ONE_COLUMN);
  const workOpen = useWorkOpen();
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
    <div
      ref={ref}
      className="app-main__stage"
      data-step={step}
      data-work-open={workOpen ? '' : undefined}
    >
      {oneColumn ? [picture, words] : [words, picture]}
    </div>
  );
}

/** The picture panels, the step's own first (pictureOrder). */
export function StepPictures(panels: Record<PicturePanel, ReactNode>) {
  const step = useStep();
  return (
    <>
      {pictureOrder(step).map((panel) => (
        <Fragment key={panel}>{panels[panel]}</Fragment>
      ))}
    </>
  );
}
