/**
 * The `bars` and `softmax` frames, drawn by one component so that the same bars reshape
 * (a CSS transition, none when the user asks for reduced motion): first each key's score as
 * a bar either side of zero, then each key's weight as a bar from 0 to 1, with the weights'
 * sum beneath.
 */
import { useMessages } from '../../messages';
import type { FollowStory } from '../../viz/follow/followStory';
import { MathText } from '../common/MathText';
import { FollowNum } from './FollowNum';

/** Props of FrameBars. */
export interface FrameBarsProps {
  readonly story: FollowStory;
  /** Scores (the `bars` frame) or weights (the `softmax` frame). */
  readonly mode: 'scores' | 'weights';
}

/** Where a bar starts and how wide it is, in per cent of its track. */
interface BarBox {
  readonly left: number;
  readonly width: number;
}

/** The bars of every key, as scores or as weights. */
export function FrameBars({ story, mode }: FrameBarsProps) {
  const m = useMessages().follow;
  const { scores, weights, weightSum } = story.softmax;
  const scaleOn = story.meetings[0]?.scaleOn ?? false;
  // Scores are drawn either side of a zero in the middle, scaled to the largest magnitude.
  const largest = Math.max(1e-12, ...scores.filter(Number.isFinite).map(Math.abs));
  const box = (j: number): BarBox => {
    if (mode === 'weights') return { left: 0, width: 100 * (weights[j] as number) };
    const s = scores[j] as number;
    if (!Number.isFinite(s)) return { left: 50, width: 0 };
    const half = (50 * Math.abs(s)) / largest;
    return { left: s < 0 ? 50 - half : 50, width: half };
  };
  return (
    <table className="follow-table follow-bars" data-mode={mode}>
      <thead>
        <tr>
          <th scope="col">{m.keyToken}</th>
          <th scope="col" className="follow-bars__track-head">
            <span className="visually-hidden">{mode === 'scores' ? m.score : m.weight}</span>
          </th>
          <th scope="col">
            <MathText text={scaleOn ? m.scaled : m.score} />
          </th>
          {mode === 'weights' && <th scope="col">{m.weight}</th>}
        </tr>
      </thead>
      <tbody>
        {story.meetings.map(({ j, masked }) => {
          const { left, width } = box(j);
          return (
            <tr key={j} data-key={j}>
              <th scope="row">
                <bdi className="follow-tok">{story.tokens[j]}</bdi>
              </th>
              <td className="follow-bars__track" aria-hidden="true">
                {mode === 'scores' && <span className="follow-bars__zero" />}
                <span
                  className="follow-bars__bar"
                  data-sign={mode === 'scores' && (scores[j] as number) < 0 ? '-' : '+'}
                  style={{ left: `${left}%`, width: `${width}%` }}
                />
              </td>
              <td>
                {masked ? (
                  <span className="follow-muted">{m.masked}</span>
                ) : (
                  <FollowNum value={scores[j] as number} digits={3} kind="bar-score" />
                )}
              </td>
              {mode === 'weights' && (
                <td>
                  <FollowNum value={weights[j] as number} digits={3} kind="weight" />
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
      {mode === 'weights' && (
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              {m.weightSum}
            </th>
            <td>
              <FollowNum value={weightSum} digits={3} kind="weight-sum" />
            </td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}
