// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StepExplanation } from '../../../src/components/steps/StepExplanation';
import {
  describeExample,
  exampleQuery,
  strongestKeys,
} from '../../../src/components/steps/stepExampleText';
import { fromRows } from '../../../src/core/matrix';
import { formatNumber } from '../../../src/format';
import { en } from '../../../src/messages';
import { deriveTrace } from '../../../src/store/useTrace';
import { useAppStore } from '../../../src/store/store';
import { gloveVectors, resetStore } from '../../helpers/testStore';

// Numbers are glued to their symbols with no-break spaces; compare with plain ones.
const text = () =>
  (document.querySelector('.step-explanation__text')?.textContent ?? '').replace(/\u00a0/g, ' ');

describe('StepExplanation', () => {
  // Unmount after each test: this project's Vitest runs without globals, so Testing Library cannot do it by itself.
  afterEach(cleanup);

  beforeEach(async () => {
    await resetStore({ text: 'The cat sat on the mat because it was tired.' });
  });

  it('titles the step and says where it is in the walkthrough', () => {
    act(() => useAppStore.getState().setStep('score'));
    render(<StepExplanation />);
    expect(screen.getByRole('heading', { level: 2, name: '3 Score' })).toBeInTheDocument();
    expect(screen.getByText('Step 3 of 5')).toBeInTheDocument();
  });

  it('tells the library analogy at queries, keys and values, with d_k', () => {
    act(() => useAppStore.getState().setStep('qkv'));
    render(<StepExplanation />);
    expect(text()).toMatch(/key is the label on its book’s spine/);
    expect(text()).toMatch(/query is what it is looking for/);
    expect(text()).toMatch(/value is what its book actually holds/);
    // d_k is written d with a subscript k, never with a literal underscore.
    expect(text()).toContain('dk = 8');
    expect(text()).not.toContain('d_k');
  });

  it('mentions √d_k, the causal mask and the temperature only as the settings have them', () => {
    act(() => useAppStore.getState().setStep('score'));
    const { rerender } = render(<StepExplanation />);
    expect(text()).toContain('√dk = √8 ≈ 2.83');
    expect(text()).not.toContain('causal mask');
    act(() => useAppStore.getState().setSettings({ causal: true, scale: false, temperature: 0.5 }));
    rerender(<StepExplanation />);
    expect(text()).toContain('Scaling is off');
    expect(text()).toContain('causal mask');
    act(() => useAppStore.getState().setStep('softmax'));
    rerender(<StepExplanation />);
    expect(text()).toContain('temperature τ = 0.5');
    expect(text()).toContain('weights of exactly 0');
  });

  it('says the vectors are made up when the table is not loaded', async () => {
    await resetStore({ text: 'I love tennis.', vectors: 'made-up' });
    render(<StepExplanation />);
    expect(text()).toContain('The GloVe table is not loaded');
    expect(text()).not.toContain('Each token becomes its GloVe vector');
  });

  it('names the current head when there are several', () => {
    act(() => {
      useAppStore.getState().setSettings({ heads: 4 });
      useAppStore.getState().setHead(2);
      useAppStore.getState().setStep('qkv');
    });
    render(<StepExplanation />);
    expect(screen.getByText(/Head 3 of 4/)).toBeInTheDocument();
    expect(text()).toContain('this is head 3 of 4');
  });

  it('gives the hovered token’s real numbers from the trace', async () => {
    const state = useAppStore.getState();
    const trace = deriveTrace(state.text, state.settings, await gloveVectors());
    const h = trace.heads[0]!;
    act(() => {
      useAppStore.getState().setStep('softmax');
      useAppStore.getState().setHoverToken(7); // "it"
    });
    render(<StepExplanation />);
    const [best] = strongestKeys(h.weights, 7, 1);
    const percent = formatNumber((h.weights.data[7 * 11 + best!] as number) * 100, 0);
    const line = describeExample(en.shell.example, 'softmax', trace, 0, 7) ?? '';
    expect(line).toContain(`${percent}% of its attention`);
    expect(line.startsWith('“it” ')).toBe(true);
    expect(screen.getByText(line)).toBeInTheDocument();
  });

  it('shortens a very long token in the line, as the labels are shortened', async () => {
    const long = 'A'.repeat(70_000);
    await resetStore({ text: `The ${long} sat.` });
    const state = useAppStore.getState();
    const trace = deriveTrace(state.text, state.settings, await gloveVectors());
    const longIndex = trace.tokens.findIndex((t) => t.text.startsWith('AAAA'));
    for (const step of ['score', 'softmax', 'weighted', 'output'] as const) {
      act(() => {
        useAppStore.getState().setStep(step);
        useAppStore.getState().setHoverToken(longIndex);
      });
      render(<StepExplanation />);
      const line = document.querySelector('.step-example__line')?.textContent ?? '';
      expect(line).toContain(`“${'A'.repeat(23)}…”`);
      expect(line.length).toBeLessThan(400);
      cleanup();
    }
  });

  it('describes each step with numbers that match the trace', async () => {
    const state = useAppStore.getState();
    const trace = deriveTrace(state.text, { ...state.settings, heads: 2 }, await gloveVectors());
    const h = trace.heads[1]!;
    const m = en.shell.example;
    expect(describeExample(m, 'tokens', trace, 1, 0)).toBe(
      m.tokens(11, trace.tokens.filter((t) => !t.known).length),
    );
    const best = strongestKeys(h.masked, 2, 1)[0]!;
    expect(describeExample(m, 'score', trace, 1, 2)).toBe(
      m.score(
        'sat',
        trace.tokens[best]!.text,
        formatNumber(h.masked.data[2 * 11 + best] as number),
      ),
    );
    const weighted = describeExample(m, 'weighted', trace, 1, 2) ?? '';
    expect(weighted.startsWith('New “sat” = ')).toBe(true);
    expect(weighted.split(' × value of ')).toHaveLength(4);
    expect(describeExample(m, 'output', trace, 1, 2)).toBe(
      '“sat”: 2 heads × 4 = 8 numbers in, 8 numbers out.',
    );
  });

  it('lists at Weighted sum only the keys the causal mask lets a token see', async () => {
    const state = useAppStore.getState();
    const trace = deriveTrace(
      state.text,
      { ...state.settings, causal: true },
      await gloveVectors(),
    );
    // Token 1 sees tokens 0 and 1 only: two terms, and never a later token.
    const line = describeExample(en.shell.example, 'weighted', trace, 0, 1) ?? '';
    expect(line.split(' × value of ')).toHaveLength(3);
    for (const later of trace.tokens.slice(2)) {
      expect(line).not.toContain(`value of “${later.text}”`);
    }
  });

  it('finds the strongest keys and the most telling query', () => {
    const weights = fromRows([
      [0.9, 0.1, 0],
      [0.2, 0.1, 0.7],
      [0.3, 0.3, 0.4],
    ]);
    expect(exampleQuery(weights)).toBe(1);
    expect(strongestKeys(weights, 2, 2)).toEqual([2, 0]);
    expect(strongestKeys(fromRows([[1, -Infinity, 3]]), 0, 5)).toEqual([2, 0]);
  });
});
