// @vitest-environment jsdom
/**
 * "Predict, then reveal" as a student meets it: the switch, the covered views, the two
 * questions of each step, a wrong then a right answer, a number typed badly and then with
 * a decimal comma, the reveal that selects the row for "Show the work", and the score.
 * The expected answers are worked out here from an independently computed trace.
 */
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QuizCover } from '../../../src/components/quiz/QuizCover';
import { QuizSwitch } from '../../../src/components/quiz/QuizSwitch';
import { WorkPanel } from '../../../src/components/work/WorkPanel';
import { at } from '../../../src/core/matrix';
import { computeTrace } from '../../../src/core/trace';
import type { AttentionSettings, HeadTrace } from '../../../src/core/types';
import { formatNumber } from '../../../src/format';
import { initialQuiz } from '../../../src/store/quiz';
import { useAppStore } from '../../../src/store/store';
import { gloveVectors, resetStore } from '../../helpers/testStore';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import type { StepId } from '../../../src/vocabulary/steps';

const TEXT = 'The cat sat on the mat.';
const TOKENS = ['The', 'cat', 'sat', 'on', 'the', 'mat', '.'];

/** The page around the quiz: the switch, the covered views (with the real work panel) and the quiet tables. */
function Page() {
  return (
    <>
      <QuizSwitch />
      <QuizCover>
        <p data-testid="views">the weights would be here</p>
        <WorkPanel />
      </QuizCover>
      <QuizCover quiet>
        <p data-testid="tables">the tables would be here</p>
      </QuizCover>
    </>
  );
}

async function setup(step: StepId, settings: Partial<AttentionSettings> = {}, quizOn = true) {
  await resetStore({
    text: TEXT,
    settings,
    state: { step, quiz: { ...initialQuiz(), enabled: quizOn } },
  });
  const head = computeTrace(TEXT, { ...DEFAULT_SETTINGS, ...settings }, await gloveVectors())
    .heads[0] as HeadTrace;
  const user = userEvent.setup();
  render(<Page />);
  return { head, user };
}

/** The tokens query i may attend to, worked out from the masked scores. */
function visible(head: HeadTrace, i: number): number[] {
  return TOKENS.map((_, j) => j).filter((j) => at(head.masked, i, j) !== -Infinity);
}

/** The largest weight of row i among the visible tokens, and every token that has it. */
function mostAttended(head: HeadTrace, i: number): number[] {
  const keys = visible(head, i);
  const max = Math.max(...keys.map((j) => at(head.weights, i, j)));
  return keys.filter((j) => at(head.weights, i, j) === max);
}

/** The token whose weight × ‖v‖ is largest in row i. */
function largestContribution(head: HeadTrace, i: number): number {
  let best = -1;
  let bestValue = -Infinity;
  for (const j of visible(head, i)) {
    let squares = 0;
    for (let d = 0; d < head.v.cols; d++) squares += at(head.v, j, d) ** 2;
    const value = at(head.weights, i, j) * Math.sqrt(squares);
    if (value > bestValue) [best, bestValue] = [j, value];
  }
  return best;
}

const card = () => screen.findByRole('region', { name: 'Predict, then reveal' });
/** The answer's radio buttons, one per token (the question's group is named by the question). */
const choices = (quiz: HTMLElement) =>
  within(within(quiz).getByRole('group', { name: /\?$/ })).getAllByRole('radio');
const covered = () => screen.getByTestId('views').closest('[inert]') !== null;

describe('Predict first', () => {
  beforeEach(() => resetStore());
  afterEach(cleanup);

  it('is off by default; switching it on at Softmax covers the results and asks', async () => {
    const { user } = await setup('softmax', {}, false);
    expect(screen.queryByRole('region', { name: 'Predict, then reveal' })).toBeNull();
    expect(covered()).toBe(false);
    expect(screen.getByTestId('tables')).toBeVisible();

    await user.click(screen.getByRole('checkbox', { name: 'Predict first' }));
    expect(useAppStore.getState().quiz.enabled).toBe(true);
    const quiz = await card();
    expect(covered()).toBe(true);
    expect(screen.getByTestId('tables').closest('[hidden]')).not.toBeNull();
    // The first word is asked about, with every token as a choice.
    expect(
      within(quiz).getByRole('group', { name: 'Which token will “The” attend to most?' }),
    ).toBeInTheDocument();
    expect(
      within(quiz).getAllByRole('radio', { name: /^(The|cat|sat|on|the|mat|\.)$/ }),
    ).toHaveLength(7);
  });

  it('asks nothing and hides nothing at the other steps', async () => {
    await setup('score');
    expect(screen.queryByRole('region', { name: 'Predict, then reveal' })).toBeNull();
    expect(covered()).toBe(false);
  });

  it('a wrong answer, then another question answered right: the reveal selects the row', async () => {
    const { head, user } = await setup('softmax');
    let quiz = await card();
    const right = mostAttended(head, 0);
    const wrong = TOKENS.findIndex((_, j) => !right.includes(j));

    // Nothing chosen: a message, and still covered.
    await user.click(within(quiz).getByRole('button', { name: 'Check' }));
    expect(within(quiz).getByRole('alert')).toHaveTextContent('Choose a token first.');
    expect(covered()).toBe(true);

    await user.click(choices(quiz)[wrong] as HTMLElement);
    await user.click(within(quiz).getByRole('button', { name: 'Check' }));
    // A wrong first answer: a second try, the answer still hidden.
    expect(within(quiz).getByRole('status')).toHaveTextContent(
      `Not quite: it is not “${TOKENS[wrong]}”.`,
    );
    expect(covered()).toBe(true);
    expect(within(quiz).getByText('No predictions yet')).toBeInTheDocument();
    const wrongAgain = TOKENS.findIndex((_, j) => j !== wrong && !right.includes(j));
    await user.click(choices(quiz)[wrongAgain] as HTMLElement);
    await user.click(within(quiz).getByRole('button', { name: 'Check' }));
    expect(within(quiz).getByText('Not quite.')).toHaveFocus();
    expect(within(quiz).getByText('0 of 1 right')).toBeInTheDocument();
    expect(within(quiz).getByText(`You chose “${TOKENS[wrongAgain]}”.`)).toBeInTheDocument();
    const weight = formatNumber(at(head.weights, 0, right[0] as number), 3);
    expect(quiz).toHaveTextContent(`“The” attends most to “${TOKENS[right[0] as number]}”`);
    expect(quiz).toHaveTextContent(`= ${weight}`);
    expect(covered()).toBe(false);
    expect(useAppStore.getState().selection).toEqual({ i: 0, j: right[0] });
    // "Show the work" now has the softmax of row 0, the right token's row emphasised.
    const work = screen.getByRole('region', { name: 'Show the work' });
    expect(within(work).getByRole('heading', { name: /The → / })).toBeInTheDocument();
    expect(
      work.querySelector('[data-step="softmax"] tr[aria-current="true"] th'),
    ).toHaveTextContent(TOKENS[right[0] as number] as string);

    // Ask another: the next word, covered again, focus on the choices.
    await user.click(within(quiz).getByRole('button', { name: 'Ask another' }));
    quiz = await card();
    expect(covered()).toBe(true);
    expect(
      within(quiz).getByRole('group', { name: 'Which token will “cat” attend to most?' }),
    ).toBeInTheDocument();
    expect(choices(quiz)[0]).toHaveFocus();
    const rightForCat = mostAttended(head, 1)[0] as number;
    await user.click(choices(quiz)[rightForCat] as HTMLElement);
    await user.click(within(quiz).getByRole('button', { name: 'Check' }));
    expect(within(quiz).getByText('Right!')).toHaveFocus();
    expect(within(quiz).getByText('1 of 2 right')).toBeInTheDocument();
    expect(useAppStore.getState().selection).toEqual({ i: 1, j: rightForCat });
  });

  it('a weight: bad input gets a message and stays; a decimal comma is read', async () => {
    const { head, user } = await setup('softmax');
    const quiz = await card();
    await user.click(within(quiz).getByRole('radio', { name: 'One weight' }));
    await user.selectOptions(within(quiz).getByLabelText('Attending token'), 'sat');
    await user.selectOptions(within(quiz).getByLabelText('Attended token'), 'mat');
    const box = within(quiz).getByRole('textbox', {
      name: 'What is the weight from “sat” to “mat”?',
    });

    await user.click(within(quiz).getByRole('button', { name: 'Check' }));
    expect(within(quiz).getByRole('alert')).toHaveTextContent('Type a number first');
    await user.type(box, '0.3abc');
    await user.click(within(quiz).getByRole('button', { name: 'Check' }));
    expect(within(quiz).getByRole('alert')).toHaveTextContent('“0.3abc” is not a number');
    expect(box).toHaveValue('0.3abc');
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(covered()).toBe(true);

    const value = at(head.weights, 2, 5);
    await user.clear(box);
    await user.type(box, formatNumber(value + 0.04, 2).replace('.', ','));
    await user.click(within(quiz).getByRole('button', { name: 'Check' }));
    expect(within(quiz).getByText('Right!')).toBeInTheDocument();
    expect(quiz).toHaveTextContent(`The weight from “sat” to “mat” is ${formatNumber(value, 3)}.`);
    expect(quiz).toHaveTextContent('Answers within ±0.05 count as right.');
    expect(useAppStore.getState().selection).toEqual({ i: 2, j: 5 });
  });

  it('"Show without predicting" reveals and leaves the score alone', async () => {
    const { user } = await setup('softmax');
    const quiz = await card();
    await user.click(within(quiz).getByRole('button', { name: 'Show without predicting' }));
    expect(within(quiz).getByText('The answer')).toHaveFocus();
    expect(within(quiz).getByText('No predictions yet')).toBeInTheDocument();
    expect(covered()).toBe(false);
  });

  it('with the causal mask the later tokens are shown but cannot be chosen', async () => {
    await setup('softmax', { causal: true });
    const quiz = await card();
    // "The" sees only itself under the mask: the question starts at "cat".
    const group = within(quiz).getByRole('group', {
      name: 'Which token will “cat” attend to most?',
    });
    const radios = within(group).getAllByRole('radio');
    expect(radios.map((r) => (r as HTMLInputElement).disabled)).toEqual([
      false,
      false,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(
      within(group).getByRole('radio', { name: 'mat, hidden by the causal mask' }),
    ).toBeDisabled();
  });

  it('at Weighted sum: the longest weighted value vector, with its table', async () => {
    const { head, user } = await setup('weighted', { weights: 'random' });
    const quiz = await card();
    expect(covered()).toBe(true);
    const best = largestContribution(head, 0);
    await user.click(choices(quiz)[best] as HTMLElement);
    await user.click(within(quiz).getByRole('button', { name: 'Check' }));
    expect(within(quiz).getByText('Right!')).toBeInTheDocument();
    const table = within(quiz).getByRole('table', { name: /weight × length/ });
    expect(within(table).getAllByRole('row')).toHaveLength(1 + TOKENS.length);
    expect(table.querySelector('.quiz__best th')).toHaveTextContent(TOKENS[best] as string);
    expect(useAppStore.getState().selection).toEqual({ i: 0, j: best });
    const work = screen.getByRole('region', { name: 'Show the work' });
    expect(work.querySelector('[data-step="weighted"]')).not.toBeNull();
  });

  it('at Weighted sum: one output component, as the sum of weight × value', async () => {
    const { head, user } = await setup('weighted');
    const quiz = await card();
    await user.click(within(quiz).getByRole('radio', { name: 'One number' }));
    await user.selectOptions(within(quiz).getByLabelText('Component of the output'), 'd2');
    const value = at(head.output, 0, 2);
    await user.type(within(quiz).getByRole('textbox'), formatNumber(value + 1, 2));
    await user.click(within(quiz).getByRole('button', { name: 'Check' }));
    // The second try: the number typed stays in the box to be corrected.
    expect(within(quiz).getByRole('status')).toHaveTextContent('Not quite');
    await user.clear(within(quiz).getByRole('textbox'));
    await user.type(within(quiz).getByRole('textbox'), formatNumber(value + 2, 2));
    await user.click(within(quiz).getByRole('button', { name: 'Check' }));
    expect(within(quiz).getByText('Not quite.')).toBeInTheDocument();
    expect(quiz).toHaveTextContent(
      `Component d2 of the new vector of “The” is ${formatNumber(value, 3)}.`,
    );
    // The sum written out: one term per token, weight × value.
    const first = `${formatNumber(at(head.weights, 0, 0), 3)} × `;
    expect(quiz).toHaveTextContent(first);
  });

  it('a new sentence or setting after the reveal asks again', async () => {
    const { user } = await setup('softmax');
    const quiz = await card();
    await user.click(within(quiz).getByRole('button', { name: 'Show without predicting' }));
    expect(covered()).toBe(false);
    act(() => useAppStore.getState().setSettings({ temperature: 0.5 }));
    expect(covered()).toBe(true);
    act(() => useAppStore.getState().setSettings({ temperature: 1 }));
    expect(covered()).toBe(false);
    act(() => useAppStore.getState().setText('The dog sat on the mat.'));
    expect(covered()).toBe(true);
  });

  it('speaks Spanish', async () => {
    await setup('softmax');
    act(() => useAppStore.getState().setLang('es'));
    const quiz = await screen.findByRole('region', { name: 'Predice y descubre' });
    expect(screen.getByRole('checkbox', { name: 'Predecir primero' })).toBeChecked();
    expect(
      within(quiz).getByRole('group', { name: '¿A qué token atenderá más «The»?' }),
    ).toBeInTheDocument();
  });
});
