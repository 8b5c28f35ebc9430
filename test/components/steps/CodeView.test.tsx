// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CodeView } from '../../../src/components/steps/CodeView';
import { pytorchLines } from '../../../src/components/steps/pytorchCode';
import { useAppStore } from '../../../src/store/store';
import { resetStore } from '../../helpers/testStore';
import type { StepId } from '../../../src/vocabulary/steps';

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
      'mask = torch.ones(T, T).triu(1).bool()',
      'scores = scores.masked_fill(mask, -math.inf)',
    ]);
    act(() => useAppStore.getState().setStep('softmax'));
    rerender(<CodeView />);
    expect(marked(container)).toEqual(['weights = torch.softmax(scores / tau, dim=-1)']);
    expect(container.textContent).toContain('tau = 0.5  # temperature');
  });

  it('loops over the heads, then concatenates and projects with several heads', () => {
    act(() => useAppStore.getState().setSettings({ heads: 2 }));
    act(() => useAppStore.getState().setStep('output'));
    const { container } = render(<CodeView />);
    expect(container.textContent).toContain('T, d_model, d_k = 4, 8, 4');
    expect(container.textContent).toContain('for w_q, w_k, w_v in head_weights:');
    expect(marked(container)).toEqual(['output = torch.cat(heads, dim=-1) @ w_o']);
  });

  it('gives each line its code and its shape comment, the comments all one width', () => {
    const { container } = render(<CodeView />);
    const lines = [...container.querySelectorAll('.code-view__line')];
    const x = lines.find((l) => l.textContent?.startsWith('x = '));
    expect(x?.querySelector('.code-view__code')?.textContent).toBe('x = embeddings + positions');
    expect(x?.querySelector('.code-view__shape')?.textContent).toBe('  # (T, d_model)');
    // Copied as text, a line still reads as Python with its comment.
    expect(x?.textContent).toMatch(/^x = embeddings \+ positions {2}# \(T, d_model\)$/);
    const widths = new Set(
      [...container.querySelectorAll<HTMLElement>('.code-view__shape')].map((s) =>
        s.style.getPropertyValue('--shape-width'),
      ),
    );
    expect([...widths]).toEqual(['16ch']);
    expect(
      container.querySelector('.code-view__line:not(:has(.code-view__shape))')?.textContent,
    ).toBe('import math, torch');
  });

  it('keeps every line short enough to read on a phone', () => {
    for (const heads of [1, 4]) {
      const lines = pytorchLines(
        { heads, width: 100, scale: true, causal: true, temperature: 0.5, positions: true },
        64,
        100 / heads,
      );
      for (const line of lines) expect(line.code.length, line.code).toBeLessThanOrEqual(50);
    }
  });
});
