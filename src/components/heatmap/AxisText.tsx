/**
 * A line of the heatmap scene's text (an axis title or a token label) as an SVG <text>:
 * level at its point, or turned about it. Shared by the SVG and the canvas heatmap.
 */
import type { ReactNode, SVGProps } from 'react';
import type { SceneText } from '../../viz/heatmap/heatmapScene';

/** The SVG transform that turns `t` about its point, or undefined for level text. */
export function turnOf(t: SceneText): string | undefined {
  return t.rotate === 0 ? undefined : `translate(${t.x} ${t.y}) rotate(${t.rotate})`;
}

/** Props of `AxisText`: the scene's text, and any other attribute of the <text>. */
export type AxisTextProps = {
  readonly text: SceneText;
  /** Drawn before the text: a <title> with the token in full. */
  readonly children?: ReactNode;
} & Omit<SVGProps<SVGTextElement>, 'children'>;

/** The text (see the module comment). */
export function AxisText({ text, children, ...attributes }: AxisTextProps) {
  const turn = turnOf(text);
  return (
    <text
      transform={turn}
      x={turn ? 0 : text.x}
      y={turn ? 0 : text.y}
      textAnchor={text.anchor}
      dominantBaseline={text.central ? 'central' : undefined}
      {...attributes}
    >
      {children}
      {text.text}
    </text>
  );
}
