// @vitest-environment jsdom
/**
 * One numbering of the steps everywhere (issue 13, item 7): the step bar, the explanation's
 * heading, its "Step n of N", the screen-reader announcement and the hints that send the
 * learner to a step all give a step the same number.
 */
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StepExplanation } from '../../../src/components/steps/StepExplanation';
import { StepNav } from '../../../src/components/steps/StepNav';
import { en } from '../../../src/messages';
import { MESSAGES } from '../../../src/messages/all';

const es = MESSAGES.es;
import { useAppStore } from '../../../src/store/store';
import { STEP_IDS } from '../../../src/vocabulary/steps';
import { resetStore } from '../../helpers/testStore';

const navCurrent = () =>
  within(screen.getByRole('navigation', { name: 'Steps' }))
    .getAllByRole('button')
    .find((b) => b.getAttribute('aria-current') === 'step');

describe('the steps’ numbering', () => {
  afterEach(cleanup);

  beforeEach(async () => {
    await resetStore({ vectors: 'made-up', settings: { heads: 2 } });
  });

  it('gives each step the same number in the bar, the heading and “Step n of N”', () => {
    render(
      <>
        <StepNav />
        <StepExplanation />
      </>,
    );
    STEP_IDS.forEach((step, i) => {
      act(() => useAppStore.getState().setStep(step));
      const where = document.querySelector('.step-explanation__where')?.textContent ?? '';
      const n = Number(/Step (\d+) of 6/.exec(where)?.[1]);
      expect(n).toBe(i + 1);
      const heading = screen.getByRole('heading', { level: 2 }).textContent ?? '';
      expect(heading.startsWith(`${n} `)).toBe(true);
      expect(navCurrent()?.textContent).toBe(heading);
      expect(navCurrent()?.getAttribute('data-short')).toBe(String(n));
      expect(navCurrent()?.getAttribute('data-compact')?.startsWith(`${n} `)).toBe(true);
    });
  });

  it('sends the learner to the same numbers in the placeholders and the quiz hints', () => {
    // Score is step 3 and Softmax step 4 in the bar (above); the texts that name them agree.
    expect(en.viz.scoresAppear).toContain('step 3');
    expect(en.viz.edgesAppear).toContain('step 4');
    expect(en.quiz.hints.softmaxToken).toContain('step 3');
    expect(en.quiz.hints.weightedNumber('0.01')).toContain('step 4');
    expect(es.viz.scoresAppear).toContain('paso 3');
    expect(es.viz.edgesAppear).toContain('paso 4');
    expect(es.quiz.hints.softmaxToken).toContain('paso 3');
  });
});
