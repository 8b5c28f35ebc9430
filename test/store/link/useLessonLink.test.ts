// @vitest-environment jsdom
/**
 * The address bar follows the view: the page opens at its link's view, changes are written
 * back with replaceState after a pause (never a history entry per change), and a link
 * pasted into the same tab is applied.
 */
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { initialState, useAppStore } from '../../../src/store/store';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { lessonFromPatch } from '../../../src/store/link/lessonState';
import { decodeLessonLink } from '../../../src/store/link/lessonLink';
import { LINK_WRITE_DELAY_MS, useLessonLink } from '../../../src/store/link/useLessonLink';
import { describeLinkProblem, type LinkProblem } from '../../../src/store/link/problems';
import { share } from '../../../src/messages/share';

/** Problems as the English notice words them. */
const said = (problems: readonly LinkProblem[] | null): string[] | undefined =>
  problems?.map((problem) => describeLinkProblem(problem, share.problems));

const state = () => useAppStore.getState();
const shownLesson = () => lessonFromPatch(decodeLessonLink(window.location.hash).patch);

/** Puts `hash` in the address bar without a hashchange, as opening a link does. */
function openAt(hash: string): void {
  window.history.replaceState(null, '', `/lesson${hash}`);
}

describe('useLessonLink', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    useAppStore.setState(initialState());
    openAt('');
  });

  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('opens at the view of the page’s link', () => {
    openAt('#w=16&h=2&step=output&head=1&sel=1-0&t=The+cat+sat.');
    renderHook(() => useLessonLink());
    expect(state()).toMatchObject({
      text: 'The cat sat.',
      settings: { ...DEFAULT_SETTINGS, width: 16, heads: 2 },
      step: 'output',
      head: 1,
      selection: { i: 1, j: 0 },
      linkNotice: null,
    });
  });

  it('changes nothing and writes nothing for a page opened without a link', () => {
    const spy = vi.spyOn(window.history, 'replaceState');
    renderHook(() => useLessonLink());
    vi.advanceTimersByTime(LINK_WRITE_DELAY_MS * 3);
    expect(spy).not.toHaveBeenCalled();
    expect(window.location.hash).toBe('');
    spy.mockRestore();
  });

  it('writes the view into the address bar once changes pause, with replaceState only', () => {
    const replace = vi.spyOn(window.history, 'replaceState');
    const push = vi.spyOn(window.history, 'pushState');
    const entries = window.history.length;
    renderHook(() => useLessonLink());
    act(() => {
      for (const text of ['T', 'Th', 'The', 'The cat']) state().setText(text);
      state().setSettings({ causal: true });
      state().nextStep();
    });
    vi.advanceTimersByTime(LINK_WRITE_DELAY_MS - 1);
    expect(replace).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(replace).toHaveBeenCalledTimes(1);
    expect(push).not.toHaveBeenCalled();
    expect(window.history.length).toBe(entries);
    expect(window.location.pathname).toBe('/lesson');
    expect(window.location.hash).toBe('#causal=1&step=qkv&t=The+cat');
    // A hover is not part of the view: no write.
    act(() => state().setHoverToken(1));
    vi.advanceTimersByTime(LINK_WRITE_DELAY_MS * 2);
    expect(replace).toHaveBeenCalledTimes(1);
    replace.mockRestore();
    push.mockRestore();
  });

  it('writes a pending change at once when the page is left', () => {
    renderHook(() => useLessonLink());
    act(() => state().setSettings({ seed: 123 }));
    window.dispatchEvent(new Event('pagehide'));
    expect(window.location.hash).toBe('#seed=123&t=I+love+tennis.');
  });

  it('applies a link pasted into the same tab, and leaves in-page anchors alone', () => {
    renderHook(() => useLessonLink());
    act(() => state().setSettings({ seed: 5 }));
    act(() => {
      openAt('#w=4&t=Pasted');
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(state().text).toBe('Pasted');
    // The whole view of the new link: the seed set before is not carried over.
    expect(state().settings).toEqual({ ...DEFAULT_SETTINGS, width: 4 });
    act(() => {
      openAt('#main');
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(state().text).toBe('Pasted');
    vi.advanceTimersByTime(LINK_WRITE_DELAY_MS);
    expect(window.location.hash).toBe('#w=4&t=Pasted');
  });

  it('shows a notice for a partly unreadable link, and rewrites the link as shown', () => {
    openAt('#seed=-1&w=7&t=Hi');
    renderHook(() => useLessonLink());
    expect(state().text).toBe('Hi');
    expect(said(state().linkNotice)).toEqual([
      'Ignored w=7: the model width must be one of 4, 8, 16, 32, 64 or 100',
      'Ignored seed=-1: the seed must be a whole number from 0 to 4294967295',
    ]);
    vi.advanceTimersByTime(LINK_WRITE_DELAY_MS);
    expect(window.location.hash).toBe('#t=Hi');
    expect(shownLesson().text).toBe('Hi');
    // A good link pasted next clears the notice.
    act(() => {
      openAt('#t=Fine');
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(state().linkNotice).toBeNull();
  });

  it('stops following the view once unmounted', () => {
    const { unmount } = renderHook(() => useLessonLink());
    act(() => state().setSettings({ seed: 9 }));
    unmount();
    vi.advanceTimersByTime(LINK_WRITE_DELAY_MS * 2);
    expect(window.location.hash).toBe('');
    openAt('#t=Later');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(state().text).not.toBe('Later');
  });
});
