// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Formula } from '../../../src/components/steps/Formula';
import { useAppStore } from '../../../src/store/store';
import { resetStore } from '../../helpers/testStore';
import type { StepId } from '../../../src/vocabulary/steps';

/** The parts marked current, each once, in order of first appearance. */
function currentParts(container: HTMLElement): string[] {
  const parts = [...container.querySelectorAll('[data-current="true"]')].map(
    (e) => e.getAttribute('data-part') ?? '',
  );
  return [...new Set(parts)];
}

describe('Formula', () => {
  // Unmount after each test: this project's Vitest runs without globals, so Testing Library cannot do it by itself.
  afterEach(cleanup);

  beforeEach(async () => {
    await resetStore({ vectors: 'made-up' });
  });

  it('is real MathML: Attention(Q, K, V) = softmax(QKᵀ / √d_k) V', () => {
    const { container } = render(<Formula />);
    const maths = [...container.querySelectorAll('math')];
    expect(maths.length).toBeGreaterThanOrEqual(3);
    for (const math of maths) expect(math.namespaceURI).toBe('http://www.w3.org/1998/Math/MathML');
    // The two halves of the attention formula are block formulas that wrap on a narrow screen.
    const line = maths.find((m) => m.textContent?.startsWith('Attention'))?.parentElement;
    const halves = [...(line?.querySelectorAll('math') ?? [])];
    expect(halves.map((m) => m.getAttribute('display'))).toEqual(['block', 'block']);
    expect(line?.textContent).toBe('Attention(Q,K,V)=softmax(QKTdk)V');
    expect(line?.querySelector('mfrac msqrt')).not.toBeNull();
  });

  it.each<[StepId, string[], string]>([
    ['tokens', ['x'], 'X'],
    ['qkv', ['qkv'], 'Q=XWQ'],
    ['score', ['score', 'scale'], 'QKTdk'],
    ['softmax', ['softmax'], 'softmax(QKTdk)'],
    ['weighted', ['weighted'], 'V'],
  ])('highlights what step %s computes', (step, parts, first) => {
    act(() => useAppStore.getState().setStep(step));
    const { container } = render(<Formula />);
    expect(currentParts(container)).toEqual(parts);
    expect(container.querySelector('[data-current="true"]')?.textContent).toBe(first);
    expect(container.querySelectorAll('.formula__part--current').length).toBe(
      container.querySelectorAll('[data-current="true"]').length,
    );
  });

  it('highlights one contiguous group per formula at Score and at Softmax, brackets included', () => {
    act(() => useAppStore.getState().setSettings({ causal: true, temperature: 0.5 }));
    for (const [step, text] of [
      ['score', 'QKTdk+M'],
      ['softmax', 'softmax(QKTdk+Mτ)'],
    ] as const) {
      act(() => useAppStore.getState().setStep(step));
      const { container, unmount } = render(<Formula />);
      // Highlighted elements that are not inside another highlighted one: the boxes drawn.
      const boxes = [...container.querySelectorAll('.formula__part--current')].filter(
        (e) => !e.parentElement?.closest('.formula__part--current'),
      );
      expect(boxes.map((b) => b.textContent)).toEqual([text]);
      unmount();
    }
  });

  it('highlights the mask with the scores, and the temperature with the softmax', () => {
    act(() => useAppStore.getState().setSettings({ causal: true, temperature: 0.5 }));
    act(() => useAppStore.getState().setStep('score'));
    const { container, rerender } = render(<Formula />);
    expect(currentParts(container)).toEqual(['score', 'scale', 'mask']);
    expect(container.textContent).toContain('M is the causal mask');
    act(() => useAppStore.getState().setStep('softmax'));
    rerender(<Formula />);
    expect(currentParts(container)).toEqual(['softmax', 'temperature']);
    expect(container.textContent).toContain('τ = 0.5');
  });

  it('drops √d_k when scaling is off, and says so', () => {
    act(() => useAppStore.getState().setSettings({ scale: false }));
    const { container } = render(<Formula />);
    expect(container.querySelector('[data-part="scale"]')).toBeNull();
    expect(container.querySelector('msqrt')).toBeNull();
    // d_k is drawn with a real subscript.
    expect(container.textContent).toContain('Scaling by √dk is off.');
    expect(container.querySelector('.formula__caption sub')?.textContent).toBe('k');
  });

  it('shows and highlights the concatenation and output projection with several heads', () => {
    const { container, rerender } = render(<Formula />);
    expect(container.querySelector('[data-part="output"]')).toBeNull();
    act(() => useAppStore.getState().setSettings({ heads: 2 }));
    act(() => useAppStore.getState().setStep('output'));
    rerender(<Formula />);
    expect(currentParts(container)).toEqual(['output']);
    expect(container.querySelector('[data-part="output"]')?.textContent).toBe(
      'Concat(head1,…,headh)WO',
    );
  });
});
