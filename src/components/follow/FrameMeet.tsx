/**
 * A `meet` frame: the query meets one key. Left, the product term by term (q, k, q × k for
 * each dimension), its sum (the score) and the score ÷ √d_k; right, every key's score so
 * far, this key's marked, the keys still to come blank.
 */
import { useMessages } from '../../messages';
import type { FollowStory } from '../../viz/follow/followStory';
import { MathText } from '../common/MathText';
import { FollowNum, shownDims } from './FollowNum';

/** Props of FrameMeet. */
export interface FrameMeetProps {
  readonly story: FollowStory;
  /** The key met in this frame. */
  readonly keyIndex: number;
}

/** The query meeting key `keyIndex`. */
export function FrameMeet({ story, keyIndex }: FrameMeetProps) {
  const m = useMessages().follow;
  const meeting = story.meetings[keyIndex];
  if (!meeting) return null;
  const shown = shownDims(story.dK);
  const hidden = story.dK - shown;
  // The keys met so far, in the story's order: those up to this one show their scores.
  const met = new Set(story.visible.slice(0, story.visible.indexOf(keyIndex) + 1));
  return (
    <div className="follow-meet">
      <table className="follow-table follow-terms">
        <thead>
          <tr>
            <th scope="col">{m.dimension}</th>
            <th scope="col">
              {m.query} <bdi className="follow-tok">{story.tokens[story.token]}</bdi>
            </th>
            <th scope="col">
              {m.key} <bdi className="follow-tok">{story.tokens[keyIndex]}</bdi>
            </th>
            <th scope="col">{m.product}</th>
          </tr>
        </thead>
        <tbody>
          {meeting.products.slice(0, shown).map((p, d) => (
            <tr key={d}>
              <th scope="row">{d + 1}</th>
              <td>
                <FollowNum value={meeting.q[d] as number} kind="q" />
              </td>
              <td>
                <FollowNum value={meeting.k[d] as number} kind="k" />
              </td>
              <td>
                <FollowNum value={p} kind="product" />
              </td>
            </tr>
          ))}
          {hidden > 0 && (
            <tr>
              <td colSpan={4} className="follow-more">
                {m.more(hidden)}
              </td>
            </tr>
          )}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              {m.score} = Σ
            </th>
            <td>
              <FollowNum value={meeting.score} digits={3} kind="score" />
            </td>
          </tr>
          {meeting.scaleOn && (
            <tr>
              <th scope="row" colSpan={3}>
                <MathText text={m.scaled} />
              </th>
              <td>
                <FollowNum value={meeting.scaled} digits={3} kind="scaled" />
              </td>
            </tr>
          )}
        </tfoot>
      </table>
      <table className="follow-table follow-keys">
        <caption>{m.allKeys}</caption>
        <tbody>
          {story.meetings.map((each) => (
            <tr key={each.j} aria-current={each.j === keyIndex ? 'true' : undefined}>
              <th scope="row">
                <bdi className="follow-tok">{story.tokens[each.j]}</bdi>
              </th>
              <td>
                {each.masked ? (
                  <span className="follow-muted">{m.masked}</span>
                ) : met.has(each.j) ? (
                  <FollowNum value={each.scaled} digits={3} kind="key-score" />
                ) : (
                  <span className="follow-muted" aria-hidden="true">
                    ·
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
