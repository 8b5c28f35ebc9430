/** The "Follow one token" slice: which token's story is open, at which frame (see `FollowSlice`). */
import type { StateCreator } from 'zustand';
import type { AppState, FollowSlice } from '../state';

/** Closed on a first visit. */
export function initialFollow(): Pick<FollowSlice, 'follow'> {
  return { follow: null };
}

/** Creates the slice. */
export const createFollowSlice: StateCreator<AppState, [], [], FollowSlice> = (set) => ({
  ...initialFollow(),
  openFollow: (token, frame = 0) =>
    set({ follow: { token: Math.max(0, token), frame: Math.max(0, frame) } }),
  closeFollow: () => set({ follow: null }),
  setFollowToken: (token) =>
    // Another token starts its own story from the first frame.
    set((s) => (s.follow ? { follow: { token: Math.max(0, token), frame: 0 } } : {})),
  moveFollowFrame: (delta, count) =>
    set((s) => {
      if (!s.follow) return {};
      const frame = Math.max(0, Math.min(Math.min(s.follow.frame, count - 1) + delta, count - 1));
      return frame === s.follow.frame ? {} : { follow: { ...s.follow, frame } };
    }),
  setFollowFrame: (frame) =>
    set((s) =>
      s.follow && s.follow.frame !== frame
        ? { follow: { ...s.follow, frame: Math.max(0, frame) } }
        : {},
    ),
});
