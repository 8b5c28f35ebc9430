/**
 * The graph's token nodes: one focusable <g data-token-index> per node of the scene, placed
 * with a CSS transform so a layout change glides. A short sentence gets rounded rectangles
 * holding the token's text; a long input (a compact scene) gets dots with the labels that
 * fit beside them, and the highlighted tokens' labels drawn on top by `HighlightedLabels`.
 * Unknown words (made-up vectors) get a dashed border, as their chips do. The colours are
 * AttentionGraph.css's, keyed on the classes set here (the scene's NodePaint says the same
 * for the export).
 *
 * Each node is its own memoized component: a hover changes the highlight of two or three
 * nodes, so only those re-render, not all 512.
 */
import { memo } from 'react';
import { useMessages } from '../../messages';
import type { GraphScene, GraphSceneNode } from '../../viz/graph/graphScene';
import type { LabelSpot } from '../../viz/graph/graphGeometry';
import type { NodeBox } from '../../viz/graph/paths';

/** Props of `GraphNodes`. */
export interface GraphNodesProps {
  readonly scene: GraphScene;
  /** Tokens to highlight (hovered, or ends of the hovered or selected edge). */
  readonly highlighted: ReadonlySet<number>;
  /** The node holding the nodes' one tab stop. */
  readonly active: number;
}

/** The nodes (see the module comment). Events are handled by the parent, by delegation. */
export function GraphNodes({ scene, highlighted, active }: GraphNodesProps) {
  return (
    <>
      {scene.nodes.map((node) => (
        <GraphNode
          key={node.index}
          index={node.index}
          box={node.box}
          shape={node.shape}
          label={node.label}
          spot={node.spot}
          hitRadius={scene.hitRadius}
          fontSize={scene.fontSize}
          text={node.text}
          known={node.known}
          highlighted={highlighted.has(node.index)}
          focused={node.focused}
          active={node.index === active}
        />
      ))}
    </>
  );
}

/** Props of `GraphNode`: plain values (and the geometry's own objects) only, so that memo skips unchanged nodes. */
interface GraphNodeProps {
  readonly index: number;
  readonly box: NodeBox;
  readonly shape: GraphSceneNode['shape'];
  readonly label: string;
  readonly spot: LabelSpot;
  readonly hitRadius: number;
  readonly fontSize: number;
  /** The token's full text. */
  readonly text: string;
  readonly known: boolean;
  readonly highlighted: boolean;
  readonly focused: boolean;
  readonly active: boolean;
}

/** One node: a labelled box, or in a compact drawing a dot with its label beside it (if it fits). */
const GraphNode = memo(function GraphNode({
  index,
  box,
  shape,
  label,
  spot,
  hitRadius,
  fontSize,
  text,
  known,
  highlighted,
  focused,
  active,
}: GraphNodeProps) {
  const m = useMessages().viz;
  const title = m.nodeTitle(text, known);
  const classes = ['node'];
  if (highlighted) classes.push('is-hl');
  if (focused) classes.push('is-focus');
  if (!known) classes.push('is-unknown');
  return (
    <g
      className={classes.join(' ')}
      data-token-index={index}
      tabIndex={active ? 0 : -1}
      role="button"
      aria-label={title}
      aria-pressed={focused}
      style={{ transform: `translate(${box.x}px, ${box.y}px)` }}
    >
      <title>{title}</title>
      {shape !== 'box' ? (
        <>
          {/* A dot is a small target: a transparent disc around it takes the pointer. */}
          <circle className="node-hit" r={hitRadius} />
          <circle
            className={shape === 'smallDot' ? 'node-dot node-dot--small' : 'node-dot'}
            r={box.halfWidth}
          />
          {spot.shown && (
            <text
              className="node-label"
              x={spot.dx}
              y={spot.dy}
              textAnchor={spot.anchor}
              dominantBaseline="central"
              fontSize={fontSize}
            >
              {label}
            </text>
          )}
        </>
      ) : (
        <>
          <rect
            x={-box.halfWidth}
            y={-box.halfHeight}
            width={box.halfWidth * 2}
            height={box.halfHeight * 2}
            rx={Math.min(8, box.halfHeight)}
          />
          <text textAnchor="middle" dominantBaseline="central" fontSize={fontSize}>
            {label}
          </text>
        </>
      )}
    </g>
  );
});

/** Props of `HighlightedLabels`. */
export interface HighlightedLabelsProps {
  readonly scene: GraphScene;
  readonly highlighted: ReadonlySet<number>;
}

/**
 * In a compact drawing, the full text of each highlighted or focused token on a halo, above
 * every node and edge: thinning may have left their labels out, and the reader is looking
 * at exactly these. Not interactive.
 */
export function HighlightedLabels({ scene, highlighted }: HighlightedLabelsProps) {
  const { focus } = scene;
  const shown = new Set(highlighted);
  if (focus !== null) shown.add(focus);
  return (
    <g className="node-labels-hl" aria-hidden="true">
      {[...shown].map((i) => {
        const node = scene.nodes[i];
        if (!node) return null;
        return (
          <text
            key={i}
            className={`node-label-hl${i === focus ? ' is-focus' : ''}`}
            data-label-for={i}
            x={node.labelAt.x}
            y={node.labelAt.y}
            textAnchor={node.spot.anchor}
            dominantBaseline="central"
            fontSize={scene.haloFontSize}
          >
            {node.display}
          </text>
        );
      })}
    </g>
  );
}
