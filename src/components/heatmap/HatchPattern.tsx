/**
 * The hatch of masked heatmap cells as an SVG <pattern> to put in a <defs>: the heatmap's
 * cells and its legend's swatch both fill with it. Its sizes are the scene's HATCH (which
 * the canvas and the exported file draw too); its colours are Heatmap.css's.
 */
import { HATCH } from '../../viz/heatmap/heatmapScene';

/** The pattern, with the element id `id`. */
export function HatchPattern({ id }: { readonly id: string }) {
  return (
    <pattern
      id={id}
      width={HATCH.size}
      height={HATCH.size}
      patternUnits="userSpaceOnUse"
      patternTransform={`rotate(${HATCH.angle})`}
    >
      <rect className="hm-hatch-bg" width={HATCH.size} height={HATCH.size} />
      <line
        className="hm-hatch-line"
        x1="0"
        y1="0"
        x2="0"
        y2={HATCH.size}
        strokeWidth={HATCH.lineWidth}
      />
    </pattern>
  );
}
