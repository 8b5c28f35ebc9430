// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StepNav } from '../../../src/components/steps/StepNav';
import { ownsArrowKeys } from '../../../src/components/steps/useStepKeys';
import { useAppStore } from '../../../src/store/store';
import { resetStore } from '../../helpers/testStore';

const nav = () => screen.getByRole('navigation', { name: 'Steps' });
const current = () => nav().querySelector('[aria-current="step"]')?.textContent;
const stepButtons = () =>
  within(nav())
    .getAllByRole('listitem')
    .map((li) => li.textContent);

describe('StepNav', () => {
  // Unmount after each test: this project's Vitest runs without globals, so Testing Library cannot do it by itself.
  afterEach(cleanup);

  beforeEach(async () => {
    await resetStore({ vectors: 'made-up' });
  });

  it('lists the steps in order, titles containing Score, Softmax and Weighted sum', () => {
    render(<StepNav />);
    expect(stepButtons()).toEqual([
      '1 Tokens and embeddings',
      '2 Queries, keys and values',
      '3 Score',
      '4 Softmax',
      '5 Weighted sum',
    ]);
    expect(current()).toBe('1 Tokens and embeddings');
  });

  it('shows the output step only with two or more heads', async () => {
    render(<StepNav />);
    expect(stepButtons()).not.toContain('6 Concatenate and project');
    act(() => useAppStore.getState().setSettings({ heads: 2 }));
    expect(stepButtons().at(-1)).toBe('6 Concatenate and project');
    act(() => useAppStore.getState().setStep('output'));
    expect(current()).toBe('6 Concatenate and project');
    // Back to one head: the step that no longer exists gives way to the last one that does.
    act(() => useAppStore.getState().setSettings({ heads: 1 }));
    expect(stepButtons()).toHaveLength(5);
    expect(current()).toBe('5 Weighted sum');
  });

  it('takes the widest form that fits, and keeps the full titles as text and names', () => {
    // jsdom has no layout: the list's widths here stand for a phone's.
    const needed = { full: 900, compact: 480, short: 300, shortest: 220 } as const;
    const navOf = (el: HTMLElement) => el.closest<HTMLElement>('.step-nav');
    Object.defineProperty(HTMLElement.prototype, 'scrollWidth', {
      configurable: true,
      get(this: HTMLElement) {
        const nav = this.classList.contains('step-nav__list') ? navOf(this) : null;
        if (!nav) return 0;
        const labels = nav.dataset.labels as keyof typeof needed;
        // The short form titles the current step: wider at "3 Weighted sum".
        const wide = labels === 'short' && useAppStore.getState().step === 'weighted';
        return needed[labels] + (wide ? 60 : 0);
      },
    });
    Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
      configurable: true,
      get: () => 320,
    });
    try {
      render(<StepNav />);
      expect(nav()).toHaveAttribute('data-labels', 'short');
      expect(nav()).toHaveAttribute('data-buttons', 'icons');
      // The shorter labels come from data attributes; text and names stay the full titles.
      expect(stepButtons()).toContain('4 Softmax');
      const softmax = screen.getByRole('button', { name: '4 Softmax' });
      expect(softmax).toHaveAttribute('data-compact', '4 Softmax');
      expect(softmax).toHaveAttribute('data-short', '4');
      expect(screen.getByRole('button', { name: 'Previous step' })).toBeInTheDocument();
      act(() => useAppStore.getState().setStep('weighted'));
      expect(nav()).toHaveAttribute('data-labels', 'shortest');
      expect(current()).toBe('5 Weighted sum');
    } finally {
      // jsdom defines both on Element.prototype: removing the overrides restores them.
      Reflect.deleteProperty(HTMLElement.prototype, 'scrollWidth');
      Reflect.deleteProperty(HTMLElement.prototype, 'clientWidth');
    }
  });

  it('moves with the Previous and Next buttons, and aria-current follows', async () => {
    const user = userEvent.setup();
    render(<StepNav />);
    const next = screen.getByRole('button', { name: 'Next step' });
    const previous = screen.getByRole('button', { name: 'Previous step' });
    expect(previous).toHaveAttribute('aria-disabled', 'true');
    await user.click(previous);
    expect(useAppStore.getState().step).toBe('tokens');
    await user.click(next);
    await user.click(next);
    expect(useAppStore.getState().step).toBe('score');
    expect(current()).toBe('3 Score');
    expect(screen.getByRole('button', { name: '3 Score' })).toHaveAttribute('aria-current', 'step');
    expect(
      screen.getAllByRole('button').filter((b) => b.hasAttribute('aria-current')),
    ).toHaveLength(1);
    await user.click(next);
    await user.click(next);
    expect(current()).toBe('5 Weighted sum');
    expect(next).toHaveAttribute('aria-disabled', 'true');
    await user.click(next);
    expect(useAppStore.getState().step).toBe('weighted');
    await user.click(previous);
    expect(current()).toBe('4 Softmax');
  });

  it('jumps to a step clicked in the list', async () => {
    const user = userEvent.setup();
    render(<StepNav />);
    await user.click(screen.getByRole('button', { name: '4 Softmax' }));
    expect(useAppStore.getState().step).toBe('softmax');
    expect(current()).toBe('4 Softmax');
  });

  it('moves with ArrowRight and ArrowLeft pressed anywhere on the page', async () => {
    const user = userEvent.setup();
    render(<StepNav />);
    await user.keyboard('{ArrowRight}');
    expect(useAppStore.getState().step).toBe('qkv');
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(current()).toBe('4 Softmax');
    await user.keyboard('{ArrowLeft}');
    expect(current()).toBe('3 Score');
    // Focus on a button (not a text field) still steps.
    act(() => screen.getByRole('button', { name: 'Next step' }).focus());
    await user.keyboard('{ArrowRight}');
    expect(current()).toBe('4 Softmax');
    // Modified arrows belong to the browser (Alt+← is "back").
    await user.keyboard('{Alt>}{ArrowLeft}{/Alt}');
    expect(current()).toBe('4 Softmax');
  });

  it('ignores the arrow keys in text fields, selects and sliders', async () => {
    const user = userEvent.setup();
    render(
      <>
        <StepNav />
        <textarea aria-label="Sentence" defaultValue="I love tennis." />
        <input aria-label="Seed" type="text" defaultValue="7" />
        <select aria-label="Heads">
          <option>1</option>
          <option>2</option>
        </select>
        <input aria-label="Temperature" type="range" min={0} max={3} step={0.1} defaultValue={1} />
        <div aria-label="Editable" contentEditable suppressContentEditableWarning>
          text
        </div>
      </>,
    );
    await user.click(screen.getByRole('textbox', { name: 'Sentence' }));
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowLeft}');
    expect(useAppStore.getState().step).toBe('tokens');
    for (const name of ['Seed', 'Heads', 'Temperature', 'Editable']) {
      const element = screen.getByLabelText(name);
      act(() => element.focus());
      fireEvent.keyDown(element, { key: 'ArrowRight' });
      expect(useAppStore.getState().step).toBe('tokens');
    }
    // Focus leaves the text box: the keys step again.
    act(() => (document.activeElement as HTMLElement).blur());
    await user.keyboard('{ArrowRight}');
    expect(useAppStore.getState().step).toBe('qkv');
  });

  it('leaves alone a key another panel has already handled', () => {
    render(<StepNav />);
    const event = new KeyboardEvent('keydown', {
      key: 'ArrowRight',
      bubbles: true,
      cancelable: true,
    });
    event.preventDefault();
    act(() => {
      document.body.dispatchEvent(event);
    });
    expect(useAppStore.getState().step).toBe('tokens');
  });

  it('removes its key listener when unmounted', async () => {
    const user = userEvent.setup();
    const { unmount } = render(<StepNav />);
    unmount();
    await user.keyboard('{ArrowRight}');
    expect(useAppStore.getState().step).toBe('tokens');
  });

  it('knows which elements own their arrow keys', () => {
    const make = (html: string) => {
      const host = document.createElement('div');
      host.innerHTML = html;
      return host.firstElementChild;
    };
    expect(ownsArrowKeys(make('<textarea></textarea>'))).toBe(true);
    expect(ownsArrowKeys(make('<input type="number">'))).toBe(true);
    expect(ownsArrowKeys(make('<input type="radio">'))).toBe(true);
    expect(ownsArrowKeys(make('<input type="checkbox">'))).toBe(false);
    expect(ownsArrowKeys(make('<button>Next</button>'))).toBe(false);
    expect(ownsArrowKeys(make('<div role="slider"></div>'))).toBe(true);
    expect(ownsArrowKeys(document.body)).toBe(false);
    expect(ownsArrowKeys(null)).toBe(false);
  });
});
