/**
 * The "Follow one token" slice: opening, moving within a story's frames, another token,
 * closing; and a new sentence or a lesson link without a story closes it.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { initialState, useAppStore } from '../../src/store/store';

const state = () => useAppStore.getState();

describe('the follow slice', () => {
  beforeEach(() => {
    useAppStore.setState(initialState());
  });

  it('starts closed, opens at a token and frame, and closes', () => {
    expect(state().follow).toBeNull();
    state().openFollow(3);
    expect(state().follow).toEqual({ token: 3, frame: 0 });
    state().openFollow(2, 4);
    expect(state().follow).toEqual({ token: 2, frame: 4 });
    state().closeFollow();
    expect(state().follow).toBeNull();
  });

  it('moves within the story’s frames, never past either end', () => {
    state().openFollow(1, 0);
    state().moveFollowFrame(-1, 6);
    expect(state().follow?.frame).toBe(0);
    for (let k = 0; k < 9; k++) state().moveFollowFrame(1, 6);
    expect(state().follow?.frame).toBe(5);
    // A link's frame past a shorter story's end moves from the story's last frame.
    state().openFollow(1, 40);
    state().moveFollowFrame(-1, 6);
    expect(state().follow?.frame).toBe(4);
    state().setFollowFrame(2);
    expect(state().follow?.frame).toBe(2);
  });

  it('starts another token’s story at its first frame; nothing moves while closed', () => {
    state().openFollow(1, 3);
    state().setFollowToken(4);
    expect(state().follow).toEqual({ token: 4, frame: 0 });
    state().closeFollow();
    state().setFollowToken(2);
    state().moveFollowFrame(1, 6);
    state().setFollowFrame(3);
    expect(state().follow).toBeNull();
  });

  it('closes when the sentence changes, or a link names no story', () => {
    state().openFollow(1, 2);
    state().setText('Another sentence.');
    expect(state().follow).toBeNull();
    state().openFollow(1, 2);
    state().applyLink({ step: 'softmax' });
    expect(state().follow).toEqual({ token: 1, frame: 2 });
    state().applyLink({ text: 'A third one.' });
    expect(state().follow).toBeNull();
    state().applyLink({ follow: { token: 0, frame: 1 } });
    expect(state().follow).toEqual({ token: 0, frame: 1 });
    state().applyLink({ follow: null });
    expect(state().follow).toBeNull();
  });
});
