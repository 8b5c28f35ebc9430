// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, renderHook, waitFor } from '@testing-library/react';
import { createElement, Fragment } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AttentionTrace } from '../../src/core/types';
import { FakeWorker } from '../worker/fakeWorker';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { madeUpWordVectors } from '../../src/core/vectors/table';
import { loadedVectors } from '../helpers/testStore';

/** The tokens up to which a trace renders with the keystroke (useTrace.ts), written out. */
const RENDER_WITH_KEY_TOKENS_FOR_TEST = 32;

/** A text of `n` word tokens: above the worker threshold at the default settings for n ≥ 298. */
function words(n: number, word = 'word'): string {
  return Array.from({ length: n }, (_, i) => `${word}${i % 10}`).join(' ');
}

/** Fresh copies of the store and the hook, so each test gets its own trace source. */
async function freshModules() {
  vi.resetModules();
  const store = await import('../../src/store/store');
  const hooks = await import('../../src/store/useTrace');
  store.useAppStore.setState({
    ...store.initialState(),
    text: 'I love tennis.',
    vectors: loadedVectors(),
  });
  return { ...store, ...hooks };
}

/** What two panels and a status line rendered, latest first. */
interface Seen {
  a: AttentionTrace | null;
  b: AttentionTrace | null;
  status: string;
  /** How many times panel A rendered. */
  renders: number;
}

/**
 * Renders two panels that each call useTrace, and a status line, in one React root, as the
 * app does (separate roots would commit their deferred renders at different moments).
 */
function renderPanels(hooks: Awaited<ReturnType<typeof freshModules>>): Seen {
  const seen: Seen = { a: null, b: null, status: '', renders: 0 };
  const PanelA = () => {
    seen.renders++;
    seen.a = hooks.useTrace();
    return null;
  };
  const PanelB = () => {
    seen.b = hooks.useTrace();
    return null;
  };
  const Status = () => {
    seen.status = hooks.useTraceStatus();
    return null;
  };
  render(
    createElement(
      Fragment,
      null,
      createElement(PanelA),
      createElement(PanelB),
      createElement(Status),
    ),
  );
  return seen;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('useTrace without a Worker (jsdom, Node)', () => {
  it('computes on the main thread and gives every panel the same object', async () => {
    expect(typeof Worker).toBe('undefined');
    const { useTrace, useTraceStatus, deriveTrace, useAppStore } = await freshModules();
    const first = renderHook(() => useTrace());
    const second = renderHook(() => useTrace());
    const status = renderHook(() => useTraceStatus());
    const { text, settings, vectors } = useAppStore.getState();
    expect(first.result.current).toBe(deriveTrace(text, settings, vectors.table));
    expect(second.result.current).toBe(first.result.current);
    expect(status.result.current).toBe('current');

    // Even a long text is computed synchronously: there is nowhere else to compute it.
    act(() => useAppStore.getState().setText(words(400)));
    expect(first.result.current?.tokens).toHaveLength(400);
    expect(second.result.current).toBe(first.result.current);
    expect(status.result.current).toBe('current');
  });

  it('works on the made-up vectors while the table loads, marked as made up', async () => {
    const { useTrace, useAppStore } = await freshModules();
    act(() =>
      useAppStore
        .getState()
        .setVectors({ status: 'loading', table: madeUpWordVectors(), bytes: null }),
    );
    const trace = renderHook(() => useTrace()).result.current;
    expect(trace?.tokens.length).toBeGreaterThan(0);
    expect(trace?.vectors).toBe('made-up');
  });
});

describe('when a typed change reaches the panels', () => {
  /**
   * A text box and a panel, as the app has them: each render of the panel records the text
   * it saw beside the trace it got. A change typed into the box is a real input event, so
   * React gives it the keystroke's priority.
   */
  function renderBoxAndPanel(hooks: Awaited<ReturnType<typeof freshModules>>) {
    const renders: { text: string; traced: string | undefined }[] = [];
    const Box = () =>
      createElement('textarea', {
        'aria-label': 'Sentence',
        value: hooks.useAppStore((s) => s.text),
        onChange: (e: { target: { value: string } }) =>
          hooks.useAppStore.getState().setText(e.target.value),
      });
    const Panel = () => {
      const text = hooks.useAppStore((s) => s.text);
      renders.push({ text, traced: hooks.useTrace()?.text });
      return null;
    };
    const view = render(createElement(Fragment, null, createElement(Box), createElement(Panel)));
    const box = view.getByLabelText('Sentence');
    return { renders, type: (text: string) => fireEvent.change(box, { target: { value: text } }) };
  }

  it(`renders a trace of up to ${RENDER_WITH_KEY_TOKENS_FOR_TEST} tokens with the keystroke: no render shows the new text beside the old trace`, async () => {
    const hooks = await freshModules();
    expect(hooks.RENDER_WITH_KEY_TOKENS).toBe(RENDER_WITH_KEY_TOKENS_FOR_TEST);
    const { renders, type } = renderBoxAndPanel(hooks);
    const before = renders.length;
    const text = words(12);
    act(() => type(text));
    const after = renders.slice(before);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((r) => r.text === text && r.traced === text)).toBe(true);
  });

  it('lets a larger trace follow in a transition: first the text alone, then the trace', async () => {
    const hooks = await freshModules();
    const { renders, type } = renderBoxAndPanel(hooks);
    const before = renders.length;
    const text = words(RENDER_WITH_KEY_TOKENS_FOR_TEST + 8);
    act(() => type(text));
    const after = renders.slice(before);
    // The keystroke's own render: the new text, the previous trace.
    expect(after[0]).toEqual({ text, traced: 'I love tennis.' });
    expect(after[after.length - 1]).toEqual({ text, traced: text });
  });
});

describe('useTrace with a Worker', () => {
  beforeEach(() => {
    FakeWorker.reset();
    vi.stubGlobal('Worker', FakeWorker);
  });

  it('asks the worker once per change for all panels, and keeps the previous trace meanwhile', async () => {
    const hooks = await freshModules();
    const seen = renderPanels(hooks);
    const small = seen.a;
    expect(small?.text).toBe('I love tennis.');
    expect(seen.b).toBe(small);
    expect(FakeWorker.instances).toHaveLength(0);

    const large = words(400);
    const renders = seen.renders;
    act(() => hooks.useAppStore.getState().setText(large));
    // The text box has the new text at once; the panels keep the previous trace, and are
    // not even re-rendered until there is a new one.
    expect(hooks.useAppStore.getState().text).toBe(large);
    expect(seen.a).toBe(small);
    expect(seen.b).toBe(small);
    expect(seen.status).toBe('updating');
    expect(seen.renders).toBe(renders);

    await waitFor(() => expect(seen.a?.text).toBe(large));
    expect(seen.a?.tokens).toHaveLength(400);
    expect(seen.b).toBe(seen.a);
    expect(seen.status).toBe('current');
    expect(FakeWorker.instances).toHaveLength(1);
    expect(FakeWorker.instances[0]?.traceRequests).toHaveLength(1);

    // Back to a short text: computed on the main thread at once, no new request.
    act(() => hooks.useAppStore.getState().setText('Short again.'));
    expect(seen.a?.text).toBe('Short again.');
    expect(seen.b).toBe(seen.a);
    expect(FakeWorker.instances[0]?.traceRequests).toHaveLength(1);
  });

  it('ends on the last text when typing outpaces the worker', async () => {
    const { useTrace, useTraceStatus, useAppStore } = await freshModules();
    FakeWorker.delayMs = 5;
    const panel = renderHook(() => useTrace());
    const status = renderHook(() => useTraceStatus());
    const base = words(400);
    for (let i = 1; i <= 10; i++) act(() => useAppStore.getState().setText(`${base} extra${i}`));
    await waitFor(() => expect(panel.result.current?.text).toBe(`${base} extra10`));
    expect(status.result.current).toBe('current');
    expect(FakeWorker.instances[0]?.traceRequests.length).toBeLessThanOrEqual(2);
  });

  it('recomputes the large trace when a setting changes', async () => {
    const { useTrace, useTraceStatus, useAppStore } = await freshModules();
    const panel = renderHook(() => useTrace());
    const status = renderHook(() => useTraceStatus());
    act(() => useAppStore.getState().setText(words(400)));
    await waitFor(() => expect(panel.result.current?.tokens).toHaveLength(400));
    expect(status.result.current).toBe('current');
    act(() => useAppStore.getState().setSettings({ heads: 2 }));
    expect(panel.result.current?.settings.heads).toBe(DEFAULT_SETTINGS.heads);
    await waitFor(() => expect(panel.result.current?.settings.heads).toBe(2));
    expect(FakeWorker.instances[0]?.traceRequests).toHaveLength(2);
  });
});
