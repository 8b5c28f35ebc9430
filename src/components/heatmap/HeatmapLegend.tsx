/**
 * The heatmap's colour key: a gradient bar with its range (−limit, 0, +limit for scores;
 * 0, 0.5, 1 for weights) and, with the causal mask, the hatched swatch of masked cells.
 */
import { useNumberFormat } from '../common/useNumberFormat';
import { useMessages } from '../../messages';
import type { HeatmapView } from '../../viz/heatmap/heatmapModel';
import { useSvgId } from '../../viz/useSvgId';

/** Props of `HeatmapLegend`. */
export interface HeatmapLegendProps {
  readonly view: HeatmapView;
}

const BAR_WIDTH = 180;
const BAR_HEIGHT = 12;
const STOPS = 11;

/** The colour key of the heatmap's current view. */
export function HeatmapLegend({ view }: HeatmapLegendProps) {
  const fmt = useNumberFormat();
  const m = useMessages().viz;
  const gradientId = useSvgId('hm-legend');
  const hatchId = useSvgId('hm-legend-hatch');
  const low = view.kind === 'diverging' ? -view.limit : 0;
  const high = view.kind === 'diverging' ? view.limit : 1;
  const ticks = [low, (low + high) / 2, high];
  const what = view.kind === 'diverging' ? m.legendScores : m.legendWeights;
  // Weights read best as 0, 0.5, 1; scores need two decimals when their range is small.
  const digits = view.kind === 'diverging' ? 2 : 1;
  return (
    <div className="hm-legend">
      <svg
        role="img"
        aria-label={m.legendScale(fmt.number(low, 2), fmt.number(high, 2), what)}
        width={BAR_WIDTH}
        height={BAR_HEIGHT + 16}
      >
        <defs>
          <linearGradient id={gradientId}>
            {Array.from({ length: STOPS }, (_, k) => {
              const t = k / (STOPS - 1);
              return <stop key={k} offset={t} stopColor={view.color(low + t * (high - low))} />;
            })}
          </linearGradient>
        </defs>
        <rect
          width={BAR_WIDTH}
          height={BAR_HEIGHT}
          fill={`url(#${gradientId})`}
          stroke="var(--border-strong)"
        />
        {ticks.map((t, k) => (
          <text
            key={k}
            className="hm-legend-tick"
            x={(k / (ticks.length - 1)) * BAR_WIDTH}
            y={BAR_HEIGHT + 13}
            textAnchor={k === 0 ? 'start' : k === ticks.length - 1 ? 'end' : 'middle'}
          >
            {fmt.number(t, digits)}
          </text>
        ))}
      </svg>
      <span>{what}</span>
      {view.causal && (
        <span className="hm-legend-masked">
          <svg width="18" height="18" aria-hidden="true">
            <defs>
              <pattern
                id={hatchId}
                width="6"
                height="6"
                patternUnits="userSpaceOnUse"
                patternTransform="rotate(45)"
              >
                <rect className="hm-hatch-bg" width="6" height="6" />
                <line className="hm-hatch-line" x1="0" y1="0" x2="0" y2="6" />
              </pattern>
            </defs>
            <rect width="18" height="18" fill={`url(#${hatchId})`} stroke="var(--border-strong)" />
          </svg>
          {view.mode === 'weights' ? m.legendMaskedWeight : m.legendMasked}
        </span>
      )}
    </div>
  );
}
