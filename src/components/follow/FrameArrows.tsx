/**
 * The `arrows` frame: the token on the left, every token it may attend to in a column on
 * the right, one arrow to each as thick as its weight (faint weights faint), the weight
 * written at the arrow's head. Its own small picture, with the main graph's data attributes
 * (`data-source`, `data-target`, `data-weight`), so the main graph is left as it is.
 */
import { useId } from 'react';
import { useMessages } from '../../messages';
import type { FollowStory } from '../../viz/follow/followStory';
import { truncateLabel } from '../../viz/text';
import { useNumberFormat } from '../common/useNumberFormat';

/** Props of FrameArrows. */
export interface FrameArrowsProps {
  readonly story: FollowStory;
}

const WIDTH = 500;
const ROW = 30;
const PAD = 16;
const LEFT_X = 150;
const RIGHT_X = 360;
/** The thickest arrow, for a weight of 1. */
const MAX_STROKE = 16;

/** The token's arrows to the tokens it attends to. */
export function FrameArrows({ story }: FrameArrowsProps) {
  const m = useMessages().follow;
  const fmt = useNumberFormat();
  const marker = `${useId().replace(/:/g, '')}-head`;
  const keys = story.visible;
  const height = PAD * 2 + Math.max(1, keys.length) * ROW;
  const yOf = (row: number) => PAD + row * ROW + ROW / 2;
  const sourceY = height / 2;
  const query = story.tokens[story.token] ?? '';
  return (
    <svg
      className="follow-arrows"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-label={m.arrowsLabel(query)}
      style={{ aspectRatio: `${WIDTH} / ${height}` }}
    >
      <text x={LEFT_X - 12} y={sourceY} className="follow-arrows__source" textAnchor="end">
        {truncateLabel(query, 12)}
      </text>
      {keys.map((j, row) => {
        const w = story.softmax.weights[j] as number;
        const y = yOf(row);
        const stroke = Math.max(0.75, MAX_STROKE * w);
        // A head of its own per arrow, sized in the picture's units, so thick arrows keep small heads.
        const head = 6 + stroke * 1.3;
        return (
          <g key={j}>
            <defs>
              <marker
                id={`${marker}-${j}`}
                viewBox="0 0 10 10"
                refX="8"
                refY="5"
                markerUnits="userSpaceOnUse"
                markerWidth={head}
                markerHeight={head}
                orient="auto"
              >
                <path d="M0,0 L10,5 L0,10 z" className="follow-arrows__head" />
              </marker>
            </defs>
            <path
              className="follow-arrows__edge"
              d={`M${LEFT_X},${sourceY} C${(LEFT_X + RIGHT_X) / 2},${sourceY} ${(LEFT_X + RIGHT_X) / 2},${y} ${RIGHT_X - 8},${y}`}
              strokeWidth={stroke}
              // Faint weights fade rather than draw as full lines.
              strokeOpacity={0.2 + 0.8 * Math.min(1, w * 2)}
              markerEnd={`url(#${marker}-${j})`}
              data-source={story.token}
              data-target={j}
              data-weight={w}
            >
              <title>{`${query} → ${story.tokens[j] ?? ''}: ${fmt.full(w)}`}</title>
            </path>
            <text x={RIGHT_X + 4} y={y} className="follow-arrows__target">
              {truncateLabel(story.tokens[j] ?? '', 10)}
            </text>
            <text x={WIDTH - 4} y={y} className="follow-arrows__weight" textAnchor="end">
              {fmt.number(w, 2)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
