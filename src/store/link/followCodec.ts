/**
 * The lesson link's "Follow one token" field: `follow=9-3` opens the story of token 9 at its
 * frame 3 (0-based, as every token index of a link). A hand edit may leave the frame out
 * (`follow=9` is its first frame) or write "9,3" or "9 3". Closed is not written at all.
 */
import { MAX_FOLLOW_FRAME, type FollowView } from '../../vocabulary/follow';
import type { ValueCodec } from './codecs';

/** The codec of the follow field, for token indices up to `maxIndex`. */
export function followOf(maxIndex: number): ValueCodec<FollowView | null> {
  return {
    encode: (view) => (view ? `${view.token}-${view.frame}` : ''),
    decode: (raw) => {
      const match = /^\s*(\d{1,6})\s*(?:[-,._ ]\s*(\d{1,6}))?\s*$/.exec(raw);
      const token = Number(match?.[1]);
      const frame = Number(match?.[2] ?? 0);
      if (!match || token > maxIndex || frame > MAX_FOLLOW_FRAME) {
        return { rejected: { code: 'follow', max: maxIndex } };
      }
      return { value: { token, frame } };
    },
  };
}
