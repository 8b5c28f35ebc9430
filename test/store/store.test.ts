import { beforeEach, describe, expect, it } from 'vitest';
import { initialState, useAppStore } from '../../src/store/store';
import { DEFAULT_TEXT } from '../../src/vocabulary/text';

const state = () => useAppStore.getState();

describe('store', () => {
  beforeEach(() => {
    useAppStore.setState(initialState());
  });

  it('starts on the running example at the first step', () => {
    expect(state().text).toBe(DEFAULT_TEXT);
    expect(state().step).toBe('tokens');
    expect(state().head).toBe(0);
  });

  it('forgets token indices when the text changes, since they no longer name the same tokens', () => {
    state().setHoverToken(2);
    state().select({ i: 1, j: 2 });
    state().setHoverCell({ i: 0, j: 1 });
    state().setGraph({ focus: 1, layout: 'circle' });
    state().setText('A new sentence.');
    expect(state().text).toBe('A new sentence.');
    expect(state().hoverToken).toBeNull();
    expect(state().selection).toBeNull();
    expect(state().hoverCell).toBeNull();
    expect(state().graph.focus).toBeNull();
    expect(state().graph.layout).toBe('circle');
  });

  it('keeps step and head valid when the number of heads shrinks', () => {
    state().setSettings({ heads: 4 });
    state().setHead(3);
    state().setStep('output');
    state().setSettings({ heads: 1 });
    expect(state().step).toBe('weighted');
    expect(state().head).toBe(0);
  });

  it('clamps the head to the heads that exist', () => {
    state().setSettings({ heads: 2 });
    state().setHead(5);
    expect(state().head).toBe(1);
    state().setHead(-1);
    expect(state().head).toBe(0);
  });

  it('merges settings patches and keeps the settings object stable otherwise', () => {
    const before = state().settings;
    state().setHoverToken(1);
    expect(state().settings).toBe(before);
    state().setSettings({ causal: true });
    expect(state().settings).toEqual({ ...before, causal: true });
  });
});
