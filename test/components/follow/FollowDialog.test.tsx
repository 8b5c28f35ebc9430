// @vitest-environment jsdom
/**
 * "Follow one token" in the app: the button opens the story, the clicker's keys move
 * through its frames (and not through the steps, in presentation too), Escape closes it,
 * the numbers on screen are the trace's, and a lesson link carries the token and frame.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/App';
import { row } from '../../../src/core/matrix';
import { encodeLessonLink } from '../../../src/store/link/lessonLink';
import { applyLessonLink, selectLesson } from '../../../src/store/link/useLessonLink';
import { useAppStore } from '../../../src/store/store';
import { deriveTrace } from '../../../src/store/useTrace';
import { resetStore } from '../../helpers/testStore';

const state = () => useAppStore.getState();
const followButton = () => screen.getByRole('button', { name: 'Follow one token' });
const dialog = () => screen.findByRole('dialog', { name: 'Follow one token' });
const indicator = (d: HTMLElement) => d.querySelector('.follow__indicator')?.textContent;
const values = (d: HTMLElement, kind: string) =>
  Array.from(d.querySelectorAll(`[data-follow="${kind}"]`), (e) =>
    Number(e.getAttribute('data-value')),
  );
const trace = () => {
  const s = state();
  return deriveTrace(s.text, s.settings, s.vectors.table);
};

describe('Follow one token', () => {
  beforeEach(async () => {
    // App writes its lesson link into the address; a test must not open the last one's view.
    history.replaceState(null, '', '/');
    await resetStore({ vectors: 'made-up', state: { step: 'score' } });
  });

  afterEach(cleanup);

  it('opens on the last word, and the keys move through its frames instead of the steps', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.click(followButton());
    const d = await dialog();
    // "I love tennis." : four keys met, then bars, softmax, the weighted sum and the arrows.
    expect(state().follow).toEqual({ token: 2, frame: 0 });
    expect(within(d).getByRole('combobox', { name: 'Token' })).toHaveValue('2');
    expect(indicator(d)).toBe('1 / 8');
    expect(d).toHaveAttribute('data-frame-kind', 'meet');

    const frames: (number | undefined)[] = [];
    for (const key of ['{ArrowRight}', ' ', '{PageDown}', '{ArrowLeft}', '{PageUp}', '{End}']) {
      await user.keyboard(key);
      frames.push(state().follow?.frame);
    }
    expect(frames).toEqual([1, 2, 3, 2, 1, 7]);
    expect(state().step).toBe('score');
    expect(indicator(d)).toBe('8 / 8');
    expect(d).toHaveAttribute('data-frame-kind', 'arrows');
    // At the last frame Next does nothing.
    await user.keyboard('{ArrowRight}');
    expect(state().follow?.frame).toBe(7);

    await user.keyboard('{Escape}');
    expect(state().follow).toBeNull();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(state().step).toBe('score');
    expect(followButton()).toHaveFocus();
    // Closed, the arrow keys are the steps' again.
    await user.keyboard('{ArrowRight}');
    expect(state().step).toBe('softmax');
  });

  it('shows the trace’s own numbers for the head shown', async () => {
    act(() => {
      state().setSettings({ heads: 2 });
      state().setHead(1);
      state().openFollow(1, 0);
    });
    render(<App />);
    const d = await dialog();
    const h = trace().heads[1]!;
    expect(values(d, 'q')).toEqual(Array.from(row(h.q, 1)));
    expect(values(d, 'k')).toEqual(Array.from(row(h.k, 0)));
    expect(values(d, 'score')).toEqual([h.scores.data[1 * h.scores.cols + 0]]);
    act(() => state().setFollowFrame(5)); // softmax
    expect(d).toHaveAttribute('data-frame-kind', 'softmax');
    expect(values(d, 'weight')).toEqual(Array.from(row(h.weights, 1)));
    const sum = values(d, 'weight-sum')[0]!;
    expect(Math.abs(sum - 1)).toBeLessThan(1e-5);
    expect(d.querySelector('[data-follow="weight-sum"]')).toHaveTextContent('1.000');
    act(() => state().setFollowFrame(6)); // the weighted sum
    expect(values(d, 'output')).toEqual(Array.from(row(h.output, 1)));
    act(() => state().setFollowFrame(7)); // the arrows
    const edges = Array.from(d.querySelectorAll('[data-source]'));
    expect(edges.map((e) => Number(e.getAttribute('data-weight')))).toEqual(
      Array.from(row(h.weights, 1)),
    );
    expect(edges.every((e) => e.getAttribute('data-source') === '1')).toBe(true);
  });

  it('follows another token from its first frame when one is picked', async () => {
    const user = userEvent.setup();
    act(() => state().openFollow(2, 4));
    render(<App />);
    const d = await dialog();
    await user.selectOptions(within(d).getByRole('combobox', { name: 'Token' }), '0');
    expect(state().follow).toEqual({ token: 0, frame: 0 });
    expect(within(d).getByRole('heading', { level: 3 })).toHaveTextContent(
      'The query of “I” meets the key of “I”',
    );
  });

  it('keeps the clicker’s keys in presentation mode, where Escape closes only the story', async () => {
    const user = userEvent.setup();
    act(() => state().setPresenting(true));
    render(<App />);
    await user.click(followButton());
    const d = await dialog();
    const seen: [number | undefined, string][] = [];
    for (const key of ['{PageDown}', ' ', '{ArrowDown}', '{PageUp}']) {
      await user.keyboard(key);
      seen.push([state().follow?.frame, state().step]);
    }
    expect(seen).toEqual([
      [1, 'score'],
      [2, 'score'],
      [3, 'score'],
      [2, 'score'],
    ]);
    expect(indicator(d)).toBe('3 / 8');
    await user.keyboard('{Escape}');
    expect(state().follow).toBeNull();
    expect(state().presenting).toBe(true);
    // F opens it again from anywhere, without the mouse.
    await user.keyboard('f');
    expect(state().follow).toEqual({ token: 2, frame: 0 });
  });

  it('is out of reach while a quiz question would be given away by it', () => {
    act(() => {
      state().updateQuiz((quiz) => ({ ...quiz, enabled: true }));
      state().setStep('softmax');
    });
    render(<App />);
    expect(screen.queryByRole('button', { name: 'Follow one token' })).toBeNull();
    act(() => document.body.focus());
    fireEvent.keyDown(window, { key: 'f' });
    expect(state().follow).toBeNull();
    act(() => state().setStep('score'));
    expect(followButton()).toBeVisible();
  });

  it('puts the token and frame in the lesson link, and a link opens that frame', async () => {
    act(() => state().openFollow(1, 5));
    const link = encodeLessonLink(selectLesson(state()));
    expect(new URLSearchParams(link).get('follow')).toBe('1-5');

    await resetStore({ vectors: 'made-up' });
    expect(state().follow).toBeNull();
    history.replaceState(null, '', `/#${link}`);
    render(<App />);
    const d = await dialog();
    expect(state().follow).toEqual({ token: 1, frame: 5 });
    expect(indicator(d)).toBe('6 / 8');
    expect(d).toHaveAttribute('data-frame-kind', 'softmax');
    // A link without a story closes it; a frame past the end shows the last.
    act(() => {
      applyLessonLink('#t=I+love+tennis.');
    });
    expect(state().follow).toBeNull();
    act(() => {
      applyLessonLink('#follow=3-40&t=I+love+tennis.');
    });
    expect(indicator(await dialog())).toBe('8 / 8');
    // A token the sentence does not have is dropped, with a notice.
    act(() => {
      applyLessonLink('#follow=9-1&t=I+love+tennis.');
    });
    expect(state().follow).toBeNull();
    expect(state().linkNotice).toEqual([
      expect.objectContaining({ code: 'ignored', part: 'follow=9-1' }),
    ]);
  });
});
