import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { initialState, useAppStore } from '../../src/store/store';
import { DEFAULT_GRAPH } from '../../src/vocabulary/graph';
import {
  HEAVY_TOKENS,
  holdWhileTyping,
  isKeystroke,
  noteEdit,
  TYPING_PAUSE_MS,
} from '../../src/store/typingPause';

const key = { inputType: 'insertText', data: 'a' };
const paste = { inputType: 'insertFromPaste', data: null };

describe('panel updates while typing into a long text', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    noteEdit(paste);
  });
  afterEach(() => vi.useRealTimers());

  it('tells keystrokes from pastes, drops and programs filling the box', () => {
    expect(isKeystroke(key)).toBe(true);
    expect(isKeystroke({ inputType: 'deleteContentBackward', data: null })).toBe(true);
    expect(isKeystroke({ inputType: 'insertCompositionText', data: 'に' })).toBe(true);
    expect(isKeystroke(paste)).toBe(false);
    expect(isKeystroke({ inputType: 'insertFromDrop', data: null })).toBe(false);
    expect(isKeystroke({ inputType: 'historyUndo', data: null })).toBe(false);
    expect(isKeystroke({ inputType: 'insertText', data: 'The cat sat on the mat.' })).toBe(false);
  });

  it('holds a long text’s update while keys come, then runs every held update together once they rest', () => {
    const a = {};
    const b = {};
    const ran: string[] = [];
    noteEdit(key);
    holdWhileTyping(a, 512, () => ran.push('a1'));
    holdWhileTyping(b, 512, () => ran.push('b1'));
    vi.advanceTimersByTime(TYPING_PAUSE_MS / 2);
    noteEdit(key);
    // The latest update of a panel replaces its held one.
    holdWhileTyping(a, 512, () => ran.push('a2'));
    vi.advanceTimersByTime(TYPING_PAUSE_MS - 1);
    expect(ran).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(ran).toEqual(['a2', 'b1']);
  });

  it('never holds a short text, a paste, or a long text once the typing has paused', () => {
    const owner = {};
    const ran: string[] = [];
    noteEdit(key);
    holdWhileTyping(owner, HEAVY_TOKENS - 1, () => ran.push('short'));
    noteEdit(paste);
    holdWhileTyping(owner, 512, () => ran.push('paste'));
    noteEdit(key);
    vi.advanceTimersByTime(TYPING_PAUSE_MS);
    holdWhileTyping(owner, 512, () => ran.push('after the pause'));
    expect(ran).toEqual(['short', 'paste', 'after the pause']);
  });
});

describe('a keystroke in the store', () => {
  it('keeps the graph view object when there is no focus to clear', () => {
    useAppStore.setState({ ...initialState(), graph: DEFAULT_GRAPH });
    const before = useAppStore.getState().graph;
    useAppStore.getState().setText('A new sentence.');
    // A new object would re-render the whole graph in the keystroke's own task.
    expect(useAppStore.getState().graph).toBe(before);
    useAppStore.getState().setGraph({ focus: 2 });
    useAppStore.getState().setText('Another sentence.');
    expect(useAppStore.getState().graph.focus).toBeNull();
  });
});
