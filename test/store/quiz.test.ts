/**
 * The quiz's slice of the store: an answer holds only for the view it was given for, the
 * score counts predictions (not reveals), and remembered tokens that no longer fit fall
 * back to the defaults.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fromRows } from '../../src/core/matrix';
import {
  initialQuiz,
  isAnsweredFor,
  quizStepOf,
  reask,
  recordAnswer,
  firstTryOf,
  resolveQuestion,
  revealWithout,
  withEnabled,
  type QuizView,
} from '../../src/store/quiz';
import { initialState, useAppStore } from '../../src/store/store';
import { DEFAULT_SETTINGS } from '../../src/core/settings';

const view: QuizView = { text: 'The cat sat.', settings: DEFAULT_SETTINGS, head: 0 };

describe('quiz state', () => {
  it('starts off, open, with no score', () => {
    expect(initialQuiz()).toMatchObject({
      enabled: false,
      softmax: { status: 'open', query: null },
      weighted: { status: 'open', query: null },
      right: 0,
      answered: 0,
    });
    expect(quizStepOf('softmax')).toBe('softmax');
    expect(quizStepOf('weighted')).toBe('weighted');
    expect(quizStepOf('score')).toBeNull();
    expect(quizStepOf('output')).toBeNull();
  });

  it('counts right and wrong predictions, not reveals', () => {
    let quiz = withEnabled(initialQuiz(), true);
    quiz = recordAnswer(quiz, 'softmax', '2', false, view);
    quiz = recordAnswer(quiz, 'softmax', '3', false, view);
    quiz = recordAnswer(quiz, 'weighted', '0.3', true, view);
    quiz = revealWithout(quiz, 'softmax', view);
    expect(quiz).toMatchObject({ right: 1, answered: 2 });
    expect(quiz.softmax).toMatchObject({ status: 'shown', answer: null });
    expect(quiz.weighted).toMatchObject({ status: 'right', answer: '0.3' });
  });

  it('gives a wrong first prediction a second try before it reveals, and counts the question once', () => {
    let quiz = withEnabled(initialQuiz(), true);
    quiz = recordAnswer(quiz, 'softmax', '2', false, view);
    // Still open, still covered, not yet in the score; the first answer is remembered.
    expect(isAnsweredFor(quiz.softmax, view)).toBe(false);
    expect(firstTryOf(quiz.softmax, view)).toBe('2');
    expect(quiz).toMatchObject({ right: 0, answered: 0 });
    // The first try belongs to its view: another text starts afresh.
    expect(firstTryOf(quiz.softmax, { ...view, text: 'Another text.' })).toBeNull();
    // Right at the second try: settled, counted once.
    const right = recordAnswer(quiz, 'softmax', '4', true, view);
    expect(right.softmax).toMatchObject({ status: 'right', answer: '4' });
    expect(right).toMatchObject({ right: 1, answered: 1 });
    // Wrong again: revealed as wrong, counted once.
    const wrong = recordAnswer(quiz, 'softmax', '5', false, view);
    expect(isAnsweredFor(wrong.softmax, view)).toBe(true);
    expect(wrong.softmax).toMatchObject({ status: 'wrong', answer: '5' });
    expect(wrong).toMatchObject({ right: 0, answered: 1 });
    // Another question starts with both tries again.
    const again = reask(wrong, 'softmax', { query: 1 });
    expect(recordAnswer(again, 'softmax', '0', false, view).softmax.status).toBe('open');
  });

  it('holds an answer for its own view only: another text, setting or head asks again', () => {
    const quiz = recordAnswer(initialQuiz(), 'softmax', '1', true, view);
    expect(isAnsweredFor(quiz.softmax, view)).toBe(true);
    // Equal settings in a new object are the same view.
    expect(isAnsweredFor(quiz.softmax, { ...view, settings: { ...DEFAULT_SETTINGS } })).toBe(true);
    expect(isAnsweredFor(quiz.softmax, { ...view, text: 'The cat sat!' })).toBe(false);
    expect(isAnsweredFor(quiz.softmax, { ...view, head: 1 })).toBe(false);
    expect(
      isAnsweredFor(quiz.softmax, { ...view, settings: { ...DEFAULT_SETTINGS, temperature: 0.5 } }),
    ).toBe(false);
    expect(isAnsweredFor(quiz.weighted, view)).toBe(false);
  });

  it('a changed question is open again, and keeps the score', () => {
    let quiz = recordAnswer(initialQuiz(), 'softmax', '1', true, view);
    quiz = reask(quiz, 'softmax', { query: 2 });
    expect(quiz.softmax).toMatchObject({ status: 'open', query: 2, answer: null, view: null });
    expect(isAnsweredFor(quiz.softmax, view)).toBe(false);
    expect(quiz).toMatchObject({ right: 1, answered: 1 });
  });

  it('switching on and off keeps the questions and the score', () => {
    const quiz = recordAnswer(withEnabled(initialQuiz(), true), 'softmax', '1', true, view);
    const off = withEnabled(quiz, false);
    expect(off).toEqual({ ...quiz, enabled: false });
    expect(withEnabled(off, false)).toBe(off);
  });
});

describe('resolveQuestion', () => {
  const M = -Infinity;
  const masked = fromRows([
    [0, M, M],
    [0, 0, M],
    [0, 0, 0],
  ]);
  const kinds = ['word', 'word', 'word'] as const;
  const ask = initialQuiz().softmax;

  it('uses the defaults until a token is chosen', () => {
    expect(resolveQuestion('softmax', ask, kinds, masked, 4)).toEqual({
      step: 'softmax',
      kind: 'most',
      query: 1,
    });
    expect(resolveQuestion('softmax', { ...ask, kind: 'number' }, kinds, masked, 4)).toEqual({
      step: 'softmax',
      kind: 'weight',
      query: 1,
      key: 0,
    });
    expect(resolveQuestion('weighted', { ...ask, kind: 'number' }, kinds, masked, 4)).toEqual({
      step: 'weighted',
      kind: 'cell',
      query: 1,
      dim: 0,
    });
  });

  it('keeps chosen tokens and components that fit, and drops those that do not', () => {
    const chosen = { ...ask, kind: 'number' as const, query: 2, key: 1, dim: 3 };
    expect(resolveQuestion('softmax', chosen, kinds, masked, 4)).toMatchObject({
      query: 2,
      key: 1,
    });
    expect(resolveQuestion('weighted', chosen, kinds, masked, 4)).toMatchObject({
      query: 2,
      dim: 3,
    });
    // A shorter sentence, a key the mask hides, a narrower head.
    expect(resolveQuestion('softmax', { ...chosen, query: 5 }, kinds, masked, 4)).toMatchObject({
      query: 1,
    });
    expect(
      resolveQuestion('softmax', { ...chosen, query: 1, key: 2 }, kinds, masked, 4),
    ).toMatchObject({ query: 1, key: 0 });
    expect(resolveQuestion('weighted', chosen, kinds, masked, 2)).toMatchObject({ dim: 0 });
  });
});

describe('the store', () => {
  beforeEach(() => {
    useAppStore.setState(initialState());
  });

  it('updates the quiz through updateQuiz, leaving the rest alone', () => {
    const before = useAppStore.getState();
    before.updateQuiz((quiz) => withEnabled(quiz, true));
    const after = useAppStore.getState();
    expect(after.quiz.enabled).toBe(true);
    expect(after.settings).toBe(before.settings);
    expect(after.text).toBe(before.text);
  });
});
