/** The arrowhead of the graph's edges, as an SVG marker to put in a <defs>. */

/** Props of `ArrowMarker`. */
export interface ArrowMarkerProps {
  readonly id: string;
  /** Drawn in the highlight colour. */
  readonly highlighted?: boolean;
}

/**
 * An arrowhead ARROW_LENGTH (9 px) long in user units, whatever the stroke width, with its
 * base at the path's end: edge paths stop 9 px short of the node so the tip touches it.
 */
export function ArrowMarker({ id, highlighted = false }: ArrowMarkerProps) {
  return (
    <marker
      id={id}
      className={highlighted ? 'arrowhead arrowhead--hl' : 'arrowhead'}
      viewBox="0 0 10 10"
      refX="0"
      refY="5"
      markerWidth="9"
      markerHeight="9"
      markerUnits="userSpaceOnUse"
      orient="auto"
    >
      <path d="M0,0L10,5L0,10z" />
    </marker>
  );
}
