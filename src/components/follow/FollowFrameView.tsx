/** The picture and words of one frame of the story, chosen by its kind. */
import type { AttentionTrace } from '../../core/types';
import type { Messages } from '../../messages';
import { useMessages } from '../../messages';
import type { FollowFrame, FollowStory } from '../../viz/follow/followStory';
import { MathText } from '../common/MathText';
import { useNumberFormat } from '../common/useNumberFormat';
import { FrameArrows } from './FrameArrows';
import { FrameBars } from './FrameBars';
import { FrameMeet } from './FrameMeet';
import { FrameMix } from './FrameMix';

/** The title of `frame` in the words of `m`. */
export function frameTitle(story: FollowStory, frame: FollowFrame, m: Messages['follow']): string {
  const query = story.tokens[story.token] ?? '';
  switch (frame.kind) {
    case 'meet':
      return m.meetTitle(query, story.tokens[frame.key] ?? '');
    case 'bars':
      return m.barsTitle;
    case 'softmax':
      return m.softmaxTitle;
    case 'mix':
      return m.mixTitle;
    case 'arrows':
      return m.arrowsTitle(query);
  }
}

/** The sentences under the title of `frame`. */
function frameText(
  story: FollowStory,
  frame: FollowFrame,
  trace: AttentionTrace,
  m: Messages['follow'],
  number: (x: number, digits?: number) => string,
): string[] {
  const query = story.tokens[story.token] ?? '';
  switch (frame.kind) {
    case 'meet': {
      const meeting = story.meetings[frame.key];
      const scaled = meeting?.scaleOn ? m.meetScaled(number(meeting.sqrtDK, 3)) : m.meetUnscaled;
      return [m.meetText(query, story.tokens[frame.key] ?? ''), scaled];
    }
    case 'bars':
      return story.visible.length < story.tokens.length ? [m.barsText, m.barsMasked] : [m.barsText];
    case 'softmax':
      return [m.softmaxText(number(trace.settings.temperature, 1))];
    case 'mix':
      return [m.mixText(query)];
    case 'arrows':
      return [m.arrowsText];
  }
}

/** Props of FollowFrameView. */
export interface FollowFrameViewProps {
  readonly story: FollowStory;
  readonly frame: FollowFrame;
  readonly trace: AttentionTrace;
}

/** The words and the picture of one frame. */
export function FollowFrameView({ story, frame, trace }: FollowFrameViewProps) {
  const m = useMessages().follow;
  const fmt = useNumberFormat();
  return (
    <>
      <div className="follow__text">
        {frameText(story, frame, trace, m, fmt.number).map((sentence) => (
          <p key={sentence}>
            <MathText text={sentence} />
          </p>
        ))}
      </div>
      <div className="follow__visual">
        {frame.kind === 'meet' && <FrameMeet story={story} keyIndex={frame.key} />}
        {(frame.kind === 'bars' || frame.kind === 'softmax') && (
          <FrameBars story={story} mode={frame.kind === 'bars' ? 'scores' : 'weights'} />
        )}
        {frame.kind === 'mix' && <FrameMix story={story} />}
        {frame.kind === 'arrows' && <FrameArrows story={story} />}
      </div>
    </>
  );
}
