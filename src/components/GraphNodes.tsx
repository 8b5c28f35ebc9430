/**
 * The graph's token nodes: one focusable <g data-token-index> per token, a rounded
 * rectangle with the token's text, placed with a CSS transform so a layout change glides.
 * Unknown words (made-up vectors) get a dashed border, as their chips do.
 */
import type { EmbeddedToken } from '../core/types';
import { useMessages } from '../messages';
import type { GraphGeometry } from '../viz/graphGeometry';

/** Props of `GraphNodes`. */
export interface GraphNodesProps {
  readonly geometry: GraphGeometry;
  readonly tokens: readonly EmbeddedToken[];
  /** Tokens to highlight (hovered, or ends of the hovered or selected edge). */
  readonly highlighted: ReadonlySet<number>;
  /** The focused token (store.graph.focus), or null. */
  readonly focus: number | null;
  /** The node holding the nodes' one tab stop. */
  readonly active: number;
}

/** The nodes (see the module comment). Events are handled by the parent, by delegation. */
export function GraphNodes({ geometry, tokens, highlighted, focus, active }: GraphNodesProps) {
  const m = useMessages().viz;
  return (
    <>
      {geometry.boxes.map((box, i) => {
        const token = tokens[i];
        const classes = ['node'];
        if (highlighted.has(i)) classes.push('is-hl');
        if (focus === i) classes.push('is-focus');
        if (token && !token.known) classes.push('is-unknown');
        const title = m.nodeTitle(token?.text ?? '', token?.known ?? true);
        return (
          <g
            key={i}
            className={classes.join(' ')}
            data-token-index={i}
            tabIndex={i === active ? 0 : -1}
            role="button"
            aria-label={title}
            aria-pressed={focus === i}
            style={{ transform: `translate(${box.x}px, ${box.y}px)` }}
          >
            <title>{title}</title>
            <rect
              x={-box.halfWidth}
              y={-box.halfHeight}
              width={box.halfWidth * 2}
              height={box.halfHeight * 2}
              rx={Math.min(8, box.halfHeight)}
            />
            <text textAnchor="middle" dominantBaseline="central" fontSize={geometry.fontSize}>
              {geometry.labels[i]}
            </text>
          </g>
        );
      })}
    </>
  );
}
