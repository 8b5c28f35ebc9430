/**
 * The heatmap's colour key, from the scene's legend: a gradient bar with its range
 * (−limit, 0, +limit for scores; 0, 0.5, 1 for weights) and, with the causal mask, the
 * hatched swatch of masked cells.
 */
import { useNumberFormat } from '../common/useNumberFormat';
import { useMessages } from '../../messages';
import { LEGEND_BAR, type HeatmapLegend as Legend } from '../../viz/heatmap/heatmapScene';
import { useSvgId } from '../../viz/useSvgId';
import { HatchPattern } from './HatchPattern';

/** Props of `HeatmapLegend`. */
export interface HeatmapLegendProps {
  readonly legend: Legend;
}

/** The colour key of the heatmap's current view. */
export function HeatmapLegend({ legend }: HeatmapLegendProps) {
  const fmt = useNumberFormat();
  const m = useMessages().viz;
  const gradientId = useSvgId('hm-legend');
  const hatchId = useSvgId('hm-legend-hatch');
  const { width, height } = LEGEND_BAR;
  return (
    <div className="hm-legend">
      <svg
        role="img"
        aria-label={m.legendScale(
          fmt.number(legend.low, 2),
          fmt.number(legend.high, 2),
          legend.what,
        )}
        width={width}
        height={height + 16}
      >
        <defs>
          <linearGradient id={gradientId}>
            {legend.stops.map((stop, k) => (
              <stop key={k} offset={stop.offset} stopColor={stop.color} />
            ))}
          </linearGradient>
        </defs>
        <rect
          width={width}
          height={height}
          fill={`url(#${gradientId})`}
          stroke="var(--border-strong)"
        />
        {legend.ticks.map((tick, k) => (
          <text key={k} className="hm-legend-tick" x={tick.x} y={tick.y} textAnchor={tick.anchor}>
            {tick.text}
          </text>
        ))}
      </svg>
      <span>{legend.what}</span>
      {legend.masked !== null && (
        <span className="hm-legend-masked">
          <svg width="18" height="18" aria-hidden="true">
            <defs>
              <HatchPattern id={hatchId} />
            </defs>
            <rect width="18" height="18" fill={`url(#${hatchId})`} stroke="var(--border-strong)" />
          </svg>
          {legend.masked}
        </span>
      )}
    </div>
  );
}
