// @vitest-environment jsdom
/**
 * A text is tokenized once per change, however many parts of the app need its tokens: the
 * choice of thread, the trace (on the main thread or in the worker) and the lesson link
 * written into the address bar. A settings change does not tokenize at all.
 */
import { act, cleanup, render, waitFor } from '@testing-library/react';
import { createElement, Fragment } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as tokenizer from '../../src/core/tokenizer';
import { loadedVectors } from '../helpers/testStore';
import { FakeWorker } from '../worker/fakeWorker';

// Every module that tokenizes imports `tokenize` from here; the spy counts their calls.
vi.mock('../../src/core/tokenizer', async (importOriginal) => {
  const original = await importOriginal<typeof tokenizer>();
  return { ...original, tokenize: vi.fn(original.tokenize) };
});

const tokenize = vi.mocked(tokenizer.tokenize);

/** How many times `text` was tokenized since the spy was last cleared. */
const tokenized = (text: string) => tokenize.mock.calls.filter(([t]) => t === text).length;

/** A text of `n` word tokens: above the worker threshold at the default settings for n ≥ 298. */
function words(n: number, word = 'word'): string {
  return Array.from({ length: n }, (_, i) => `${word}${i % 10}`).join(' ');
}

/** Fresh store, trace source, token cache and link writer, rendered as the app does. */
async function renderApp() {
  vi.resetModules();
  const { useAppStore, initialState } = await import('../../src/store/store');
  const { useTrace } = await import('../../src/store/useTrace');
  const { useLessonLink, LINK_WRITE_DELAY_MS } = await import('../../src/store/link/useLessonLink');
  useAppStore.setState({
    ...initialState(),
    vectors: loadedVectors(),
  });
  const seen = { trace: null as ReturnType<typeof useTrace> };
  const Link = () => {
    useLessonLink();
    return null;
  };
  const Panel = () => {
    seen.trace = useTrace();
    return null;
  };
  const Other = () => {
    useTrace();
    return null;
  };
  render(
    createElement(Fragment, null, createElement(Link), createElement(Panel), createElement(Other)),
  );
  return { useAppStore, seen, delay: LINK_WRITE_DELAY_MS };
}

describe('tokenizing', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/');
    tokenize.mockClear();
  });

  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('happens once per text change on the main thread, trace and link together', async () => {
    const { useAppStore, seen, delay } = await renderApp();
    const text = 'The cat sat on the mat because it was tired.';
    act(() => useAppStore.getState().setText(text));
    await waitFor(() => expect(seen.trace?.text).toBe(text));
    await waitFor(() => expect(window.location.hash).toContain('t=The+cat'), {
      timeout: delay * 10,
    });
    expect(tokenized(text)).toBe(1);

    // Settings change the numbers, not the tokens: nothing is tokenized again.
    act(() => useAppStore.getState().setSettings({ width: 16, temperature: 0.5 }));
    await waitFor(() => expect(seen.trace?.settings.width).toBe(16));
    await waitFor(() => expect(window.location.hash).toContain('w=16'), { timeout: delay * 10 });
    expect(tokenized(text)).toBe(1);
  });

  it('happens once per text change when the worker computes the trace', async () => {
    FakeWorker.reset();
    vi.stubGlobal('Worker', FakeWorker);
    const { useAppStore, seen, delay } = await renderApp();
    const large = words(400);
    act(() => useAppStore.getState().setText(large));
    await waitFor(() => expect(seen.trace?.text).toBe(large));
    await waitFor(() => expect(window.location.hash).toContain('t=word0'), {
      timeout: delay * 10,
    });
    // The worker was asked with the main thread's tokens, and did not tokenize again.
    expect(FakeWorker.instances[0]?.traceRequests[0]?.tokens.tokens).toHaveLength(400);
    expect(tokenized(large)).toBe(1);
  });
});
