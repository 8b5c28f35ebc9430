// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/App';
import { useAppStore } from '../../../src/store/store';
import { resetStore } from '../../helpers/testStore';

/**
 * jsdom has no Fullscreen API: a stand-in that enters and leaves as a browser does
 * (fullscreenElement, then a fullscreenchange event), or refuses when `refuse` is set.
 */
function mockFullscreen(options: { refuse?: boolean } = {}) {
  let element: Element | null = null;
  const root = document.documentElement;
  const change = () => document.dispatchEvent(new Event('fullscreenchange'));
  const request = vi.fn(() => {
    if (options.refuse) return Promise.reject(new TypeError('Permissions check failed'));
    element = root;
    change();
    return Promise.resolve();
  });
  const exit = vi.fn(() => {
    element = null;
    change();
    return Promise.resolve();
  });
  Object.defineProperty(document, 'fullscreenElement', { configurable: true, get: () => element });
  Object.defineProperty(root, 'requestFullscreen', { configurable: true, value: request });
  Object.defineProperty(document, 'exitFullscreen', { configurable: true, value: exit });
  return {
    request,
    exit,
    /** The user leaves full screen through the browser (its own Escape, or F11). */
    browserExit() {
      element = null;
      change();
    },
    restore() {
      delete (document as { fullscreenElement?: unknown }).fullscreenElement;
      delete (root as { requestFullscreen?: unknown }).requestFullscreen;
      delete (document as { exitFullscreen?: unknown }).exitFullscreen;
    },
  };
}

const state = () => useAppStore.getState();

/** A focusable heatmap cell, once the lazy heatmap has arrived. */
async function waitForCell(): Promise<SVGElement> {
  for (let tries = 0; tries < 100; tries++) {
    const cell = document.querySelector<SVGElement>('.hm-cell[tabindex]');
    if (cell) return cell;
    await act(() => new Promise((r) => setTimeout(r, 50)));
  }
  throw new Error('no heatmap cell');
}
const appRoot = () => document.querySelector('.app') as HTMLElement;
const presentButton = () => screen.getByRole('button', { name: 'Present' });

describe('presentation mode', () => {
  let fullscreen: ReturnType<typeof mockFullscreen>;

  beforeEach(async () => {
    // App writes its lesson link into the address; a test must not open the last one's view.
    history.replaceState(null, '', '/');
    await resetStore({ vectors: 'made-up' });
    fullscreen = mockFullscreen();
  });

  afterEach(() => {
    cleanup();
    fullscreen.restore();
  });

  it('Present enters: full screen asked for, the root marked with the step, the bar shown', async () => {
    const user = userEvent.setup();
    render(<App />);
    expect(screen.queryByRole('region', { name: 'Presentation' })).toBeNull();
    expect(appRoot()).not.toHaveAttribute('data-presenting');

    await user.click(presentButton());
    expect(state().presenting).toBe(true);
    expect(fullscreen.request).toHaveBeenCalledTimes(1);
    expect(appRoot()).toHaveAttribute('data-presenting');
    expect(appRoot()).toHaveAttribute('data-present-step', 'tokens');
    expect(document.documentElement).toHaveAttribute('data-presenting');
    const bar = screen.getByRole('region', { name: 'Presentation' });
    expect(bar).toHaveTextContent('I love tennis.');
    expect(bar).toHaveTextContent('1 / 5');
    expect(within(bar).getByText('Step 1 of 5')).toBeInTheDocument();
    // Focus moves to the presentation, off the button that the mode hides.
    expect(bar).toHaveFocus();

    await user.click(within(bar).getByRole('button', { name: 'Next step' }));
    expect(appRoot()).toHaveAttribute('data-present-step', 'qkv');
    expect(bar).toHaveTextContent('2 / 5');
  });

  it('clicker and keyboard keys move one step each; Home and End go to the ends', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.click(presentButton());
    const steps: string[] = [];
    const press = async (keys: string) => {
      await user.keyboard(keys);
      steps.push(state().step);
    };
    await press('{PageDown}');
    await press(' ');
    await press('{ArrowDown}');
    // ArrowRight belongs to the walkthrough's own listener: one step, not two.
    await press('{ArrowRight}');
    await press('{PageDown}');
    await press('{PageUp}');
    await press('{Shift>} {/Shift}');
    await press('{ArrowUp}');
    await press('{ArrowLeft}');
    await press('{End}');
    await press('{Home}');
    expect(steps).toEqual([
      'qkv',
      'score',
      'softmax',
      'weighted',
      'weighted',
      'softmax',
      'score',
      'qkv',
      'tokens',
      'weighted',
      'tokens',
    ]);
    expect(state().presenting).toBe(true);
  });

  it('End reaches the output step with several heads', async () => {
    const user = userEvent.setup();
    await resetStore({ vectors: 'made-up', settings: { heads: 2 } });
    render(<App />);
    await user.click(presentButton());
    await user.keyboard('{End}');
    expect(state().step).toBe('output');
    expect(screen.getByRole('region', { name: 'Presentation' })).toHaveTextContent('6 / 6');
  });

  it('Escape leaves presenting and full screen, and focus returns to Present', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.click(presentButton());
    await user.keyboard('{PageDown}');
    await user.keyboard('{Escape}');
    expect(state().presenting).toBe(false);
    expect(fullscreen.exit).toHaveBeenCalledTimes(1);
    expect(appRoot()).not.toHaveAttribute('data-presenting');
    expect(document.documentElement).not.toHaveAttribute('data-presenting');
    expect(screen.queryByRole('region', { name: 'Presentation' })).toBeNull();
    expect(presentButton()).toHaveFocus();
    // The step reached while presenting stays.
    expect(state().step).toBe('qkv');
  });

  it('leaving full screen through the browser leaves presenting', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.click(presentButton());
    expect(state().presenting).toBe(true);
    act(() => fullscreen.browserExit());
    expect(state().presenting).toBe(false);
  });

  it('presents in the window when full screen is refused', async () => {
    fullscreen.restore();
    fullscreen = mockFullscreen({ refuse: true });
    const user = userEvent.setup();
    render(<App />);
    await user.click(presentButton());
    await act(async () => {}); // let the refusal settle
    expect(fullscreen.request).toHaveBeenCalledTimes(1);
    expect(state().presenting).toBe(true);
    await user.keyboard('{PageDown}');
    expect(state().step).toBe('qkv');
    await user.keyboard('{Escape}');
    expect(state().presenting).toBe(false);
    // Not in full screen: nothing to exit.
    expect(fullscreen.exit).not.toHaveBeenCalled();
  });

  it('P presents and leaves from the page, but not Ctrl+P', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.keyboard('{Control>}p{/Control}');
    expect(state().presenting).toBe(false);
    await user.keyboard('p');
    expect(state().presenting).toBe(true);
    await user.keyboard('P');
    expect(state().presenting).toBe(false);
  });

  it('keys typed in the sentence box stay text', async () => {
    const user = userEvent.setup();
    render(<App />);
    const box = screen.getByRole('textbox', { name: 'Sentence' });
    await user.click(box);
    await user.keyboard('{End} perhaps. {PageDown}');
    expect(state().text).toBe('I love tennis. perhaps. ');
    expect(state().presenting).toBe(false);
    expect(state().step).toBe('tokens');

    // While presenting too: a focused text field keeps its keys.
    act(() => state().setPresenting(true));
    box.focus();
    await user.keyboard('{PageDown} {Home}b.');
    expect(state().step).toBe('tokens');
    expect(state().presenting).toBe(true);
    // Home moved the caret to the start of the text, as it does in any text box.
    expect(state().text).toBe('b.I love tennis. perhaps.  ');
    expect(document.querySelector('.presentation__blank')).toBeNull();
  });

  it('a focused heatmap keeps ↑ and ↓, but a clicker’s → ← Space PageDown PageUp still step', async () => {
    const user = userEvent.setup();
    act(() => state().setStep('score'));
    render(<App />);
    await user.click(presentButton());
    const cell = await waitForCell();
    cell.focus();
    await user.keyboard('{ArrowDown}');
    expect(state().step).toBe('score');
    // Each key once: a step counted twice (here and in useStepKeys) would skip one.
    const steps: [string, string][] = [
      ['{ArrowRight}', 'softmax'],
      ['{ArrowLeft}', 'score'],
      ['{PageDown}', 'softmax'],
      ['{PageUp}', 'score'],
      [' ', 'softmax'],
    ];
    for (const [key, want] of steps) {
      (document.querySelector<SVGElement>('.hm-cell') ?? cell).focus();
      await user.keyboard(key);
      expect(state().step, key).toBe(want);
    }
  });

  it('B or "." blanks the screen, and again shows it', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.click(presentButton());
    const blank = () => document.querySelector('.presentation__blank');
    await user.keyboard('b');
    expect(blank()).not.toBeNull();
    expect(screen.getByText(/^Screen blanked/)).toHaveAttribute('role', 'status');
    await user.keyboard('.');
    expect(blank()).toBeNull();
    // A step key also brings the screen back, and moves.
    await user.keyboard('.{PageDown}');
    expect(blank()).toBeNull();
    expect(state().step).toBe('qkv');
  });

  it('is carried by no lesson link: a link never starts presenting', async () => {
    window.location.hash = '#step=softmax&t=The+cat+sat.';
    render(<App />);
    expect(state().step).toBe('softmax');
    expect(state().presenting).toBe(false);
    expect(fullscreen.request).not.toHaveBeenCalled();
    window.location.hash = '';
  });
});
