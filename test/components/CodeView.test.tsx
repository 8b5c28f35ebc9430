// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CodeView } from '../../src/components/CodeView';
import { alignComments, pytorchLines } from '../../src/components/pytorchCode';
import type { StepId } from '../../src/store/steps';
import { useAppStore } from '../../src/store/store';
import { resetStore } from './testStore';

/** The highlighted lines, without their shape comments. */
const marked = (container: HTMLElement) =>
  [...container.querySelectorAll('pre code mark')].map((e) =>
    (e.textContent ?? '').replace(/\s+#.*$/, '').trim(),
  );

describe('CodeView', () => {
  // Unmount after each test: this project's Vitest runs without globals, so Testing Library cannot do it by itself.
  afterEach(cleanup);

  beforeEach(async () => {
    await resetStore({ vectors: 'made-up', text: 'I love tennis.' });
  });

  it('is a pre > code block of PyTorch with the sizes of the sentence', () => {
    const { container } = render(<CodeView />);
    const code = container.querySelector('pre > code');
    expect(code?.textContent).toContain('T, d_model, d_k = 4, 8, 8');
    expect(code?.textContent).toContain('scores = scores / math.sqrt(d_k)');
    expect(code?.textContent).toContain('output = weights @ v');
    expect(code?.textContent).not.toContain('masked_fill');
  });

  it.each<[StepId, string[]]>([
    ['tokens', ['x = embeddings + positions']],
    ['qkv', ['q = x @ w_q', 'k = x @ w_k', 'v = x @ w_v']],
    ['score', ['scores = q @ k.T', 'scores = scores / math.sqrt(d_k)']],
    ['softmax', ['weights = torch.softmax(scores, dim=-1)']],
    ['weighted', ['output = weights @ v']],
  ])('highlights the lines of step %s', (step, lines) => {
    act(() => useAppStore.getState().setStep(step));
    const { container } = render(<CodeView />);
    expect(marked(container)).toEqual(lines);
  });

  it('adds the mask and the temperature only when they are on', () => {
    act(() => useAppStore.getState().setSettings({ causal: true, temperature: 0.5 }));
    act(() => useAppStore.getState().setStep('score'));
    const { container, rerender } = render(<CodeView />);
    expect(marked(container)).toEqual([
      'scores = q @ k.T',
      'scores = scores / math.sqrt(d_k)',
      'mask = torch.triu(torch.ones(T, T, dtype=torch.bool), diagonal=1)',
      "scores = scores.masked_fill(mask, float('-inf'))",
    ]);
    act(() => useAppStore.getState().setStep('softmax'));
    rerender(<CodeView />);
    expect(marked(container)).toEqual(['weights = torch.softmax(scores / temperature, dim=-1)']);
    expect(container.textContent).toContain('temperature = 0.5');
  });

  it('loops over the heads, then concatenates and projects with several heads', () => {
    act(() => useAppStore.getState().setSettings({ heads: 2 }));
    act(() => useAppStore.getState().setStep('output'));
    const { container } = render(<CodeView />);
    expect(container.textContent).toContain('T, d_model, d_k = 4, 8, 4');
    expect(container.textContent).toContain('for w_q, w_k, w_v in head_weights:');
    expect(marked(container)).toEqual(['output = torch.cat(heads, dim=-1) @ w_o']);
  });

  it('aligns the shape comments in one column', () => {
    const texts = alignComments(
      pytorchLines(
        { heads: 1, width: 8, scale: true, causal: false, temperature: 1, positions: false },
        3,
        8,
      ),
    );
    const columns = new Set(texts.filter((t) => t.includes('#')).map((t) => t.indexOf('#')));
    expect(columns.size).toBe(1);
    expect(texts[2]).toMatch(/^x = embeddings {2,}# \(T, d_model\)$/);
  });
});
