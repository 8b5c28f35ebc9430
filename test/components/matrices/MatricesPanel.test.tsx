// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MatricesPanel } from '../../../src/components/matrices/MatricesPanel';
import type { AttentionSettings } from '../../../src/core/types';
import { useAppStore } from '../../../src/store/store';
import { resetStore } from '../../helpers/testStore';
import type { StepId } from '../../../src/vocabulary/steps';

const TEXT = 'I love tennis.';

async function setup(step: StepId, settings: Partial<AttentionSettings> = {}) {
  await resetStore({ text: TEXT, settings, state: { step } });
  render(<MatricesPanel />);
}

/** The tab named `name`; role queries are scoped to the tab list, as the grids make them slow. */
const tab = (name: string) =>
  within(document.querySelector<HTMLElement>('[role="tablist"]')!).getByRole('tab', { name });
/** The tab names, in order. */
const tabs = () => Array.from(document.querySelectorAll('[role="tab"]'), (t) => t.textContent);
/** The grid captions' shapes ("Q (4 × 8)"), in order. */
const shapes = () =>
  Array.from(document.querySelectorAll('.mgrid-caption strong'), (el) => el.textContent);

describe('MatricesPanel', () => {
  beforeEach(() => resetStore());
  afterEach(cleanup);

  it('at the first step shows the embeddings, positions and input only: no Q before its step', async () => {
    await setup('tokens');
    expect(tabs()).toEqual(['Embeddings']);
    expect(shapes()).toEqual(['E (4 × 8)', 'P (4 × 8)', 'X (4 × 8)']);
    expect(screen.queryByText(/^Q \(/)).toBeNull();
    expect(screen.getByText(/8 leading principal components/)).toBeInTheDocument();
  });

  it('leaves the positions out when they are off, and says width 100 is GloVe itself', async () => {
    await setup('tokens', { positions: false, width: 100 });
    expect(shapes()).toEqual(['E (4 × 100)', 'X (4 × 100)']);
    expect(screen.getByText(/GloVe’s own 100 numbers/)).toBeInTheDocument();
  });

  it('opens Q, K, V at the step that crafts them, with the weights one tab away', async () => {
    const user = userEvent.setup();
    await setup('qkv');
    expect(tabs()).toEqual(['Embeddings', 'wq, wk, wv', 'Q, K, V']);
    expect(tab('Q, K, V')).toHaveAttribute('aria-selected', 'true');
    expect(shapes()).toEqual(['Q (4 × 8)', 'K (4 × 8)', 'V (4 × 8)']);
    expect(screen.getByText(/Q and K are the same matrix/)).toBeInTheDocument();
    await user.click(tab('wq, wk, wv'));
    expect(shapes()).toEqual(['wq (8 × 8)', 'wk (8 × 8)', 'wv (8 × 8)']);
    expect(screen.getByText(/wq = wk/)).toBeInTheDocument();
  });

  it('moves between tabs with the arrow keys, keeping them from the step navigation', async () => {
    const user = userEvent.setup();
    await setup('score');
    tab('Q, K, V').focus();
    await user.keyboard('{ArrowLeft}');
    expect(tab('wq, wk, wv')).toHaveFocus();
    expect(tab('wq, wk, wv')).toHaveAttribute('aria-selected', 'true');
    expect(useAppStore.getState().step).toBe('score');
  });

  it('opens the tab of each new step, even after the user picked another', async () => {
    const user = userEvent.setup();
    await setup('softmax');
    await user.click(tab('Embeddings'));
    expect(shapes()[0]).toBe('E (4 × 8)');
    act(() => useAppStore.getState().setStep('weighted'));
    expect(tab('Weighted sum')).toHaveAttribute('aria-selected', 'true');
    expect(shapes()).toEqual(['V (4 × 8)', 'O (4 × 8)']);
  });

  it('with several heads: the selected head’s matrices, and concat, wo and the output at the last step', async () => {
    await setup('output', { heads: 2, width: 8 });
    expect(tabs()).toContain('Output projection');
    expect(shapes()).toEqual(['concat (4 × 8)', 'wo (8 × 8)', 'output (4 × 8)']);
    act(() => useAppStore.getState().setStep('qkv'));
    expect(shapes()).toEqual(['Q (4 × 4)', 'K (4 × 4)', 'V (4 × 4)']);
    expect(
      screen.getByText(/queries: Q = X · wq, what each token looks for, head 1 of 2/),
    ).toBeInTheDocument();
    act(() => useAppStore.getState().setHead(1));
    expect(screen.getAllByText(/head 2 of 2/, { selector: '.mgrid-description' })).toHaveLength(3);
  });

  it('says when the sentence is empty', async () => {
    await resetStore({ text: '' });
    render(<MatricesPanel />);
    expect(screen.getByText('Type a sentence to see its matrices.')).toBeInTheDocument();
  });
});
