/**
 * "Follow one token": which token's story is open and which frame of it is shown. Shared by
 * the store, the lesson link and the frame builder, so it lives with the app's vocabulary.
 */

/** The open "Follow one token" view: the query token followed and the frame shown (0-based). */
export interface FollowView {
  /** Index of the token whose query is followed. */
  readonly token: number;
  /** Index of the frame shown; shown clamped to the frames the story has. */
  readonly frame: number;
}

/**
 * The largest frame index a link may name: one frame per key (at most MAX_TOKENS = 512)
 * plus the four after them. A link's frame beyond its story's last is shown as the last.
 */
export const MAX_FOLLOW_FRAME = 512 + 4 - 1;
